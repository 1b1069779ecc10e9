/**
 * The update path writes nothing that did not change: the user and chat
 * rows are written again only when Telegram tells something new (or this
 * process deactivated the chat), the session only when the update changed
 * it. A row edited behind the repository's back shows whether a write
 * happened: an unchanged profile leaves the edit in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import { createChatRepository } from '../../src/db/repositories/chats.js';
import type { Database } from '../../src/db/database.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';

describe.each(TEST_PROVIDERS)('unchanged rows on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let repos: Repositories;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    repos = createRepositories(db);
  });
  afterAll(async () => drop());

  const firstNameInDb = async (id: bigint) => (await db.prisma.telegramUser.findUniqueOrThrow({ where: { id } })).firstName;

  it('writes the user once for the same profile, again when the profile or the chosen language changes', async () => {
    const sri = { id: 11, first_name: 'Sri', username: 'sri', language_code: 'id' };
    expect(await repos.users.upsert(sri)).toMatchObject({ id: 11n, firstName: 'Sri', language: null });
    await db.prisma.telegramUser.update({ where: { id: 11n }, data: { firstName: 'edited behind' } });
    // The same profile a moment later: nothing written, the edit stays.
    expect(await repos.users.upsert(sri)).toMatchObject({ firstName: 'Sri' });
    expect(await firstNameInDb(11n)).toBe('edited behind');
    // A new username is written, with the name Telegram sends.
    expect(await repos.users.upsert({ ...sri, username: 'sri_baru' })).toMatchObject({ username: 'sri_baru', firstName: 'Sri' });
    expect(await firstNameInDb(11n)).toBe('Sri');
    // /bahasa through this process: the next update sees the choice at once.
    await repos.users.setLanguage(11n, 'en');
    expect(await repos.users.upsert({ ...sri, username: 'sri_baru' })).toMatchObject({ language: 'en' });
  });

  it('writes a chat once while it stays the same, and again after this process deactivated it', async () => {
    const chat = { id: 21, type: 'private', first_name: 'Sri' };
    await repos.chats.seen(chat);
    await db.prisma.chat.update({ where: { id: 21n }, data: { title: 'edited behind' } });
    await repos.chats.seen(chat);
    expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: 21n } })).toMatchObject({ title: 'edited behind', active: true });
    // Telegram said 403 to the outbox sender, which has a chat repository of its own over the same client:
    // the next message from the chat marks it active again.
    await createChatRepository(db.prisma).deactivate(21n, 'blocked');
    await repos.chats.seen(chat);
    expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: 21n } })).toMatchObject({ title: 'Sri', active: true });
  });

  it('writes the session only when the update changed it', async () => {
    const key = '31:31';
    // No row and nothing stored: the empty default is not written.
    expect(await repos.sessions.get(key)).toBeUndefined();
    await repos.sessions.set(key, {});
    expect(await db.prisma.session.count({ where: { key } })).toBe(0);
    // A change is written.
    await repos.sessions.get(key);
    await repos.sessions.set(key, { saleDraft: { amount: '1000000' } });
    expect(JSON.parse((await db.prisma.session.findUniqueOrThrow({ where: { key } })).value)).toEqual({ saleDraft: { amount: '1000000' } });
    // Read and set back unchanged: no write (the row's updatedAt stays).
    const before = await db.prisma.session.findUniqueOrThrow({ where: { key } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repos.sessions.set(key, (await repos.sessions.get(key)) as object);
    expect((await db.prisma.session.findUniqueOrThrow({ where: { key } })).updatedAt).toEqual(before.updatedAt);
    // Emptied: written as empty.
    await repos.sessions.get(key);
    await repos.sessions.set(key, {});
    expect((await db.prisma.session.findUniqueOrThrow({ where: { key } })).value).toBe('{}');
  });
});
