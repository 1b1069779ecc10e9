import type { Lang } from './entities.js';

const DECIMAL: Readonly<Record<Lang, { thousands: string; point: string }>> = {
  id: { thousands: '.', point: ',' },
  en: { thousands: ',', point: '.' },
};

/**
 * `part` as a share of `whole` for a message (`12,3%`, `0,05%`; in English
 * `12.3%`, `0.05%`). Floored, so 99,99 % never reads as 100 %; one decimal
 * from 1 %, two below it, so a first Rp1,5 jt against Rp3 M reads 0,05 %
 * instead of 0 %; and never 0 % once something counts (`<0,01%`). Without a
 * whole (no target yet) or without a part it is `0%`.
 */
export function formatShare(part: bigint, whole: bigint, lang: Lang): string {
  const { thousands, point } = DECIMAL[lang];
  if (whole <= 0n || part <= 0n) return '0%';
  const basis = (part * 10_000n) / whole; // hundredths of a percent
  if (basis === 0n) return `<0${point}01%`;
  const decimals = basis < 100n ? 2 : 1;
  const scaled = decimals === 2 ? basis : basis / 10n;
  const unit = decimals === 2 ? 100n : 10n;
  const integer = (scaled / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const fraction = (scaled % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${integer}${fraction === '' ? '' : `${point}${fraction}`}%`;
}
