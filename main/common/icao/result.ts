/**
 * The shape of `parseMrz`'s answer, as plain types: the engine loads without zod, which keeps the
 * CLI's `mrz` command quick to start. The zod schemas that validate a result crossing a process
 * boundary (the CLI's JSON, the renderer over RPC) live in `main/common/contract/mrz-result.ts`,
 * where the compiler holds them to these types.
 */

import type { MrzFormat } from './formats.js';
import type { Normalisation } from './normalise.js';

/** What an error, warning, check or correction is about: a field of the zone, a check digit, or the whole zone. */
export const MRZ_FIELD_NAMES = [
  'zone',
  'documentCode',
  'issuingState',
  'documentNumber',
  'documentNumberCheckDigit',
  'nationality',
  'birthDate',
  'birthDateCheckDigit',
  'sex',
  'expiryDate',
  'expiryDateCheckDigit',
  'optionalData',
  'optionalDataCheckDigit',
  'optionalData2',
  'compositeCheckDigit',
  'surname',
  'givenNames',
] as const;
export type MrzFieldName = (typeof MRZ_FIELD_NAMES)[number];

export const MRZ_ERROR_CODES = [
  /** Nothing but white space was given. */
  'empty-input',
  /** The lines have none of the shapes ICAO defines. */
  'unknown-format',
  /** A character outside A-Z, 0-9 and `<`, or of the wrong kind for its position, that no correction could settle. */
  'invalid-character',
  /**
   * The document code does not suit the format: TD3 begins with `P`, visas with `V`, TD1 and TD2
   * with `A`, `C` or `I`, and TD1 and TD2 never have `V` second, which Doc 9303 keeps for visas.
   */
  'invalid-document-code',
  /** The issuing state or nationality is not an ICAO code. */
  'unknown-country-code',
  /** A check digit does not match the characters it protects. */
  'check-digit-mismatch',
  /** Not a calendar date. */
  'invalid-date',
  /** Sex is not `M`, `F`, `X` or `<`. */
  'invalid-sex',
  /** A field that must hold something holds only fillers (the document number, the whole name field). */
  'missing-field',
  /** A TD1 or TD2 document number is marked as continuing in the optional data, but does not. */
  'invalid-overflow',
] as const;
export type MrzErrorCode = (typeof MRZ_ERROR_CODES)[number];

export const MRZ_WARNING_CODES = [
  /** The name fills its field to the last character, so the issuer may have cut it short. */
  'name-possibly-truncated',
  /**
   * A check digit failed over a field that holds letters and digits alike (the document number,
   * TD3's personal number), and reading one of its characters as the one it is confused with
   * (`0`/`O`) would satisfy it. Both readings are plausible there, so none was made.
   */
  'ambiguous-correction',
  /** An overflowing document number's check digit holds only over principal + `<` + remainder, as some cards compute it. */
  'overflow-check-digit-with-filler',
  /**
   * The name field begins with `<<`: no primary identifier, the holder named by the secondary
   * identifier alone, as Doc 9303 allows for a holder with a single name.
   */
  'no-primary-identifier',
] as const;
export type MrzWarningCode = (typeof MRZ_WARNING_CODES)[number];

export interface MrzError {
  code: MrzErrorCode;
  field: MrzFieldName;
  message: string;
}

export interface MrzWarning {
  code: MrzWarningCode;
  field: MrzFieldName;
  message: string;
}

export interface MrzCorrection {
  field: MrzFieldName;
  /**
   * 0-based position within the field as printed: for an overflowing document number, within
   * principal + remainder; for names, within the primary or the secondary identifier (after `<<`).
   */
  position: number;
  /** One character each. */
  from: string;
  to: string;
}

export const MRZ_CHECK_KINDS = ['check-digit', 'date', 'document-code', 'country-code', 'sex', 'name'] as const;
export type MrzCheckKind = (typeof MRZ_CHECK_KINDS)[number];

export interface MrzCheck {
  kind: MrzCheckKind;
  field: MrzFieldName;
  valid: boolean;
  /** What the zone holds there (after corrections): the check digit, the date, the code. */
  printed: string;
  /** For a check digit, the digit the protected characters call for; otherwise null. */
  expected: string | null;
}

export interface MrzFields {
  /** Fillers stripped: `P<` gives `P`. */
  documentCode: string;
  issuingState: string;
  /** Trailing fillers stripped; an overflowing number is its 9 principal characters plus the remainder. */
  documentNumber: string;
  nationality: string;
  /** As printed, YYMMDD. */
  birthDate: string;
  /** The birth date with its century resolved (ISO YYYY-MM-DD), or null when it is not a calendar date. */
  birthDateIso: string | null;
  /** `M`, `F`, `X`, or `""` for the filler (unspecified). */
  sex: string;
  expiryDate: string;
  expiryDateIso: string | null;
  /** The primary identifier; `""` when absent (a single-name holder, warning `no-primary-identifier`). */
  surname: string;
  /** The secondary identifier, names separated by single spaces; `""` when absent. */
  givenNames: string;
  /** TD3's personal number, TD2's or a visa's optional data, TD1's first optional field after any overflow. */
  optionalData: string;
  /** TD1's second-line optional field; present for TD1 only. */
  optionalData2?: string | undefined;
}

interface MrzResultCommon {
  errors: MrzError[];
  warnings: MrzWarning[];
  normalised: Normalisation[];
  corrections: MrzCorrection[];
  checks: MrzCheck[];
}

export interface MrzParsedResult extends MrzResultCommon {
  format: MrzFormat;
  /** Well formed and intact: every check digit, date and code holds. Says nothing of authenticity or validity in time. */
  valid: boolean;
  fields: MrzFields;
}

export interface MrzUnknownResult extends MrzResultCommon {
  format: null;
  valid: false;
  fields: Record<string, never>;
}

/** Everything `parseMrz` can return. */
export type MrzResult = MrzParsedResult | MrzUnknownResult;
