/**
 * parseMrz: from whatever text a reader produced to a verdict on the zone, every field read and
 * every ICAO Doc 9303 check made. It never throws: any string gives a result `MrzResult` describes.
 */

import { FILLER_CODE, checkDigitOfRange, digitValue, isLetter, weightedSum } from './check-digit.js';
import { alternativeReadings, checkCharacters, repairCode, repairDigits, repairLetters, reportAlternativeReadings } from './correction.js';
import { isIcaoCountryCode } from './country-codes.js';
import { dayNumberOfDate, isoDateOf } from './dates.js';
import type { DateRole, DayNumber } from './dates.js';
import { withoutFillersAtEnds, withoutTrailingFillers } from './fillers.js';
import { SHAPES_DESCRIPTION, layoutForShape } from './formats.js';
import type { Layout, Span } from './formats.js';
import { fillersToSpaces, nameFillsField } from './names.js';
import { normaliseInput } from './normalise.js';
import type { Normalisation } from './normalise.js';
import { addError, addWarning, newReading } from './reading.js';
import type { Reading } from './reading.js';
import type { MrzFieldName, MrzFields, MrzParsedResult, MrzResult, MrzUnknownResult } from './result.js';

export interface ParseOptions {
  /**
   * The day the document is read, which decides the century of two-digit years (a birth date is
   * never after it). Defaults to the current date; tests pass a fixed one.
   */
  readonly today?: Date;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

function digitText(digit: number): string | null {
  return DIGITS[digit] ?? null;
}

export function parseMrz(text: string, options?: ParseOptions): MrzResult {
  const { lines, normalised } = normaliseInput(text);
  if (lines.length === 0) return unknownResult('empty-input', 'no MRZ text was given', normalised);
  const layout = layoutForShape(lines);
  if (layout === null) {
    return unknownResult('unknown-format', `expected ${SHAPES_DESCRIPTION}; found ${describeShape(lines)}`, normalised);
  }
  const zone = lines.length === 2 ? `${lines[0] ?? ''}${lines[1] ?? ''}` : lines.join('');
  return readZone(newReading(zone), layout, referenceDay(options?.today), normalised);
}

function referenceDay(today: Date | undefined): DayNumber {
  const date = today !== undefined && !Number.isNaN(today.getTime()) ? today : new Date();
  return dayNumberOfDate(date);
}

function unknownResult(code: 'empty-input' | 'unknown-format', message: string, normalised: Normalisation[]): MrzUnknownResult {
  return {
    valid: false,
    format: null,
    fields: {},
    errors: [{ code, field: 'zone', message }],
    warnings: [],
    corrections: [],
    normalised,
    checks: [],
  };
}

/** Line count and lengths, for the unknown-format message; long inputs are cut short. */
function describeShape(lines: readonly string[]): string {
  const shown = lines.slice(0, 4).map((line) => String(line.length));
  const more = lines.length > 4 ? ', …' : '';
  return `${String(lines.length)} line${lines.length === 1 ? '' : 's'} of ${shown.join(', ')}${more} characters`;
}

function readZone(reading: Reading, layout: Layout, today: DayNumber, normalised: Normalisation[]): MrzParsedResult {
  // First the characters: settle OCR confusions in positions whose kind (digit, letter) is fixed.
  repairCode(reading, 'documentCode', layout.documentCode.start, layout.documentCode.end, (code) =>
    isDocumentCodeFor(layout, code),
  );
  repairCode(reading, 'issuingState', layout.issuingState.start, layout.issuingState.end, isIcaoCountryCode);
  repairCode(reading, 'nationality', layout.nationality.start, layout.nationality.end, isIcaoCountryCode);
  const nameSeparator = nameSeparatorIndex(reading.zone, layout.name);
  const surnameReadable = repairLetters(reading, 'surname', layout.name.start, nameSeparator);
  const givenNamesReadable = nameSeparator >= layout.name.end || repairLetters(reading, 'givenNames', nameSeparator + 2, layout.name.end);
  const birthDigits = repairDigits(reading, 'birthDate', layout.birthDate.start, layout.birthDate.end);
  const expiryDigits = repairDigits(reading, 'expiryDate', layout.expiryDate.start, layout.expiryDate.end);
  repairDigits(reading, 'birthDateCheckDigit', layout.birthDateCheck, layout.birthDateCheck + 1);
  repairDigits(reading, 'expiryDateCheckDigit', layout.expiryDateCheck, layout.expiryDateCheck + 1);
  const documentNumberCharacters = checkCharacters(reading, 'documentNumber', layout.documentNumber.start, layout.documentNumber.end);
  const overflows = layout.documentNumberMayOverflow && reading.zone.charCodeAt(layout.documentNumberCheck) === FILLER_CODE;
  if (!overflows) repairDigits(reading, 'documentNumberCheckDigit', layout.documentNumberCheck, layout.documentNumberCheck + 1);
  const optionalCharacters = checkCharacters(reading, 'optionalData', layout.optionalData.start, layout.optionalData.end);
  if (layout.optionalDataCheck !== null && reading.zone.charCodeAt(layout.optionalDataCheck) !== FILLER_CODE) {
    repairDigits(reading, 'optionalDataCheckDigit', layout.optionalDataCheck, layout.optionalDataCheck + 1);
  }
  if (layout.optionalData2 !== null) checkCharacters(reading, 'optionalData2', layout.optionalData2.start, layout.optionalData2.end);
  if (layout.compositeCheck !== null) repairDigits(reading, 'compositeCheckDigit', layout.compositeCheck, layout.compositeCheck + 1);

  // Then the checks, in zone order.
  const overflowCheck = overflows
    ? checkOverflowingDocumentNumber(reading, layout, documentNumberCharacters && optionalCharacters)
    : checkDocumentNumber(reading, layout, documentNumberCharacters);
  const birthDateIso = checkDate(reading, 'birthDate', layout.birthDate.start, 'birth', birthDigits, today);
  checkFieldDigit(reading, 'birthDateCheckDigit', layout.birthDate, layout.birthDateCheck);
  const expiryDateIso = checkDate(reading, 'expiryDate', layout.expiryDate.start, 'expiry', expiryDigits, today);
  checkFieldDigit(reading, 'expiryDateCheckDigit', layout.expiryDate, layout.expiryDateCheck);
  if (layout.optionalDataCheck !== null) checkPersonalNumber(reading, layout, layout.optionalDataCheck, optionalCharacters);
  if (layout.compositeCheck !== null) checkComposite(reading, layout.compositeSpans, layout.compositeCheck);
  const documentCode = checkDocumentCode(reading, layout);
  const issuingState = checkCountryCode(reading, 'issuingState', layout.issuingState);
  const nationality = checkCountryCode(reading, 'nationality', layout.nationality);
  const sex = checkSex(reading, layout.sex);
  const surname = fillersToSpaces(reading.zone, layout.name.start, nameSeparator);
  const givenNames = nameSeparator < layout.name.end ? fillersToSpaces(reading.zone, nameSeparator + 2, layout.name.end) : '';
  checkName(reading, layout.name, surname, givenNames, surnameReadable && givenNamesReadable);

  const zone = reading.zone;
  const optionalSpan = layout.optionalData;
  const documentNumber =
    overflowCheck < 0
      ? withoutTrailingFillers(zone, layout.documentNumber.start, layout.documentNumber.end)
      : zone.slice(layout.documentNumber.start, layout.documentNumber.end) + zone.slice(optionalSpan.start, overflowCheck);
  const optionalData = withoutFillersAtEnds(zone, overflowCheck < 0 ? optionalSpan.start : overflowCheck + 1, optionalSpan.end);
  const birthDate = zone.slice(layout.birthDate.start, layout.birthDate.end);
  const expiryDate = zone.slice(layout.expiryDate.start, layout.expiryDate.end);
  const fields: MrzFields =
    layout.optionalData2 === null
      ? {
          documentCode,
          issuingState,
          documentNumber,
          nationality,
          birthDate,
          sex,
          expiryDate,
          surname,
          givenNames,
          optionalData,
          birthDateIso,
          expiryDateIso,
        }
      : {
          documentCode,
          issuingState,
          documentNumber,
          nationality,
          birthDate,
          sex,
          expiryDate,
          surname,
          givenNames,
          optionalData,
          optionalData2: withoutFillersAtEnds(zone, layout.optionalData2.start, layout.optionalData2.end),
          birthDateIso,
          expiryDateIso,
        };
  return {
    valid: reading.errors.length === 0,
    format: layout.format,
    fields,
    errors: reading.errors,
    warnings: reading.warnings,
    corrections: reading.corrections,
    normalised,
    checks: reading.checks,
  };
}

/** Where the primary identifier ends: the first `<<` of the name field, or the field's end. */
function nameSeparatorIndex(zone: string, name: Span): number {
  const separator = zone.indexOf('<<', name.start);
  return separator < 0 || separator + 2 > name.end ? name.end : separator;
}

function isDocumentCodeFor(layout: Layout, code: string): boolean {
  const initial = code.charCodeAt(0);
  if (!isLetter(initial) || !layout.documentCodeInitials.includes(code.charAt(0))) return false;
  if (code.length === 1) return true;
  return isLetter(code.charCodeAt(1)) && code.charAt(1) !== layout.documentCodeReservedSecond;
}

/**
 * A check-digit verdict: recorded as a check, and as an error when both sides could be read and
 * differ (unreadable characters have had their own error already). `why` ends the error's message
 * when there is more to say about the failure.
 */
function recordCheckDigit(reading: Reading, field: MrzFieldName, checkIndex: number, computed: number, holds: boolean, why?: string): void {
  const printedCode = reading.zone.charCodeAt(checkIndex);
  reading.checks.push({
    kind: 'check-digit',
    field,
    valid: holds,
    printed: reading.zone.charAt(checkIndex),
    expected: digitText(computed),
  });
  if (!holds && computed >= 0 && digitValue(printedCode) >= 0) {
    const mismatch = `${field} is ${reading.zone.charAt(checkIndex)} but the characters it protects call for ${String(computed)}`;
    addError(reading, 'check-digit-mismatch', field, why === undefined ? mismatch : `${mismatch}; ${why}`);
  }
}

function digitHolds(zone: string, protectedSpan: Span, checkIndex: number): boolean {
  const printed = digitValue(zone.charCodeAt(checkIndex));
  return printed >= 0 && checkDigitOfRange(zone, protectedSpan.start, protectedSpan.end) === printed;
}

/** A check digit over one span, without repair (dates: their digits have been settled already). */
function checkFieldDigit(reading: Reading, field: MrzFieldName, protectedSpan: Span, checkIndex: number): void {
  const computed = checkDigitOfRange(reading.zone, protectedSpan.start, protectedSpan.end);
  recordCheckDigit(reading, field, checkIndex, computed, digitHolds(reading.zone, protectedSpan, checkIndex));
}

/** Zone indices of a span, in order: what alternativeReadings may swap. */
function indicesOf(spans: readonly Span[]): number[] {
  const indices: number[] = [];
  for (const { start, end } of spans) for (let index = start; index < end; index++) indices.push(index);
  return indices;
}

/**
 * An alphanumeric field under its own check digit: checked, never repaired (letters and digits are
 * both plausible in it). When the check digit fails, the single confusion swaps that would make it
 * hold, and the composite too where the format has one, are reported. The composite weighs the
 * field's characters as its own check digit does, so it cannot choose between them; what it rules
 * out is a swap that only compensates for a misread check digit.
 */
function checkAlphanumericField(
  reading: Reading,
  layout: Layout,
  field: MrzFieldName,
  checkField: MrzFieldName,
  protectedSpan: Span,
  checkIndex: number,
  charactersReadable: boolean,
): void {
  const holds = digitHolds(reading.zone, protectedSpan, checkIndex);
  let why: string | undefined;
  if (!holds && charactersReadable && digitValue(reading.zone.charCodeAt(checkIndex)) >= 0) {
    const alternatives = alternativeReadings(
      reading.zone,
      indicesOf([protectedSpan]),
      (zone) => digitHolds(zone, protectedSpan, checkIndex) && compositeAllows(zone, layout),
    );
    why = reportAlternativeReadings(reading, field, alternatives);
  }
  recordCheckDigit(reading, checkField, checkIndex, checkDigitOfRange(reading.zone, protectedSpan.start, protectedSpan.end), holds, why);
}

/** Whether a candidate zone's composite check digit holds (trivially, for visas, which have none). */
function compositeAllows(zone: string, layout: Layout): boolean {
  if (layout.compositeCheck === null) return true;
  const computed = compositeDigit(zone, layout.compositeSpans);
  return computed >= 0 && computed === digitValue(zone.charCodeAt(layout.compositeCheck));
}

/** Returns -1: the document number does not overflow. */
function checkDocumentNumber(reading: Reading, layout: Layout, charactersReadable: boolean): number {
  if (reading.zone.charCodeAt(layout.documentNumber.start) === FILLER_CODE) {
    addError(reading, 'missing-field', 'documentNumber', 'the document number is missing: its field begins with a filler');
  }
  checkAlphanumericField(reading, layout, 'documentNumber', 'documentNumberCheckDigit', layout.documentNumber, layout.documentNumberCheck, charactersReadable);
  return -1;
}

/**
 * TD1 and TD2: a `<` in place of the document number's check digit says the number continues in
 * the optional data, followed by its check digit and a filler (Doc 9303 Part 5, 4.2.4). Returns
 * the zone index of that check digit, or -1 when the overflow is malformed.
 */
function checkOverflowingDocumentNumber(reading: Reading, layout: Layout, charactersReadable: boolean): number {
  const principal = layout.documentNumber;
  const checkIndex = layout.documentNumberCheck;
  const zone = reading.zone;
  if (zone.charCodeAt(principal.end - 1) === FILLER_CODE) {
    // A short number followed by `<`: the check digit is missing, not overflowing.
    if (zone.charCodeAt(principal.start) === FILLER_CODE) {
      addError(reading, 'missing-field', 'documentNumber', 'the document number is missing: its field begins with a filler');
    }
    addError(reading, 'invalid-character', 'documentNumberCheckDigit', `documentNumberCheckDigit holds '<' where a digit belongs`);
    recordCheckDigit(reading, 'documentNumberCheckDigit', checkIndex, checkDigitOfRange(zone, principal.start, principal.end), false);
    return -1;
  }
  const optional = layout.optionalData;
  let fillerIndex = zone.indexOf('<', optional.start);
  if (fillerIndex < 0 || fillerIndex > optional.end) fillerIndex = optional.end;
  const remainderEnd = fillerIndex - 1;
  if (remainderEnd <= optional.start) {
    addError(
      reading,
      'invalid-overflow',
      'documentNumber',
      'the document number check digit is `<`, which marks a long number, but the optional data holds no continuation and check digit',
    );
    recordCheckDigit(reading, 'documentNumberCheckDigit', checkIndex, checkDigitOfRange(zone, principal.start, principal.end), false);
    return -1;
  }
  const overflowCheck = remainderEnd;
  const remainder: Span = { start: optional.start, end: remainderEnd };
  repairDigits(reading, 'documentNumberCheckDigit', overflowCheck, overflowCheck + 1);
  const verdict = overflowVerdict(reading.zone, principal, remainder, overflowCheck);
  let why: string | undefined;
  if (verdict === 'mismatch' && charactersReadable && digitValue(reading.zone.charCodeAt(overflowCheck)) >= 0) {
    const alternatives = alternativeReadings(
      reading.zone,
      indicesOf([principal, remainder]),
      (candidate) => overflowVerdict(candidate, principal, remainder, overflowCheck) !== 'mismatch' && compositeAllows(candidate, layout),
    );
    why = reportAlternativeReadings(reading, 'documentNumber', alternatives);
  }
  if (verdict === 'with-filler') {
    addWarning(
      reading,
      'overflow-check-digit-with-filler',
      'documentNumberCheckDigit',
      'the check digit holds over the principal characters, `<` and the remainder, as some issuers compute it, not over the number alone',
    );
  }
  const plainSum = overflowSum(reading.zone, principal, remainder, 9);
  recordCheckDigit(reading, 'documentNumberCheckDigit', overflowCheck, plainSum < 0 ? -1 : plainSum % 10, verdict !== 'mismatch', why);
  return overflowCheck;
}

/** The weighted sum of principal + remainder, the remainder's weights starting at `remainderWeight`. */
function overflowSum(zone: string, principal: Span, remainder: Span, remainderWeight: number): number {
  const principalSum = weightedSum(zone, principal.start, principal.end, 0);
  const remainderSum = weightedSum(zone, remainder.start, remainder.end, remainderWeight);
  return principalSum < 0 || remainderSum < 0 ? -1 : principalSum + remainderSum;
}

/** Doc 9303 computes over principal + remainder; some cards over principal + `<` + remainder. Both are accepted. */
function overflowVerdict(zone: string, principal: Span, remainder: Span, checkIndex: number): 'plain' | 'with-filler' | 'mismatch' {
  const printed = digitValue(zone.charCodeAt(checkIndex));
  if (printed < 0) return 'mismatch';
  const plain = overflowSum(zone, principal, remainder, 9);
  if (plain >= 0 && plain % 10 === printed) return 'plain';
  // The filler is worth 0, so it only shifts the remainder's weights by one place.
  const withFiller = overflowSum(zone, principal, remainder, 10);
  return withFiller >= 0 && withFiller % 10 === printed ? 'with-filler' : 'mismatch';
}

/** TD3's personal number: its check digit may be `<` or `0` when the field is all fillers (Doc 9303 Part 4). */
function checkPersonalNumber(reading: Reading, layout: Layout, checkIndex: number, charactersReadable: boolean): void {
  const zone = reading.zone;
  const span = layout.optionalData;
  let allFillers = true;
  for (let index = span.start; index < span.end; index++) {
    if (zone.charCodeAt(index) !== FILLER_CODE) {
      allFillers = false;
      break;
    }
  }
  if (!allFillers) {
    if (zone.charCodeAt(checkIndex) === FILLER_CODE) {
      // repairDigits skipped the filler, which only an empty personal number may have here.
      addError(reading, 'invalid-character', 'optionalDataCheckDigit', 'the personal number is not empty, so its check digit must be a digit, not <');
    }
    checkAlphanumericField(reading, layout, 'optionalData', 'optionalDataCheckDigit', span, checkIndex, charactersReadable);
    return;
  }
  const printed = zone.charAt(checkIndex);
  const holds = printed === '<' || printed === '0';
  reading.checks.push({ kind: 'check-digit', field: 'optionalDataCheckDigit', valid: holds, printed, expected: holds ? printed : '<' });
  // A non-digit here has had its invalid-character error from repairDigits already.
  if (!holds && digitValue(zone.charCodeAt(checkIndex)) >= 0) {
    addError(reading, 'check-digit-mismatch', 'optionalDataCheckDigit', `the personal number is empty, so its check digit must be < or 0, not ${printed}`);
  }
}

/** The composite check digit over the spans, the weights running on from one span to the next; -1 if unreadable. */
function compositeDigit(zone: string, spans: readonly Span[]): number {
  let sum = 0;
  let weightIndex = 0;
  for (const { start, end } of spans) {
    const part = weightedSum(zone, start, end, weightIndex);
    if (part < 0) return -1;
    sum += part;
    weightIndex += end - start;
  }
  return sum % 10;
}

function checkComposite(reading: Reading, spans: readonly Span[], checkIndex: number): void {
  const computed = compositeDigit(reading.zone, spans);
  const holds = computed >= 0 && computed === digitValue(reading.zone.charCodeAt(checkIndex));
  recordCheckDigit(reading, 'compositeCheckDigit', checkIndex, computed, holds);
}

function checkDate(reading: Reading, field: MrzFieldName, start: number, role: DateRole, digitsOnly: boolean, today: DayNumber): string | null {
  const iso = digitsOnly ? isoDateOf(reading.zone, start, role, today) : null;
  const printed = reading.zone.slice(start, start + 6);
  reading.checks.push({ kind: 'date', field, valid: iso !== null, printed, expected: null });
  if (digitsOnly && iso === null) addError(reading, 'invalid-date', field, `${field} ${printed} is not a calendar date (YYMMDD)`);
  return iso;
}

function checkDocumentCode(reading: Reading, layout: Layout): string {
  const code = withoutTrailingFillers(reading.zone, layout.documentCode.start, layout.documentCode.end);
  const valid = isDocumentCodeFor(layout, code);
  reading.checks.push({ kind: 'document-code', field: 'documentCode', valid, printed: code, expected: null });
  if (!valid) addError(reading, 'invalid-document-code', 'documentCode', documentCodeProblem(layout, code));
  return code;
}

function documentCodeProblem(layout: Layout, code: string): string {
  if (layout.documentCodeInitials.includes(code.charAt(0)) && code.charAt(1) === layout.documentCodeReservedSecond) {
    return `${layout.format} document codes may not have ${code.charAt(1)} as their second character, which Doc 9303 keeps for visas; found '${code}'`;
  }
  const initials = layout.documentCodeInitials.split('').join(', ');
  return `${layout.format} document codes begin with ${initials}; found '${code}'`;
}

function checkCountryCode(reading: Reading, field: MrzFieldName, span: Span): string {
  const code = withoutTrailingFillers(reading.zone, span.start, span.end);
  const valid = isIcaoCountryCode(code);
  reading.checks.push({ kind: 'country-code', field, valid, printed: code, expected: null });
  if (!valid) addError(reading, 'unknown-country-code', field, `${field} '${code}' is not an ICAO state or organisation code`);
  return code;
}

/** Returns the sex as a field value: the filler (unspecified) becomes "". */
function checkSex(reading: Reading, index: number): string {
  const printed = reading.zone.charAt(index);
  const valid = printed === 'M' || printed === 'F' || printed === 'X' || printed === '<';
  reading.checks.push({ kind: 'sex', field: 'sex', valid, printed, expected: null });
  if (!valid) addError(reading, 'invalid-sex', 'sex', `sex is '${printed}'; ICAO allows M, F, X or <`);
  return printed === '<' ? '' : printed;
}

/**
 * The name check holds when the field names someone and every character is a letter or filler.
 * An empty primary identifier is allowed (Doc 9303, for a holder with a single name, which then
 * stands in the secondary identifier), with a warning so that the screen can say why the surname
 * is blank; an empty field is not.
 */
function checkName(reading: Reading, name: Span, surname: string, givenNames: string, readable: boolean): void {
  const named = surname.length > 0 || givenNames.length > 0;
  reading.checks.push({ kind: 'name', field: 'surname', valid: readable && named, printed: surname, expected: null });
  if (!named) {
    addError(reading, 'missing-field', 'surname', 'the name is missing: the name field holds only fillers');
  } else if (surname.length === 0) {
    addWarning(
      reading,
      'no-primary-identifier',
      'surname',
      'the name field begins with <<, so the holder has no primary identifier (surname) and is named by the secondary identifier alone',
    );
  }
  if (nameFillsField(reading.zone, name.end)) {
    const field: MrzFieldName = givenNames.length > 0 ? 'givenNames' : 'surname';
    addWarning(reading, 'name-possibly-truncated', field, 'the name fills its field to the last character, so it may have been truncated');
  }
}
