import type { Mission, Role } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { toMission } from './mappers.js';

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
      const row = await prisma.mission.findFirst({ where: { status: 'ACTIVE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return row ? toMission(row) : undefined;
    },

    async findById(id: number): Promise<Mission | undefined> {
      const row = await prisma.mission.findUnique({ where: { id } });
      return row ? toMission(row) : undefined;
    },

    /** Roles the user holds in a mission through membership rows. */
    async rolesOf(missionId: number, userId: bigint): Promise<Role[]> {
      const rows = await prisma.missionMember.findMany({ where: { missionId, userId }, select: { role: true } });
      return rows.map((row) => row.role);
    },

    async isOfficialOfAnyMission(userId: bigint): Promise<boolean> {
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
