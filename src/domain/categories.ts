import { textKey } from './text.js';
/**
 * The six product categories of a mission, as stored in the database and
 * used as callback data. The order is the order of the category keyboard.
 */
export const CATEGORIES = ['makanan', 'minuman', 'fashion', 'tembakau', 'kerajinan', 'lainnya'] as const;

/** One of {@link CATEGORIES}; the key, never a translated label. */
export type Category = (typeof CATEGORIES)[number];

/** One emoji per category, so keyboards and digest lines are readable at a glance on a phone. */
export const CATEGORY_EMOJI: Readonly<Record<Category, string>> = {
  makanan: '🍱',
  minuman: '🥤',
  fashion: '👗',
  tembakau: '🚬',
  kerajinan: '🧺',
  lainnya: '📦',
};

/**
 * Words people type for a category (the key itself, the English name and
 * common Indonesian synonyms), so `/katalog rokok` or `/catalog food` finds
 * the right shelf without a keyboard.
 */
export const CATEGORY_ALIASES: Readonly<Record<Category, readonly string[]>> = {
  makanan: [
    'food', 'foods', 'makan', 'kuliner', 'culinary', 'pangan', 'olahan pangan', 'snack', 'snacks',
    'camilan', 'cemilan', 'jajanan', 'kue',
  ],
  minuman: ['drinks', 'drink', 'beverage', 'beverages', 'minum', 'kopi', 'coffee', 'teh', 'tea', 'jamu'],
  fashion: [
    'fesyen', 'busana', 'pakaian', 'baju', 'clothing', 'clothes', 'apparel', 'sandang', 'batik', 'tenun',
    'songket', 'wastra',
  ],
  tembakau: ['tobacco', 'rokok', 'cigarette', 'cigarettes', 'kretek', 'cerutu', 'cigar', 'cigars'],
  kerajinan: [
    'crafts', 'craft', 'handicraft', 'handicrafts', 'kriya', 'souvenir', 'suvenir', 'cenderamata',
    'cendera mata', 'anyaman', 'ukiran', 'gerabah', 'mebel', 'furniture', 'furnitur',
  ],
  lainnya: ['other', 'others', 'lain', 'lain lain', 'lainya', 'dll', 'misc', 'miscellaneous'],
};


const LOOKUP: ReadonlyMap<string, Category> = new Map(
  CATEGORIES.flatMap((category) => [
    [category, category] as const,
    ...CATEGORY_ALIASES[category].map((alias) => [textKey(alias), category] as const),
  ]),
);

const EMOJI_LOOKUP: ReadonlyMap<string, Category> = new Map(
  CATEGORIES.map((category) => [CATEGORY_EMOJI[category], category] as const),
);

/** Narrows a stored string back to a {@link Category}, for data read from the database. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/**
 * Finds the category a user meant (`Rokok`, `food`, `Lain-lain`, or the
 * category's emoji); `undefined` when the word is not a known category, so
 * the caller can show the keyboard instead of guessing.
 */
export function matchCategory(text: string): Category | undefined {
  const emoji = EMOJI_LOOKUP.get(text.trim());
  if (emoji) return emoji;
  const key = textKey(text);
  if (key === '') return undefined;
  return LOOKUP.get(key);
}
