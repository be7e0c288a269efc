/**
 * The characters OCR engines confuse in the OCR-B font of an MRZ. A position that may only hold a
 * digit (or only a letter) tells which side of a pair is right; an alphanumeric position cannot,
 * and a check digit is no proof either way, so there nothing is changed.
 */

/** Letter → digit, for positions that may only hold digits. */
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  I: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/** Digit → letters, for positions that may only hold letters (0 could be O or D). */
const LETTERS_FOR_DIGIT: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D'],
  '1': ['I'],
  '2': ['Z'],
  '5': ['S'],
  '6': ['G'],
  '8': ['B'],
};

const NONE: readonly string[] = [];

/** Lookup tables by char code, so that hot loops index arrays instead of hashing strings. */
const digitByCode: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
const lettersByCode: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(128).fill(undefined);
const alternativesByCode: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(128).fill(undefined);

for (const [letter, digit] of Object.entries(DIGIT_FOR_LETTER)) {
  digitByCode[letter.charCodeAt(0)] = digit;
}
for (const [digit, letters] of Object.entries(LETTERS_FOR_DIGIT)) {
  lettersByCode[digit.charCodeAt(0)] = letters;
}
for (let code = 0; code < 128; code++) {
  const asDigit = digitByCode[code];
  const asLetters = lettersByCode[code];
  if (asDigit !== undefined) alternativesByCode[code] = [asDigit];
  else if (asLetters !== undefined) alternativesByCode[code] = asLetters;
}

/** The digit a letter is commonly misread for, if any (`O` → `0`). */
export function digitConfusedWith(code: number): string | undefined {
  return code < 128 ? digitByCode[code] : undefined;
}

/** The letters a digit is commonly misread for (`0` → `O`, `D`); empty when none. */
export function lettersConfusedWith(code: number): readonly string[] {
  return (code < 128 ? lettersByCode[code] : undefined) ?? NONE;
}

/** Every character a character is commonly confused with, in either direction; empty when none. */
export function confusionsOf(code: number): readonly string[] {
  return (code < 128 ? alternativesByCode[code] : undefined) ?? NONE;
}

