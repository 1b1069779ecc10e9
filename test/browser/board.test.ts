/**
 * The live board in a real browser (Debian's Chromium, driven by
 * playwright-core): the counter climbs within a second of a sale reported
 * through the simulator, without a reload; the English page; a wrong key
 * gets 404; no buyer name or phone number reaches the page. Screenshots at
 * 1920×1080 and at a phone size are taken every run (into a temporary
 * folder; `UPDATE_SCREENSHOTS=1` writes them to docs/ for the README).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { JATIM_BANTEN } from '../support/fixtures.js';

export const CHROMIUM = { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs' : mkdtempSync(join(tmpdir(), 'board-shots-'));
const PHONES = ['081234567890', '+62 813 1111 2222', '0857-2222-3333', '0819 4444 5555'];
const BUYERS = ['Toko Makmur Serang', 'Pemkot Serang', 'PT Banten Niaga', 'Hotel Le Dian'];

describe.each(TEST_PROVIDERS)('the board in Chromium on %s', (provider) => {
  let bot: TestBot;
  let browser: Browser;
  let url: string;
  let clock = new Date('2026-11-26T04:00:00Z'); // 11:00 WIB on the first day
  const exhibitors: SimUser[] = [];

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => clock });
    browser = await chromium.launch(CHROMIUM);
    const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
    const shops = [
      { name: 'Keripik Tempe Bu Sri', category: 'Makanan', city: 'Malang' },
      { name: 'Kopi Ijen Pak Harto', category: 'Minuman', city: 'Bondowoso' },
      { name: 'Batik Tulis Madura Rina', category: 'Fashion', city: 'Pamekasan' },
      { name: 'Anyaman Pandan Bu Wati', category: 'Kerajinan', city: 'Tulungagung' },
    ];
    for (const [index, shop] of shops.entries()) {
      const owner = bot.sim.user({ id: 8100 + index, firstName: shop.name.split(' ').slice(-2).join(' ') });
      await registerByChat(owner, { ...shop, province: 'Jawa Timur', phone: PHONES[index]! });
      exhibitors.push(owner);
    }
    // Day one and the morning of day two, so the chart has a line.
    const day = [
      ['1,5jt keripik tempe 30 pcs', 0],
      ['750rb kopi arabika 10 bungkus', 1],
      ['450 jt kontrak batik tulis seragam', 2],
      ['85 jt mou anyaman pandan 400 tas', 3],
      ['2,35 jt keripik tempe pedas 47 pcs', 0],
      ['120 jt mou kopi 2 ton', 1],
    ] as const;
    for (const [index, [line, who]] of day.entries()) {
      clock = new Date(Date.UTC(2026, 10, 26, 3 + index, 10 * index));
      await reportSale(exhibitors[who]!, `${line} @${BUYERS[index % BUYERS.length]}`);
    }
    clock = new Date('2026-11-27T02:30:00Z');
    await reportSale(exhibitors[2]!, `380 jt kontrak batik cap @${BUYERS[0]}`);
    await reportSale(exhibitors[3]!, `12,5 jt anyaman pandan 50 pcs @${BUYERS[1]}`);
    await official.send('/papan');
    url = `http://127.0.0.1:${bot.app.http.port}${/\/papan\/\S+/.exec(official.lastText() ?? '')?.[0] ?? ''}`;
    expect(url).toMatch(/\/papan\/misi-dagang-jawa-timur-banten\?key=[\w-]{24}$/);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; status: number }> {
    const page = await browser.newPage({ viewport });
    const response = await page.goto(path);
    return { page, status: response?.status() ?? 0 };
  }

  it('shows a sale reported through the simulator within a second, without a reload', async () => {
    const { page, status } = await open(url, { width: 1920, height: 1080 });
    expect(status).toBe(200);
    await expect.poll(() => page.locator('#live').getAttribute('class'), { timeout: 5_000 }).toContain('on');
    const before = await page.locator('#total').getAttribute('data-total');
    expect(before).toBe('1052100000');
    await page.evaluate('window.sameDocument = true');
    clock = new Date('2026-11-27T03:00:00Z');
    await reportSale(exhibitors[0]!, '3,3 jt keripik tempe 66 pcs @Pak Joko Widodo');
    const saved = Date.now();
    await expect.poll(() => page.locator('#total').getAttribute('data-total'), { timeout: 1_000, interval: 50 }).toBe('1055400000');
    const latency = Date.now() - saved;
    expect(latency).toBeLessThan(1_000);
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    await expect(page.locator('.latest li').first().textContent()).resolves.toContain('Keripik Tempe Bu Sri');
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(1_300); // let the highlight fade before the picture
    await page.screenshot({ path: join(SHOTS, 'board-1920x1080.png') });
    expect(readFileSync(join(SHOTS, 'board-1920x1080.png')).subarray(1, 4).toString()).toBe('PNG');
    // Nothing the board draws overflows the screen sideways.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1920);
    await page.close();
  });

  it('never shows a buyer name or a phone number', async () => {
    const { page } = await open(url, { width: 1920, height: 1080 });
    const content = await page.content();
    expect(content).toContain('Keripik Tempe Bu Sri');
    for (const secret of [...BUYERS, 'Joko', ...PHONES, '6281', '0812']) expect(content).not.toContain(secret);
    await page.close();
  });

  it('reads well on a phone and in English', async () => {
    const { page, status } = await open(`${url}&lang=en`, { width: 390, height: 844 });
    expect(status).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('.hero .label').textContent()).resolves.toBe('Total transactions');
    await expect(page.locator('.latest h2').textContent()).resolves.toBe('Latest reports');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'board-390x844.png'), fullPage: true });
    await page.close();
  });

  it('gets 404 with a wrong key', async () => {
    const { page, status } = await open(url.replace(/key=[\w-]+/, 'key=not-the-key'), { width: 1280, height: 800 });
    expect(status).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Papan tidak ditemukan');
    expect(await page.content()).not.toContain('Keripik');
    await page.close();
  });
});
