import type { Mission, Role } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { toMission } from './mappers.js';
import { big, num, registeredFastSql } from '../fast-sql.js';

export interface NewMission {
  name: string;
  originProvince: string;
  hostProvince: string;
  city: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  targetAmount: bigint;
}

const MISSION_COLUMNS = `"id", "name", "originProvince", "hostProvince", "city", "startDate", "endDate", "timeZone", "targetAmount", "status", "digestTime", "reminderTime", "registrationOpen"`;

/** A Mission row as the driver gives it (fast-sql.ts). */
function missionOf(row: Record<string, unknown>): Mission {
  return {
    id: num(row.id),
    name: String(row.name),
    originProvince: String(row.originProvince),
    hostProvince: String(row.hostProvince),
    city: String(row.city),
    startDate: String(row.startDate),
    endDate: String(row.endDate),
    timeZone: String(row.timeZone),
    targetAmount: big(row.targetAmount),
    status: row.status as Mission['status'],
    digestTime: String(row.digestTime),
    reminderTime: row.reminderTime === null || row.reminderTime === undefined ? null : String(row.reminderTime),
    registrationOpen: row.registrationOpen === true || Number(row.registrationOpen) === 1,
  };
}

export function createMissionRepository(prisma: DbClient) {
  return {
    /** Creates an active mission; its creator becomes one of its officials. */
    async create(input: NewMission, actorId: bigint): Promise<Mission> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mission.create({ data: { ...input, status: 'ACTIVE', createdById: actorId } });
        await tx.missionMember.create({ data: { missionId: row.id, userId: actorId, role: 'OFFICIAL' } });
        await writeAudit(tx, { actorId, action: 'mission.create', entity: 'Mission', entityId: row.id, after: row });
        return toMission(row);
      });
    },

    /** The mission commands act on: the newest active one. */
    async findActive(): Promise<Mission | undefined> {
      // Every update asks: straight to the driver when there is one.
      const fast = registeredFastSql(prisma);
      if (fast) {
        const rows = await fast.all<Record<string, unknown>>(`SELECT ${MISSION_COLUMNS} FROM "Mission" WHERE "status" = 'ACTIVE' ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`);
        return rows[0] ? missionOf(rows[0]) : undefined;
      }
      const row = await prisma.mission.findFirst({ where: { status: 'ACTIVE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return row ? toMission(row) : undefined;
    },

    async findById(id: number): Promise<Mission | undefined> {
      const fast = registeredFastSql(prisma);
      if (fast) {
        const rows = await fast.all<Record<string, unknown>>(`SELECT ${MISSION_COLUMNS} FROM "Mission" WHERE "id" = ?`, [id]);
        return rows[0] ? missionOf(rows[0]) : undefined;
      }
      const row = await prisma.mission.findUnique({ where: { id } });
      return row ? toMission(row) : undefined;
    },

    /** Roles the user holds in a mission through membership rows. */
    async rolesOf(missionId: number, userId: bigint): Promise<Role[]> {
      const rows = await prisma.missionMember.findMany({ where: { missionId, userId }, select: { role: true } });
      return rows.map((row) => row.role);
    },

    async isOfficialOfAnyMission(userId: bigint): Promise<boolean> {
      const fast = registeredFastSql(prisma);
      if (fast) return (await fast.all(`SELECT 1 AS "one" FROM "MissionMember" WHERE "userId" = ? AND "role" = 'OFFICIAL' LIMIT 1`, [userId])).length > 0;
      return (await prisma.missionMember.count({ where: { userId, role: 'OFFICIAL' } })) > 0;
    },

    async addMember(missionId: number, userId: bigint, role: Role): Promise<void> {
      await prisma.missionMember.upsert({
        where: { missionId_userId_role: { missionId, userId, role } },
        create: { missionId, userId, role },
        update: {},
      });
    },
  };
}
export type MissionRepository = ReturnType<typeof createMissionRepository>;
