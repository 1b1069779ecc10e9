import type { DbClient } from '../database.js';
import { sharedRecentWrites } from './recent-writes.js';

/** A chat the bot pushes to: active until Telegram says it may not write there. */
export interface ChatRecord {
  id: bigint;
  type: string;
  title: string | null;
  active: boolean;
  migratedTo: bigint | null;
}

/** What Telegram tells about a chat in an update. */
export interface TelegramChat {
  id: number | bigint;
  type: string;
  title?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
}

type ChatDb = Pick<DbClient, 'chat' | 'subscription' | 'digestRun' | 'outboxMessage'>;

function titleOf(chat: TelegramChat): string | null {
  if (chat.title !== undefined) return chat.title;
  const name = [chat.first_name, chat.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

function toChat(row: { id: bigint; type: string; title: string | null; active: boolean; migratedTo: bigint | null }): ChatRecord {
  return { id: row.id, type: row.type, title: row.title, active: row.active, migratedTo: row.migratedTo };
}

/** The chats the bot may push to, and what Telegram's answers change about them. */
export function createChatRepository(prisma: DbClient) {
  // Chats this process marked active a moment ago, with the type and title written.
  const recent = sharedRecentWrites<string>(prisma, 'Chat');
  return {
    /**
     * Records a chat the bot hears from and marks it active again: a user
     * who blocked the bot and writes again, or a group that re-added it, is
     * reachable once more. The same chat written a moment ago is not written
     * again (a deactivation by this process forgets it at once).
     */
    async seen(chat: TelegramChat): Promise<void> {
      const data = { type: chat.type, title: titleOf(chat) };
      const key = String(chat.id);
      const state = JSON.stringify([data.type, data.title]);
      if (recent.get(key) === state) return;
      await prisma.chat.upsert({
        where: { id: BigInt(chat.id) },
        create: { id: BigInt(chat.id), ...data },
        update: { ...data, active: true },
      });
      recent.set(key, state);
    },

    async findById(id: bigint): Promise<ChatRecord | undefined> {
      const row = await prisma.chat.findUnique({ where: { id } });
      return row ? toChat(row) : undefined;
    },

    async findMany(ids: readonly bigint[]): Promise<ChatRecord[]> {
      if (ids.length === 0) return [];
      const rows = await prisma.chat.findMany({ where: { id: { in: [...ids] } } });
      return rows.map(toChat);
    },

    /**
     * Telegram answered 403 (blocked, kicked) or "chat not found": stop
     * pushing there. Messages still queued for it fail at once instead of
     * each earning its own 403.
     */
    async deactivate(id: bigint, reason: string): Promise<void> {
      recent.delete(String(id));
      await prisma.$transaction(async (tx) => {
        await tx.chat.upsert({ where: { id }, create: { id, type: id < 0n ? 'group' : 'private', active: false }, update: { active: false } });
        await tx.outboxMessage.updateMany({ where: { chatId: id, status: 'PENDING' }, data: { status: 'FAILED', lastError: reason } });
      });
    },

    /**
     * A group became a supergroup with a new id. Everything that names the
     * chat follows it in one transaction: the chat row, its subscriptions,
     * its digest claims (or today's digest would be sent again under the new
     * id) and the messages still queued for it.
     */
    async migrate(oldId: bigint, newId: bigint): Promise<void> {
      recent.delete(String(oldId));
      recent.delete(String(newId));
      await prisma.$transaction(async (tx) => migrateChat(tx, oldId, newId));
    },
  };
}
export type ChatRepository = ReturnType<typeof createChatRepository>;

async function migrateChat(tx: ChatDb, oldId: bigint, newId: bigint): Promise<void> {
  const old = await tx.chat.findUnique({ where: { id: oldId } });
  await tx.chat.upsert({
    where: { id: newId },
    create: { id: newId, type: 'supergroup', title: old?.title ?? null },
    update: { type: 'supergroup', active: true },
  });
  await tx.chat.upsert({
    where: { id: oldId },
    create: { id: oldId, type: 'group', active: false, migratedTo: newId },
    update: { active: false, migratedTo: newId },
  });
  for (const sub of await tx.subscription.findMany({ where: { chatId: oldId } })) {
    const clash = await tx.subscription.findUnique({ where: { missionId_chatId: { missionId: sub.missionId, chatId: newId } } });
    if (clash) await tx.subscription.delete({ where: { id: sub.id } });
    else await tx.subscription.update({ where: { id: sub.id }, data: { chatId: newId } });
  }
  for (const run of await tx.digestRun.findMany({ where: { chatId: oldId } })) {
    const clash = await tx.digestRun.findUnique({
      where: { missionId_chatId_localDate: { missionId: run.missionId, chatId: newId, localDate: run.localDate } },
    });
    if (clash) await tx.digestRun.delete({ where: { id: run.id } });
    else await tx.digestRun.update({ where: { id: run.id }, data: { chatId: newId } });
  }
  await tx.outboxMessage.updateMany({ where: { chatId: oldId, status: { in: ['PENDING', 'SENDING'] } }, data: { chatId: newId } });
}
