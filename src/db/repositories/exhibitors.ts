import type { Exhibitor } from '../../domain/entities.js';
import { big, num, registeredFastSql } from '../fast-sql.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { isUniqueViolation, toExhibitor } from './mappers.js';

export interface NewExhibitor {
  missionId: number;
  ownerId: bigint;
  name: string;
  category: string;
  province: string;
  city: string | null;
  phone: string | null;
  booth: string | null;
}

export function createExhibitorRepository(prisma: DbClient) {
  return {
    /**
     * Registers a business and gives its owner the exhibitor role. One business
     * per owner and mission: a second registration is answered, not saved.
     */
    async register(input: NewExhibitor): Promise<{ ok: true; exhibitor: Exhibitor } | { ok: false; reason: 'already_registered'; exhibitor: Exhibitor }> {
      try {
        const row = await prisma.$transaction(async (tx) => {
          const created = await tx.exhibitor.create({ data: input });
          await tx.missionMember.upsert({
            where: { missionId_userId_role: { missionId: input.missionId, userId: input.ownerId, role: 'EXHIBITOR' } },
            create: { missionId: input.missionId, userId: input.ownerId, role: 'EXHIBITOR' },
            update: {},
          });
          await writeAudit(tx, { actorId: input.ownerId, action: 'exhibitor.register', entity: 'Exhibitor', entityId: created.id, after: created });
          return created;
        });
        return { ok: true, exhibitor: toExhibitor(row) };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await prisma.exhibitor.findUniqueOrThrow({
          where: { missionId_ownerId: { missionId: input.missionId, ownerId: input.ownerId } },
        });
        return { ok: false, reason: 'already_registered', exhibitor: toExhibitor(existing) };
      }
    },

    async findByOwner(missionId: number, ownerId: bigint): Promise<Exhibitor | undefined> {
      // Every report asks (the sender's standing): straight to the driver when there is one.
      const fast = registeredFastSql(prisma);
      if (fast) {
        const rows = await fast.all<Record<string, unknown>>(
          `SELECT "id", "missionId", "ownerId", "name", "category", "province", "city", "phone", "booth", "verified" FROM "Exhibitor" WHERE "missionId" = ? AND "ownerId" = ?`,
          [missionId, ownerId],
        );
        const row = rows[0];
        if (!row) return undefined;
        const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
        return {
          id: num(row.id),
          missionId: num(row.missionId),
          ownerId: big(row.ownerId),
          name: String(row.name),
          category: String(row.category),
          province: String(row.province),
          city: text(row.city),
          phone: text(row.phone),
          booth: text(row.booth),
          verified: row.verified === true || Number(row.verified) === 1,
        };
      }
      const row = await prisma.exhibitor.findUnique({ where: { missionId_ownerId: { missionId, ownerId } } });
      return row ? toExhibitor(row) : undefined;
    },

    async findById(id: number): Promise<Exhibitor | undefined> {
      const row = await prisma.exhibitor.findUnique({ where: { id } });
      return row ? toExhibitor(row) : undefined;
    },
  };
}
export type ExhibitorRepository = ReturnType<typeof createExhibitorRepository>;
