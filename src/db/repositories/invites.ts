import { randomBytes } from 'node:crypto';
import type { Mission } from '../../domain/entities.js';
import { checkInvite, type Invite, type InviteRefusal, type InviteRole } from '../../domain/invites.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';
import { isUniqueViolation, toMission } from './mappers.js';

export interface NewInvite {
  missionId: number;
  role: InviteRole;
  maxUses: number;
  expiresAt: Date;
  createdById: bigint;
  createdAt: Date;
}

export type JoinResult =
  | { ok: true; invite: Invite; mission: Mission; already: boolean }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: InviteRefusal | 'mission_closed'; invite: Invite; mission: Mission };

/** 18 random bytes: 144 bits, 24 URL-safe characters, far beyond guessing. */
function newCode(): string {
  return randomBytes(18).toString('base64url');
}

function toInvite(row: Db.Invite): Invite | undefined {
  if (row.role !== 'EXHIBITOR' && row.role !== 'OFFICIAL') return undefined;
  return { id: row.id, code: row.code, missionId: row.missionId, role: row.role, expiresAt: row.expiresAt, maxUses: row.maxUses, uses: row.uses };
}

// Thrown inside the transaction to roll it back when the last use went to someone else.
class UsedUp extends Error {}

/** Invite links: created by officials, used by /start join_<code>. */
export function createInviteRepository(prisma: DbClient) {
  return {
    /** Stores an invite with a fresh unguessable code; audited. */
    async create(input: NewInvite): Promise<Invite> {
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await prisma.$transaction(async (tx) => {
            const created = await tx.invite.create({ data: { ...input, code: newCode() } });
            await writeAudit(tx, { actorId: input.createdById, action: 'invite.create', entity: 'Invite', entityId: created.id, after: { ...created, code: undefined } });
            return created;
          });
          const invite = toInvite(row);
          if (!invite) throw new Error(`invite ${row.id} has role ${row.role}`);
          return invite;
        } catch (error) {
          // A code collision is a one-in-2^144 event; one retry is plenty.
          if (!isUniqueViolation(error) || attempt > 0) throw error;
        }
      }
    },

    /**
     * Joins the invite's mission in its role and counts one use. The count
     * is a conditional UPDATE (`uses < maxUses`), so when two people race for
     * the last use the database lets exactly one through. A user who already
     * holds the role is welcomed without using the invite up.
     */
    async join(code: string, userId: bigint, now: Date): Promise<JoinResult> {
      const row = await prisma.invite.findUnique({ where: { code }, include: { mission: true } });
      const invite = row ? toInvite(row) : undefined;
      if (!row || !invite) return { ok: false, reason: 'unknown' };
      const mission = toMission(row.mission);
      if (mission.status === 'CLOSED') return { ok: false, reason: 'mission_closed', invite, mission };
      const member = { missionId: invite.missionId, userId, role: invite.role };
      const existing = await prisma.missionMember.findUnique({ where: { missionId_userId_role: member } });
      if (existing) return { ok: true, invite, mission, already: true };
      const check = checkInvite(invite, now);
      if (!check.ok) return { ok: false, reason: check.reason, invite, mission };
      try {
        const uses = await prisma.$transaction(async (tx) => {
          const counted = await tx.invite.updateMany({
            where: { id: invite.id, ...(invite.maxUses === null ? {} : { uses: { lt: invite.maxUses } }) },
            data: { uses: { increment: 1 } },
          });
          if (counted.count === 0) throw new UsedUp();
          await tx.missionMember.create({ data: { ...member, createdAt: now } });
          const after = await tx.invite.findUniqueOrThrow({ where: { id: invite.id } });
          await writeAudit(tx, {
            actorId: userId,
            action: 'invite.join',
            entity: 'Invite',
            entityId: invite.id,
            before: { uses: after.uses - 1 },
            after: { uses: after.uses, userId, role: invite.role, missionId: invite.missionId },
          });
          return after.uses;
        });
        return { ok: true, invite: { ...invite, uses }, mission, already: false };
      } catch (error) {
        if (error instanceof UsedUp) return { ok: false, reason: 'used_up', invite, mission };
        // The same user tapped the link twice at once: the first tap joined.
        if (isUniqueViolation(error)) return { ok: true, invite, mission, already: true };
        throw error;
      }
    },

    async findByCode(code: string): Promise<Invite | undefined> {
      const row = await prisma.invite.findUnique({ where: { code } });
      return row ? toInvite(row) : undefined;
    },
  };
}
export type InviteRepository = ReturnType<typeof createInviteRepository>;
