import { bilingual } from '../bilingual.js';

/**
 * Words drawn inside the digest chart (plain text, not HTML: the chart
 * renderer escapes what it draws into SVG itself).
 */
export const chart = bilingual({
  id: {
    cumulative: 'Transaksi kumulatif per hari',
    byCategory: 'Total per kategori',
    target: (amount: string) => `Target ${amount}`,
    noReports: 'Belum ada laporan',
    asOf: (date: string) => `Per ${date}`,
    realised: 'Tunai',
    committed: 'Pesanan + LoI',
    investment: 'Investasi',
  },
  en: {
    cumulative: 'Cumulative value per day',
    byCategory: 'Total by category',
    target: (amount) => `Target ${amount}`,
    noReports: 'No reports yet',
    asOf: (date) => `As of ${date}`,
    realised: 'Cash',
    committed: 'Orders + LoI',
    investment: 'Investment',
  },
});
