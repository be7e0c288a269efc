import { checkDigitOf } from '../../main/common/icao/index.js';
import { ChipInputError } from './chip-errors.js';

/** What the BAC and PACE keys are made from: the document number, the birth date and the expiry date of the MRZ. */
export interface MrzKeyFields {
  readonly documentNumber: string;
  /** YYMMDD, as the MRZ prints it. */
  readonly birthDate: string;
  /** YYMMDD. */
  readonly expiryDate: string;
}

const DATE = /^[0-9]{6}$/;
const NUMBER = /^[A-Z0-9<]{1,22}$/;

/**
 * MRZ_information of Doc 9303-11, 9.7.2: each field with its check digit. A
 * number shorter than nine characters is padded with fillers; a longer one
 * (a TD1 whose number runs into the optional data) is taken whole.
 */
export function mrzInformation(fields: MrzKeyFields): string {
  const number = fields.documentNumber.toUpperCase().padEnd(9, '<');
  if (!NUMBER.test(number) || number.replace(/</g, '') === '') throw new ChipInputError('the document number must be 1 to 22 letters, digits or fillers (<)');
  for (const [name, date] of [
    ['birth date', fields.birthDate],
    ['expiry date', fields.expiryDate],
  ] as const) {
    if (!DATE.test(date)) throw new ChipInputError(`the ${name} must be six digits, YYMMDD`);
  }
  return [number, fields.birthDate, fields.expiryDate].map((field) => `${field}${String(checkDigitOf(field))}`).join('');
}
