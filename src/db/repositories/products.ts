import { isCategory } from '../../domain/categories.js';
import { changedFields, type Product, type ProductInput, type ProductPatch } from '../../domain/product.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';

export interface NewProduct extends ProductInput {
  exhibitorId: number;
  /** Who listed it, for the audit log. */
  actorId: bigint;
  createdAt: Date;
}

/** An owner-scoped change: found only when the product belongs to that exhibitor. */
export type ProductChange =
  | { ok: true; changed: boolean; before: Product; after: Product }
  | { ok: false; reason: 'not_found' };

/** Prisma row to the domain record; a category the code no longer knows reads as "lainnya". */
function toProduct(row: Db.Product): Product {
  return {
    id: row.id,
    exhibitorId: row.exhibitorId,
    name: row.name,
    category: isCategory(row.category) ? row.category : 'lainnya',
    price: row.price,
    unit: row.unit,
    minOrder: row.minOrder,
    description: row.description,
    photoFileId: row.photoFileId,
    active: row.active,
    createdAt: row.createdAt,
  };
}

/** The audit log's view of a product: what an owner can change, without timestamps that move by themselves. */
function auditView(product: Product) {
  const { createdAt: _createdAt, ...rest } = product;
  return rest;
}

export function createProductRepository(prisma: DbClient) {
  return {
    /** Lists a product for an exhibitor, with its 'product.create' audit entry in the same transaction. */
    async create(input: NewProduct): Promise<Product> {
      const { actorId, ...data } = input;
      const row = await prisma.$transaction(async (tx) => {
        const created = await tx.product.create({ data });
        await writeAudit(tx, { actorId, action: 'product.create', entity: 'Product', entityId: created.id, after: auditView(toProduct(created)) });
        return created;
      });
      return toProduct(row);
    },

    async findById(id: number): Promise<Product | undefined> {
      const row = await prisma.product.findUnique({ where: { id } });
      return row ? toProduct(row) : undefined;
    },

    /** An exhibitor's own listings, active and not, oldest first so positions in /produkku stay put. */
    async listByExhibitor(exhibitorId: number): Promise<Product[]> {
      const rows = await prisma.product.findMany({ where: { exhibitorId }, orderBy: { id: 'asc' } });
      return rows.map(toProduct);
    },

    /** The listings buyers can see and sales can point at. */
    async listActiveByExhibitor(exhibitorId: number): Promise<Product[]> {
      const rows = await prisma.product.findMany({ where: { exhibitorId, active: true }, orderBy: { id: 'asc' } });
      return rows.map(toProduct);
    },

    /**
     * Changes fields of a product of `exhibitorId`. The owner check is part of
     * the query, so a forged id of someone else's product finds nothing and
     * changes nothing. An edit that changes no value writes no audit entry.
     */
    async update(id: number, exhibitorId: number, patch: ProductPatch, actorId: bigint): Promise<ProductChange> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.product.findFirst({ where: { id, exhibitorId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const before = toProduct(row);
        const fields = changedFields(before, patch);
        if (fields.length === 0) return { ok: true, changed: false, before, after: before } as const;
        const data = Object.fromEntries(fields.map((field) => [field, patch[field]])) as ProductPatch;
        const after = toProduct(await tx.product.update({ where: { id }, data }));
        await writeAudit(tx, {
          actorId,
          action: 'product.update',
          entity: 'Product',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return { ok: true, changed: true, before, after } as const;
      });
    },

    /**
     * Deactivates or reactivates a product of `exhibitorId`; it is never
     * deleted. Setting the flag it already has changes nothing.
     */
    async setActive(id: number, exhibitorId: number, active: boolean, actorId: bigint): Promise<ProductChange> {
      return prisma.$transaction(async (tx) => {
        // A conditional update, so two taps racing each other flip the flag (and write the audit entry) once.
        const flipped = await tx.product.updateMany({ where: { id, exhibitorId, active: !active }, data: { active } });
        const row = await tx.product.findFirst({ where: { id, exhibitorId } });
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const after = toProduct(row);
        if (flipped.count === 0) return { ok: true, changed: false, before: after, after } as const;
        const before = { ...after, active: !active };
        await writeAudit(tx, {
          actorId,
          action: active ? 'product.reactivate' : 'product.deactivate',
          entity: 'Product',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return { ok: true, changed: true, before, after } as const;
      });
    },
  };
}
export type ProductRepository = ReturnType<typeof createProductRepository>;
