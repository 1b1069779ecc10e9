import { Markup } from 'telegraf';
import { findProvinces, provinceByCode, resolveProvince, type Province } from '../domain/provinces.js';
import { ECHO_MAX, clipText } from '../domain/text.js';
import type { BotContext } from './context.js';
import { say } from './reply.js';
import { tappedArgs, type StepInput } from './wizard.js';

// Enough for the widest family of names: the six provinces with "Papua" in them.
const MAX_CHOICES = 6;

/**
 * A wizard step's answer to "which province?": a tapped choice, an exact name,
 * code or alias (so "Papua" is Papua, not a question), or a single close match. Several matches are offered as
 * buttons (callback data `prefix + code`); none gets a clear "not found".
 */
export async function pickProvince(ctx: BotContext, input: StepInput, prefix: string): Promise<Province | undefined> {
  if (input.type === 'button' && input.data.startsWith(prefix)) {
    const code = tappedArgs(input, prefix, 'w')?.[1];
    return code === undefined ? undefined : provinceByCode(code);
  }
  if (input.type !== 'text') {
    await say(ctx, ctx.t.common.textExpected);
    return undefined;
  }
  const exact = resolveProvince(input.text);
  if (exact) return exact;
  const candidates = findProvinces(input.text);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    await say(ctx, ctx.t.province.notFound(clipText(input.text, ECHO_MAX)));
    return undefined;
  }
  const buttons = candidates.slice(0, MAX_CHOICES).map((province) => [Markup.button.callback(province.name, prefix + province.code)]);
  await say(ctx, ctx.t.province.choose, Markup.inlineKeyboard(buttons));
  return undefined;
}
