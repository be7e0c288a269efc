/**
 * Sahman's MRZ engine (ICAO Doc 9303): parsing, validation and correction of OCR confusions in
 * TD1, TD2, TD3, MRV-A and MRV-B zones, and their formatting. Pure TypeScript, shared by the core
 * and the renderer.
 */

export { parseMrz } from './parse.js';
export type { ParseOptions } from './parse.js';
export { formatMrz, MrzFormatError } from './format.js';
export type { MrzInput } from './format.js';
export { MRZ_FORMATS } from './formats.js';
export type { MrzFormat } from './formats.js';
export { NORMALISATIONS } from './normalise.js';
export type { Normalisation } from './normalise.js';
export { checkDigitOf } from './check-digit.js';
export { isIcaoCountryCode } from './country-codes.js';
export { MRZ_CHECK_KINDS, MRZ_ERROR_CODES, MRZ_FIELD_NAMES, MRZ_WARNING_CODES } from './result.js';
export type {
  MrzCheck,
  MrzCheckKind,
  MrzCorrection,
  MrzError,
  MrzErrorCode,
  MrzFieldName,
  MrzFields,
  MrzParsedResult,
  MrzResult,
  MrzUnknownResult,
  MrzWarning,
  MrzWarningCode,
} from './result.js';
