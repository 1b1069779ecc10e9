import type { User } from '../../domain/entities.js';
import { FOLLOWED_KINDS, FOLLOW_UP_DAYS, type FollowUpReport, type Realisation, type RealisationSummary } from '../../domain/follow-ups.js';
import { enqueueMessage, type OutboxMessageInput } from '../outbox-enqueue.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';
import { toUser } from './mappers.js';
import { realisationDelta, realisationOf, type CountedReport } from '../../domain/running-totals.js';
import { applyTotals, missionSums } from '../totals.js';

/** The row changed between an answer's read and its write. */
class AnswerRaced extends Error {}

function counted(row: Db.SaleReport): CountedReport {
  return { ...row, verified: row.verifiedAt !== null };
}

const DAY_MS = 24 * 60 * 60 * 1000;

const WITH_CONTEXT = {
  product: { select: { name: true } },
  exhibitor: { select: { name: true, ownerId: true, owner: true } },
  mission: { select: { name: true, timeZone: true } },
} as const;

type Row = Db.SaleReport & {
  product: { name: string } | null;
  exhibitor: { name: string; ownerId: bigint; owner: Db.TelegramUser };
  mission: { name: string; timeZone: string };
};

function toFollowUpReport(row: Row): FollowUpReport {
  return {
    id: row.id,
    missionId: row.missionId,
    exhibitorId: row.exhibitorId,
    kind: row.kind,
    amount: row.amount,
    createdAt: row.createdAt,
    voided: row.voidedAt !== null,
    realisation: row.realisation,
    realisedAmount: row.realisedAmount,
    followUpsSent: row.followUpsSent,
    product: row.product?.name ?? row.productText,
    buyerName: row.buyerName,
    ownerId: row.exhibitor.ownerId,
    exhibitorName: row.exhibitor.name,
    missionName: row.mission.name,
    timeZone: row.mission.timeZone,
  };
}

export type AnswerResult =
  | { ok: true; report: FollowUpReport; changed: boolean }
  | { ok: false; reason: 'not_found' | 'voided' | 'not_followed' };

/** Commitments (ORDER, LOI) after the event: who to ask, what they answered, and the realisation rate. */
export function createFollowUpRepository(prisma: DbClient) {
  return {
    /**
     * Live commitments that may be due for a question at `now`: not fully
     * realised, not asked twice, and reported at least a day less than 30
     * days ago in UTC (the zone offset decides the rest in the domain).
     */
    async candidates(now: Date): Promise<(FollowUpReport & { owner: User })[]> {
      const rows = await prisma.saleReport.findMany({
        where: {
          kind: { in: [...FOLLOWED_KINDS] },
          voidedAt: null,
          realisation: { not: 'FULL' },
          followUpsSent: { lt: FOLLOW_UP_DAYS.length },
          createdAt: { lte: new Date(now.getTime() - (FOLLOW_UP_DAYS[0] - 1) * DAY_MS) },
        },
        include: WITH_CONTEXT,
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => ({ ...toFollowUpReport(row), owner: toUser(row.exhibitor.owner) }));
    },

    async find(reportId: number): Promise<FollowUpReport | undefined> {
      const row = await prisma.saleReport.findUnique({ where: { id: reportId }, include: WITH_CONTEXT });
      return row ? toFollowUpReport(row) : undefined;
    },

    /**
     * Records that follow-up `stage` was asked and enqueues the question, in
     * one transaction: the conditional update (`followUpsSent < stage`) lets
     * one of two racing jobs through, and the dedupe key stops a resend.
     */
    async markAsked(reportId: number, stage: number, message: OutboxMessageInput): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const updated = await tx.saleReport.updateMany({ where: { id: reportId, followUpsSent: { lt: stage } }, data: { followUpsSent: stage } });
        if (updated.count === 0) return false;
        // A taken key inside a transaction would abort it on PostgreSQL: look first.
        const taken = message.dedupeKey ? await tx.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } }) : null;
        if (!taken) await enqueueMessage(tx, message);
        await writeAudit(tx, { actorId: null, action: 'sale.followup', entity: 'SaleReport', entityId: reportId, before: { followUpsSent: stage - 1 }, after: { followUpsSent: stage } });
        return true;
      });
    },

    /** Stores the exhibitor's answer (all, part with an amount, nothing), audited with before and after. */
    async answer(reportId: number, actorId: bigint, realisation: Exclude<Realisation, 'PENDING'>, realisedAmount: bigint): Promise<AnswerResult> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await answerOnce(reportId, actorId, realisation, realisedAmount);
        } catch (error) {
          // Another answer or a void changed the row between the read and the write: read it again.
          if (!(error instanceof AnswerRaced) || attempt >= 5) throw error;
        }
      }
    },

    /** Realised over committed for the mission's answered commitments, for /progres and the digest: read from the running totals. */
    async summary(missionId: number): Promise<RealisationSummary> {
      return realisationOf(await missionSums(prisma, missionId));
    },
  };

  // Hoisted: `answer` retries it.
  async function answerOnce(reportId: number, actorId: bigint, realisation: Exclude<Realisation, 'PENDING'>, realisedAmount: bigint): Promise<AnswerResult> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.saleReport.findUnique({ where: { id: reportId }, include: WITH_CONTEXT });
        if (!before) return { ok: false, reason: 'not_found' } as const;
        if (before.voidedAt !== null) return { ok: false, reason: 'voided' } as const;
        if (!FOLLOWED_KINDS.includes(before.kind)) return { ok: false, reason: 'not_followed' } as const;
        if (before.realisation === realisation && before.realisedAmount === realisedAmount) {
          return { ok: true, report: toFollowUpReport(before), changed: false } as const;
        }
        // Conditional on what was read, so two answers at once cannot both move the totals from the same state.
        const updated = await tx.saleReport.updateMany({
          where: { id: reportId, voidedAt: null, realisation: before.realisation, realisedAmount: before.realisedAmount },
          data: { realisation, realisedAmount },
        });
        if (updated.count === 0) throw new AnswerRaced();
        const after = await tx.saleReport.findUniqueOrThrow({ where: { id: reportId }, include: WITH_CONTEXT });
        await applyTotals(tx, after, realisationDelta(counted(before), counted(after)));
        await writeAudit(tx, {
          actorId,
          action: 'sale.realisation',
          entity: 'SaleReport',
          entityId: reportId,
          before: { realisation: before.realisation, realisedAmount: before.realisedAmount },
          after: { realisation, realisedAmount },
        });
        return { ok: true, report: toFollowUpReport(after), changed: true } as const;
      });
  }
}
export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
