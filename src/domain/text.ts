/** Lower case with accents removed (`Kopí` → `kopi`): what users mean is the same word. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A comparable form of typed text: folded, anything but letters and digits a
 * single space (`Kopi  Gayo-Arabika!` → `kopi gayo arabika`, `Lain-lain` →
 * `lain lain`). Categories, provinces, product matching and search compare
 * through it, so they agree on what "the same" is.
 */
export function textKey(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts text to at most `max` UTF-16 code units (how Telegram counts its
 * limits: 4096 for a message, 1024 for a caption, 200 for a callback
 * answer), ending with `…` when cut. Cuts only between graphemes, so no
 * emoji or accented letter is split; escape for HTML after clipping, never
 * before, so no entity is cut in half.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const ellipsis = '…';
  let clipped = '';
  for (const { segment } of graphemes.segment(text)) {
    if (clipped.length + segment.length + ellipsis.length > max) break;
    clipped += segment;
  }
  return clipped + ellipsis;
}

/** Telegram's limits, in UTF-16 code units (callback data in bytes). */
export const TELEGRAM_LIMITS = { text: 4096, caption: 1024, callbackData: 64, callbackAnswer: 200 } as const;

/** How much of what a user typed is quoted back in an answer ("«…» is not a province"): enough to recognise it. */
export const ECHO_MAX = 100;
