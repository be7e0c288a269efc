/** fast-check arbitraries for valid documents of every format, with the fields parseMrz must give back. */
import fc from 'fast-check';
import { ICAO_SPECIAL_CODES, ISO_3166_ALPHA3, SPECIMEN_STATE } from '../../../../../main/common/icao/country-codes.js';
import { daysInMonth } from '../../../../../main/common/icao/dates.js';
import { LAYOUTS, MRZ_FORMATS } from '../../../../../main/common/icao/formats.js';
import type { MrzFields, MrzFormat, MrzInput } from '../../../../../main/common/icao/index.js';

export interface GeneratedDocument {
  readonly format: MrzFormat;
  readonly input: MrzInput;
  readonly expected: MrzFields;
}

const LETTERS = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const ALPHANUMERIC = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const letter = fc.constantFrom(...LETTERS);
const alphanumeric = fc.constantFrom(...ALPHANUMERIC);

export const countryCode = fc.constantFrom(...ISO_3166_ALPHA3, ...ICAO_SPECIAL_CODES, SPECIMEN_STATE);

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

interface GeneratedDate {
  readonly printed: string;
  readonly iso: string;
}

/** A calendar date between the given years, as YYMMDD and ISO. */
function calendarDate(minYear: number, maxYear: number): fc.Arbitrary<GeneratedDate> {
  return fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => {
      const clamped = Math.min(day, daysInMonth(year, month));
      return {
        printed: `${twoDigits(year % 100)}${twoDigits(month)}${twoDigits(clamped)}`,
        iso: `${String(year)}-${twoDigits(month)}-${twoDigits(clamped)}`,
      };
    });
}

/** Birth dates up to 99 years before the reading day (2025-06-15) and not after it. */
export const birthDate = calendarDate(1926, 2024);
/** Expiry dates inside the engine's window of 50 years either side of the reading day. */
export const expiryDate = calendarDate(1976, 2074);

/** A code the format admits: one of its initials, then perhaps a letter other than the one it reserves (TD1 and TD2: no `V`). */
function documentCode(format: MrzFormat): fc.Arbitrary<string> {
  const layout = LAYOUTS[format];
  const initials = layout.documentCodeInitials.split('');
  const seconds = LETTERS.filter((candidate) => candidate !== layout.documentCodeReservedSecond);
  return fc
    .tuple(fc.constantFrom(...initials), fc.option(fc.constantFrom(...seconds), { nil: '' }))
    .map(([initial, second]) => initial + second);
}

const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 });

/** A name that fits the field; now and then a single-name holder's, with given names and no surname. */
function names(format: MrzFormat): fc.Arbitrary<{ surname: string; givenNames: string }> {
  const length = LAYOUTS[format].name.end - LAYOUTS[format].name.start;
  return fc
    .record({ surname: fc.array(word, { maxLength: 3 }), givenNames: fc.array(word, { maxLength: 3 }) })
    .filter(({ surname, givenNames }) => {
      if (surname.length === 0 && givenNames.length === 0) return false;
      const printed = surname.join('<') + (givenNames.length > 0 ? `<<${givenNames.join('<')}` : '');
      return printed.length <= length;
    })
    .map(({ surname, givenNames }) => ({ surname: surname.join(' '), givenNames: givenNames.join(' ') }));
}

/** TD1 and TD2 numbers may overflow into the optional data; others hold 9 characters. */
function documentNumber(format: MrzFormat): fc.Arbitrary<string> {
  const layout = LAYOUTS[format];
  const optionalLength = layout.optionalData.end - layout.optionalData.start;
  const maxLength = layout.documentNumberMayOverflow ? 9 + optionalLength - 1 : 9;
  return fc.string({ unit: alphanumeric, minLength: 1, maxLength });
}

/** Room left for optional data once an overflowing number, its check digit and a filler are placed. */
function optionalRoom(format: MrzFormat, numberLength: number): number {
  const layout = LAYOUTS[format];
  const length = layout.optionalData.end - layout.optionalData.start;
  if (numberLength <= 9) return length;
  return Math.max(0, length - (numberLength - 9) - 2);
}

function stripFillers(text: string): string {
  return text.replace(/^<+|<+$/g, '');
}

const optionalCharacter = fc.constantFrom(...ALPHANUMERIC, '<');

export function validDocumentOf(format: MrzFormat): fc.Arbitrary<GeneratedDocument> {
  return documentNumber(format).chain((number) =>
    fc
      .record({
        documentCode: documentCode(format),
        issuingState: countryCode,
        nationality: countryCode,
        birth: birthDate,
        expiry: expiryDate,
        sex: fc.constantFrom('M', 'F', 'X', '<'),
        names: names(format),
        optionalData: fc.string({ unit: optionalCharacter, maxLength: optionalRoom(format, number.length) }),
        optionalData2: fc.string({ unit: optionalCharacter, maxLength: 11 }),
      })
      .map((drawn): GeneratedDocument => {
        const isTd1 = format === 'TD1';
        const input: MrzInput = {
          documentCode: drawn.documentCode,
          issuingState: drawn.issuingState,
          documentNumber: number,
          nationality: drawn.nationality,
          birthDate: drawn.birth.printed,
          sex: drawn.sex,
          expiryDate: drawn.expiry.printed,
          surname: drawn.names.surname,
          givenNames: drawn.names.givenNames,
          optionalData: drawn.optionalData,
          ...(isTd1 ? { optionalData2: drawn.optionalData2 } : {}),
        };
        const expected: MrzFields = {
          documentCode: drawn.documentCode,
          issuingState: drawn.issuingState,
          documentNumber: number,
          nationality: drawn.nationality,
          birthDate: drawn.birth.printed,
          sex: drawn.sex === '<' ? '' : drawn.sex,
          expiryDate: drawn.expiry.printed,
          surname: drawn.names.surname,
          givenNames: drawn.names.givenNames,
          optionalData: stripFillers(drawn.optionalData),
          ...(isTd1 ? { optionalData2: stripFillers(drawn.optionalData2) } : {}),
          birthDateIso: drawn.birth.iso,
          expiryDateIso: drawn.expiry.iso,
        };
        return { format, input, expected };
      }),
  );
}

export const validDocument: fc.Arbitrary<GeneratedDocument> = fc.constantFrom(...MRZ_FORMATS).chain(validDocumentOf);
