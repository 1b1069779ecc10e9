import { CATEGORIES } from '../../src/domain/categories.js';
import { PROVINCES } from '../../src/domain/provinces.js';
import type { DbClient } from '../../src/db/database.js';
import { seededRandom } from '../../src/simulator/bot-api-simulator.js';

export { seededRandom };

/**
 * A seeded random catalogue with Indonesian-ish names, and queries over it
 * (whole words, prefixes, typos, categories, provinces): the search tests
 * compare the database's ranking with the reference on it, and
 * scripts/bench/search.ts measures with it.
 */

const KINDS = ['kopi', 'teh', 'keripik', 'sambal', 'batik', 'tenun', 'madu', 'gula', 'dodol', 'rendang', 'abon', 'kerupuk', 'tas', 'anyaman', 'songket', 'jamu', 'bandeng', 'terasi', 'emping', 'wajik'];
const TRAITS = ['pedas', 'manis', 'asin', 'gurih', 'tulis', 'cap', 'hutan', 'aren', 'semut', 'arabika', 'robusta', 'luwak', 'original', 'premium', 'kering', 'basah', 'merah', 'hijau', 'sapi', 'ayam'];
const SYLLABLES = ['ka', 'ri', 'ma', 'su', 'ta', 'wi', 'lo', 'ngan', 'sa', 'ri', 'jo', 'bu', 'de', 'pa', 'yu', 'ni', 'gar', 'ten', 'mur', 'sel'];
const DESCRIPTIONS = ['Dibuat dari bahan pilihan', 'Oleh-oleh khas daerah', 'Tahan lama tanpa pengawet', 'Kemasan rapi untuk hadiah', 'Resep turun temurun', null];

export interface SeedProduct {
  name: string;
  description: string | null;
  category: string;
}

export interface SeedExhibitor {
  name: string;
  province: string;
  category: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A made-up word of two to four syllables (`karisu`), so the vocabulary grows with the catalogue. */
function madeUpWord(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 3);
  return Array.from({ length: syllables }, () => pick(random, SYLLABLES)).join('');
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function seedExhibitors(random: () => number, count: number): SeedExhibitor[] {
  return Array.from({ length: count }, () => ({
    name: `${pick(random, ['Toko', 'Warung', 'UD', 'CV', 'Kedai'])} ${capital(madeUpWord(random))}`,
    province: pick(random, PROVINCES).code,
    category: pick(random, CATEGORIES),
  }));
}

export function seedProducts(random: () => number, count: number): SeedProduct[] {
  return Array.from({ length: count }, () => ({
    name: [pick(random, KINDS), pick(random, TRAITS), madeUpWord(random)].map(capital).join(' '),
    description: random() < 0.5 ? pick(random, DESCRIPTIONS) : `${pick(random, KINDS)} ${madeUpWord(random)} ${pick(random, TRAITS)}`,
    category: pick(random, CATEGORIES),
  }));
}

/** Swaps two neighbouring letters of a long enough word: a typo the search must forgive. */
function typo(random: () => number, word: string): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
}

/** Queries in the proportions buyers type them: whole words, prefixes, typos, two words, a category or a province. */
export function seedQueries(random: () => number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = pick(random, KINDS);
    switch (index % 6) {
      case 0:
        return kind;
      case 1:
        return kind.slice(0, Math.max(3, kind.length - 2));
      case 2:
        return typo(random, pick(random, [...KINDS, ...TRAITS].filter((word) => word.length >= 5)));
      case 3:
        return `${kind} ${pick(random, TRAITS)}`;
      case 4:
        return madeUpWord(random);
      default:
        return pick(random, ['makanan', 'minuman', 'kerajinan', 'jawa timur', 'bali', 'sumatera', 'kopi bali', 'batik jatim']);
    }
  });
}

/**
 * Writes a seeded catalogue into a mission: `exhibitors` businesses (each
 * with an owner of its own) sharing `products` listings, some inactive.
 */
export async function seedCatalog(
  prisma: DbClient,
  missionId: number,
  seed: number,
  counts: { exhibitors: number; products: number },
): Promise<void> {
  const random = seededRandom(seed);
  const firstOwner = 10_000_000 + missionId * 100_000;
  const exhibitors = seedExhibitors(random, counts.exhibitors);
  await prisma.telegramUser.createMany({ data: exhibitors.map((_, i) => ({ id: BigInt(firstOwner + i), firstName: `Pemilik ${i}` })) });
  await prisma.exhibitor.createMany({ data: exhibitors.map((e, i) => ({ ...e, missionId, ownerId: BigInt(firstOwner + i) })) });
  const exhibitorIds = (await prisma.exhibitor.findMany({ where: { missionId }, select: { id: true }, orderBy: { id: 'asc' } })).map((e) => e.id);
  const products = seedProducts(random, counts.products).map((p) => ({
    ...p,
    exhibitorId: pick(random, exhibitorIds),
    price: BigInt(1_000 + Math.floor(random() * 500) * 1_000),
    active: random() >= 0.05,
  }));
  for (let i = 0; i < products.length; i += 5_000) await prisma.product.createMany({ data: products.slice(i, i + 5_000) });
}
