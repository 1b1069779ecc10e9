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
