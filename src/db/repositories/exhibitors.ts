import type { Exhibitor } from '../../domain/entities.js';
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
