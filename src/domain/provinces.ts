import { textKey } from './text.js';
/**
 * One of Indonesia's 38 provinces. `code` is what we store (short, stable,
 * readable in a database row); `name` is the official name shown to users;
 * `aliases` are what people actually type; `timeZone` is the province's
 * IANA zone, a sensible default for a mission hosted there.
 */
export interface Province {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
}

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

/**
 * The 38 provinces (since the 2022 Papua split), west to east in the
 * statistics bureau's order, which is also the order of equally good search
 * results.
 */
export const PROVINCES: readonly Province[] = [
  { code: 'ACEH', name: 'Aceh', aliases: ['NAD', 'Nanggroe Aceh Darussalam'], timeZone: WIB },
  { code: 'SUMUT', name: 'Sumatera Utara', aliases: ['Sumut', 'Sumatra Utara', 'North Sumatra'], timeZone: WIB },
  { code: 'SUMBAR', name: 'Sumatera Barat', aliases: ['Sumbar', 'Sumatra Barat', 'West Sumatra'], timeZone: WIB },
  { code: 'RIAU', name: 'Riau', aliases: [], timeZone: WIB },
  { code: 'JAMBI', name: 'Jambi', aliases: [], timeZone: WIB },
  { code: 'SUMSEL', name: 'Sumatera Selatan', aliases: ['Sumsel', 'Sumatra Selatan', 'South Sumatra'], timeZone: WIB },
  { code: 'BENGKULU', name: 'Bengkulu', aliases: [], timeZone: WIB },
  { code: 'LAMPUNG', name: 'Lampung', aliases: [], timeZone: WIB },
  {
    code: 'BABEL',
    name: 'Kepulauan Bangka Belitung',
    aliases: ['Babel', 'Bangka Belitung', 'Bangka Belitung Islands'],
    timeZone: WIB,
  },
  { code: 'KEPRI', name: 'Kepulauan Riau', aliases: ['Kepri', 'Riau Islands'], timeZone: WIB },
  {
    code: 'DKI',
    name: 'DKI Jakarta',
    aliases: ['Jakarta', 'DKI', 'DKJ', 'Daerah Khusus Jakarta', 'Daerah Khusus Ibukota Jakarta'],
    timeZone: WIB,
  },
  { code: 'JABAR', name: 'Jawa Barat', aliases: ['Jabar', 'West Java'], timeZone: WIB },
  { code: 'JATENG', name: 'Jawa Tengah', aliases: ['Jateng', 'Central Java'], timeZone: WIB },
  {
    code: 'DIY',
    name: 'DI Yogyakarta',
    aliases: ['DIY', 'Yogyakarta', 'Jogja', 'Jogjakarta', 'Yogya', 'Daerah Istimewa Yogyakarta', 'Special Region of Yogyakarta'],
    timeZone: WIB,
  },
  { code: 'JATIM', name: 'Jawa Timur', aliases: ['Jatim', 'East Java'], timeZone: WIB },
  { code: 'BANTEN', name: 'Banten', aliases: [], timeZone: WIB },
  { code: 'BALI', name: 'Bali', aliases: [], timeZone: WITA },
  { code: 'NTB', name: 'Nusa Tenggara Barat', aliases: ['NTB', 'West Nusa Tenggara'], timeZone: WITA },
  { code: 'NTT', name: 'Nusa Tenggara Timur', aliases: ['NTT', 'East Nusa Tenggara'], timeZone: WITA },
  { code: 'KALBAR', name: 'Kalimantan Barat', aliases: ['Kalbar', 'West Kalimantan'], timeZone: WIB },
  { code: 'KALTENG', name: 'Kalimantan Tengah', aliases: ['Kalteng', 'Central Kalimantan'], timeZone: WIB },
  { code: 'KALSEL', name: 'Kalimantan Selatan', aliases: ['Kalsel', 'South Kalimantan'], timeZone: WITA },
  { code: 'KALTIM', name: 'Kalimantan Timur', aliases: ['Kaltim', 'East Kalimantan'], timeZone: WITA },
  { code: 'KALTARA', name: 'Kalimantan Utara', aliases: ['Kaltara', 'North Kalimantan'], timeZone: WITA },
  { code: 'SULUT', name: 'Sulawesi Utara', aliases: ['Sulut', 'North Sulawesi'], timeZone: WITA },
  { code: 'SULTENG', name: 'Sulawesi Tengah', aliases: ['Sulteng', 'Central Sulawesi'], timeZone: WITA },
  { code: 'SULSEL', name: 'Sulawesi Selatan', aliases: ['Sulsel', 'South Sulawesi'], timeZone: WITA },
  { code: 'SULTRA', name: 'Sulawesi Tenggara', aliases: ['Sultra', 'Southeast Sulawesi'], timeZone: WITA },
  { code: 'GORONTALO', name: 'Gorontalo', aliases: [], timeZone: WITA },
  { code: 'SULBAR', name: 'Sulawesi Barat', aliases: ['Sulbar', 'West Sulawesi'], timeZone: WITA },
  { code: 'MALUKU', name: 'Maluku', aliases: ['Moluccas'], timeZone: WIT },
  { code: 'MALUT', name: 'Maluku Utara', aliases: ['Malut', 'North Maluku'], timeZone: WIT },
  { code: 'PAPUA', name: 'Papua', aliases: [], timeZone: WIT },
  { code: 'PABAR', name: 'Papua Barat', aliases: ['Pabar', 'West Papua'], timeZone: WIT },
  { code: 'PBD', name: 'Papua Barat Daya', aliases: ['PBD', 'Southwest Papua'], timeZone: WIT },
  { code: 'PAPSEL', name: 'Papua Selatan', aliases: ['Papsel', 'Pasel', 'South Papua'], timeZone: WIT },
  { code: 'PAPTENG', name: 'Papua Tengah', aliases: ['Papteng', 'Pateng', 'Central Papua'], timeZone: WIT },
  { code: 'PAPEG', name: 'Papua Pegunungan', aliases: ['Papeg', 'Highland Papua'], timeZone: WIT },
];

/** Case, accents, spaces and punctuation do not matter: `D.I. Yogyakarta` = `di yogyakarta` = `DIYogyakarta`. */
function key(text: string): string {
  return textKey(text).replace(/ /g, '');
}

interface Entry {
  readonly province: Province;
  readonly index: number;
  readonly keys: readonly string[];
}

const ENTRIES: readonly Entry[] = PROVINCES.map((province, index) => ({
  province,
  index,
  keys: [...new Set([province.code, province.name, ...province.aliases].map(key))],
}));

const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));

/** Edit distance, for typos like `jawa timr`; inputs are short names, so the plain O(n·m) table is fine. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Shortest query that may match as a prefix or substring: one letter would match half the country. */
const MIN_PARTIAL = 2;
/** Shortest query checked for typos: `ntx` is not a typo of anything worth guessing. */
const MIN_TYPO = 4;
const MAX_TYPO_DISTANCE = 2;

/**
 * Finds the provinces a user may mean, best first: exact name, code or alias;
 * then names starting with the query (`jawa`); then names containing it
 * (`timur`); and only when none of those match, small typos (`jawa timr`,
 * edit distance ≤ 2 against a name of similar length). Each province appears
 * once, at its best rank; ties keep the west-to-east order. An empty list
 * means "ask again".
 */
export function findProvinces(query: string): Province[] {
  const q = key(query);
  if (q === '') return [];
  const ranked: Array<{ entry: Entry; rank: number; distance: number }> = [];
  for (const entry of ENTRIES) {
    let rank = Infinity;
    let distance = Infinity;
    for (const k of entry.keys) {
      if (k === q) {
        rank = 0;
      } else if (q.length >= MIN_PARTIAL && k.startsWith(q)) {
        rank = Math.min(rank, 1);
      } else if (q.length >= MIN_PARTIAL && k.includes(q)) {
        rank = Math.min(rank, 2);
      } else if (q.length >= MIN_TYPO && Math.abs(k.length - q.length) <= MAX_TYPO_DISTANCE) {
        const d = levenshtein(q, k);
        if (d <= MAX_TYPO_DISTANCE && rank >= 3) {
          rank = 3;
          distance = Math.min(distance, d);
        }
      }
    }
    if (rank !== Infinity) ranked.push({ entry, rank, distance: rank === 3 ? distance : 0 });
  }
  // Typos are a fallback: once the query matches something as typed, guesses would only add noise.
  const best = Math.min(...ranked.map((r) => r.rank));
  return ranked
    .filter((r) => r.rank < 3 || best === 3)
    .sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.entry.index - b.entry.index)
    .map((r) => r.entry.province);
}

/** Looks a stored province code up again (case-insensitive); `undefined` for an unknown code. */
export function provinceByCode(code: string): Province | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/**
 * Resolves a code, official name or alias exactly (no guessing), for data
 * that may hold either form, such as an exhibitor's province typed before it
 * was normalised.
 */
export function resolveProvince(text: string): Province | undefined {
  const byCode = provinceByCode(text);
  if (byCode) return byCode;
  const q = key(text);
  if (q === '') return undefined;
  return ENTRIES.find((e) => e.keys.includes(q))?.province;
}
