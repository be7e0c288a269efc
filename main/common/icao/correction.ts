/**
 * Repairs of OCR confusions, made only where the field's character class leaves exactly one
 * reading:
 * - a position that may only hold a digit (dates, check digits) takes the digit a letter is
 *   confused with (`O` → `0`);
 * - a position that may only hold a letter takes the single letter a digit is confused with
 *   (`8` → `B`); `0` could be `O` or `D`, so it is repaired only where a code list settles it.
 * Every repair is recorded. An alphanumeric field (the document number, TD3's personal number)
 * is never repaired: there both sides of a confusion are plausible, so a failing check digit
 * stays failing, and the readings that would satisfy it are reported instead.
 */

import { FILLER_CODE, isDigit, isLetter, isMrzCharacter } from './check-digit.js';
import { confusionsOf, digitConfusedWith, lettersConfusedWith } from './confusions.js';
import { withoutTrailingFillers } from './fillers.js';
import { addError, addWarning, correctCharacter, describeCharacter } from './reading.js';
import type { Reading } from './reading.js';
import type { MrzFieldName } from './result.js';

/** Digits only (dates, check digits). Returns whether the range holds only digits once repaired. */
export function repairDigits(reading: Reading, field: MrzFieldName, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = reading.zone.charCodeAt(index);
    if (isDigit(code)) continue;
    const digit = digitConfusedWith(code);
    if (digit === undefined) {
      reportCharacter(reading, field, index, index - start, 'a digit');
      return false;
    }
    correctCharacter(reading, index, digit, field, index - start);
  }
  return true;
}

/** Letters and fillers only (names). Returns whether the range holds only those once repaired. */
export function repairLetters(reading: Reading, field: MrzFieldName, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = reading.zone.charCodeAt(index);
    if (isLetter(code) || code === FILLER_CODE) continue;
    const letters = lettersConfusedWith(code);
    const onlyLetter = letters.length === 1 ? letters[0] : undefined;
    if (onlyLetter === undefined) {
      reportCharacter(reading, field, index, index - start, 'a letter or filler');
      return false;
    }
    correctCharacter(reading, index, onlyLetter, field, index - start);
  }
  return true;
}

/** Any MRZ character (alphanumeric fields). Returns whether the range holds only those. */
export function checkCharacters(reading: Reading, field: MrzFieldName, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (!isMrzCharacter(reading.zone.charCodeAt(index))) {
      reportCharacter(reading, field, index, index - start, 'A-Z, 0-9 or <');
      return false;
    }
  }
  return true;
}

function reportCharacter(reading: Reading, field: MrzFieldName, zoneIndex: number, position: number, wanted: string): void {
  const found = describeCharacter(reading.zone.charAt(zoneIndex));
  addError(reading, 'invalid-character', field, `${field} position ${position} holds ${found} where ${wanted} belongs`);
}

/**
 * A code of letters and fillers (document code, issuing state, nationality) read with digits in it:
 * tries each letter those digits are confused with, and keeps the one reading `accepts` admits
 * if it is the only one. The caller then checks the code as usual.
 */
export function repairCode(
  reading: Reading,
  field: MrzFieldName,
  start: number,
  end: number,
  accepts: (code: string) => boolean,
): void {
  const zone = reading.zone;
  let needsRepair = false;
  for (let index = start; index < end; index++) {
    const code = zone.charCodeAt(index);
    if (isLetter(code) || code === FILLER_CODE) continue;
    if (lettersConfusedWith(code).length === 0) return;
    needsRepair = true;
  }
  if (!needsRepair) return;
  const admitted: string[] = [];
  collectReadings(zone, start, end, '', (candidate) => {
    if (accepts(withoutTrailingFillers(candidate, 0, candidate.length))) admitted.push(candidate);
  });
  const only = admitted.length === 1 ? admitted[0] : undefined;
  if (only === undefined) return;
  for (let index = start; index < end; index++) {
    const to = only.charAt(index - start);
    if (to !== zone.charAt(index)) correctCharacter(reading, index, to, field, index - start);
  }
}

/** Every reading of zone[index, end) after `prefix`, digits replaced by the letters they are confused with (at most 2³). */
function collectReadings(zone: string, index: number, end: number, prefix: string, visit: (reading: string) => void): void {
  if (index === end) {
    visit(prefix);
    return;
  }
  const code = zone.charCodeAt(index);
  if (isLetter(code) || code === FILLER_CODE) {
    collectReadings(zone, index + 1, end, prefix + zone.charAt(index), visit);
    return;
  }
  for (const letter of lettersConfusedWith(code)) collectReadings(zone, index + 1, end, prefix + letter, visit);
}

/** One character of an alphanumeric field read as the character it is commonly confused with. */
export interface AlternativeReading {
  /** 0-based position within the field, in field order. */
  readonly position: number;
  readonly from: string;
  readonly to: string;
}

/**
 * For an alphanumeric field whose check digit fails: every single swap of a character for one it
 * is confused with (`0` ↔ `O`/`D`, `1` ↔ `I`, `2` ↔ `Z`, `5` ↔ `S`, `6` ↔ `G`, `8` ↔ `B`) that
 * makes `holds` true. Nothing is applied: where a field admits letters and digits alike, `O` and
 * `0` are both plausible as printed, and a check digit that one of them satisfies is no evidence
 * that it was the one printed (a misread elsewhere, or an altered zone, can fail the check digit
 * just as well). Choosing would make a failing zone pass.
 *
 * `zoneIndices` lists the field's characters in field order (an overflowing document number's
 * characters are not contiguous); positions are reported within that order.
 */
export function alternativeReadings(zone: string, zoneIndices: readonly number[], holds: (zone: string) => boolean): AlternativeReading[] {
  const found: AlternativeReading[] = [];
  for (let position = 0; position < zoneIndices.length; position++) {
    const zoneIndex = zoneIndices[position] ?? 0;
    for (const to of confusionsOf(zone.charCodeAt(zoneIndex))) {
      const candidate = zone.slice(0, zoneIndex) + to + zone.slice(zoneIndex + 1);
      if (holds(candidate)) found.push({ position, from: zone.charAt(zoneIndex), to });
    }
  }
  return found;
}

/**
 * Warns that other readings of the field would satisfy its check digit, and returns the clause
 * that the check digit's error adds, so that whoever reads only the error still learns why the
 * engine did not settle it. Returns undefined when there is no such reading.
 */
export function reportAlternativeReadings(reading: Reading, field: MrzFieldName, alternatives: readonly AlternativeReading[]): string | undefined {
  const first = alternatives[0];
  if (first === undefined) return undefined;
  const example = `${field} position ${String(first.position)} '${first.from}' as '${first.to}'`;
  const readings =
    alternatives.length === 1 ? `reading ${example}` : `${String(alternatives.length)} readings of its confusable characters, such as ${example},`;
  const clause = `${readings} would satisfy it, but ${field} may hold letters and digits alike, so both readings are plausible and none was chosen`;
  addWarning(reading, 'ambiguous-correction', field, `${field} fails its check digit; ${clause}`);
  return clause;
}
