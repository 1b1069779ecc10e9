import { formatRupiah } from '../domain/money.js';
import type { SimUser } from '../simulator/index.js';
import { reportSale } from './flows.js';

/** What each demo exhibitor sells, and a price range in thousands of rupiah. */
const STOCK: readonly { who: 'sri' | 'harto' | 'rina'; product: string; from: number; to: number }[] = [
  { who: 'sri', product: 'keripik tempe', from: 150, to: 2_500 },
  { who: 'harto', product: 'kopi arabika ijen', from: 200, to: 4_000 },
  { who: 'rina', product: 'batik tulis', from: 500, to: 9_000 },
];

/**
 * `npm run demo -- --keep`: the demo's exhibitors go on reporting a sale
 * every few seconds, so a newcomer watching the board sees it climb.
 * Amounts are random (a repeat would make the bot ask first). Returns a
 * stop function that waits for the report in progress.
 */
export function keepReporting(cast: Record<'sri' | 'harto' | 'rina', SimUser>, print: (line: string) => void): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, 2_000 + Math.random() * 3_000));
      if (stopped) break;
      const item = STOCK[Math.floor(Math.random() * STOCK.length)]!;
      const thousands = item.from + Math.floor(Math.random() * (item.to - item.from));
      try {
        await reportSale(cast[item.who], `${thousands}rb ${item.product}`);
        print(`  ${cast[item.who].name}: ${formatRupiah(BigInt(thousands) * 1000n)} ${item.product}`);
      } catch (error) {
        print(`  (a report did not go through: ${error instanceof Error ? error.message : String(error)})`);
      }
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}
