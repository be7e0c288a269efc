/**
 * ICAO Doc 9303 Part 3, section 4.9: check digits use the repeating weights 7, 3, 1 over the
 * character values 0-9 for digits, 10-35 for A-Z and 0 for the filler `<`, modulo 10.
 */

export const FILLER_CODE = 0x3c; // '<'
export const FILLER = '<';

/** The characters' values, indexed by char code below 128; -1 marks characters an MRZ cannot hold. */
const CHARACTER_VALUES: Int8Array = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let digit = 0; digit <= 9; digit++) values[0x30 + digit] = digit;
  for (let letter = 0; letter < 26; letter++) values[0x41 + letter] = 10 + letter;
  values[FILLER_CODE] = 0;
  return values;
})();

const WEIGHTS = [7, 3, 1] as const;

/** The 7-3-1 value of a character code, or -1 when the MRZ alphabet (0-9, A-Z, `<`) does not hold it. */
export function characterValue(code: number): number {
  return code < 128 ? (CHARACTER_VALUES[code] ?? -1) : -1;
}

export function isMrzCharacter(code: number): boolean {
  return characterValue(code) >= 0;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isLetter(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/**
 * The weighted sum of text[start, end) where the first character takes weight number `weightIndex`
 * (0 → 7, 1 → 3, 2 → 1, then repeating), so that a sum can continue across separate ranges.
 * Returns -1 when a character outside the MRZ alphabet is met.
 */
export function weightedSum(text: string, start: number, end: number, weightIndex = 0): number {
  let sum = 0;
  let weight = weightIndex % 3;
  for (let index = start; index < end; index++) {
    const value = characterValue(text.charCodeAt(index));
    if (value < 0) return -1;
    sum += value * (weight === 0 ? 7 : weight === 1 ? 3 : 1);
    weight = weight === 2 ? 0 : weight + 1;
  }
  return sum;
}

/** The check digit (0-9) of text[start, end), or -1 when it holds a character outside the MRZ alphabet. */
export function checkDigitOfRange(text: string, start: number, end: number): number {
  const sum = weightedSum(text, start, end);
  return sum < 0 ? -1 : sum % 10;
}

/** The check digit (0-9) of a whole string, or -1 when it holds a character outside the MRZ alphabet. */
export function checkDigitOf(text: string): number {
  return checkDigitOfRange(text, 0, text.length);
}

/** The weight (7, 3 or 1) of the character at `index` within a checked range. */
export function weightAt(index: number): number {
  return WEIGHTS[index % 3] ?? 1;
}

/** The digit a check-digit character stands for, or -1 when it is not a digit. */
export function digitValue(code: number): number {
  return isDigit(code) ? code - 0x30 : -1;
}
