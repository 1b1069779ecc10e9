import type { DbClient } from '../database.js';
import { toJson } from './mappers.js';

/** A client or a transaction: audit entries are written in the same transaction as the change. */
export type DbTx = Pick<DbClient, 'auditLog'>;

export interface AuditEntry {
  actorId: bigint | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what, with the state before and after. */
export async function writeAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before === undefined ? null : toJson(entry.before),
      after: entry.after === undefined ? null : toJson(entry.after),
    },
  });
}
