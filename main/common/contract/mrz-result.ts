/**
 * `parseMrz`'s answer as zod schemas, for consumers across a process boundary (the CLI's JSON, the
 * renderer over RPC). The engine itself stays free of zod so that `sahman mrz` starts fast; the
 * checks at the foot of this file keep these schemas and the engine's types the same shape.
 */

import * as z from 'zod';
import {
  MRZ_CHECK_KINDS,
  MRZ_ERROR_CODES,
  MRZ_FIELD_NAMES,
  MRZ_FORMATS,
  MRZ_WARNING_CODES,
  NORMALISATIONS,
} from '../icao/index.js';
import type {
  MrzCheck,
  MrzCorrection,
  MrzError,
  MrzFields,
  MrzParsedResult,
  MrzResult,
  MrzUnknownResult,
  MrzWarning,
} from '../icao/index.js';

export const MrzFormatSchema = z.enum(MRZ_FORMATS);
export const MrzFieldNameSchema = z.enum(MRZ_FIELD_NAMES);
export const MrzErrorCodeSchema = z.enum(MRZ_ERROR_CODES);
export const MrzWarningCodeSchema = z.enum(MRZ_WARNING_CODES);
export const MrzNormalisationSchema = z.enum(NORMALISATIONS);
export const MrzCheckKindSchema = z.enum(MRZ_CHECK_KINDS);

export const MrzErrorSchema = z.object({ code: MrzErrorCodeSchema, field: MrzFieldNameSchema, message: z.string() });
export const MrzWarningSchema = z.object({ code: MrzWarningCodeSchema, field: MrzFieldNameSchema, message: z.string() });

export const MrzCorrectionSchema = z.object({
  field: MrzFieldNameSchema,
  position: z.number().int().nonnegative(),
  from: z.string().length(1),
  to: z.string().length(1),
});

export const MrzCheckSchema = z.object({
  kind: MrzCheckKindSchema,
  field: MrzFieldNameSchema,
  valid: z.boolean(),
  printed: z.string(),
  expected: z.string().nullable(),
});

export const MrzFieldsSchema = z.object({
  documentCode: z.string(),
  issuingState: z.string(),
  documentNumber: z.string(),
  nationality: z.string(),
  birthDate: z.string(),
  birthDateIso: z.iso.date().nullable(),
  sex: z.string(),
  expiryDate: z.string(),
  expiryDateIso: z.iso.date().nullable(),
  surname: z.string(),
  givenNames: z.string(),
  optionalData: z.string(),
  optionalData2: z.string().optional(),
});

const resultCommon = {
  errors: z.array(MrzErrorSchema),
  warnings: z.array(MrzWarningSchema),
  normalised: z.array(MrzNormalisationSchema),
  corrections: z.array(MrzCorrectionSchema),
  checks: z.array(MrzCheckSchema),
};

export const MrzParsedResultSchema = z.object({
  format: MrzFormatSchema,
  valid: z.boolean(),
  fields: MrzFieldsSchema,
  ...resultCommon,
});

export const MrzUnknownResultSchema = z.object({
  format: z.null(),
  valid: z.literal(false),
  fields: z.strictObject({}),
  ...resultCommon,
});

/** Everything `parseMrz` can return. */
export const MrzResultSchema = z.union([MrzParsedResultSchema, MrzUnknownResultSchema]);

// Compile-time proof that each schema accepts exactly what the engine's type describes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Proven<T extends true> = T;
export type MrzSchemasMatchEngine = [
  Proven<Same<z.infer<typeof MrzErrorSchema>, MrzError>>,
  Proven<Same<z.infer<typeof MrzWarningSchema>, MrzWarning>>,
  Proven<Same<z.infer<typeof MrzCorrectionSchema>, MrzCorrection>>,
  Proven<Same<z.infer<typeof MrzCheckSchema>, MrzCheck>>,
  Proven<Same<z.infer<typeof MrzFieldsSchema>, MrzFields>>,
  Proven<Same<z.infer<typeof MrzParsedResultSchema>, MrzParsedResult>>,
  Proven<Same<z.infer<typeof MrzUnknownResultSchema>, MrzUnknownResult>>,
  Proven<Same<z.infer<typeof MrzResultSchema>, MrzResult>>,
];
