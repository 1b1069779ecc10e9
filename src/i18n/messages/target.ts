import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';

/** The figures /target shows, formatted. */
export interface TargetView {
  mission: string;
  /** Full and compact: Rp3.000.000.000 (Rp3 M). */
  target: string;
  targetCompact: string;
  total: string;
  percent: string;
}

/** /target: see or change the active mission's target. */
export const target = bilingual({
  id: {
    show: (v: TargetView) =>
      lines([
        html`🎯 Target <b>${v.mission}</b>: <b>${v.target}</b> (${v.targetCompact})`,
        html`Tercapai sejauh ini: ${v.total} (${v.percent})`,
        '',
        html`Ubah dengan <code>/target jumlah</code>, misalnya <code>/target 5 M</code>.`,
      ]),
    changed: (before: string, v: TargetView) =>
      lines([
        html`✅ Target <b>${v.mission}</b> diubah: ${before} → <b>${v.target}</b>.`,
        html`Capaian sekarang: ${v.total} (${v.percent}).`,
      ]),
    unchanged: (amount: string) => html`Targetnya sudah ${amount}; tidak ada yang diubah.`,
    bad: (reason: string) => html`${reason} Contoh: <code>/target 5 M</code>, <code>/target 2,5 miliar</code>, <code>/target 750 jt</code>.`,
  },
  en: {
    show: (v) =>
      lines([
        html`🎯 Target of <b>${v.mission}</b>: <b>${v.target}</b> (${v.targetCompact})`,
        html`Reached so far: ${v.total} (${v.percent})`,
        '',
        html`Change it with <code>/target amount</code>, e.g. <code>/target 5 M</code>.`,
      ]),
    changed: (before, v) =>
      lines([
        html`✅ Target of <b>${v.mission}</b> changed: ${before} → <b>${v.target}</b>.`,
        html`Reached now: ${v.total} (${v.percent}).`,
      ]),
    unchanged: (amount) => html`The target already is ${amount}; nothing changed.`,
    bad: (reason) => html`${reason} Examples: <code>/target 5 M</code>, <code>/target 2,5 miliar</code>, <code>/target 750 jt</code>.`,
  },
});
