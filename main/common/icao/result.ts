/**
 * The shape of `parseMrz`'s answer, as a zod schema so that consumers across a process boundary
 * (the CLI's JSON, the renderer over RPC) can validate what they receive. The parser itself does
 * not run the schema: it builds results of this shape directly, for speed.
 */

import * as z from 'zod';
import { MRZ_FORMATS } from './formats.js';
import { NORMALISATIONS } from './normalise.js';

export const MrzFormatSchema = z.enum(MRZ_FORMATS);

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
export const MrzFieldNameSchema = z.enum(MRZ_FIELD_NAMES);
export type MrzFieldName = z.infer<typeof MrzFieldNameSchema>;

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
export const MrzErrorCodeSchema = z.enum(MRZ_ERROR_CODES);
export type MrzErrorCode = z.infer<typeof MrzErrorCodeSchema>;

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
export const MrzWarningCodeSchema = z.enum(MRZ_WARNING_CODES);
export type MrzWarningCode = z.infer<typeof MrzWarningCodeSchema>;

export const MrzNormalisationSchema = z.enum(NORMALISATIONS);

export const MrzErrorSchema = z.object({
  code: MrzErrorCodeSchema,
  field: MrzFieldNameSchema,
  message: z.string(),
});
export type MrzError = z.infer<typeof MrzErrorSchema>;

export const MrzWarningSchema = z.object({
  code: MrzWarningCodeSchema,
  field: MrzFieldNameSchema,
  message: z.string(),
});
export type MrzWarning = z.infer<typeof MrzWarningSchema>;

export const MrzCorrectionSchema = z.object({
  field: MrzFieldNameSchema,
  /**
   * 0-based position within the field as printed: for an overflowing document number, within
   * principal + remainder; for names, within the primary or the secondary identifier (after `<<`).
   */
  position: z.number().int().nonnegative(),
  from: z.string().length(1),
  to: z.string().length(1),
});
export type MrzCorrection = z.infer<typeof MrzCorrectionSchema>;

export const MRZ_CHECK_KINDS = ['check-digit', 'date', 'document-code', 'country-code', 'sex', 'name'] as const;
export const MrzCheckKindSchema = z.enum(MRZ_CHECK_KINDS);

export const MrzCheckSchema = z.object({
  kind: MrzCheckKindSchema,
  field: MrzFieldNameSchema,
  valid: z.boolean(),
  /** What the zone holds there (after corrections): the check digit, the date, the code. */
  printed: z.string(),
  /** For a check digit, the digit the protected characters call for; otherwise null. */
  expected: z.string().nullable(),
});
export type MrzCheck = z.infer<typeof MrzCheckSchema>;

export const MrzFieldsSchema = z.object({
  /** Fillers stripped: `P<` gives `P`. */
  documentCode: z.string(),
  issuingState: z.string(),
  /** Trailing fillers stripped; an overflowing number is its 9 principal characters plus the remainder. */
  documentNumber: z.string(),
  nationality: z.string(),
  /** As printed, YYMMDD. */
  birthDate: z.string(),
  /** The birth date with its century resolved, or null when it is not a calendar date. */
  birthDateIso: z.iso.date().nullable(),
  /** `M`, `F`, `X`, or `""` for the filler (unspecified). */
  sex: z.string(),
  expiryDate: z.string(),
  expiryDateIso: z.iso.date().nullable(),
  /** The primary identifier; `""` when absent (a single-name holder, warning `no-primary-identifier`). */
  surname: z.string(),
  /** The secondary identifier, names separated by single spaces; `""` when absent. */
  givenNames: z.string(),
  /** TD3's personal number, TD2's or a visa's optional data, TD1's first optional field after any overflow. */
  optionalData: z.string(),
  /** TD1's second-line optional field; present for TD1 only. */
  optionalData2: z.string().optional(),
});
export type MrzFields = z.infer<typeof MrzFieldsSchema>;

const resultCommon = {
  errors: z.array(MrzErrorSchema),
  warnings: z.array(MrzWarningSchema),
  normalised: z.array(MrzNormalisationSchema),
  corrections: z.array(MrzCorrectionSchema),
  checks: z.array(MrzCheckSchema),
};

export const MrzParsedResultSchema = z.object({
  format: MrzFormatSchema,
  /** Well formed and intact: every check digit, date and code holds. Says nothing of authenticity or validity in time. */
  valid: z.boolean(),
  fields: MrzFieldsSchema,
  ...resultCommon,
});
export type MrzParsedResult = z.infer<typeof MrzParsedResultSchema>;

export const MrzUnknownResultSchema = z.object({
  format: z.null(),
  valid: z.literal(false),
  fields: z.strictObject({}),
  ...resultCommon,
});
export type MrzUnknownResult = z.infer<typeof MrzUnknownResultSchema>;

/** Everything `parseMrz` can return. */
export const MrzResult = z.union([MrzParsedResultSchema, MrzUnknownResultSchema]);
export type MrzResult = z.infer<typeof MrzResult>;
