import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

describe.each(TEST_PROVIDERS)('start, help, language and progress on %s', (provider) => {
  let bot: TestBot;
  let now = new Date('2026-11-20T03:00:00Z');
  let official: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  it('greets by name and points to /bantuan, also before any mission exists', async () => {
    const user = bot.sim.user({ id: 9001, firstName: 'Bu <Ani>' });
    await user.send('/start');
    expect(user.lastText()).toContain('Halo, Bu <Ani>!');
    expect(user.lastMessage()?.text).toContain('Bu &lt;Ani&gt;');
    expect(user.lastText()).toContain('Belum ada misi yang berjalan.');
    await user.send('/progres');
    expect(user.lastText()).toContain('Belum ada misi dagang yang aktif');
  });

  it('answers an unknown invite code politely (invites: test/e2e/invites.test.ts)', async () => {
    const user = bot.sim.user({ id: 9002, firstName: 'Pak Joko' });
    await user.send('/start join_ABC123');
    expect(user.lastText()).toContain('Kode undangan ini tidak saya kenal');
  });

  it('lists the commands each role may use, and no more', async () => {
    await official.send('/bantuan');
    expect(official.lastText()).toContain('/misi (/mission)');
    expect(official.lastText()).toContain('petugas');

    const newcomer = bot.sim.user({ id: 9003, firstName: 'Tamu', languageCode: 'en' });
    await newcomer.send('/help');
    const text = newcomer.lastText() ?? '';
    expect(text).toContain('/register (/daftar)');
    expect(text).toContain('/progress (/progres)');
    expect(text).not.toContain('/mission');
    expect(text).not.toContain('/sale');
  });

  it('switches language with /bahasa and keeps the choice', async () => {
    const user = bot.sim.user({ id: 9004, firstName: 'Tan', languageCode: 'id' });
    await user.send('/bahasa');
    await user.tap(/English/);
    expect(user.lastText()).toBe('OK, I will use English.');
    await user.send('/start');
    expect(user.lastText()).toContain('Hello, Tan!');
    const row = await bot.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: 9004n } });
    expect(row.language).toBe('en');
    await user.send('/language');
    await user.tap(/Bahasa Indonesia/);
    expect(user.lastText()).toBe('Baik, saya akan memakai Bahasa Indonesia.');
  });

  it('shows progress before, during and after the mission, in the mission time zone', async () => {
    await createMissionByChat(official, {
      name: 'Misi Dagang Jawa Timur – Papua',
      origin: 'Jawa Timur',
      host: 'Papua',
      city: 'Jayapura',
      start: '26-11-2026',
      end: '28-11-2026',
      timeZone: 'WIT',
      target: '1 M',
    });
    const asker = bot.sim.user({ id: 9005, firstName: 'Wartawan' });
    await asker.send('/progres');
    expect(asker.lastText()).toContain('Misi dimulai 6 hari lagi.');
    expect(asker.lastText()).toContain('Jayapura, Papua · 26 Nov 2026 – 28 Nov 2026 (WIT)');

    // 23:30 WIT on 26 Nov is 14:30 UTC: already the first day in Jayapura.
    now = new Date('2026-11-26T14:30:00Z');
    const seller = bot.sim.user({ id: 9006, firstName: 'Mama Yosina' });
    await registerByChat(seller, { name: 'Noken Mama Yosina', category: 'Kerajinan', province: 'Papua', city: 'Jayapura', phone: '081299990000' });
    await seller.send('/lapor 250 jt kontrak noken');
    await seller.tap('✅ Simpan');
    await asker.send('/progres');
    const during = asker.lastText() ?? '';
    expect(during).toContain('Total: Rp250 jt dari target Rp1 M');
    expect(during).toContain('25%');
    expect(during).toContain('Hari ini: Rp250 jt (1 transaksi)');
    expect(during).toContain('Komitmen (pesanan + LoI): Rp250 jt');
    expect(during).toContain('Sisa 3 hari · perlu Rp250 jt/hari');

    // 15:00 UTC on 26 Nov is midnight in Jayapura: a new day, today's sum starts again.
    now = new Date('2026-11-26T15:00:00Z');
    await asker.send('/progres');
    expect(asker.lastText()).toContain('Hari ini: Rp0 (0 transaksi)');
    expect(asker.lastText()).toContain('Sisa 2 hari');

    now = new Date('2026-11-29T03:00:00Z');
    await asker.send('/progres');
    expect(asker.lastText()).toContain('Misi sudah selesai.');
  });
});
