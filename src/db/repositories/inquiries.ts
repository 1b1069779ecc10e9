import { canAnswer, type AnswerRefusal, type InquiryRecord, type InquiryStatusName } from '../../domain/inquiry.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';

export interface NewInquiry {
  productId: number;
  exhibitorId: number;
  buyerId: bigint;
  message: string;
  quantity: number | null;
  createdAt: Date;
}

export type AnswerResult =
  | { ok: true; inquiry: InquiryRecord }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: AnswerRefusal; inquiry: InquiryRecord };

// The names both sides see an inquiry by come with it.
const WITH_NAMES = {
  product: { select: { name: true, unit: true } },
  exhibitor: { select: { name: true, phone: true, booth: true, ownerId: true, owner: { select: { firstName: true, lastName: true, username: true } } } },
  buyer: { select: { firstName: true, lastName: true, username: true } },
} as const;

type Person = { firstName: string; lastName: string | null; username: string | null };
type InquiryRow = Db.Inquiry & {
  product: { name: string; unit: string };
  exhibitor: { name: string; phone: string | null; booth: string | null; ownerId: bigint; owner: Person };
  buyer: Person;
};

const fullName = (p: Person) => (p.lastName ? `${p.firstName} ${p.lastName}` : p.firstName);

function toRecord(row: InquiryRow): InquiryRecord {
  return {
    id: row.id,
    productId: row.productId,
    exhibitorId: row.exhibitorId,
    buyerId: row.buyerId,
    message: row.message,
    quantity: row.quantity,
    status: row.status,
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
    productName: row.product.name,
    unit: row.product.unit,
    exhibitorName: row.exhibitor.name,
    exhibitorPhone: row.exhibitor.phone,
    exhibitorBooth: row.exhibitor.booth,
    ownerId: row.exhibitor.ownerId,
    ownerName: fullName(row.exhibitor.owner),
    ownerUsername: row.exhibitor.owner.username,
    buyerName: fullName(row.buyer),
    buyerUsername: row.buyer.username,
  };
}

/** A bare row for the audit log: what the table holds, without the joined names. */
function auditRow(row: InquiryRow): Db.Inquiry {
  const { product: _product, exhibitor: _exhibitor, buyer: _buyer, ...bare } = row;
  return bare;
}

/** How many inquiries /pesanan lists per side and state. */
export interface InquiryListLimits {
  open: number;
  past: number;
}

export function createInquiryRepository(prisma: DbClient) {
  /** Open ones first (they need someone), each group newest first. */
  async function list(where: Db.Prisma.InquiryWhereInput, limits: InquiryListLimits): Promise<{ open: InquiryRecord[]; past: InquiryRecord[] }> {
    const order = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
    const [open, past] = await Promise.all([
      prisma.inquiry.findMany({ where: { ...where, status: 'OPEN' }, include: WITH_NAMES, orderBy: order, take: limits.open }),
      prisma.inquiry.findMany({ where: { ...where, status: { not: 'OPEN' } }, include: WITH_NAMES, orderBy: order, take: limits.past }),
    ]);
    return { open: open.map(toRecord), past: past.map(toRecord) };
  }

  return {
    /** Saves a buyer's inquiry, OPEN, with its audit entry in the same transaction. */
    async create(input: NewInquiry): Promise<InquiryRecord> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.inquiry.create({ data: { ...input, status: 'OPEN' }, include: WITH_NAMES });
        await writeAudit(tx, { actorId: input.buyerId, action: 'inquiry.create', entity: 'Inquiry', entityId: row.id, after: auditRow(row) });
        return toRecord(row);
      });
    },

    async find(id: number): Promise<InquiryRecord | undefined> {
      const row = await prisma.inquiry.findUnique({ where: { id }, include: WITH_NAMES });
      return row ? toRecord(row) : undefined;
    },

    /**
     * The exhibitor's owner accepts or declines. The update is conditional on
     * the inquiry still being OPEN, so of two answers racing (a double tap,
     * the notification and /pesanan at once) exactly one wins; the other is
     * told it was already answered.
     */
    async answer(input: { id: number; actorId: bigint; accept: boolean; at: Date }): Promise<AnswerResult> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.inquiry.findUnique({ where: { id: input.id }, include: WITH_NAMES });
        if (!before) return { ok: false, reason: 'not_found' } as const;
        const allowed = canAnswer(toRecord(before), input.actorId);
        if (!allowed.ok) return { ok: false, reason: allowed.reason, inquiry: toRecord(before) } as const;
        const status: InquiryStatusName = input.accept ? 'ACCEPTED' : 'DECLINED';
        const updated = await tx.inquiry.updateMany({ where: { id: input.id, status: 'OPEN' }, data: { status, answeredAt: input.at } });
        const after = await tx.inquiry.findUniqueOrThrow({ where: { id: input.id }, include: WITH_NAMES });
        if (updated.count === 0) return { ok: false, reason: 'already_answered', inquiry: toRecord(after) } as const;
        await writeAudit(tx, {
          actorId: input.actorId,
          action: input.accept ? 'inquiry.accept' : 'inquiry.decline',
          entity: 'Inquiry',
          entityId: input.id,
          before: auditRow(before),
          after: auditRow(after),
        });
        return { ok: true, inquiry: toRecord(after) } as const;
      });
    },

    /** What a user asked, for /pesanan. */
    asBuyer(buyerId: bigint, limits: InquiryListLimits) {
      return list({ buyerId }, limits);
    },

    /** What reached the businesses a user owns, in any mission, for /pesanan. */
    asOwner(ownerId: bigint, limits: InquiryListLimits) {
      return list({ exhibitor: { ownerId } }, limits);
    },
  };
}
export type InquiryRepository = ReturnType<typeof createInquiryRepository>;
