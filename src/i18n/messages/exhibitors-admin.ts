import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import { missionName } from '../mission-name.js';

/** One exhibitor line of /peserta, formatted. */
export interface ExhibitorLineView {
  number: number;
  name: string;
  category: string;
  province: string;
  booth: string | null;
  verified: boolean;
}

export interface ExhibitorPageView {
  mission: string;
  total: number;
  verified: number;
  page: number;
  pages: number;
  lines: ExhibitorLineView[];
}

/** /peserta: the officials' list of exhibitors, with a verify button per unverified one. */
export const exhibitorsAdmin = bilingual({
  id: {
    page: (v: ExhibitorPageView) =>
      lines([
        html`👥 <b>Peserta ${v.mission}</b>`,
        html`${v.total} terdaftar · ${v.verified} terverifikasi${v.pages > 1 ? ` · halaman ${v.page}/${v.pages}` : ''}`,
        '',
        ...v.lines.map(
          (l) => html`${l.number}. ${l.verified ? '✔️' : '⏳'} <b>${l.name}</b> — ${l.category} · ${l.province}${l.booth ? ` · stan ${l.booth}` : ''}`,
        ),
        '',
        html`<i>✔️ terverifikasi · ⏳ belum. Tekan tombol nomor peserta untuk memverifikasinya.</i>`,
      ]),
    empty: (mission: string) => html`Belum ada peserta terdaftar di <b>${mission}</b>. Bagikan tautan dari /undang.`,
    verifyButton: (number: number, name: string) => `✔️ ${number}. ${name}`,
    previousButton: '◀️ Sebelumnya',
    nextButton: 'Berikutnya ▶️',
    verifiedToast: (name: string) => `${name} terverifikasi ✔️`,
    alreadyVerified: (name: string) => `${name} sudah terverifikasi.`,
    notFound: 'Peserta ini tidak ditemukan di misi aktif.',
    verifiedNotice: (business: string, mission: string) => html`✔️ Usaha <b>${business}</b> sudah diverifikasi petugas ${missionName(mission, 'id')}.`,
  },
  en: {
    page: (v) =>
      lines([
        html`👥 <b>Exhibitors of ${v.mission}</b>`,
        html`${v.total} registered · ${v.verified} verified${v.pages > 1 ? ` · page ${v.page}/${v.pages}` : ''}`,
        '',
        ...v.lines.map(
          (l) => html`${l.number}. ${l.verified ? '✔️' : '⏳'} <b>${l.name}</b> — ${l.category} · ${l.province}${l.booth ? ` · booth ${l.booth}` : ''}`,
        ),
        '',
        html`<i>✔️ verified · ⏳ not yet. Tap an exhibitor's number button to verify it.</i>`,
      ]),
    empty: (mission) => html`No exhibitors have registered in <b>${mission}</b> yet. Share a link from /invite.`,
    verifyButton: (number, name) => `✔️ ${number}. ${name}`,
    previousButton: '◀️ Previous',
    nextButton: 'Next ▶️',
    verifiedToast: (name) => `${name} verified ✔️`,
    alreadyVerified: (name) => `${name} is already verified.`,
    notFound: 'This exhibitor is not in the active mission.',
    verifiedNotice: (business, mission) => html`✔️ Your business <b>${business}</b> has been verified by the officials of <b>${mission}</b>.`,
  },
});
