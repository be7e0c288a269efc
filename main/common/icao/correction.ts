/**
 * Repairs of OCR confusions, made only where the zone's own rules leave exactly one reading:
 * - a position that may only hold a digit (dates, check digits) takes the digit a letter is
 *   confused with (`O` → `0`);
 * - a position that may only hold a letter takes the single letter a digit is confused with
 *   (`8` → `B`); `0` could be `O` or `D`, so it is repaired only where a code list settles it;
 * - an alphanumeric field protected by a check digit (the document number, TD3's personal
 *   number) is repaired only when exactly one single-character swap makes its check digit hold
 *   (the caller also demands the composite, where there is one).
 * Every repair is recorded; ambiguity is left as it was, so it stays invalid.
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

/** The outcome of a check-digit-guided search. */
export type GuidedRepair = 'repaired' | 'none' | 'ambiguous';

/**
 * For an alphanumeric field whose check digit fails: tries every single swap of a character for
 * one it is confused with (`0` ↔ `O`/`D`, `1` ↔ `I`, `2` ↔ `Z`, `5` ↔ `S`, `6` ↔ `G`, `8` ↔ `B`), and
 * applies it only if exactly one swap makes `holds` true. Single swaps only: allowing two would
 * let many unrelated numbers satisfy one check digit, which is guessing.
 *
 * `zoneIndices` lists the field's characters in field order (an overflowing document number's
 * characters are not contiguous); positions are reported within that order.
 */
export function repairByCheckDigit(
  reading: Reading,
  field: MrzFieldName,
  zoneIndices: readonly number[],
  holds: (zone: string) => boolean,
): GuidedRepair {
  const zone = reading.zone;
  let found: { zoneIndex: number; position: number; to: string } | undefined;
  let count = 0;
  for (let position = 0; position < zoneIndices.length; position++) {
    const zoneIndex = zoneIndices[position] ?? 0;
    for (const to of confusionsOf(zone.charCodeAt(zoneIndex))) {
      const candidate = zone.slice(0, zoneIndex) + to + zone.slice(zoneIndex + 1);
      if (!holds(candidate)) continue;
      count++;
      found = { zoneIndex, position, to };
    }
  }
  if (count === 1 && found !== undefined) {
    correctCharacter(reading, found.zoneIndex, found.to, field, found.position);
    return 'repaired';
  }
  if (count > 1) {
    addWarning(
      reading,
      'ambiguous-correction',
      field,
      `${String(count)} different OCR-confusion repairs of ${field} would each satisfy its check digit; none was made`,
    );
    return 'ambiguous';
  }
  return 'none';
}
