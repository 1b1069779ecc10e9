import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/db/vocabulary.js';
import { seededRandom } from '../../src/simulator/bot-api-simulator.js';
import {
  boundedDistance,
  matchWord,
  MATCH_QUALITY,
  normalizeSearchText,
  parseSearchQuery,
  planSearch,
  provinceWords,
  rankSearch,
  searchEntry,
  searchWords,
  withinEdits,
  trigrams,
  typoAllowance,
  type SearchDocument,
  type SearchQuery,
} from '../../src/domain/search.js';

describe('normalizeSearchText', () => {
  it.each([
    ['Kopi LUWAK', 'kopi luwak'],
    ['Kopí Arábica', 'kopi arabica'],
    ['Keripik-Tempe, pedas!', 'keripik tempe pedas'],
    ['  Ñandú   café  ', 'nandu cafe'],
    ['Rp 15.000', 'rp 15 000'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('searchWords and trigrams', () => {
  it('splits normalised words, empty for nothing', () => {
    expect(searchWords('Batik Tulis (Madura)')).toEqual(['batik', 'tulis', 'madura']);
    expect(searchWords(null)).toEqual([]);
    expect(searchWords('  ')).toEqual([]);
  });

  it.each([
    ['kopi', ['kop', 'opi']],
    ['kripik', ['kri', 'rip', 'ipi', 'pik']],
    ['aaaa', ['aaa']],
    ['ab', []],
  ])('trigrams of %s', (word, expected) => {
    expect(trigrams(word)).toEqual(expected);
  });
});

describe('parseSearchQuery', () => {
  it('is empty for blank input', () => {
    expect(parseSearchQuery('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery('?!')).toEqual({ ok: false, reason: 'empty' });
  });

  it('is too short when only short or joining words remain', () => {
    expect(parseSearchQuery('es')).toEqual({ ok: false, reason: 'too_short' });
    expect(parseSearchQuery('di dan ke')).toEqual({ ok: false, reason: 'too_short' });
  });

  it('keeps words of three letters and more, once, without joining words', () => {
    const query = parseSearchQuery('Kopí dan KOPI es teh');
    expect(query.ok && query.value.words).toEqual(['kopi', 'teh']);
    expect(query.ok && query.value.trigrams).toEqual(['kop', 'opi', 'teh']);
  });

  it('caps the number of words', () => {
    const query = parseSearchQuery('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh');
    expect(query.ok && query.value.words).toHaveLength(8);
  });

  it.each([
    ['jawa timur', ['JABAR', 'JATENG', 'JATIM']],
    ['jatim', ['JATIM']],
    ['bali', ['BALI']],
    ['keripik', []],
  ])('finds the provinces "%s" may name', (text, codes) => {
    const query = parseSearchQuery(text);
    expect(query.ok && query.value.provinces).toEqual(expect.arrayContaining(codes));
    if (codes.length === 0) expect(query.ok && query.value.provinces).toEqual([]);
  });

  it.each([
    ['makanan', ['makanan']],
    ['Drinks', ['minuman']],
    ['rokok', ['tembakau']],
    ['kopi', []],
  ])('finds the categories "%s" names', (text, categories) => {
    const query = parseSearchQuery(text);
    expect(query.ok && query.value.categories).toEqual(categories);
  });
});

describe('matchWord', () => {
  it.each([
    ['kopi', ['kopi', 'luwak'], MATCH_QUALITY.exact],
    ['kop', ['kopi'], MATCH_QUALITY.prefix],
    ['tempe', ['keripiktempe'], MATCH_QUALITY.infix],
    ['kan', ['makanan'], 0], // three letters: whole word or prefix only
    ['kripik', ['keripik'], MATCH_QUALITY.typo1],
    ['keripk', ['keripik'], MATCH_QUALITY.typo1],
    ['sambel', ['sambal'], MATCH_QUALITY.typo1],
    ['kerajnan', ['kerajinan'], MATCH_QUALITY.typo1],
    ['kerajiann', ['kerajinan'], MATCH_QUALITY.typo2],
    ['krajnan', ['kerajinan'], 0], // seven letters, two typos: too far
    ['kopi', ['kapi'], 0], // four letters: no typo allowed
    ['tempe', ['tenpe'], 0], // one typo allowed, but no trigram shared: no index could find it
    ['batik', ['tenun'], 0],
  ])('%s in %j → %d', (query, words, quality) => {
    expect(matchWord(query, words)).toBe(quality);
  });
});

describe('typoAllowance and boundedDistance', () => {
  it.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [7, 1],
    [8, 2],
    [12, 2],
  ])('a word of %d letters may be misspelt by %d', (length, allowance) => {
    expect(typoAllowance(length)).toBe(allowance);
  });

  it.each([
    ['kripik', 'keripik', 2, 1],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 1, 2],
    ['abc', 'abc', 0, 0],
    ['a', 'abcdef', 2, 3],
  ])('distance(%s, %s) with limit %d is %d', (a, b, limit, expected) => {
    expect(boundedDistance(a, b, limit)).toBe(expected);
  });
});

describe('provinceWords', () => {
  it('holds code, name and aliases', () => {
    expect(provinceWords('JATIM')).toEqual(expect.arrayContaining(['jatim', 'jawa', 'timur']));
    expect(provinceWords('??')).toEqual([]);
  });
});

describe('rankSearch', () => {
  const doc = (id: number, fields: Partial<SearchDocument>): SearchDocument => ({
    id,
    name: 'Produk',
    description: null,
    exhibitorName: 'Usaha',
    category: 'lainnya',
    province: 'BANTEN',
    ...fields,
  });
  const query = (text: string): SearchQuery => {
    const parsed = parseSearchQuery(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  };
  const docs = [
    doc(1, { name: 'Kopi Luwak', exhibitorName: 'Kopi Ijen', category: 'minuman', province: 'JATIM' }),
    doc(2, { name: 'Teh Tarik', description: 'Cocok dengan kopi pagi', category: 'minuman', province: 'JATIM' }),
    doc(3, { name: 'Keripik Tempe', exhibitorName: 'Bu Sri', category: 'makanan', province: 'JATIM' }),
    doc(4, { name: 'Batik Tulis', exhibitorName: 'Kopi Batik', category: 'fashion', province: 'JATENG' }),
    doc(5, { name: 'Tas Anyaman', category: 'kerajinan', province: 'BALI' }),
  ];
  const ids = (text: string) => rankSearch(query(text), docs).map((r) => r.item.id);

  it('puts a match in the name before one in the exhibitor and one in the description', () => {
    expect(ids('kopi')).toEqual([1, 4, 2]);
  });

  it('ranks products that match more of the words first', () => {
    // 1 and 2 match all three words; 4 (kopi in the exhibitor, Jawa Tengah) and 3 (Jawa Timur) two.
    expect(ids('kopi jawa timur')).toEqual([1, 2, 4, 3]);
  });

  it('finds by typo, category, province and exhibitor', () => {
    expect(ids('kripik')).toEqual([3]);
    expect(ids('kerajinan')).toEqual([5]);
    expect(ids('bali')).toEqual([5]);
    expect(ids('sri')).toEqual([3]);
  });

  it('drops what matches nothing', () => {
    expect(ids('sepatu')).toEqual([]);
  });

  it('keeps equal results in name order, then id', () => {
    const same = [doc(9, { name: 'Kopi B' }), doc(8, { name: 'Kopi A' }), doc(7, { name: 'Kopi A' })];
    expect(rankSearch(query('kopi'), same).map((r) => r.item.id)).toEqual([7, 8, 9]);
  });

  it('reports how many words matched and the score', () => {
    const [first] = rankSearch(query('kopi luwak'), docs);
    expect(first).toMatchObject({ matched: 2, score: 20 });
  });
});

describe('searchEntry', () => {
  it.each([
    [
      { name: 'Kopí Luwak', exhibitorName: 'Kopi Ijen', description: 'Kopi luwak asli' },
      'kopi luwak',
      [['kopi', 0], ['luwak', 0], ['kopi', 1], ['ijen', 1], ['kopi', 2], ['luwak', 2], ['asli', 2]],
    ],
    [{ name: 'Teh  Teh!', exhibitorName: 'UD', description: null }, 'teh teh', [['teh', 0], ['ud', 1]]],
    [{ name: '!!!', exhibitorName: '', description: '' }, '', []],
  ])('indexes %j by the key %j and its words per field', (doc, key, terms) => {
    expect(searchEntry(doc)).toEqual({ key, terms: terms.map(([term, field]) => ({ term, field })) });
  });
});

describe('planSearch', () => {
  const query = (text: string): SearchQuery => {
    const parsed = parseSearchQuery(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  };
  const vocabulary = [
    { id: 1, term: 'kopi' },
    { id: 2, term: 'kopiah' },
    { id: 3, term: 'keripik' },
    { id: 4, term: 'tempe' },
    { id: 5, term: 'bakopi' },
  ];

  it.each([
    ['kopi', [{ word: 0, termId: 1, quality: 100 }, { word: 0, termId: 2, quality: 80 }, { word: 0, termId: 5, quality: 60 }]],
    ['kop', [{ word: 0, termId: 1, quality: 80 }, { word: 0, termId: 2, quality: 80 }]], // three letters: no infix
    ['kripik tempe', [{ word: 0, termId: 3, quality: 50 }, { word: 1, termId: 4, quality: 100 }]],
    ['batik', []],
  ])('judges the words found for %j', (text, terms) => {
    expect(planSearch(query(text), vocabulary).terms).toEqual(terms);
  });

  it('gives categories and provinces the points of their field', () => {
    const plan = planSearch(query('minuman jatim'), []);
    expect(plan.categories).toEqual([{ word: 0, category: 'minuman', points: 500 }]);
    expect(plan.provinces).toEqual([{ word: 1, province: 'JATIM', points: 400 }]);
  });
});

describe('typo candidates', () => {
  const random = seededRandom(11);
  const word = (letters: string, length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');

  it('withinEdits agrees with boundedDistance', () => {
    for (let i = 0; i < 20_000; i++) {
      const a = word('abcdeé', 1 + Math.floor(random() * 12));
      const b = word('abcdeé', Math.floor(random() * 14));
      const limit = Math.floor(random() * 4);
      expect(withinEdits(a, limit)(b), `${a} ${b} ${limit}`).toBe(boundedDistance(a, b, limit) <= limit);
    }
  });

  it('the in-memory vocabulary offers every word matchWord accepts', () => {
    const vocabulary = new Vocabulary();
    const terms = [...new Set(Array.from({ length: 3_000 }, () => word('karimsugn', 3 + Math.floor(random() * 9))))];
    terms.forEach((term, index) => vocabulary.add(index + 1, term));
    for (let i = 0; i < 300; i++) {
      const parsed = parseSearchQuery(word('karimsugn', 3 + Math.floor(random() * 9)));
      if (!parsed.ok) continue;
      const offered = new Set(vocabulary.candidates(parsed.value).map((c) => c.term));
      const accepted = terms.filter((term) => parsed.value.words.some((w) => matchWord(w, [term]) > 0));
      expect(accepted.filter((term) => !offered.has(term)), parsed.value.words.join(' ')).toEqual([]);
    }
  });
});
