import type { Database } from '../database.js';
import { createExhibitorRepository } from './exhibitors.js';
import { createMissionRepository } from './missions.js';
import { createProductRepository } from './products.js';
import { createSaleRepository } from './sales.js';
import { createSessionStore } from './sessions.js';
import { createUserRepository } from './users.js';
import { createExportRepository } from './export.js';
import { createLeaderboardRepository } from './leaderboard.js';
import { createMissionAdminRepository } from './mission-admin.js';
import { createInviteRepository } from './invites.js';
import { createExhibitorAdminRepository } from './exhibitor-admin.js';
import { createPushRepository } from './pushes.js';
import { createFollowUpRepository } from './follow-ups.js';
import { createChatRepository } from './chats.js';
import { createSubscriptionRepository } from './subscriptions.js';
import { createDigestRepository } from './digests.js';
import { createCatalogRepository } from './catalog.js';
import { createInquiryRepository } from './inquiries.js';
import { createInboxRepository } from './inbox.js';
import { createBoardRepository } from './board.js';
import { createLeadRepository } from './leads.js';
import { createMatchingRepository } from './matching.js';
import { createSessionEditRepository } from './matching-sessions.js';

/** The session value is owned by the bot; the store only keeps JSON. */
type BotSessionShape = object;

/** Every repository over one client; handlers receive this, never the client. */
export function createRepositories(db: Pick<Database, 'prisma' | 'provider'>) {
  const { prisma } = db;
  const sales = createSaleRepository(prisma, db.provider);
  const digests = createDigestRepository(prisma);
  const matching = createMatchingRepository(prisma);
  return {
    users: createUserRepository(prisma),
    missions: createMissionRepository(prisma),
    exhibitors: createExhibitorRepository(prisma),
    products: createProductRepository(prisma),
    sales,
    sessions: createSessionStore<BotSessionShape>(prisma, db.provider),
    exports: createExportRepository(prisma),
    leaderboard: createLeaderboardRepository(prisma),
    missionAdmin: createMissionAdminRepository(prisma),
    invites: createInviteRepository(prisma),
    exhibitorAdmin: createExhibitorAdminRepository(prisma),
    pushes: createPushRepository(prisma),
    followUps: createFollowUpRepository(prisma),
    chats: createChatRepository(prisma),
    subscriptions: createSubscriptionRepository(prisma),
    digests,
    catalog: createCatalogRepository(prisma, db.provider),
    inquiries: createInquiryRepository(prisma),
    inbox: createInboxRepository(prisma, db.provider),
    board: createBoardRepository(prisma, sales, digests, matching),
    leads: createLeadRepository(prisma),
    matching,
    sessionEdits: createSessionEditRepository(prisma),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
