/**
 * Property tests (fast-check) of where corrections may and may not happen. In a field that holds
 * letters and digits alike (the document number, TD3's personal number), an OCR confusion is never
 * "corrected", even when the check digit would then hold: the zone stays invalid and says why. In a
 * field whose character class settles the question (dates and check digits are digits, names are
 * letters), the confusion is repaired.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../../../main/common/icao/formats.js';
import { formatMrz, parseMrz } from '../../../../main/common/icao/index.js';
import type { MrzFieldName, MrzFormat, MrzResult } from '../../../../main/common/icao/index.js';
import { validDocumentOf } from './support/arbitraries.js';
import type { GeneratedDocument } from './support/arbitraries.js';
import { referenceCheckDigitsHold } from './support/reference.js';
import { TODAY } from './support/specimens.js';
import { withCharacter } from './support/zones.js';

const options = { today: TODAY };

/** The OCR-B confusions, written out here rather than taken from the engine. */
const LETTERS_FOR_DIGIT: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D'],
  '1': ['I'],
  '2': ['Z'],
  '5': ['S'],
  '6': ['G'],
  '8': ['B'],
};
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = { O: '0', D: '0', I: '1', Z: '2', S: '5', G: '6', B: '8' };

function confusionsOf(character: string): readonly string[] {
  const digit = DIGIT_FOR_LETTER[character];
  return digit !== undefined ? [digit] : (LETTERS_FOR_DIGIT[character] ?? []);
}

function pick<T>(items: readonly T[], seed: number): T {
  const item = items[seed % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A valid document, and one of its characters at `offsets` swapped for a character it is confused with. */
interface Confused {
  readonly document: GeneratedDocument;
  readonly lines: readonly string[];
  readonly changed: string[];
  readonly offset: number;
  readonly from: string;
  readonly to: string;
}

function confusedAt(formats: readonly MrzFormat[], offsetsOf: (document: GeneratedDocument, zone: string) => number[]): fc.Arbitrary<Confused> {
  return fc
    .constantFrom(...formats)
    .chain(validDocumentOf)
    .map((document) => {
      const lines = formatMrz(document.input, document.format).split('\n');
      const zone = lines.join('');
      return { document, lines, offsets: offsetsOf(document, zone).filter((offset) => confusionsOf(zone.charAt(offset)).length > 0) };
    })
    .filter(({ offsets }) => offsets.length > 0)
    .chain(({ document, lines, offsets }) =>
      fc.tuple(fc.nat(), fc.nat()).map(([offsetSeed, toSeed]): Confused => {
        const offset = pick(offsets, offsetSeed);
        const from = lines.join('').charAt(offset);
        const to = pick(confusionsOf(from), toSeed);
        return { document, lines, changed: withCharacter(lines, offset, to), offset, from, to };
      }),
    );
}

/** Zone offsets of the document number's characters, an overflowing number's remainder included. */
function documentNumberOffsets(document: GeneratedDocument): number[] {
  const layout = LAYOUTS[document.format];
  return Array.from(document.input.documentNumber, (_character, position) =>
    position < 9 ? layout.documentNumber.start + position : layout.optionalData.start + position - 9,
  );
}

function hasLetterAndDigit(text: string): boolean {
  return /[A-Z]/.test(text) && /[0-9]/.test(text);
}

function fieldsOf(result: MrzResult): Record<string, string | null | undefined> {
  if (result.format === null) throw new Error(`no format: ${JSON.stringify(result.errors)}`);
  return { ...result.fields };
}

/**
 * The verdict an alphanumeric field's confusion must get: no correction of that field, the field
 * read as printed, and, wherever the check digits can see the change at all, an invalid zone whose
 * failing check digit says why the engine did not settle it. (`6` and `G` differ in value by 10, so no
 * check digit sees that swap: the zone then reads as valid, as printed, uncorrected.)
 */
function expectLeftAsPrinted(confused: Confused, field: MrzFieldName, checkField: MrzFieldName, printed: string): void {
  const result = parseMrz(confused.changed.join('\n'), options);
  expect(result.corrections.filter((correction) => correction.field === field)).toEqual([]);
  expect(fieldsOf(result)[field]).toBe(printed);
  if (referenceCheckDigitsHold(confused.changed)) {
    expect(result.valid).toBe(true);
    return;
  }
  expect(result.valid).toBe(false);
  const mismatches = result.errors.filter((error) => error.code === 'check-digit-mismatch').map((error) => error.field);
  expect(mismatches.length).toBeGreaterThan(0);
  // Usually the field's own check digit fails; then putting the original character back is one
  // reading that would hold, so it is reported. (An overflowing number may still satisfy the
  // principal + `<` + remainder variant of its check digit, and then only the composite fails.)
  if (mismatches.includes(checkField)) {
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'ambiguous-correction', field }));
    expect(result.errors.find((error) => error.field === checkField)?.message).toContain('letters and digits alike');
  } else {
    expect(mismatches).toEqual(['compositeCheckDigit']);
  }
}

describe('confusions in fields of letters and digits alike', () => {
  it('leave any document number with letters and digits invalid, as printed, never "corrected" (TD3, TD1)', () => {
    const confused = confusedAt(['TD3', 'TD1'], documentNumberOffsets).filter(({ document }) => hasLetterAndDigit(document.input.documentNumber));
    fc.assert(
      fc.property(confused, (sample) => {
        const position = documentNumberOffsets(sample.document).indexOf(sample.offset);
        const number = sample.document.input.documentNumber;
        const printed = number.slice(0, position) + sample.to + number.slice(position + 1);
        expectLeftAsPrinted(sample, 'documentNumber', 'documentNumberCheckDigit', printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('do the same in every format, overflowing TD1 and TD2 numbers and visas included', () => {
    const confused = confusedAt(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'], documentNumberOffsets);
    fc.assert(
      fc.property(confused, (sample) => {
        const position = documentNumberOffsets(sample.document).indexOf(sample.offset);
        const number = sample.document.input.documentNumber;
        expectLeftAsPrinted(sample, 'documentNumber', 'documentNumberCheckDigit', number.slice(0, position) + sample.to + number.slice(position + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave a TD3 personal number invalid, as printed, never "corrected"', () => {
    const span = LAYOUTS.TD3.optionalData;
    const offsets = (): number[] => Array.from({ length: span.end - span.start }, (_unused, index) => span.start + index);
    fc.assert(
      fc.property(confusedAt(['TD3'], offsets), (sample) => {
        const printed = sample.changed.join('').slice(span.start, span.end).replace(/^<+|<+$/g, '');
        expectLeftAsPrinted(sample, 'optionalData', 'optionalDataCheckDigit', printed);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Digit-only positions of a zone, each with the field parseMrz names and its position within it. */
function digitPositions(document: GeneratedDocument, zone: string): Map<number, { field: MrzFieldName; position: number }> {
  const layout = LAYOUTS[document.format];
  const positions = new Map<number, { field: MrzFieldName; position: number }>();
  for (let index = 0; index < 6; index++) {
    positions.set(layout.birthDate.start + index, { field: 'birthDate', position: index });
    positions.set(layout.expiryDate.start + index, { field: 'expiryDate', position: index });
  }
  const checks: [MrzFieldName, number | null][] = [
    ['birthDateCheckDigit', layout.birthDateCheck],
    ['expiryDateCheckDigit', layout.expiryDateCheck],
    ['documentNumberCheckDigit', layout.documentNumberCheck],
    ['optionalDataCheckDigit', layout.optionalDataCheck],
    ['compositeCheckDigit', layout.compositeCheck],
  ];
  // A `<` check digit (an overflowing number, an empty personal number) is no digit to misread.
  for (const [field, offset] of checks) if (offset !== null && zone.charAt(offset) !== '<') positions.set(offset, { field, position: 0 });
  return positions;
}

/** Name positions, reported within the primary identifier or within the secondary one (after `<<`). */
function namePosition(document: GeneratedDocument, zone: string, offset: number): { field: MrzFieldName; position: number } {
  const name = LAYOUTS[document.format].name;
  const separator = zone.indexOf('<<', name.start);
  const surnameEnd = separator < 0 || separator + 2 > name.end ? name.end : separator;
  return offset < surnameEnd ? { field: 'surname', position: offset - name.start } : { field: 'givenNames', position: offset - surnameEnd - 2 };
}

describe('confusions where the character class settles them', () => {
  const allFormats: MrzFormat[] = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'];

  it('are repaired in dates and check digits: a digit read as O, D, I, Z, S, G or B comes back, valid', () => {
    const confused = confusedAt(allFormats, (document, zone) => [...digitPositions(document, zone).keys()]);
    fc.assert(
      fc.property(confused, (sample) => {
        const result = parseMrz(sample.changed.join('\n'), options);
        const at = digitPositions(sample.document, sample.lines.join('')).get(sample.offset);
        expect(result.corrections).toEqual([{ field: at?.field, position: at?.position, from: sample.to, to: sample.from }]);
        expect(result.valid).toBe(true);
        expect(result.fields).toEqual(sample.document.expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('repair an O read into a date, whatever the format', () => {
    const withZero = (document: GeneratedDocument, zone: string): number[] =>
      [...digitPositions(document, zone).entries()]
        .filter(([offset, at]) => (at.field === 'birthDate' || at.field === 'expiryDate') && zone.charAt(offset) === '0')
        .map(([offset]) => offset);
    fc.assert(
      fc.property(fc.constantFrom(...allFormats).chain(validDocumentOf), fc.nat(), (document, seed) => {
        const lines = formatMrz(document.input, document.format).split('\n');
        const offsets = withZero(document, lines.join(''));
        fc.pre(offsets.length > 0);
        const result = parseMrz(withCharacter(lines, pick(offsets, seed), 'O').join('\n'), options);
        expect(result.valid).toBe(true);
        expect(result.corrections).toEqual([expect.objectContaining({ from: 'O', to: '0' })]);
        expect(result.fields).toEqual(document.expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('are repaired in names: a letter with a single digit twin, read as that digit, comes back', () => {
    const singleTwin = (character: string): boolean => DIGIT_FOR_LETTER[character] !== undefined && character !== 'O' && character !== 'D';
    const nameOffsets = (document: GeneratedDocument, zone: string): number[] => {
      const name = LAYOUTS[document.format].name;
      return Array.from({ length: name.end - name.start }, (_unused, index) => name.start + index).filter((offset) => singleTwin(zone.charAt(offset)));
    };
    fc.assert(
      fc.property(confusedAt(allFormats, nameOffsets), (sample) => {
        const result = parseMrz(sample.changed.join('\n'), options);
        const at = namePosition(sample.document, sample.lines.join(''), sample.offset);
        expect(result.corrections).toEqual([{ field: at.field, position: at.position, from: sample.to, to: sample.from }]);
        expect(result.valid).toBe(true);
        expect(result.fields).toEqual(sample.document.expected);
      }),
      { numRuns: 2000 },
    );
  });
});
