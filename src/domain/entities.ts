/**
 * The records the adapters hand to the domain and the bot: plain data in
 * domain words, no Prisma types, so the core can be tested without a database.
 */

import type { SaleDirection, SaleKind } from './sale.js';

export type MissionStatus = 'DRAFT' | 'ACTIVE' | 'CLOSED';
export type Role = 'OFFICIAL' | 'EXHIBITOR' | 'BUYER';
export type Lang = 'id' | 'en';
/** The kinds and directions of sale.ts, by the names the records use. */
export type SaleKindName = SaleKind;
export type SaleDirectionName = SaleDirection;

export interface User {
  id: bigint;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** Chosen with /bahasa; null means "follow Telegram's language". */
  language: Lang | null;
}

export interface Mission {
  id: number;
  name: string;
  originProvince: string;
  hostProvince: string;
  city: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  targetAmount: bigint;
  status: MissionStatus;
  digestTime: string;
  reminderTime: string | null;
  registrationOpen: boolean;
}

export interface Exhibitor {
  id: number;
  missionId: number;
  ownerId: bigint;
  name: string;
  category: string;
  province: string;
  city: string | null;
  phone: string | null;
  booth: string | null;
  verified: boolean;
}

export interface SaleReport {
  id: number;
  missionId: number;
  exhibitorId: number;
  productId: number | null;
  productText: string | null;
  amount: bigint;
  kind: SaleKindName;
  direction: SaleDirectionName;
  quantity: number | null;
  unit: string | null;
  buyerName: string | null;
  buyerOrigin: string | null;
  reportedById: bigint;
  createdAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
  verifiedAt: Date | null;
}

/** Sums of a mission's live (not voided) reports, the input of progress and digest. */
export interface MissionTotals {
  byKind: Record<SaleKindName, bigint>;
  byDirection: Record<SaleDirectionName, bigint>;
  total: bigint;
  reportCount: number;
  exhibitorCount: number;
  verifiedTotal: bigint;
  todayTotal: bigint;
  todayCount: number;
}
