import { formatRupiah, readRupiah, type MoneyError } from '../domain/money.js';
import type { BotContext } from './context.js';

/**
 * The words for a refused amount. Where only one amount fits (a target, a
 * follow-up) an amount with two readings is refused, but the answer names
 * both, so the user sees at once how to write the one they meant.
 */
export function amountReason(ctx: BotContext, typed: string, reason: MoneyError): string {
  if (reason === 'ambiguous') {
    const read = readRupiah(typed);
    if (read.ok && read.value.alternative !== undefined) {
      return ctx.t.money.twoReadings(formatRupiah(read.value.amount), formatRupiah(read.value.alternative));
    }
  }
  return ctx.t.money.errors[reason];
}
