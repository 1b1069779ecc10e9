import type { Exhibitor, Lang, Mission, SaleReport, User } from '../../domain/entities.js';
import type * as Db from '../generated/sqlite/client.js';

/** Prisma rows to domain records: the only place that knows both shapes. */
export function toUser(row: Db.TelegramUser): User {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    username: row.username,
    languageCode: row.languageCode,
    language: row.language === 'id' || row.language === 'en' ? (row.language as Lang) : null,
  };
}

export function toMission(row: Db.Mission): Mission {
  return {
    id: row.id,
    name: row.name,
    originProvince: row.originProvince,
    hostProvince: row.hostProvince,
    city: row.city,
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
    targetAmount: row.targetAmount,
    status: row.status,
    digestTime: row.digestTime,
    reminderTime: row.reminderTime,
    registrationOpen: row.registrationOpen,
  };
}

export function toExhibitor(row: Db.Exhibitor): Exhibitor {
  return {
    id: row.id,
    missionId: row.missionId,
    ownerId: row.ownerId,
    name: row.name,
    category: row.category,
    province: row.province,
    city: row.city,
    phone: row.phone,
    booth: row.booth,
    verified: row.verified,
  };
}

export function toSaleReport(row: Db.SaleReport): SaleReport {
  return {
    id: row.id,
    missionId: row.missionId,
    exhibitorId: row.exhibitorId,
    productId: row.productId,
    productText: row.productText,
    amount: row.amount,
    kind: row.kind,
    direction: row.direction,
    quantity: row.quantity,
    unit: row.unit,
    buyerName: row.buyerName,
    buyerOrigin: row.buyerOrigin,
    reportedById: row.reportedById,
    createdAt: row.createdAt,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    verifiedAt: row.verifiedAt,
  };
}

/** JSON for the audit log and the session store: BigInt as a string, dates as ISO text. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** True when Prisma refused a write because a unique constraint already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
