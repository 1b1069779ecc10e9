import type { BotApiSimulator, SimChat, SimMessage, SimUser } from '../simulator/index.js';
import { addDays, localDate } from '../domain/time.js';
import { createMissionByChat, createProductByChat, registerByChat } from './flows.js';

/** The official of the demo; the runner makes this id an admin. */
export const DEMO_OFFICIAL_ID = 5_100_001;

/** What the demo's exhibitors report in one line, typed the way people type; the sums are checked by a test. */
export const OPENING_DAY_REPORTS: readonly { who: 'sri' | 'harto' | 'rina'; line: string; amount: bigint }[] = [
  { who: 'sri', line: '1,5jt keripik tempe 30 pcs', amount: 1_500_000n },
  { who: 'harto', line: 'Rp 750.000 kopi arabika ijen 10 bungkus @Toko Makmur Serang', amount: 750_000n },
  { who: 'rina', line: '2,5 M kontrak batik tulis seragam pembeli: Pemkot Serang', amount: 2_500_000_000n },
  { who: 'sri', line: '850rb keripik tempe pedas 17 pcs', amount: 850_000n },
  { who: 'harto', line: '120 jt mou kopi 2 ton dengan PT Banten Niaga', amount: 120_000_000n },
];

/** Pak Harto's report through the step-by-step wizard. */
export const WIZARD_REPORT = { amount: 45_000_000n, typed: '45 jt' } as const;

/** Bu Sri's second report is a slip of the thumb; she voids it. */
export const VOIDED_REPORT = { line: '85 jt keripik tempe pedas', amount: 85_000_000n, reason: 'salah ketik, seharusnya 850rb' } as const;

export interface OpeningDayCast {
  official: SimUser;
  sri: SimUser;
  harto: SimUser;
  rina: SimUser;
  buyer: SimUser;
  group: SimChat;
}

export interface OpeningDayOutputs {
  /** The digest's chart as the group received it. */
  chart: SimMessage | undefined;
  /** The documents /ekspor sent: the workbook and the CSV. */
  exports: SimMessage[];
}

/**
 * A scripted opening day of "Misi Dagang Jawa Timur – Banten": the official
 * creates the mission (target Rp3 miliar) and subscribes the team's group to
 * the digest; three UMKM register, one lists a product, and they report sales
 * in one line and through the wizard; one slip is voided; a buyer browses the
 * catalog, searches and asks, and the exhibitor accepts; the group gets the
 * milestone alerts and the digest with its chart; the official exports the data.
 */
export async function playOpeningDay(sim: BotApiSimulator, now: Date = new Date()): Promise<OpeningDayCast & OpeningDayOutputs> {
  const official = sim.user({ id: DEMO_OFFICIAL_ID, firstName: 'Pak Budi', lastName: '(Disperindag Jatim)', startedBot: true });
  const cast: OpeningDayCast = {
    official,
    sri: sim.user({ id: 5_200_001, firstName: 'Bu Sri' }),
    harto: sim.user({ id: 5_200_002, firstName: 'Pak Harto' }),
    rina: sim.user({ id: 5_200_003, firstName: 'Mbak Rina' }),
    buyer: sim.user({ id: 5_300_001, firstName: 'Mr. Tan', languageCode: 'en' }),
    group: sim.group({ title: 'Tim Misi Dagang Jatim', admins: [official] }),
  };
  const { sri, harto, rina, buyer, group } = cast;

  // A three-day mission starting today, the end typed the way an official would.
  const [year, month, day] = addDays(localDate(now, 'Asia/Jakarta'), 2).split('-');
  await official.send('/start');
  await createMissionByChat(official, {
    name: 'Misi Dagang Jawa Timur – Banten',
    origin: 'jatim',
    host: 'Banten',
    city: 'Serang',
    start: 'hari ini',
    end: `${day}-${month}-${year}`,
    timeZone: 'WIB',
    target: 'Rp3 miliar',
  });
  await official.send('/langganan 20:00', { chat: group });

  await registerByChat(sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '0812 3456 7890', booth: 'A-12' });
  await registerByChat(harto, { name: 'Kopi Ijen Pak Harto', category: 'Minuman', province: 'jatim', city: 'Bondowoso', phone: '+62 813 1111 2222' });
  await registerByChat(rina, { name: 'Batik Tulis Madura Rina', category: 'Fashion', province: 'Jawa Timur', city: 'Pamekasan', phone: '0857-2222-3333', booth: 'B-03' });
  await createProductByChat(sri, {
    name: 'Keripik Tempe Original',
    category: 'Makanan',
    price: '15rb',
    unit: 'bungkus',
    minOrder: '10',
    description: 'Tempe Malang diiris tipis, digoreng renyah. Tahan 3 bulan.',
    photo: true,
  });
  await createProductByChat(harto, { name: 'Kopi Arabika Ijen 250 g', category: 'Minuman', price: '85.000', unit: 'bungkus' });

  // A typo first: the bot explains, nothing is saved, she tries again.
  await sri.send('/lapor keripik 1.5.5');
  for (const report of OPENING_DAY_REPORTS) {
    await cast[report.who].send(`/lapor ${report.line}`);
    await cast[report.who].tap(/^✅ (Simpan|Save)$/);
    if (report.who === 'rina') await waitForMilestone(sim, group, 75);
  }

  // Pak Harto prefers the step-by-step form.
  await harto.send('/lapor');
  await harto.send(WIZARD_REPORT.typed);
  await harto.tap('Pesanan/kontrak');
  await harto.tap('Kopi Arabika Ijen 250 g');
  await harto.send('500 bungkus');
  await harto.send('Hotel Le Dian Serang');
  await harto.send('banten');
  await harto.tap(/^✅ Simpan$/);

  // Bu Sri reports 85 jt instead of 850 rb, and voids it.
  await sri.send(`/lapor ${VOIDED_REPORT.line}`);
  await sri.tap(/^✅ Simpan$/);
  await sri.send('/batal');
  await sri.tap(/· Rp85 jt ·/);
  await sri.send(VOIDED_REPORT.reason);
  await sri.tap('↩️ Ya, batalkan laporan ini');
  await sri.send('/rekapku');

  // A buyer from the host province browses, searches and asks.
  await buyer.send('/catalog');
  await buyer.tap(/^🍱 /);
  await buyer.send('/search kripik tempe');
  await buyer.tap(/Keripik Tempe Original/);
  await buyer.tap(/^💬 /);
  await buyer.send('Can you supply 200 packs a month to our shop in Cilegon?');
  await buyer.send('200');
  await buyer.tap(/^📨 /);
  await sri.tap(/^✅ Terima/);

  await buyer.send('/progress');

  // The officials' group: the digest now, with its chart; the export in private.
  await official.send('/ringkasan', { chat: group });
  const chartCall = await sim.waitFor((call) => call.method === 'sendPhoto' && call.ok && Number(call.params.chat_id) === group.id, 20_000);
  await sim.settled();
  const chart = group.messages().find((message) => message.photo && message.messageId === messageIdOf(chartCall.response));
  await official.send('/peringkat');
  await official.send('/ekspor');
  const exports = official.messages().filter((message) => message.document);
  return { ...cast, chart, exports };
}

/** Milestone alerts go out through the outbox, a moment after the report that crossed them. */
async function waitForMilestone(sim: BotApiSimulator, group: SimChat, percent: number): Promise<void> {
  await sim.waitFor(
    (call) => call.method === 'sendMessage' && call.ok && Number(call.params.chat_id) === group.id && String(call.params.text).includes(`${percent}%`),
    20_000,
  );
  await sim.settled();
}

function messageIdOf(response: unknown): number | undefined {
  const result = (response as { result?: { message_id?: number } } | undefined)?.result;
  return result?.message_id;
}
