import type { Exhibitor } from '../../domain/entities.js';
import type { LeadRecord } from '../../domain/leads.js';
import { enqueueMessage, notifyEnqueued, type OutboxMessageInput } from '../outbox-enqueue.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';
import { isUniqueViolation, toExhibitor } from './mappers.js';

export interface NewLead {
  missionId: number;
  exhibitorId: number;
  visitorId: bigint;
  name: string;
  phone: string;
  at: Date;
}

/** A booth as a scanned code finds it: the exhibitor and whether its mission is still running. */
export interface Booth {
  exhibitor: Exhibitor;
  missionActive: boolean;
}

export type LeadChange = { ok: true; lead: LeadRecord } | { ok: false; reason: 'not_found' | 'not_owner' };

type LeadRow = Db.Lead & { exhibitor: { name: string; ownerId: bigint } };
const WITH_EXHIBITOR = { exhibitor: { select: { name: true, ownerId: true } } } as const;

function toLead(row: LeadRow): LeadRecord {
  return {
    id: row.id,
    missionId: row.missionId,
    exhibitorId: row.exhibitorId,
    exhibitorName: row.exhibitor.name,
    ownerId: row.exhibitor.ownerId,
    visitorId: row.visitorId,
    name: row.name,
    phone: row.phone,
    score: row.score,
    note: row.note,
    createdAt: row.createdAt,
  };
}

/** What the audit log keeps of a lead: never the phone number, which goes with a withdrawal. */
const auditOf = (lead: LeadRecord) => ({ exhibitorId: lead.exhibitorId, visitorId: lead.visitorId, score: lead.score });

/**
 * Booth codes and leads. A lead is written only on the visitor's explicit
 * contact share and deleted on their withdrawal; the exhibitor's notice is
 * queued in the same transaction, so a lead never goes unannounced.
 */
export function createLeadRepository(prisma: DbClient) {
  /** The lead if `ownerId` owns its booth. */
  async function ownedLead(id: number, ownerId: bigint): Promise<LeadChange> {
    const row = await prisma.lead.findUnique({ where: { id }, include: WITH_EXHIBITOR });
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.exhibitor.ownerId !== ownerId) return { ok: false, reason: 'not_owner' };
    return { ok: true, lead: toLead(row) };
  }

  return {
    /**
     * The exhibitor's booth code, made once: `candidate` is stored only when
     * there is none yet, so two /qr at once agree on one code. Undefined when
     * the candidate collided with another booth's (the caller draws again).
     */
    async boothCode(exhibitorId: number, candidate: string): Promise<string | undefined> {
      try {
        await prisma.exhibitor.updateMany({ where: { id: exhibitorId, boothCode: null }, data: { boothCode: candidate } });
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
      const row = await prisma.exhibitor.findUniqueOrThrow({ where: { id: exhibitorId }, select: { boothCode: true } });
      return row.boothCode ?? undefined;
    },

    async findBooth(code: string): Promise<Booth | undefined> {
      const row = await prisma.exhibitor.findUnique({ where: { boothCode: code }, include: { mission: { select: { status: true } } } });
      return row ? { exhibitor: toExhibitor(row), missionActive: row.mission.status === 'ACTIVE' } : undefined;
    },

    /**
     * Saves the share (a second share with the same booth refreshes name and
     * phone, keeping score and note) and queues the exhibitor's notice built
     * from the saved lead. `created` is false for a refresh, which is not announced again.
     */
    async share(input: NewLead, notice: (lead: LeadRecord) => OutboxMessageInput): Promise<{ lead: LeadRecord; created: boolean }> {
      const result = await prisma.$transaction(async (tx) => {
        const existing = await tx.lead.findUnique({ where: { exhibitorId_visitorId: { exhibitorId: input.exhibitorId, visitorId: input.visitorId } } });
        const row = existing
          ? await tx.lead.update({ where: { id: existing.id }, data: { name: input.name, phone: input.phone }, include: WITH_EXHIBITOR })
          : await tx.lead.create({
              data: { missionId: input.missionId, exhibitorId: input.exhibitorId, visitorId: input.visitorId, name: input.name, phone: input.phone, createdAt: input.at },
              include: WITH_EXHIBITOR,
            });
        const lead = toLead(row);
        if (!existing) {
          await writeAudit(tx, { actorId: input.visitorId, action: 'lead.share', entity: 'Lead', entityId: lead.id, after: auditOf(lead) });
          await enqueueMessage(tx, notice(lead));
        }
        return { lead, created: !existing };
      });
      if (result.created) notifyEnqueued();
      return result;
    },

    async findOwned(id: number, ownerId: bigint): Promise<LeadChange> {
      return ownedLead(id, ownerId);
    },

    async setScore(id: number, ownerId: bigint, score: number): Promise<LeadChange> {
      const found = await ownedLead(id, ownerId);
      if (!found.ok) return found;
      const row = await prisma.lead.update({ where: { id }, data: { score }, include: WITH_EXHIBITOR });
      return { ok: true, lead: toLead(row) };
    },

    async setNote(id: number, ownerId: bigint, note: string): Promise<LeadChange> {
      const found = await ownedLead(id, ownerId);
      if (!found.ok) return found;
      const row = await prisma.lead.update({ where: { id }, data: { note }, include: WITH_EXHIBITOR });
      return { ok: true, lead: toLead(row) };
    },

    /** An exhibitor's leads, newest first. */
    async forExhibitor(exhibitorId: number): Promise<LeadRecord[]> {
      const rows = await prisma.lead.findMany({ where: { exhibitorId }, include: WITH_EXHIBITOR, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(toLead);
    },

    /** What a visitor shared, with whom, newest first (/privasi). */
    async forVisitor(visitorId: bigint): Promise<LeadRecord[]> {
      const rows = await prisma.lead.findMany({ where: { visitorId }, include: WITH_EXHIBITOR, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(toLead);
    },

    /** Deletes a visitor's own lead; the exhibitor no longer sees it anywhere. Undefined when it is not theirs or already gone. */
    async withdraw(id: number, visitorId: bigint): Promise<LeadRecord | undefined> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.lead.findFirst({ where: { id, visitorId }, include: WITH_EXHIBITOR });
        if (!row) return undefined;
        const deleted = await tx.lead.deleteMany({ where: { id, visitorId } });
        if (deleted.count === 0) return undefined;
        const lead = toLead(row);
        await writeAudit(tx, { actorId: visitorId, action: 'lead.withdraw', entity: 'Lead', entityId: id, before: auditOf(lead) });
        return lead;
      });
    },
  };
}
export type LeadRepository = ReturnType<typeof createLeadRepository>;
