/**
 * Indonesian number words, shared by the amount parser (money.ts) and the
 * amount spelled out for a second confirmation (amount-words.ts).
 */

/** satu … sembilan, and nol. */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

/** Units after a number, as powers of ten. `m` is miliar and `t` triliun, as in Indonesian reports. */
export const SCALE_EXPONENT: Readonly<Record<string, number>> = {
  rb: 3,
  ribu: 3,
  k: 3,
  jt: 6,
  juta: 6,
  m: 9,
  miliar: 9,
  milyar: 9,
  t: 12,
  triliun: 12,
};

/** `se-` fuses "one" with a unit: sejuta is satu juta. */
export const SE_SCALE_EXPONENT: Readonly<Record<string, number>> = {
  seribu: 3,
  sejuta: 6,
  semiliar: 9,
  semilyar: 9,
  setriliun: 12,
};

/** Fractions, in quarters: satu setengah juta is six quarters of a million. */
export const FRACTION_QUARTERS: Readonly<Record<string, number>> = {
  setengah: 2,
  seperempat: 1,
};
