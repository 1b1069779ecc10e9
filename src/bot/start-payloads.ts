import type { BotContext } from './context.js';
import { joinPayload } from './features/invites.js';
import { catalogStartHandler, productStartHandler } from './features/catalog.js';
import { boothStartHandler } from './features/leads.js';

/**
 * Deep-link payloads of /start (`t.me/<bot>?start=<payload>`): invite codes,
 * product cards. Each feature registers its prefix here; /start without a
 * known payload greets. Telegram allows 64 characters of [A-Za-z0-9_-].
 */
export interface StartPayloadHandler {
  prefix: string;
  handle(ctx: BotContext, rest: string): Promise<unknown>;
}

// Add a feature's handler to this list (import it from the feature file).
export const START_PAYLOADS: readonly StartPayloadHandler[] = [joinPayload, productStartHandler, catalogStartHandler, boothStartHandler];

/** Runs the handler whose prefix the payload starts with; false when none matched. */
export async function handleStartPayload(ctx: BotContext, payload: string): Promise<boolean> {
  const handler = START_PAYLOADS.find((candidate) => payload.startsWith(candidate.prefix));
  if (!handler) return false;
  await handler.handle(ctx, payload.slice(handler.prefix.length));
  return true;
}
