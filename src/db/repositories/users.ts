import type { Lang, User } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { toUser } from './mappers.js';

/** What Telegram tells us about a user on every update. */
export interface TelegramProfile {
  id: number | bigint;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export function createUserRepository(prisma: DbClient) {
  return {
    /** Keeps the user's name and language current; called once per update. */
    async upsert(profile: TelegramProfile): Promise<User> {
      const data = {
        firstName: profile.first_name,
        lastName: profile.last_name ?? null,
        username: profile.username ?? null,
        languageCode: profile.language_code ?? null,
      };
      const row = await prisma.telegramUser.upsert({
        where: { id: BigInt(profile.id) },
        create: { id: BigInt(profile.id), ...data },
        update: data,
      });
      return toUser(row);
    },

    async setLanguage(userId: bigint, language: Lang): Promise<void> {
      await prisma.telegramUser.update({ where: { id: userId }, data: { language } });
    },

    async findById(userId: bigint): Promise<User | undefined> {
      const row = await prisma.telegramUser.findUnique({ where: { id: userId } });
      return row ? toUser(row) : undefined;
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
