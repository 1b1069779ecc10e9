import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import { plural } from '../plural.js';

/** What /papan tells an official about the mission's board. */
export interface BoardLinkView {
  mission: string;
  /** The full link when PUBLIC_URL is set, else the path on the bot's server. */
  link: string;
  isPublic: boolean;
  hasPublicUrl: boolean;
}

/** The live board page (src/server/board-page.ts) and /papan in the bot. */
export const board = bilingual({
  id: {
    page: {
      title: (mission: string) => `Papan ${mission}`,
      total: 'Total transaksi',
      ofTarget: (target: string) => `dari target ${target}`,
      noTarget: 'Target belum ditetapkan',
      today: 'Hari ini',
      transactions: (n: number) => `${n} transaksi`,
      realised: 'Terealisasi',
      realisedNote: 'tunai',
      committed: 'Komitmen',
      committedNote: 'pesanan + LoI',
      investment: 'Investasi',
      sell: 'Jual',
      buy: 'Beli',
      daysLeft: 'Sisa hari',
      neededPerDay: 'Perlu per hari',
      meetingsHeld: 'Temu bisnis terlaksana',
      meetingsNote: (booked: number, deals: number) => `${booked} terjadwal · ${deals} deal`,
      reached: 'Target tercapai! 🎉',
      startsIn: (n: number) => `Misi dimulai ${n} hari lagi`,
      ended: 'Misi sudah selesai',
      chart: 'Kumulatif dan laju target',
      cumulative: 'Kumulatif',
      pace: 'Laju menuju target',
      target: 'Target',
      categories: 'Per kategori',
      latest: 'Laporan terbaru',
      noReports: 'Belum ada laporan. Angka muncul di sini begitu peserta melapor.',
      live: 'Langsung',
      reconnecting: 'Menyambung ulang…',
      updated: (time: string, zone: string) => `Diperbarui ${time} ${zone}`,
      otherLanguage: 'English',
      notFoundTitle: 'Papan tidak ditemukan',
      notFound: 'Tautan ini salah atau sudah tidak berlaku. Minta tautan baru kepada petugas misi (/papan di bot).',
    },
    message: (b: BoardLinkView) =>
      lines([
        html`📺 <b>Papan ${b.mission}</b>`,
        html`Halaman langsung untuk layar pameran atau ponsel: angka bertambah sendiri begitu peserta melapor.`,
        '',
        b.hasPublicUrl ? html`${b.link}` : html`<code>${b.link}</code>`,
        !b.hasPublicUrl && html`<i>Alamat lengkap muncul setelah PUBLIC_URL diatur di server bot.</i>`,
        '',
        b.isPublic
          ? html`🌐 Publik: siapa pun yang tahu alamatnya bisa membuka papan.`
          : html`🔒 Dengan kunci: hanya tautan di atas yang bisa membuka papan. Ganti kunci kalau tautan tersebar ke orang yang salah.`,
      ]),
    openButton: '📺 Papan',
    makePublicButton: '🌐 Jadikan publik',
    makePrivateButton: '🔒 Pakai kunci lagi',
    rotateButton: '🔄 Ganti kunci',
    madePublic: 'Papan sekarang publik.',
    madePrivate: 'Papan sekarang hanya dengan kunci.',
    rotated: 'Kunci baru dibuat; tautan lama tidak berlaku lagi.',
  },
  en: {
    page: {
      title: (mission) => `${mission} board`,
      total: 'Total transactions',
      ofTarget: (target) => `of the ${target} target`,
      noTarget: 'No target set yet',
      today: 'Today',
      transactions: (n) => `${n} ${n === 1 ? 'transaction' : 'transactions'}`,
      realised: 'Realised',
      realisedNote: 'retail',
      committed: 'Committed',
      committedNote: 'orders + LoI',
      investment: 'Investment',
      sell: 'Sell',
      buy: 'Buy',
      daysLeft: 'Days left',
      neededPerDay: 'Needed per day',
      meetingsHeld: 'Business meetings held',
      meetingsNote: (booked, deals) => `${booked} booked · ${plural(deals, 'deal', 'deals')}`,
      reached: 'Target reached! 🎉',
      startsIn: (n) => `The mission starts in ${n} ${n === 1 ? 'day' : 'days'}`,
      ended: 'The mission has ended',
      chart: 'Cumulative and target pace',
      cumulative: 'Cumulative',
      pace: 'Pace to the target',
      target: 'Target',
      categories: 'By category',
      latest: 'Latest reports',
      noReports: 'No reports yet. Figures appear here as soon as exhibitors report.',
      live: 'Live',
      reconnecting: 'Reconnecting…',
      updated: (time, zone) => `Updated ${time} ${zone}`,
      otherLanguage: 'Bahasa Indonesia',
      notFoundTitle: 'Board not found',
      notFound: 'This link is wrong or no longer valid. Ask a mission official for a new one (/board in the bot).',
    },
    message: (b) =>
      lines([
        html`📺 <b>${b.mission} board</b>`,
        html`A live page for the exhibition screen or a phone: the figures climb by themselves as exhibitors report.`,
        '',
        b.hasPublicUrl ? html`${b.link}` : html`<code>${b.link}</code>`,
        !b.hasPublicUrl && html`<i>The full address appears once PUBLIC_URL is set on the bot's server.</i>`,
        '',
        b.isPublic
          ? html`🌐 Public: anyone who knows the address can open the board.`
          : html`🔒 With a key: only the link above opens the board. Rotate the key if the link reached the wrong people.`,
      ]),
    openButton: '📺 Board',
    makePublicButton: '🌐 Make public',
    makePrivateButton: '🔒 Require the key again',
    rotateButton: '🔄 Rotate key',
    madePublic: 'The board is public now.',
    madePrivate: 'The board needs its key now.',
    rotated: 'A new key was made; the old link no longer works.',
  },
});
