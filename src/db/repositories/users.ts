import type { Lang, User } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { toUser } from './mappers.js';
import { sharedRecentWrites } from './recent-writes.js';

/** What Telegram tells us about a user on every update. */
export interface TelegramProfile {
  id: number | bigint;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export function createUserRepository(prisma: DbClient) {
  // The user as last written, by id: the next update with the same profile needs no statement.
  const recent = sharedRecentWrites<User>(prisma, 'TelegramUser');
  return {
    /**
     * Keeps the user's name and language current; called once per update.
     * An unchanged profile written a moment ago is not written again.
     */
    async upsert(profile: TelegramProfile): Promise<User> {
      const data = {
        firstName: profile.first_name,
        lastName: profile.last_name ?? null,
        username: profile.username ?? null,
        languageCode: profile.language_code ?? null,
      };
      const key = String(profile.id);
      const known = recent.get(key);
      if (known && known.firstName === data.firstName && known.lastName === data.lastName && known.username === data.username && known.languageCode === data.languageCode) {
        return known;
      }
      const row = await prisma.telegramUser.upsert({
        where: { id: BigInt(profile.id) },
        create: { id: BigInt(profile.id), ...data },
        update: data,
      });
      const user = toUser(row);
      recent.set(key, user);
      return user;
    },

    async setLanguage(userId: bigint, language: Lang): Promise<void> {
      recent.delete(String(userId));
      await prisma.telegramUser.update({ where: { id: userId }, data: { language } });
    },

    async findById(userId: bigint): Promise<User | undefined> {
      const row = await prisma.telegramUser.findUnique({ where: { id: userId } });
      return row ? toUser(row) : undefined;
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
