/**
 * /peringkat (/leaderboard) end to end: officials see the top exhibitors of
 * the active mission by realised (retail) and by total, and the top of each
 * category, in a private chat or in a group. Voided reports do not count;
 * exhibitors' names are escaped; everyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { JATIM_BANTEN } from '../support/fixtures.js';

const ENGLISH_OFFICIAL_ID = 7002;
const NOW = new Date('2026-11-26T03:00:00Z'); // 10:00 WIB on the first day

describe.each(TEST_PROVIDERS)('/peringkat on %s', (provider) => {
  let bot: TestBot;
  let official: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [ENGLISH_OFFICIAL_ID] });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  /** Every leaderboard the bot has sent anywhere. */
  const leaderboardsSent = () =>
    bot.sim.callsOf('sendMessage').filter((call) => /Peringkat peserta|Exhibitor leaderboard/.test(String(call.params.text))).length;

  // Runs before the mission below exists (tests and suites run in the order written).
  it('answers that there is no active mission', async () => {
    await official.send('/peringkat');
    expect(official.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
  });

  describe('with a mission', () => {
    let sri: SimUser;
    let rudy: SimUser;
    let ahmad: SimUser;

    beforeAll(async () => {
      await createMissionByChat(official, JATIM_BANTEN);
      expect(await bot.db.prisma.mission.count({ where: { status: 'ACTIVE' } })).toBe(1);
      sri = bot.sim.user({ id: 8001, firstName: 'Bu Sri' });
      rudy = bot.sim.user({ id: 8002, firstName: 'Bu Rudy' });
      ahmad = bot.sim.user({ id: 8003, firstName: 'Pak Ahmad' });
      await registerByChat(sri, { name: 'Keripik <Sri> & Co', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
      await registerByChat(rudy, { name: 'Sambal Bu Rudy', category: 'Makanan', province: 'Jawa Timur', city: 'Surabaya', phone: '081234567891' });
      await registerByChat(ahmad, { name: 'Kopi Pak Ahmad', category: 'Minuman', province: 'Jawa Timur', city: 'Banyuwangi', phone: '081234567892' });
      expect(await bot.db.prisma.exhibitor.count()).toBe(3);
    });

    it('says there is no ranking while nobody has reported', async () => {
      await official.send('/peringkat');
      expect(official.lastText()).toMatch(/Belum ada laporan transaksi, jadi belum ada peringkat/);
    });

    describe('and reports', () => {
      beforeAll(async () => {
        await reportSale(sri, '6 jt keripik');
        await reportSale(sri, '50 jt keripik 1000 pcs');
        await reportSale(rudy, '5 jt sambal');
        await reportSale(rudy, '1 jt sambal botol');
        await reportSale(ahmad, '2 jt kopi bubuk');
        await reportSale(ahmad, '10 jt kontrak kopi');
        // Sri's big report was a typo and is voided: it must not count.
        const typo = await bot.db.prisma.saleReport.findFirstOrThrow({ where: { amount: 50_000_000n } });
        await createRepositories(bot.db).sales.voidReport({ id: typo.id, reason: 'salah ketik', actorId: BigInt(OFFICIAL_ID), at: NOW });
        expect(await bot.db.prisma.saleReport.count({ where: { voidedAt: null } })).toBe(5);
      });

      it('ranks by realised and by total, breaks the tie, and ranks each category', async () => {
        await official.send('/peringkat');
        const text = official.lastText() ?? '';
        expect(text.split('\n')).toEqual([
          '🏆 Peringkat peserta — Misi Dagang Jawa Timur – Banten',
          '',
          '💵 Terealisasi (tunai)',
          // Rp6 jt each: Bu Rudy has more reports, so goes first, every time.
          '🥇 Sambal Bu Rudy (Makanan) — Rp6 jt',
          '🥈 Keripik <Sri> & Co (Makanan) — Rp6 jt',
          '🥉 Kopi Pak Ahmad (Minuman) — Rp2 jt',
          '',
          '📈 Total transaksi',
          '🥇 Kopi Pak Ahmad (Minuman) — Rp12 jt',
          '🥈 Sambal Bu Rudy (Makanan) — Rp6 jt',
          '🥉 Keripik <Sri> & Co (Makanan) — Rp6 jt',
          '',
          '🗂 Teratas per kategori',
          'Makanan',
          '🥇 Sambal Bu Rudy — Rp6 jt',
          '🥈 Keripik <Sri> & Co — Rp6 jt',
          'Minuman',
          '🥇 Kopi Pak Ahmad — Rp12 jt',
        ]);
        // The name went to Telegram escaped, inside the bold tag.
        expect(official.lastMessage()?.text).toContain('<b>Keripik &lt;Sri&gt; &amp; Co</b>');
      });

      it('answers in a group too', async () => {
        const group = bot.sim.group({ title: 'Petugas Misi Jatim' });
        await official.send(`/peringkat@${bot.sim.botUsername}`, { chat: group });
        expect(group.lastText()).toContain('🏆 Peringkat peserta — Misi Dagang Jawa Timur – Banten');
        expect(group.lastText()).toContain('🥇 Kopi Pak Ahmad (Minuman) — Rp12 jt');
      });

      it('speaks English to an English-speaking official', async () => {
        const john = bot.sim.user({ id: ENGLISH_OFFICIAL_ID, firstName: 'John', languageCode: 'en' });
        await john.send('/leaderboard');
        const text = john.lastText() ?? '';
        expect(text).toContain('🏆 Exhibitor leaderboard — Misi Dagang Jawa Timur – Banten');
        expect(text).toContain('💵 Realised (retail)');
        expect(text).toContain('🥇 Kopi Pak Ahmad (Drinks) — Rp12 m');
        expect(text).toContain('🗂 Top per category');
      });

      it('refuses exhibitors and buyers, in private and in a group, and sends no ranking', async () => {
        const before = leaderboardsSent();
        const buyer = bot.sim.user({ id: 9100, firstName: 'Pembeli' });
        const englishBuyer = bot.sim.user({ id: 9101, firstName: 'Buyer', languageCode: 'en' });
        for (const [user, command] of [[sri, '/peringkat'], [ahmad, '/leaderboard'], [buyer, '/peringkat']] as const) {
          await user.send(command);
          expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
        }
        await englishBuyer.send('/leaderboard');
        expect(englishBuyer.lastText()).toMatch(/This command is for mission officials/);
        const group = bot.sim.group({ title: 'Peserta Misi Jatim' });
        await sri.send('/peringkat', { chat: group });
        await buyer.send(`/leaderboard@${bot.sim.botUsername}`, { chat: group });
        expect(group.messages().map((message) => message.plain)).toEqual([
          expect.stringMatching(/khusus petugas misi/),
          expect.stringMatching(/khusus petugas misi/),
        ]);
        expect(leaderboardsSent()).toBe(before);
      });

      it('changes nothing in the database', async () => {
        const counts = async () => [await bot.db.prisma.saleReport.count(), await bot.db.prisma.auditLog.count()];
        const before = await counts();
        await official.send('/peringkat');
        expect(await counts()).toEqual(before);
      });
    });
  });
});
