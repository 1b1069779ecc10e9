import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../../src/domain/phone.js';

describe('normalizePhone accepts the ways people type a number', () => {
  it.each<{ input: string; expected: string }>([
    // Mobile, every common spelling of the same number.
    { input: '0812-3456-7890', expected: '+6281234567890' },
    { input: '081234567890', expected: '+6281234567890' },
    { input: '0812 3456 7890', expected: '+6281234567890' },
    { input: '0812.3456.7890', expected: '+6281234567890' },
    { input: '+62 812 3456 7890', expected: '+6281234567890' },
    { input: '+62-812-3456-7890', expected: '+6281234567890' },
    { input: '+62 (0) 812 3456 7890', expected: '+6281234567890' },
    { input: '+6281234567890', expected: '+6281234567890' },
    { input: '6281234567890', expected: '+6281234567890' },
    { input: '62 812 3456 7890', expected: '+6281234567890' },
    { input: '812 3456 7890', expected: '+6281234567890' },
    { input: '  0812 3456 7890  ', expected: '+6281234567890' },
    { input: '0812\u00a03456\u00a07890', expected: '+6281234567890' },
    // Shortest and longest Indonesian mobiles.
    { input: '0812 345 678', expected: '+62812345678' },
    { input: '0812 3456 78901', expected: '+62812345678901' },
    // Landlines with an area code in brackets.
    { input: '(031) 123 4567', expected: '+62311234567' },
    { input: '(021) 5555 1234', expected: '+622155551234' },
    { input: '(0361) 234567', expected: '+62361234567' },
    // Another country's number is kept, in E.164.
    { input: '+44 20 7946 0958', expected: '+442079460958' },
    { input: '+1 (415) 555-2671', expected: '+14155552671' },
    { input: '+60 12-345 6789', expected: '+60123456789' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected });
  });
});

describe('normalizePhone rejects what is not a phone number', () => {
  it.each<{ name: string; input: string }>([
    { name: 'empty', input: '' },
    { name: 'only spaces', input: '   ' },
    { name: "just '+'", input: '+' },
    { name: "just '+62'", input: '+62' },
    { name: 'letters', input: 'abc' },
    { name: 'letters among digits', input: '0812-34S6-7890' },
    { name: 'a word', input: 'nomor saya 0812' },
    { name: 'an e-mail address', input: 'sri@example.com' },
    { name: 'too short', input: '0812' },
    { name: 'too short for a landline', input: '(031) 123' },
    { name: 'too long', input: '0812 3456 7890 1234' },
    { name: 'a plus in the middle', input: '0812+34567890' },
    { name: 'two pluses', input: '++6281234567890' },
    { name: 'only zeros', input: '0000000000' },
    { name: 'a foreign number too short', input: '+44 1234' },
    { name: 'a foreign number too long (over 15 digits)', input: '+44 1234 5678 9012 34' },
    { name: 'a country code starting with 0', input: '+0123456789' },
    { name: 'a slash', input: '0812/34567890' },
  ])('$name ($input)', ({ input }) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason: 'invalid_phone' });
  });
});

describe('formatPhone writes a stored number for reading', () => {
  it.each<{ stored: string; expected: string }>([
    { stored: '+6281234567890', expected: '+62 812-3456-7890' },
    { stored: '+62812345678', expected: '+62 812-345-678' },
    { stored: '+628123456789', expected: '+62 812-3456-789' },
    { stored: '+62812345678901', expected: '+62 812-3456-78901' },
    { stored: '+62311234567', expected: '+62 31 1234 567' },
    { stored: '+622155551234', expected: '+62 21 5555 1234' },
    { stored: '+62361234567', expected: '+62 361 2345 67' },
    // Not ours to regroup: another country, or a row from before numbers were normalised.
    { stored: '+442079460958', expected: '+442079460958' },
    { stored: '0812-3456-7890', expected: '0812-3456-7890' },
  ])('$stored → $expected', ({ stored, expected }) => {
    expect(formatPhone(stored)).toBe(expected);
  });

  it.each(['0812-3456-7890', '(031) 123 4567', '+62 812 345 678', '0812 3456 78901'])('reads back to the same number: %s', (typed) => {
    const stored = normalizePhone(typed);
    if (!stored.ok) throw new Error(`not a number: ${typed}`);
    expect(normalizePhone(formatPhone(stored.value))).toEqual(stored);
  });
});
