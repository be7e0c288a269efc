/**
 * formatMrz: the reverse of parseMrz. Builds the zone for given fields, with every check digit
 * computed, for the reader simulator, manual entry and tests.
 *
 * It checks shape (lengths, alphabet, six-digit dates), not meaning: a simulator may want an
 * unknown state code or 31 April with correct check digits, and parseMrz will judge those.
 * Transliteration (Doc 9303 Part 3, section 6) is the caller's: names must already be A-Z.
 */

import { FILLER, checkDigitOf, isMrzCharacter } from './check-digit.js';
import { LAYOUTS } from './formats.js';
import type { Layout, MrzFormat, Span } from './formats.js';

export interface MrzInput {
  /** `P`, `PO`, `I`, `ID`, `V`…; fillers added as needed. */
  readonly documentCode: string;
  readonly issuingState: string;
  /** Up to 9 characters; TD1 and TD2 take longer numbers, continued in the optional data. */
  readonly documentNumber: string;
  readonly nationality: string;
  /** YYMMDD, or YYYY-MM-DD. */
  readonly birthDate: string;
  /** `M`, `F`, `X`, or `<` / `""` for unspecified. */
  readonly sex: string;
  /** YYMMDD, or YYYY-MM-DD. */
  readonly expiryDate: string;
  /** The primary identifier; `""` for a holder with a single name, which then goes in givenNames. */
  readonly surname: string;
  readonly givenNames: string;
  /** TD3's personal number, TD2's or a visa's optional data, TD1's first optional field. */
  readonly optionalData?: string | undefined;
  /** TD1's second-line optional field. */
  readonly optionalData2?: string | undefined;
}

/** A field formatMrz cannot place in the zone. */
export class MrzFormatError extends RangeError {
  override readonly name = 'MrzFormatError';
  readonly field: keyof MrzInput;

  constructor(field: keyof MrzInput, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Builds the zone, its lines joined by `\n` (no final line end). Throws MrzFormatError when a field does not fit. */
export function formatMrz(fields: MrzInput, format: MrzFormat): string {
  const layout = LAYOUTS[format];
  const zone: string[] = new Array<string>(layout.lineCount * layout.lineLength).fill(FILLER);

  place(zone, layout.documentCode, code(fields.documentCode, 'documentCode', 2));
  place(zone, layout.issuingState, code(fields.issuingState, 'issuingState', 3));
  place(zone, layout.nationality, code(fields.nationality, 'nationality', 3));
  placeDate(zone, layout.birthDate, layout.birthDateCheck, fields.birthDate, 'birthDate');
  placeDate(zone, layout.expiryDate, layout.expiryDateCheck, fields.expiryDate, 'expiryDate');
  zone[layout.sex] = sexCharacter(fields.sex);
  place(zone, layout.name, nameField(fields.surname, fields.givenNames, spanLength(layout.name)));
  placeDocumentNumberAndOptionalData(zone, layout, fields);
  if (layout.optionalData2 !== null) {
    place(zone, layout.optionalData2, optional(fields.optionalData2, 'optionalData2', spanLength(layout.optionalData2)));
  } else if (optional(fields.optionalData2, 'optionalData2', 0) !== '') {
    throw new MrzFormatError('optionalData2', `${format} has no second optional data field`);
  }
  if (layout.compositeCheck !== null) {
    const composite = layout.compositeSpans.map((span) => zone.slice(span.start, span.end).join('')).join('');
    zone[layout.compositeCheck] = String(checkDigitOf(composite));
  }

  const lines: string[] = [];
  for (let line = 0; line < layout.lineCount; line++) {
    lines.push(zone.slice(line * layout.lineLength, (line + 1) * layout.lineLength).join(''));
  }
  return lines.join('\n');
}

function spanLength(span: Span): number {
  return span.end - span.start;
}

function place(zone: string[], span: Span, text: string): void {
  for (let index = 0; index < text.length && span.start + index < span.end; index++) {
    zone[span.start + index] = text.charAt(index);
  }
}

/** Upper case, with spaces read as fillers; rejects what the MRZ alphabet cannot hold. */
function mrzText(value: string, field: keyof MrzInput): string {
  const text = value.toUpperCase().replace(/\s/g, FILLER);
  for (let index = 0; index < text.length; index++) {
    if (!isMrzCharacter(text.charCodeAt(index))) {
      throw new MrzFormatError(field, `'${text.charAt(index)}' is not an MRZ character (A-Z, 0-9, <)`);
    }
  }
  return text;
}

function stripFillers(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charAt(start) === FILLER) start++;
  while (end > start && text.charAt(end - 1) === FILLER) end--;
  return text.slice(start, end);
}

function code(value: string, field: keyof MrzInput, length: number): string {
  const text = stripFillers(mrzText(value, field));
  if (text.length === 0 || text.length > length) {
    throw new MrzFormatError(field, `must be 1 to ${String(length)} characters, not '${value}'`);
  }
  return text;
}

function optional(value: string | undefined, field: keyof MrzInput, length: number): string {
  const text = stripFillers(mrzText(value ?? '', field));
  if (text.length > length) throw new MrzFormatError(field, `is ${String(text.length)} characters; ${String(length)} fit`);
  return text;
}

function placeDate(zone: string[], span: Span, checkIndex: number, value: string, field: keyof MrzInput): void {
  const iso = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(value);
  const printed = iso === null ? value : `${iso[2] ?? ''}${iso[3] ?? ''}${iso[4] ?? ''}`;
  if (!/^\d{6}$/.test(printed)) throw new MrzFormatError(field, `must be YYMMDD or YYYY-MM-DD, not '${value}'`);
  place(zone, span, printed);
  zone[checkIndex] = String(checkDigitOf(printed));
}

function sexCharacter(value: string): string {
  if (value === '' || value === FILLER) return FILLER;
  const upper = value.toUpperCase();
  if (upper === 'M' || upper === 'F' || upper === 'X') return upper;
  throw new MrzFormatError('sex', `must be M, F, X, < or empty, not '${value}'`);
}

/** One part of the name: words joined by single fillers, apostrophes dropped (Doc 9303 Part 3, 4.6). */
function namePart(value: string, field: keyof MrzInput): string {
  const joined = value
    .toUpperCase()
    .replace(/'/g, '')
    .replace(/[\s\-<]+/g, FILLER);
  const text = stripFillers(joined);
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (!((character >= 0x41 && character <= 0x5a) || text.charAt(index) === FILLER)) {
      throw new MrzFormatError(field, `'${text.charAt(index)}' is not A-Z: transliterate names first (Doc 9303 Part 3, section 6)`);
    }
  }
  return text;
}

/**
 * Primary identifier, `<<`, secondary identifier; cut at the field's end when too long. A holder
 * with only given names gets an empty primary identifier, so the field begins with `<<`.
 */
function nameField(surname: string, givenNames: string, length: number): string {
  const primary = namePart(surname, 'surname');
  const secondary = namePart(givenNames, 'givenNames');
  if (primary.length === 0 && secondary.length === 0) throw new MrzFormatError('surname', 'the name must not be empty');
  const name = secondary.length > 0 ? `${primary}${FILLER}${FILLER}${secondary}` : primary;
  return name.slice(0, length);
}

function placeDocumentNumberAndOptionalData(zone: string[], layout: Layout, fields: MrzInput): void {
  const number = stripFillers(mrzText(fields.documentNumber, 'documentNumber'));
  if (number.length === 0) throw new MrzFormatError('documentNumber', 'must not be empty');
  const optionalLength = spanLength(layout.optionalData);
  if (number.length <= 9) {
    place(zone, layout.documentNumber, number);
    zone[layout.documentNumberCheck] = String(checkDigitOf(number.padEnd(9, FILLER)));
    const optionalData = optional(fields.optionalData, 'optionalData', optionalLength);
    place(zone, layout.optionalData, optionalData);
    if (layout.optionalDataCheck !== null) {
      zone[layout.optionalDataCheck] = optionalData.length === 0 ? FILLER : String(checkDigitOf(optionalData.padEnd(optionalLength, FILLER)));
    }
    return;
  }
  if (!layout.documentNumberMayOverflow) {
    throw new MrzFormatError('documentNumber', `${layout.format} holds at most 9 characters, not ${String(number.length)}`);
  }
  if (number.includes(FILLER)) throw new MrzFormatError('documentNumber', 'a number longer than 9 characters cannot hold fillers');
  // Doc 9303 Part 5, 4.2.4: `<` in place of the check digit; the rest, its check digit and a filler open the optional data.
  const remainder = number.slice(9);
  const continuation = `${remainder}${String(checkDigitOf(number))}`;
  const optionalData = optional(fields.optionalData, 'optionalData', optionalLength);
  const optionalText = optionalData.length > 0 ? `${continuation}${FILLER}${optionalData}` : continuation;
  if (optionalText.length > optionalLength) {
    throw new MrzFormatError(
      'documentNumber',
      `${String(number.length)} characters, with the optional data, do not fit ${layout.format}'s ${String(optionalLength)}-character optional field`,
    );
  }
  place(zone, layout.documentNumber, number.slice(0, 9));
  zone[layout.documentNumberCheck] = FILLER;
  place(zone, layout.optionalData, optionalText);
}
