import { Markup } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('simulator: aged messages and buttons on inline messages', () => {
  it('refuses edits of a message aged past 48 hours with 400 "message can\'t be edited", as Telegram does', async () => {
    const outcomes: string[] = [];
    harness = await startHarness((bot) => {
      bot.command('card', (ctx) => ctx.reply('card v1', Markup.inlineKeyboard([Markup.button.callback('Go', 'go')])));
      bot.action('go', async (ctx) => {
        await ctx.answerCbQuery();
        try {
          await ctx.editMessageText('card v2');
          outcomes.push('edited');
        } catch (error) {
          outcomes.push(String((error as { description?: string }).description));
        }
      });
    });
    const user = harness.sim.user({ id: 501, firstName: 'Ani' });
    await user.send('/card');
    const aged = harness.sim.ageMessage(user);
    expect(aged.plain).toBe('card v1');
    await user.tap('Go');
    expect(outcomes).toEqual(["Bad Request: message can't be edited"]);
    expect(user.lastText()).toBe('card v1');

    await user.send('/card');
    await user.tap('Go');
    expect(outcomes.at(-1)).toBe('edited');
    expect(user.lastText()).toBe('card v2');
    expect(() => harness!.sim.ageMessage(user, 999)).toThrow(/No bot message 999/);
  });

  it('sends a tap on an inline message with inline_message_id and no message, and records the answer', async () => {
    const seen: unknown[] = [];
    harness = await startHarness((bot) => {
      bot.on('callback_query', async (ctx) => {
        seen.push(ctx.callbackQuery);
        await ctx.answerCbQuery('noted');
      });
    });
    const user = harness.sim.user({ id: 502, firstName: 'Budi' });
    const tap = await user.tapInline('sale:ok:1', 'inline-42');
    expect(tap).toEqual({ data: 'sale:ok:1', answer: { text: 'noted' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ inline_message_id: 'inline-42', data: 'sale:ok:1', from: { id: 502 } });
    expect(seen[0]).not.toHaveProperty('message');
    expect(harness.errors).toEqual([]);
  });
});
