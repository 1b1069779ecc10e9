import type { Mission } from '../../domain/entities.js';
import { changedFields, type MissionPatch } from '../../domain/mission-admin.js';
import type { DbClient } from '../database.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { recountMission } from '../totals.js';
import { writeAudit } from './audit.js';
import { toMission } from './mappers.js';
import type { NewMission } from './missions.js';

type Tx = Prisma.TransactionClient;

export type MissionChangeResult =
  | { ok: true; mission: Mission; before: Mission }
  | { ok: false; reason: 'not_found' | 'not_active' | 'unchanged'; mission?: Mission };

/**
 * What officials do to missions after creating them: list, edit, retarget,
 * switch the active one, close. One mission is ACTIVE at a time (the one
 * every command acts on); the others are DRAFT or CLOSED. Every change is
 * audited with before and after in the same transaction.
 */
export function createMissionAdminRepository(prisma: DbClient) {
  /** Puts every other ACTIVE mission back to DRAFT, audited, so exactly one stays active. */
  async function demoteOthers(tx: Tx, keepId: number | undefined, actorId: bigint): Promise<void> {
    const others = await tx.mission.findMany({ where: { status: 'ACTIVE', ...(keepId === undefined ? {} : { id: { not: keepId } }) } });
    for (const other of others) {
      await tx.mission.update({ where: { id: other.id }, data: { status: 'DRAFT' } });
      await writeAudit(tx, { actorId, action: 'mission.update', entity: 'Mission', entityId: other.id, before: { status: other.status }, after: { status: 'DRAFT' } });
    }
  }

  return {
    /** Every mission, newest first; the bot orders them for reading with sortMissionsForList. */
    async list(): Promise<Mission[]> {
      const rows = await prisma.mission.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(toMission);
    },

    /**
     * Creates a mission as the active one: the previously active mission
     * becomes a draft, the creator one of the new mission's officials.
     */
    async createActive(input: NewMission, actorId: bigint): Promise<Mission> {
      return prisma.$transaction(async (tx) => {
        await demoteOthers(tx, undefined, actorId);
        const row = await tx.mission.create({ data: { ...input, status: 'ACTIVE', createdById: actorId } });
        await tx.missionMember.create({ data: { missionId: row.id, userId: actorId, role: 'OFFICIAL' } });
        await writeAudit(tx, { actorId, action: 'mission.create', entity: 'Mission', entityId: row.id, after: row });
        return toMission(row);
      });
    },

    /**
     * Changes fields of the active mission. Refused when the mission is no
     * longer the active one (switched or closed since the question was asked).
     * The audit entry holds only the fields that changed.
     */
    async update(missionId: number, patch: MissionPatch, actorId: bigint): Promise<MissionChangeResult> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mission.findUnique({ where: { id: missionId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const before = toMission(row);
        if (row.status !== 'ACTIVE') return { ok: false, reason: 'not_active', mission: before } as const;
        const changed = changedFields(before, patch);
        const fields = Object.keys(changed) as (keyof MissionPatch)[];
        if (fields.length === 0) return { ok: false, reason: 'unchanged', mission: before } as const;
        const updated = await tx.mission.update({ where: { id: missionId }, data: changed });
        // The day totals are buckets of local days: a new zone moves reports between them.
        if (changed.timeZone !== undefined) await recountMission(tx, missionId);
        await writeAudit(tx, {
          actorId,
          action: 'mission.update',
          entity: 'Mission',
          entityId: missionId,
          before: Object.fromEntries(fields.map((field) => [field, before[field]])),
          after: changed,
        });
        return { ok: true, mission: toMission(updated), before } as const;
      });
    },

    /** Changes the target of the active mission (/target), audited as its own action. */
    async setTarget(missionId: number, target: bigint, actorId: bigint): Promise<MissionChangeResult> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mission.findUnique({ where: { id: missionId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const before = toMission(row);
        if (row.status !== 'ACTIVE') return { ok: false, reason: 'not_active', mission: before } as const;
        if (row.targetAmount === target) return { ok: false, reason: 'unchanged', mission: before } as const;
        const updated = await tx.mission.update({ where: { id: missionId }, data: { targetAmount: target } });
        await writeAudit(tx, {
          actorId,
          action: 'mission.target',
          entity: 'Mission',
          entityId: missionId,
          before: { targetAmount: row.targetAmount },
          after: { targetAmount: target },
        });
        return { ok: true, mission: toMission(updated), before } as const;
      });
    },

    /** Makes a mission the active one; the one active before becomes a draft. */
    async activate(missionId: number, actorId: bigint): Promise<MissionChangeResult> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mission.findUnique({ where: { id: missionId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const before = toMission(row);
        if (row.status === 'ACTIVE') return { ok: false, reason: 'unchanged', mission: before } as const;
        await demoteOthers(tx, missionId, actorId);
        const updated = await tx.mission.update({ where: { id: missionId }, data: { status: 'ACTIVE' } });
        await writeAudit(tx, { actorId, action: 'mission.activate', entity: 'Mission', entityId: missionId, before: { status: row.status }, after: { status: 'ACTIVE' } });
        return { ok: true, mission: toMission(updated), before } as const;
      });
    },

    /** Closes the active mission: no more reports or registrations; its history stays. */
    async close(missionId: number, actorId: bigint): Promise<MissionChangeResult> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mission.findUnique({ where: { id: missionId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const before = toMission(row);
        if (row.status !== 'ACTIVE') return { ok: false, reason: 'not_active', mission: before } as const;
        const updated = await tx.mission.update({ where: { id: missionId }, data: { status: 'CLOSED' } });
        await writeAudit(tx, { actorId, action: 'mission.close', entity: 'Mission', entityId: missionId, before: { status: row.status }, after: { status: 'CLOSED' } });
        return { ok: true, mission: toMission(updated), before } as const;
      });
    },
  };
}
export type MissionAdminRepository = ReturnType<typeof createMissionAdminRepository>;
