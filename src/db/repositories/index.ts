import type { DbClient } from '../database.js';
import { createExhibitorRepository } from './exhibitors.js';
import { createMissionRepository } from './missions.js';
import { createSaleRepository } from './sales.js';
import { createSessionStore } from './sessions.js';
import { createUserRepository } from './users.js';

/** The session value is owned by the bot; the store only keeps JSON. */
type BotSessionShape = object;

/** Every repository over one client; handlers receive this, never the client. */
export function createRepositories(prisma: DbClient) {
  return {
    users: createUserRepository(prisma),
    missions: createMissionRepository(prisma),
    exhibitors: createExhibitorRepository(prisma),
    sales: createSaleRepository(prisma),
    sessions: createSessionStore<BotSessionShape>(prisma),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
