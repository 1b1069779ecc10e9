import { summarizeReports, type ExportData, type ExportExhibitor, type ExportReport } from '../../src/domain/export.js';
import type { Mission } from '../../src/domain/entities.js';
import { JATIM_BANTEN_ROW } from './fixtures.js';

/**
 * A three-day mission with seven reports, three exhibitors and two products,
 * amounts up to Rp1,25 M: the workbook check (scripts/check-workbook.ts) and
 * the print-setup test export it.
 */
export function sampleExport(): ExportData {
  const mission: Mission = { id: 1, ...JATIM_BANTEN_ROW, status: 'ACTIVE', digestTime: '20:00', reminderTime: null, registrationOpen: true };
  const exhibitors: ExportExhibitor[] = [
    { id: 1, missionId: 1, ownerId: 8001n, name: 'Keripik Tempe Bu Sri', category: 'makanan', province: 'JATIM', city: 'Malang', phone: '+6281234567890', booth: 'A-12', verified: true, registeredAt: new Date('2026-11-25T02:00:00Z') },
    { id: 2, missionId: 1, ownerId: 8002n, name: 'Kopi Ijen Bondowoso', category: 'minuman', province: 'JATIM', city: 'Bondowoso', phone: '+6285733334444', booth: 'B-03', verified: false, registeredAt: new Date('2026-11-25T03:30:00Z') },
    { id: 3, missionId: 1, ownerId: 8003n, name: 'Batik Tulis Madura Sumenep', category: 'fashion', province: 'JATIM', city: 'Sumenep', phone: null, booth: null, verified: true, registeredAt: new Date('2026-11-25T04:10:00Z') },
  ];
  const base = { missionId: 1, productId: null, quantity: null, unit: null, buyerName: null, buyerOrigin: null, voidedAt: null, voidReason: null, verifiedAt: null, productName: null, province: 'JATIM' };
  const r = (id: number, exhibitor: ExportExhibitor, fields: Partial<ExportReport>): ExportReport => ({
    ...base,
    id,
    exhibitorId: exhibitor.id,
    exhibitorName: exhibitor.name,
    category: exhibitor.category,
    reportedById: exhibitor.ownerId,
    productText: null,
    amount: 0n,
    kind: 'RETAIL',
    direction: 'SELL',
    createdAt: new Date('2026-11-26T03:00:00Z'),
    ...fields,
  });
  const [sri, kopi, batik] = exhibitors as [ExportExhibitor, ExportExhibitor, ExportExhibitor];
  const reports: ExportReport[] = [
    r(1, sri, { amount: 1_500_000n, productText: 'keripik tempe', quantity: 30, unit: 'pcs', createdAt: new Date('2026-11-26T03:05:00Z'), verifiedAt: new Date('2026-11-26T05:00:00Z') }),
    r(2, kopi, { amount: 120_000_000n, kind: 'LOI', productText: 'kopi arabika', quantity: 2, unit: 'ton', buyerName: 'PT Banten Niaga Sejahtera', buyerOrigin: 'Serang', createdAt: new Date('2026-11-26T06:40:00Z') }),
    r(3, batik, { amount: 1_250_000_000n, kind: 'ORDER', productText: 'batik tulis motif sekar jagad', quantity: 500, unit: 'lembar', buyerName: 'CV Cilegon Mode', buyerOrigin: 'Cilegon', createdAt: new Date('2026-11-26T08:15:00Z') }),
    r(4, sri, { amount: 750_000n, productText: 'sambal bawang', createdAt: new Date('2026-11-27T02:20:00Z') }),
    r(5, kopi, { amount: 500_000_000n, kind: 'INVESTMENT', direction: 'BUY', productText: 'pabrik sangrai', buyerName: 'Pemkab Pandeglang', buyerOrigin: 'Pandeglang', province: 'BANTEN', createdAt: new Date('2026-11-27T07:00:00Z') }),
    r(6, batik, { amount: 35_000_000n, productText: 'batik cap', quantity: 100, unit: 'lembar', createdAt: new Date('2026-11-28T04:45:00Z'), voidedAt: new Date('2026-11-28T05:00:00Z'), voidReason: 'salah ketik nilai, seharusnya 3,5 jt' }),
    r(7, batik, { amount: 3_500_000n, productText: 'batik cap', quantity: 10, unit: 'lembar', createdAt: new Date('2026-11-28T05:01:00Z') }),
  ];
  return {
    mission,
    reports,
    summary: summarizeReports(reports, mission.timeZone),
    exhibitors,
    products: [
      { id: 1, exhibitorId: 1, exhibitorName: sri.name, name: 'Keripik Tempe Original 250 g', category: 'makanan', price: 25_000n, unit: 'bungkus', minOrder: 10, description: 'Tempe Malang, tanpa pengawet, tahan 3 bulan.', active: true, createdAt: new Date('2026-11-25T02:10:00Z') },
      { id: 2, exhibitorId: 2, exhibitorName: kopi.name, name: 'Kopi Arabika Ijen (green bean)', category: 'minuman', price: 60_000_000n, unit: 'ton', minOrder: 1, description: null, active: true, createdAt: new Date('2026-11-25T03:40:00Z') },
    ],
  };
}
