/**
 * Where each field sits in the five ICAO Doc 9303 layouts. Offsets index the zone as one string,
 * its lines concatenated, so that a field is a plain slice whatever line it is on.
 */

export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

/** A half-open range [start, end) of the zone. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Layout {
  readonly format: MrzFormat;
  readonly lineCount: number;
  readonly lineLength: number;
  /** First characters of the document code this format admits (Doc 9303 Parts 4-7). */
  readonly documentCodeInitials: string;
  /** A second character of the document code this format refuses: cards may not use `V`, which marks a visa. */
  readonly documentCodeReservedSecond: string | null;
  readonly documentCode: Span;
  readonly issuingState: Span;
  readonly documentNumber: Span;
  readonly documentNumberCheck: number;
  readonly nationality: Span;
  readonly birthDate: Span;
  readonly birthDateCheck: number;
  readonly sex: number;
  readonly expiryDate: Span;
  readonly expiryDateCheck: number;
  /** TD3's personal number, TD2's and the visas' optional data, TD1's first optional field. */
  readonly optionalData: Span;
  /** TD3 protects its personal number with a check digit; the others do not. */
  readonly optionalDataCheck: number | null;
  /** TD1's second-line optional field. */
  readonly optionalData2: Span | null;
  readonly name: Span;
  /** Visas carry no composite check digit. */
  readonly compositeCheck: number | null;
  readonly compositeSpans: readonly Span[];
  /** TD1 and TD2 let a document number longer than 9 characters continue in the optional data. */
  readonly documentNumberMayOverflow: boolean;
}

function span(start: number, length: number): Span {
  return { start, end: start + length };
}

/** Doc 9303 Part 4: passports, 2 lines of 44. */
const TD3: Layout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  documentCodeInitials: 'P',
  documentCodeReservedSecond: null,
  documentCode: span(0, 2),
  issuingState: span(2, 3),
  name: span(5, 39),
  documentNumber: span(44, 9),
  documentNumberCheck: 53,
  nationality: span(54, 3),
  birthDate: span(57, 6),
  birthDateCheck: 63,
  sex: 64,
  expiryDate: span(65, 6),
  expiryDateCheck: 71,
  optionalData: span(72, 14),
  optionalDataCheck: 86,
  optionalData2: null,
  compositeCheck: 87,
  compositeSpans: [span(44, 10), span(57, 7), span(65, 22)],
  documentNumberMayOverflow: false,
};

/** Doc 9303 Part 7: full-size visas, 2 lines of 44, no composite check digit. */
const MRV_A: Layout = {
  ...TD3,
  format: 'MRV-A',
  documentCodeInitials: 'V',
  optionalData: span(72, 16),
  optionalDataCheck: null,
  compositeCheck: null,
  compositeSpans: [],
};

/** Doc 9303 Part 6: 2 lines of 36. */
const TD2: Layout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  documentCodeInitials: 'ACI',
  documentCodeReservedSecond: 'V',
  documentCode: span(0, 2),
  issuingState: span(2, 3),
  name: span(5, 31),
  documentNumber: span(36, 9),
  documentNumberCheck: 45,
  nationality: span(46, 3),
  birthDate: span(49, 6),
  birthDateCheck: 55,
  sex: 56,
  expiryDate: span(57, 6),
  expiryDateCheck: 63,
  optionalData: span(64, 7),
  optionalDataCheck: null,
  optionalData2: null,
  compositeCheck: 71,
  compositeSpans: [span(36, 10), span(49, 7), span(57, 14)],
  documentNumberMayOverflow: true,
};

/** Doc 9303 Part 7: small visas, 2 lines of 36, no composite check digit. */
const MRV_B: Layout = {
  ...TD2,
  format: 'MRV-B',
  documentCodeInitials: 'V',
  documentCodeReservedSecond: null,
  optionalData: span(64, 8),
  compositeCheck: null,
  compositeSpans: [],
  documentNumberMayOverflow: false,
};

/** Doc 9303 Part 5: cards, 3 lines of 30. */
const TD1: Layout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  documentCodeInitials: 'ACI',
  documentCodeReservedSecond: 'V',
  documentCode: span(0, 2),
  issuingState: span(2, 3),
  documentNumber: span(5, 9),
  documentNumberCheck: 14,
  optionalData: span(15, 15),
  optionalDataCheck: null,
  birthDate: span(30, 6),
  birthDateCheck: 36,
  sex: 37,
  expiryDate: span(38, 6),
  expiryDateCheck: 44,
  nationality: span(45, 3),
  optionalData2: span(48, 11),
  compositeCheck: 59,
  compositeSpans: [span(5, 25), span(30, 7), span(38, 7), span(48, 11)],
  name: span(60, 30),
  documentNumberMayOverflow: true,
};

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = { TD1, TD2, TD3, 'MRV-A': MRV_A, 'MRV-B': MRV_B };

const VISA_INITIAL = 0x56; // 'V'

/**
 * The layout for a zone's shape (line count and length) and, where two layouts share a shape,
 * its document code: visas begin with `V`. Null when the shape is none of ICAO's.
 */
export function layoutForShape(lines: readonly string[]): Layout | null {
  const first = lines[0];
  if (first === undefined) return null;
  const length = first.length;
  for (const line of lines) {
    if (line.length !== length) return null;
  }
  const isVisa = first.charCodeAt(0) === VISA_INITIAL;
  if (lines.length === 3 && length === 30) return TD1;
  if (lines.length === 2 && length === 36) return isVisa ? MRV_B : TD2;
  if (lines.length === 2 && length === 44) return isVisa ? MRV_A : TD3;
  return null;
}

/** The line shapes ICAO defines, for messages. */
export const SHAPES_DESCRIPTION = '3 lines of 30 characters (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A)';
