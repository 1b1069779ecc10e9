import type { BotApiSimulator, SimUser } from '../simulator/index.js';
import { addDays, localDate } from '../domain/time.js';
import { createMissionByChat, registerByChat } from './flows.js';

/** The official of the demo; the runner makes this id an admin. */
export const DEMO_OFFICIAL_ID = 5_100_001;

/** What the demo's exhibitors report, typed the way people type; the sum is checked by a test. */
export const OPENING_DAY_REPORTS: readonly { who: 'sri' | 'harto' | 'rina'; line: string; amount: bigint }[] = [
  { who: 'sri', line: '1,5jt keripik tempe 30 pcs', amount: 1_500_000n },
  { who: 'harto', line: 'Rp 750.000 kopi arabika ijen 10 bungkus @Toko Makmur Serang', amount: 750_000n },
  { who: 'rina', line: '2,5 M kontrak batik tulis seragam pembeli: Pemkot Serang', amount: 2_500_000_000n },
  { who: 'sri', line: '850rb keripik tempe pedas 17 pcs', amount: 850_000n },
  { who: 'harto', line: '120 jt mou kopi 2 ton dengan PT Banten Niaga', amount: 120_000_000n },
];

export interface OpeningDayCast {
  official: SimUser;
  sri: SimUser;
  harto: SimUser;
  rina: SimUser;
  buyer: SimUser;
}

/**
 * A scripted opening day of "Misi Dagang Jawa Timur – Banten": the official
 * creates the mission (target Rp3 miliar), three UMKM register and report
 * sales as they would type them, and a buyer asks for the progress.
 */
export async function playOpeningDay(sim: BotApiSimulator, now: Date = new Date()): Promise<OpeningDayCast> {
  // A three-day mission starting today, the end typed the way an official would.
  const [year, month, day] = addDays(localDate(now, 'Asia/Jakarta'), 2).split('-');
  const cast: OpeningDayCast = {
    official: sim.user({ id: DEMO_OFFICIAL_ID, firstName: 'Pak Budi', lastName: '(Disperindag Jatim)' }),
    sri: sim.user({ id: 5_200_001, firstName: 'Bu Sri' }),
    harto: sim.user({ id: 5_200_002, firstName: 'Pak Harto' }),
    rina: sim.user({ id: 5_200_003, firstName: 'Mbak Rina' }),
    buyer: sim.user({ id: 5_300_001, firstName: 'Mr. Tan', languageCode: 'en' }),
  };
  await cast.official.send('/start');
  await createMissionByChat(cast.official, {
    name: 'Misi Dagang Jawa Timur – Banten',
    origin: 'jatim',
    host: 'Banten',
    city: 'Serang',
    start: 'hari ini',
    end: `${day}-${month}-${year}`,
    timeZone: 'WIB',
    target: 'Rp3 miliar',
  });
  await registerByChat(cast.sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '0812 3456 7890', booth: 'A-12' });
  await registerByChat(cast.harto, { name: 'Kopi Ijen Pak Harto', category: 'Minuman', province: 'jatim', city: 'Bondowoso', phone: '+62 813 1111 2222' });
  await registerByChat(cast.rina, { name: 'Batik Tulis Madura Rina', category: 'Fashion', province: 'Jawa Timur', city: 'Pamekasan', phone: '0857-2222-3333', booth: 'B-03' });

  // A typo first: the bot explains, nothing is saved, she tries again.
  await cast.sri.send('/lapor keripik 1.5.5');
  for (const report of OPENING_DAY_REPORTS) {
    const who = cast[report.who];
    await who.send(`/lapor ${report.line}`);
    await who.tap(/Simpan|Save/);
  }
  await cast.buyer.send('/progress');
  return cast;
}
