import type { Lang, Mission } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { toMission } from './mappers.js';
import type { TelegramChat } from './chats.js';

/** A chat's daily digest of one mission at a local time. */
export interface Subscription {
  id: number;
  missionId: number;
  chatId: bigint;
  localTime: string;
  active: boolean;
  createdById: bigint | null;
}

/** A subscription the scheduler may serve: its mission, and the language to write in. */
export interface ServedSubscription extends Subscription {
  mission: Mission;
  /** The language of the official who subscribed (their /bahasa, else Telegram's); null when unknown. */
  language: Lang | null;
  languageCode: string | null;
}

export type SubscribeResult =
  | { kind: 'created'; subscription: Subscription }
  | { kind: 'changed'; subscription: Subscription; previousTime: string }
  | { kind: 'unchanged'; subscription: Subscription };

type SubscriptionRow = {
  id: number;
  missionId: number;
  chatId: bigint;
  localTime: string;
  active: boolean;
  createdById: bigint | null;
};

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    missionId: row.missionId,
    chatId: row.chatId,
    localTime: row.localTime,
    active: row.active,
    createdById: row.createdById,
  };
}

function asLang(value: string | null | undefined): Lang | null {
  return value === 'id' || value === 'en' ? value : null;
}

/** Group chats' daily digests: the changes officials make (audited) and what the scheduler serves. */
export function createSubscriptionRepository(prisma: DbClient) {
  return {
    /**
     * Subscribes a chat to a mission's digest at a local time, or changes the
     * time (a second /langganan), or turns a stopped one on again; audited.
     * The chat row is written in the same transaction (the subscription
     * refers to it).
     */
    async subscribe(input: { missionId: number; chat: TelegramChat; localTime: string; actorId: bigint }): Promise<SubscribeResult> {
      const chatId = BigInt(input.chat.id);
      return prisma.$transaction(async (tx) => {
        await tx.chat.upsert({
          where: { id: chatId },
          create: { id: chatId, type: input.chat.type, title: input.chat.title ?? null },
          update: { active: true },
        });
        const existing = await tx.subscription.findUnique({ where: { missionId_chatId: { missionId: input.missionId, chatId } } });
        if (existing && existing.active && existing.localTime === input.localTime) {
          return { kind: 'unchanged', subscription: toSubscription(existing) } as const;
        }
        const row = existing
          ? await tx.subscription.update({ where: { id: existing.id }, data: { localTime: input.localTime, active: true, createdById: input.actorId } })
          : await tx.subscription.create({ data: { missionId: input.missionId, chatId, localTime: input.localTime, createdById: input.actorId } });
        await writeAudit(tx, {
          actorId: input.actorId,
          action: existing ? 'subscription.update' : 'subscription.create',
          entity: 'Subscription',
          entityId: row.id,
          ...(existing ? { before: existing } : {}),
          after: row,
        });
        if (existing && existing.active) return { kind: 'changed', subscription: toSubscription(row), previousTime: existing.localTime } as const;
        return { kind: 'created', subscription: toSubscription(row) } as const;
      });
    },

    /** Stops a chat's digest of a mission; audited. Undefined when it was not subscribed. */
    async unsubscribe(missionId: number, chatId: bigint, actorId: bigint): Promise<Subscription | undefined> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.subscription.findUnique({ where: { missionId_chatId: { missionId, chatId } } });
        if (!existing || !existing.active) return undefined;
        const row = await tx.subscription.update({ where: { id: existing.id }, data: { active: false } });
        await writeAudit(tx, { actorId, action: 'subscription.stop', entity: 'Subscription', entityId: row.id, before: existing, after: row });
        return toSubscription(row);
      });
    },

    async find(missionId: number, chatId: bigint): Promise<Subscription | undefined> {
      const row = await prisma.subscription.findUnique({ where: { missionId_chatId: { missionId, chatId } } });
      return row ? toSubscription(row) : undefined;
    },

    /**
     * Every subscription that may receive a push now: itself active, its
     * chat active, its mission ACTIVE. With the subscriber's language.
     */
    async served(filter: { missionId?: number } = {}): Promise<ServedSubscription[]> {
      const rows = await prisma.subscription.findMany({
        where: {
          active: true,
          chat: { active: true },
          mission: { status: 'ACTIVE' },
          ...(filter.missionId !== undefined ? { missionId: filter.missionId } : {}),
        },
        include: { mission: true },
        orderBy: { id: 'asc' },
      });
      const creatorIds = [...new Set(rows.map((row) => row.createdById).filter((id): id is bigint => id !== null))];
      const creators = creatorIds.length === 0 ? [] : await prisma.telegramUser.findMany({ where: { id: { in: creatorIds } } });
      const byId = new Map(creators.map((user) => [user.id, user]));
      return rows.map((row) => {
        const creator = row.createdById === null ? undefined : byId.get(row.createdById);
        return {
          ...toSubscription(row),
          mission: toMission(row.mission),
          language: asLang(creator?.language),
          languageCode: creator?.languageCode ?? null,
        };
      });
    },
  };
}
export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
