import { describe, expect, it } from 'vitest';
import { CB, MAX_CALLBACK_NUMBER, parseCallback, type CallbackArg } from '../../src/views/callback-data.js';

describe('parseCallback: the one bounded parser of callback data', () => {
  it.each<[string, string, CallbackArg[], string[] | null]>([
    // data, prefix, args → the args as parsed, or null ("no longer valid")
    ['sale:ok:42', CB.saleSave, ['n'], ['42']],
    ['sale:ok:0', CB.saleSave, ['n'], ['0']],
    [`sale:ok:${MAX_CALLBACK_NUMBER}`, CB.saleSave, ['n'], [String(MAX_CALLBACK_NUMBER)]],
    [`sale:ok:${MAX_CALLBACK_NUMBER + 1}`, CB.saleSave, ['n'], null],
    ['sale:ok:99999999999999999999', CB.saleSave, ['n'], null],
    ['sale:ok:18446744073709551616', CB.saleSave, ['n'], null],
    ['sale:ok:-1', CB.saleSave, ['n'], null],
    ['sale:ok:1.5', CB.saleSave, ['n'], null],
    ['sale:ok:1e9', CB.saleSave, ['n'], null],
    ['sale:ok:abc', CB.saleSave, ['n'], null],
    ['sale:ok:', CB.saleSave, ['n'], null],
    ['sale:ok:١٢', CB.saleSave, ['n'], null],
    ['sale:ok:1:2', CB.saleSave, ['n'], null],
    ['sale:no:1', CB.saleSave, ['n'], null],
    ['sale:amt:7:1', CB.saleAmount, ['n', ['0', '1']], ['7', '1']],
    ['sale:amt:7:2', CB.saleAmount, ['n', ['0', '1']], null],
    ['sale:amt:7', CB.saleAmount, ['n', ['0', '1']], null],
    ['ct:l:makanan:3', CB.catalogList, ['w', 'n'], ['makanan', '3']],
    ['ct:l:mak anan:3', CB.catalogList, ['w', 'n'], null],
    ['ct:l:<b>:3', CB.catalogList, ['w', 'n'], null],
    ['iq:ok:5:l', CB.inquiryAccept, ['n', ['l']], ['5', 'l']],
    ['iq:ok:5:x', CB.inquiryAccept, ['n', ['l']], null],
    ['lang:en', CB.language, [['id', 'en']], ['en']],
    ['lang:fr', CB.language, [['id', 'en']], null],
    ['wiz:cancel', CB.wizardCancel, [], []],
    ['wiz:cancelx', CB.wizardCancel, [], null],
    [`pm:open:1${'0'.repeat(70)}`, CB.myProductOpen, ['n'], null],
  ])('%s with %s %j → %j', (data, prefix, args, expected) => {
    const match = parseCallback(data, prefix, ...args);
    expect(match ? match.slice(1) : null).toEqual(expected);
  });

  it('refuses data over Telegram\'s 64 bytes and missing data (a game button)', () => {
    expect(parseCallback(`${CB.followUp}full:${'1'.repeat(70)}`, CB.followUp, ['full'], 'w')).toBeNull();
    expect(parseCallback(undefined, CB.saleSave, 'n')).toBeNull();
  });

  it('treats a prefix as literal text, not a pattern', () => {
    expect(parseCallback('saleXok:1', 'sale.ok:', 'n')).toBeNull();
    expect(parseCallback('sale.ok:1', 'sale.ok:', 'n')?.[1]).toBe('1');
  });
});
