import { describe, expect, it } from 'vitest';
import { PROVINCES, findProvinces, provinceByCode, resolveProvince } from '../../src/domain/provinces.js';

const codes = (query: string): string[] => findProvinces(query).map((p) => p.code);

describe('PROVINCES', () => {
  it('has the 38 provinces, codes and names unique', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(38);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(38);
  });

  it('no alias names two provinces', () => {
    const owner = new Map<string, string>();
    for (const p of PROVINCES) {
      for (const alias of [p.code, p.name, ...p.aliases]) {
        const k = alias.toLowerCase().replace(/[^a-z0-9]/g, '');
        const previous = owner.get(k);
        expect(previous === undefined || previous === p.code, `${alias}: ${previous} and ${p.code}`).toBe(true);
        owner.set(k, p.code);
      }
    }
  });

  it.each([
    'Papua',
    'Papua Barat',
    'Papua Selatan',
    'Papua Tengah',
    'Papua Pegunungan',
    'Papua Barat Daya',
  ])('includes the 2022 province %s, in WIT', (name) => {
    const p = PROVINCES.find((x) => x.name === name);
    expect(p?.timeZone).toBe('Asia/Jayapura');
  });

  it.each<{ code: string; timeZone: string }>([
    { code: 'ACEH', timeZone: 'Asia/Jakarta' },
    { code: 'JATIM', timeZone: 'Asia/Jakarta' },
    { code: 'KALBAR', timeZone: 'Asia/Jakarta' },
    { code: 'KALTENG', timeZone: 'Asia/Jakarta' },
    { code: 'KALSEL', timeZone: 'Asia/Makassar' },
    { code: 'BALI', timeZone: 'Asia/Makassar' },
    { code: 'NTT', timeZone: 'Asia/Makassar' },
    { code: 'SULSEL', timeZone: 'Asia/Makassar' },
    { code: 'MALUKU', timeZone: 'Asia/Jayapura' },
    { code: 'PBD', timeZone: 'Asia/Jayapura' },
  ])('$code is in $timeZone', ({ code, timeZone }) => {
    expect(provinceByCode(code)?.timeZone).toBe(timeZone);
  });
});

describe('findProvinces: exact name, code or alias first', () => {
  it.each<{ query: string; first: string }>([
    { query: 'Jawa Timur', first: 'JATIM' },
    { query: 'jawa timur', first: 'JATIM' },
    { query: '  JAWA   TIMUR ', first: 'JATIM' },
    { query: 'Jatim', first: 'JATIM' },
    { query: 'jawatimur', first: 'JATIM' },
    { query: 'East Java', first: 'JATIM' },
    { query: 'DKI', first: 'DKI' },
    { query: 'Jakarta', first: 'DKI' },
    { query: 'DKI Jakarta', first: 'DKI' },
    { query: 'DIY', first: 'DIY' },
    { query: 'D.I. Yogyakarta', first: 'DIY' },
    { query: 'Yogyakarta', first: 'DIY' },
    { query: 'Jogja', first: 'DIY' },
    { query: 'NTB', first: 'NTB' },
    { query: 'ntt', first: 'NTT' },
    { query: 'Kalbar', first: 'KALBAR' },
    { query: 'Sulsel', first: 'SULSEL' },
    { query: 'Babel', first: 'BABEL' },
    { query: 'Bangka Belitung', first: 'BABEL' },
    { query: 'Kepri', first: 'KEPRI' },
    { query: 'Riau', first: 'RIAU' },
    { query: 'Papua', first: 'PAPUA' },
    { query: 'Papua Barat', first: 'PABAR' },
    { query: 'Papua Selatan', first: 'PAPSEL' },
    { query: 'Papua Tengah', first: 'PAPTENG' },
    { query: 'Papua Pegunungan', first: 'PAPEG' },
    { query: 'Papua Barat Daya', first: 'PBD' },
    { query: 'Sumatra Utara', first: 'SUMUT' },
    { query: 'Gorontalo', first: 'GORONTALO' },
  ])('$query → $first', ({ query, first }) => {
    expect(codes(query)[0]).toBe(first);
  });
});

describe('findProvinces: ranking', () => {
  it.each<{ query: string; expected: string[] }>([
    // prefix: all three Javas, west to east
    { query: 'jawa', expected: ['JABAR', 'JATENG', 'JATIM'] },
    { query: 'Kalimantan', expected: ['KALBAR', 'KALTENG', 'KALSEL', 'KALTIM', 'KALTARA'] },
    // exact before prefix: Riau itself, then Riau Islands
    { query: 'riau', expected: ['RIAU', 'KEPRI'] },
    // exact, then prefix of the other Papuas
    { query: 'papua', expected: ['PAPUA', 'PABAR', 'PBD', 'PAPSEL', 'PAPTENG', 'PAPEG'] },
    { query: 'papua barat', expected: ['PABAR', 'PBD'] },
    // substring
    { query: 'timur', expected: ['JATIM', 'NTT', 'KALTIM'] },
    { query: 'tenggara', expected: ['NTB', 'NTT', 'SULTRA'] },
    // prefix before substring
    { query: 'sulawesi t', expected: ['SULTENG', 'SULTRA'] },
    // an exact match hides typo guesses
    { query: 'kalbar', expected: ['KALBAR'] },
  ])('$query → $expected', ({ query, expected }) => {
    expect(codes(query)).toEqual(expected);
  });
});

describe('findProvinces: typos when nothing matches as typed', () => {
  it.each<{ query: string; first: string }>([
    { query: 'jawa timr', first: 'JATIM' },
    { query: 'Jawa Timor', first: 'JATIM' },
    { query: 'jawa tmur', first: 'JATIM' },
    { query: 'jwa tengah', first: 'JATENG' },
    { query: 'Sumatera Utra', first: 'SUMUT' },
    { query: 'gorontolo', first: 'GORONTALO' },
    { query: 'bengkulo', first: 'BENGKULU' },
    { query: 'lampong', first: 'LAMPUNG' },
    { query: 'jogya', first: 'DIY' },
    { query: 'Yogjakarta', first: 'DIY' },
    { query: 'bala', first: 'BALI' },
    { query: 'Sulawesi Selatn', first: 'SULSEL' },
    { query: 'Papua Pegunugan', first: 'PAPEG' },
  ])('$query → $first', ({ query, first }) => {
    expect(codes(query)[0]).toBe(first);
  });

  it('ranks a closer typo first', () => {
    // one edit from Jawa Barat, more from the others
    expect(codes('jawa barta')[0]).toBe('JABAR');
  });
});

describe('findProvinces: no match', () => {
  it.each(['', '   ', '.', 'j', 'xyz', 'ntx', 'Malaysia', 'Singapura', 'jawa tengah timur barat'])('%j → []', (query) => {
    expect(findProvinces(query)).toEqual([]);
  });
});

describe('provinceByCode', () => {
  it.each<{ code: string; name: string | undefined }>([
    { code: 'JATIM', name: 'Jawa Timur' },
    { code: 'jatim', name: 'Jawa Timur' },
    { code: ' DIY ', name: 'DI Yogyakarta' },
    { code: 'PBD', name: 'Papua Barat Daya' },
    { code: 'Jawa Timur', name: undefined },
    { code: 'XX', name: undefined },
    { code: '', name: undefined },
  ])('$code → $name', ({ code, name }) => {
    expect(provinceByCode(code)?.name).toBe(name);
  });
});

describe('resolveProvince', () => {
  it.each<{ text: string; code: string | undefined }>([
    { text: 'JATIM', code: 'JATIM' },
    { text: 'Jawa Timur', code: 'JATIM' },
    { text: 'jatim', code: 'JATIM' },
    { text: 'Jogja', code: 'DIY' },
    { text: 'jawa', code: undefined },
    { text: 'jawa timr', code: undefined },
    { text: '', code: undefined },
  ])('$text → $code', ({ text, code }) => {
    expect(resolveProvince(text)?.code).toBe(code);
  });
});
