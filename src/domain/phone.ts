import { err, ok, type Result } from './result.js';

/**
 * Normalises an Indonesian mobile or landline number as people type it
 * (`0812-3456-7890`, `+62 812 3456 7890`, `62812...`, `(031) 123 4567`) to
 * E.164 (`+6281234567890`), so buyers get one clickable format. Numbers with
 * another country code are kept as typed in E.164 form.
 */
export function normalizePhone(input: string): Result<string, 'invalid_phone'> {
  const compact = input.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return err('invalid_phone');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('+')) {
    // Another country: E.164 allows 8 to 15 digits after the plus.
    return /^\+[1-9]\d{7,14}$/.test(compact) ? ok(compact) : err('invalid_phone');
  } else national = compact;
  national = national.replace(/^0+/, '');
  // Indonesian numbers have 8 to 12 digits after the country code (mobile: 8xx, 9 to 12 digits).
  if (!/^[1-9]\d{7,11}$/.test(national)) return err('invalid_phone');
  return ok(`+62${national}`);
}

// Two-digit area codes (Jakarta, Bandung, Semarang, Surabaya, Medan); the others have three.
const TWO_DIGIT_AREAS = ['21', '22', '24', '31', '61'];

function groups(digits: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out;
}

/**
 * A stored (E.164) number written for reading and dialling by hand, the
 * Indonesian way: mobiles `+62 812-3456-7890`, landlines with the area code
 * apart `+62 31 1234 567`. Anything else (another country, an old row not in
 * E.164) is returned as stored.
 */
export function formatPhone(stored: string): string {
  const m = /^\+62([1-9]\d{7,11})$/.exec(stored);
  if (!m) return stored;
  const national = m[1] ?? '';
  if (national.startsWith('8')) {
    // 812-345-678, 812-3456-7890, 812-3456-78901
    const rest = national.slice(3);
    const middle = rest.length <= 6 ? 3 : 4;
    return `+62 ${[national.slice(0, 3), rest.slice(0, middle), rest.slice(middle)].join('-')}`;
  }
  const area = TWO_DIGIT_AREAS.includes(national.slice(0, 2)) ? 2 : 3;
  return `+62 ${[national.slice(0, area), ...groups(national.slice(area), [4])].join(' ')}`;
}
