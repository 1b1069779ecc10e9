import { randomBytes } from 'node:crypto';
import { BOARD_LATEST, boardSlug, sumByCategory, type BoardFigures } from '../../domain/board.js';
import type { Mission } from '../../domain/entities.js';
import { localDate } from '../../domain/time.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { isUniqueViolation, toMission } from './mappers.js';
import type { createDigestRepository } from './digests.js';
import type { createSaleRepository } from './sales.js';
import type { MatchingRepository } from './matching.js';

/** Who may open a mission's board, and where it lives. */
export interface BoardAccess {
  missionId: number;
  slug: string;
  key: string;
  public: boolean;
}

/**
 * What the live board polls: a cheap marker that changes whenever what the
 * board shows may have changed (a report saved, voided or verified, bumps
 * the revision; a mission edit such as a new target or a rotated key
 * changes the mission's updatedAt). Two primary-key reads, whatever the
 * number of reports or of open boards.
 */
export interface BoardMarker {
  marker: string;
  mission: Mission;
  access: { slug: string | null; key: string | null; public: boolean };
}

/** The client or a transaction: the revision is bumped inside the report's own transaction. */
type RevisionTx = Pick<DbClient, 'boardRevision'>;

/**
 * Bumps a mission's board revision. Called in the same transaction as the
 * change to a report, so a board that sees the new revision also sees the
 * change, in this process or another one on the same PostgreSQL.
 */
export async function bumpBoardRevision(tx: RevisionTx, missionId: number, at: Date): Promise<void> {
  await tx.boardRevision.upsert({
    where: { missionId },
    create: { missionId, revision: 1, changedAt: at },
    update: { revision: { increment: 1 }, changedAt: at },
  });
}

/** 144 random bits, URL-safe: not guessable, short enough to type from a screen in a pinch. */
function newKey(): string {
  return randomBytes(18).toString('base64url');
}

type SalesFigures = Pick<ReturnType<typeof createSaleRepository>, 'totals'>;
type DigestFigures = Pick<ReturnType<typeof createDigestRepository>, 'sumsByDay' | 'sumsByExhibitor'>;
type MeetingFiguresSource = Pick<MatchingRepository, 'figures'>;

/**
 * The board's data access. `figures` is the one function that reads the
 * board's numbers, from the running totals through the progress and digest
 * repositories (so a refresh costs the same at any number of reports), plus
 * the latest ten reports by index.
 */
export function createBoardRepository(prisma: DbClient, sales: SalesFigures, digests: DigestFigures, matching: MeetingFiguresSource) {
  return {
    async figures(mission: Mission, now: Date): Promise<BoardFigures> {
      const today = localDate(now, mission.timeZone);
      const [totals, dailyAmounts, exhibitors, latest, meetings] = await Promise.all([
        sales.totals(mission.id, today),
        digests.sumsByDay(mission.id),
        digests.sumsByExhibitor(mission.id),
        prisma.saleReport.findMany({
          where: { missionId: mission.id, voidedAt: null },
          // Only what the board may show: never the buyer's name or origin, never a phone.
          select: { amount: true, kind: true, createdAt: true, productText: true, product: { select: { name: true } }, exhibitor: { select: { name: true } } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: BOARD_LATEST,
        }),
        // Only once the mission runs business matching (undefined before).
        matching.figures(mission.id),
      ]);
      return {
        mission,
        totals,
        ...(meetings ? { meetings } : {}),
        dailyAmounts,
        categories: sumByCategory(exhibitors),
        latest: latest.map((row) => ({
          exhibitorName: row.exhibitor.name,
          productName: row.product?.name ?? row.productText,
          amount: row.amount,
          kind: row.kind,
          createdAt: row.createdAt,
        })),
        now,
      };
    },

    /** The marker of a mission's board; undefined when the mission is gone. */
    async marker(missionId: number): Promise<BoardMarker | undefined> {
      const [row, revision] = await Promise.all([
        prisma.mission.findUnique({ where: { id: missionId } }),
        prisma.boardRevision.findUnique({ where: { missionId }, select: { revision: true } }),
      ]);
      if (!row) return undefined;
      return {
        marker: `${revision?.revision ?? 0}.${row.updatedAt.getTime()}`,
        mission: toMission(row),
        access: { slug: row.boardSlug, key: row.boardKey, public: row.boardPublic },
      };
    },

    /** The mission whose board lives at a slug. */
    async missionIdBySlug(slug: string): Promise<number | undefined> {
      const row = await prisma.mission.findUnique({ where: { boardSlug: slug }, select: { id: true } });
      return row?.id;
    },

    /**
     * The board's slug and key, given to a mission the first time its board
     * is asked for. The slug is the mission's name, with `-<id>` when another
     * mission has the name already (the unique index decides, not a read).
     */
    async ensure(missionId: number): Promise<BoardAccess> {
      const row = await prisma.mission.findUniqueOrThrow({ where: { id: missionId } });
      if (row.boardSlug && row.boardKey) return { missionId, slug: row.boardSlug, key: row.boardKey, public: row.boardPublic };
      const key = row.boardKey ?? newKey();
      for (const slug of row.boardSlug ? [row.boardSlug] : [boardSlug(row.name), `${boardSlug(row.name)}-${missionId}`]) {
        try {
          // Conditional: two first requests at once agree on the one that landed.
          await prisma.mission.updateMany({ where: { id: missionId, boardSlug: null }, data: { boardSlug: slug, boardKey: key } });
          await prisma.mission.updateMany({ where: { id: missionId, boardKey: null }, data: { boardKey: key } });
          break;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      const after = await prisma.mission.findUniqueOrThrow({ where: { id: missionId } });
      if (!after.boardSlug || !after.boardKey) throw new Error(`mission ${missionId} got no board slug`);
      return { missionId, slug: after.boardSlug, key: after.boardKey, public: after.boardPublic };
    },

    /** Makes the board public (no key needed) or private again; audited. */
    async setPublic(missionId: number, isPublic: boolean, actorId: bigint): Promise<BoardAccess> {
      await this.ensure(missionId);
      await prisma.$transaction(async (tx) => {
        await tx.mission.update({ where: { id: missionId }, data: { boardPublic: isPublic } });
        await writeAudit(tx, { actorId, action: isPublic ? 'board.public' : 'board.private', entity: 'Mission', entityId: missionId });
      });
      return this.ensure(missionId);
    },

    /** A new key: every link with the old one gets 404 from now on, open boards included. Audited (without the keys). */
    async rotateKey(missionId: number, actorId: bigint): Promise<BoardAccess> {
      await this.ensure(missionId);
      await prisma.$transaction(async (tx) => {
        await tx.mission.update({ where: { id: missionId }, data: { boardKey: newKey() } });
        await writeAudit(tx, { actorId, action: 'board.rotate_key', entity: 'Mission', entityId: missionId });
      });
      return this.ensure(missionId);
    },
  };
}
export type BoardRepository = ReturnType<typeof createBoardRepository>;
