import type { Exhibitor } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { toExhibitor } from './mappers.js';

export type VerifyExhibitorResult =
  | { ok: true; exhibitor: Exhibitor }
  | { ok: false; reason: 'not_found' | 'already_verified'; exhibitor?: Exhibitor };

/** Officials' view of a mission's exhibitors: the list and the "verified" mark. */
export function createExhibitorAdminRepository(prisma: DbClient) {
  return {
    /** One page of the mission's exhibitors by name, with the counts the heading shows. */
    async page(missionId: number, page: number, pageSize: number): Promise<{ exhibitors: Exhibitor[]; total: number; verified: number }> {
      const [rows, total, verified] = await Promise.all([
        prisma.exhibitor.findMany({ where: { missionId }, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: page * pageSize, take: pageSize }),
        prisma.exhibitor.count({ where: { missionId } }),
        prisma.exhibitor.count({ where: { missionId, verified: true } }),
      ]);
      return { exhibitors: rows.map(toExhibitor), total, verified };
    },

    /**
     * Marks an exhibitor verified by an official. The conditional update makes
     * two officials tapping at once one verification and one "already".
     */
    async verify(exhibitorId: number, actorId: bigint, at: Date): Promise<VerifyExhibitorResult> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.exhibitor.findUnique({ where: { id: exhibitorId } });
        if (!before) return { ok: false, reason: 'not_found' } as const;
        const updated = await tx.exhibitor.updateMany({ where: { id: exhibitorId, verified: false }, data: { verified: true, verifiedById: actorId, verifiedAt: at } });
        if (updated.count === 0) return { ok: false, reason: 'already_verified', exhibitor: toExhibitor(before) } as const;
        const after = await tx.exhibitor.findUniqueOrThrow({ where: { id: exhibitorId } });
        await writeAudit(tx, {
          actorId,
          action: 'exhibitor.verify',
          entity: 'Exhibitor',
          entityId: exhibitorId,
          before: { verified: before.verified, verifiedById: before.verifiedById, verifiedAt: before.verifiedAt },
          after: { verified: after.verified, verifiedById: after.verifiedById, verifiedAt: after.verifiedAt },
        });
        return { ok: true, exhibitor: toExhibitor(after) } as const;
      });
    },
  };
}
export type ExhibitorAdminRepository = ReturnType<typeof createExhibitorAdminRepository>;
