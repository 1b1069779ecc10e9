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
