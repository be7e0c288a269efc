/**
 * The correction rules: direct tests of the repair functions, then end to end through parseMrz,
 * including the alphanumeric fields, which are never repaired and must stay invalid.
 */
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../../main/common/icao/check-digit.js';
import {
  alternativeReadings,
  checkCharacters,
  repairCode,
  repairDigits,
  repairLetters,
  reportAlternativeReadings,
} from '../../../../main/common/icao/correction.js';
import { isIcaoCountryCode } from '../../../../main/common/icao/country-codes.js';
import { formatMrz, parseMrz } from '../../../../main/common/icao/index.js';
import type { MrzInput } from '../../../../main/common/icao/index.js';
import { newReading } from '../../../../main/common/icao/reading.js';
import { SPECIMENS, TODAY, specimenOf } from './support/specimens.js';

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

describe('repairDigits', () => {
  it('turns the usual letters into digits and reports each', () => {
    const reading = newReading('7O8I2S');
    expect(repairDigits(reading, 'birthDate', 0, 6)).toBe(true);
    expect(reading.zone).toBe('708125');
    expect(reading.corrections).toEqual([
      { field: 'birthDate', position: 1, from: 'O', to: '0' },
      { field: 'birthDate', position: 3, from: 'I', to: '1' },
      { field: 'birthDate', position: 5, from: 'S', to: '5' },
    ]);
  });

  it('maps D, Z, G and B as well', () => {
    const reading = newReading('DZGB');
    repairDigits(reading, 'expiryDate', 0, 4);
    expect(reading.zone).toBe('0268');
  });

  it('refuses a character that is no confusion of a digit', () => {
    const reading = newReading('74A812');
    expect(repairDigits(reading, 'birthDate', 0, 6)).toBe(false);
    expect(reading.errors).toEqual([expect.objectContaining({ code: 'invalid-character', field: 'birthDate' })]);
    expect(reading.corrections).toEqual([]);
  });
});

describe('repairLetters', () => {
  it('turns digits with a single letter reading into that letter', () => {
    const reading = newReading('ER1KS5ON');
    expect(repairLetters(reading, 'surname', 0, 8)).toBe(true);
    expect(reading.zone).toBe('ERIKSSON');
    expect(reading.corrections.map((correction) => correction.position)).toEqual([2, 5]);
  });

  it('leaves 0 alone, which could be O or D, and reports it', () => {
    const reading = newReading('J0HN');
    expect(repairLetters(reading, 'givenNames', 0, 4)).toBe(false);
    expect(reading.zone).toBe('J0HN');
    expect(reading.errors).toEqual([expect.objectContaining({ code: 'invalid-character', field: 'givenNames' })]);
  });
});

describe('checkCharacters', () => {
  it('accepts the MRZ alphabet and reports anything else', () => {
    const reading = newReading('AB<9#');
    expect(checkCharacters(reading, 'optionalData', 0, 4)).toBe(true);
    expect(checkCharacters(reading, 'optionalData', 0, 5)).toBe(false);
    expect(reading.errors[0]?.message).toContain("'#'");
  });
});

describe('repairCode', () => {
  it('repairs a code when exactly one reading is a known code', () => {
    const reading = newReading('UT0');
    repairCode(reading, 'issuingState', 0, 3, isIcaoCountryCode);
    expect(reading.zone).toBe('UTO');
    expect(reading.corrections).toEqual([{ field: 'issuingState', position: 2, from: '0', to: 'O' }]);
  });

  it('makes no repair when two readings are known codes', () => {
    // GB0: GBO (British overseas citizen) and GBD (British overseas territories citizen) both exist.
    const reading = newReading('GB0');
    repairCode(reading, 'nationality', 0, 3, isIcaoCountryCode);
    expect(reading.zone).toBe('GB0');
    expect(reading.corrections).toEqual([]);
  });

  it('reads a lone 0 as D, Germany, since O is no code', () => {
    const reading = newReading('0<<');
    repairCode(reading, 'nationality', 0, 3, isIcaoCountryCode);
    expect(reading.zone).toBe('D<<');
  });

  it('makes no repair when no reading is a known code', () => {
    const reading = newReading('Q0Q');
    repairCode(reading, 'issuingState', 0, 3, isIcaoCountryCode);
    expect(reading.zone).toBe('Q0Q');
  });

  it('leaves a code of letters alone, known or not', () => {
    const reading = newReading('QQQ');
    repairCode(reading, 'issuingState', 0, 3, isIcaoCountryCode);
    expect(reading.corrections).toEqual([]);
  });
});

describe('alternativeReadings', () => {
  const holdsOverNine = (zone: string): boolean => String(checkDigitOf(zone.slice(0, 9))) === zone.charAt(9);
  const nineIndices = [0, 1, 2, 3, 4, 5, 6, 7, 8];

  it('finds the swap that would make the check digit hold, and changes nothing', () => {
    // L898902C3, check digit 6, with its 0 (position 5) read as O.
    expect(alternativeReadings('L8989O2C36', nineIndices, holdsOverNine)).toEqual([{ position: 5, from: 'O', to: '0' }]);
  });

  it('reports positions in field order even when the field is not contiguous', () => {
    expect(alternativeReadings('L8989O2C36', [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], holdsOverNine)).toEqual([{ position: 4, from: 'O', to: '0' }]);
  });

  it('lists every swap that would do', () => {
    const found = alternativeReadings('000000001<', nineIndices, (zone) => !zone.startsWith('000000001') && zone.charAt(9) === '<');
    // Each 0 could be O or D, and the 1 could be I.
    expect(found).toHaveLength(8 * 2 + 1);
  });

  it('finds none when no swap helps', () => {
    expect(alternativeReadings('AAAAAAAAA0', nineIndices, () => false)).toEqual([]);
  });
});

describe('reportAlternativeReadings', () => {
  it('warns about the reading that would hold and returns the reason for the error', () => {
    const reading = newReading('L8989O2C36');
    const why = reportAlternativeReadings(reading, 'documentNumber', [{ position: 5, from: 'O', to: '0' }]);
    expect(why).toContain("documentNumber position 5 'O' as '0'");
    expect(why).toContain('letters and digits alike');
    expect(reading.zone).toBe('L8989O2C36');
    expect(reading.corrections).toEqual([]);
    expect(reading.warnings).toEqual([{ code: 'ambiguous-correction', field: 'documentNumber', message: `documentNumber fails its check digit; ${why ?? ''}` }]);
  });

  it('counts several readings', () => {
    const reading = newReading('');
    const why = reportAlternativeReadings(reading, 'optionalData', [
      { position: 0, from: '8', to: 'B' },
      { position: 3, from: 'I', to: '1' },
    ]);
    expect(why).toMatch(/^2 readings of its confusable characters, such as optionalData position 0 '8' as 'B'/);
  });

  it('says nothing when there is no other reading', () => {
    const reading = newReading('');
    expect(reportAlternativeReadings(reading, 'documentNumber', [])).toBeUndefined();
    expect(reading.warnings).toEqual([]);
  });
});

/** End to end: the rules as a guard meets them. */
describe('corrections in parseMrz', () => {
  const td3 = specimenOf('TD3');
  const [line1 = '', line2 = ''] = td3.lines;

  it('repairs O for 0 in a date and still validates', () => {
    const result = parseMrz([line1, replaceAt(line2, 15, 'O')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([{ field: 'birthDate', position: 2, from: 'O', to: '0' }]);
    expect(result.format !== null && result.fields.birthDate).toBe('740812');
  });

  it('repairs letters read in check digits', () => {
    // Expiry check digit 9 has no letter twin; use the birth date check digit 2 → Z.
    const result = parseMrz([line1, replaceAt(line2, 19, 'Z')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([{ field: 'birthDateCheckDigit', position: 0, from: 'Z', to: '2' }]);
  });

  it('repairs digits read in names and codes', () => {
    // P<UTOERIKSSON…: state UT0, surname ER1KSSON, given names ANNA MAR1A.
    const damaged = replaceAt(replaceAt(replaceAt(line1, 4, '0'), 7, '1'), 23, '1');
    const result = parseMrz([damaged, line2].join('\n'), { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([
      { field: 'issuingState', position: 2, from: '0', to: 'O' },
      { field: 'surname', position: 2, from: '1', to: 'I' },
      { field: 'givenNames', position: 8, from: '1', to: 'I' },
    ]);
    expect(result.fields).toEqual(td3.fields);
  });

  it('repairs the document code from the letters the format admits', () => {
    const td1 = specimenOf('TD1');
    const result = parseMrz(td1.lines.map((line, index) => (index === 0 ? replaceAt(line, 0, '1') : line)).join('\n'), { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([{ field: 'documentCode', position: 0, from: '1', to: 'I' }]);
  });

  it('leaves a document number read with O for 0 invalid, as printed, and says which reading would hold', () => {
    // L898902C3: the 0 at position 5 read as O. A document number may hold either, so the check
    // digit, which the 0 would satisfy, is no proof that a 0 was printed.
    const result = parseMrz([line1, replaceAt(line2, 5, 'O')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.format !== null && result.fields.documentNumber).toBe('L8989O2C3');
    const mismatch = result.errors.find((error) => error.field === 'documentNumberCheckDigit');
    expect(mismatch?.code).toBe('check-digit-mismatch');
    expect(mismatch?.message).toContain("documentNumber position 5 'O' as '0' would satisfy it");
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ambiguous-correction', field: 'documentNumber' })]);
  });

  it('leaves the principal part of an overflowing TD1 document number unrepaired', () => {
    const long = SPECIMENS.find((specimen) => specimen.format === 'TD1' && specimen.fields.documentNumber.length > 9);
    const lines = [...(long?.lines ?? [])];
    lines[0] = replaceAt(lines[0] ?? '', 10, 'S'); // D23145890 → D2314S890
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.format !== null && result.fields.documentNumber).toBe('D2314S890734');
    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'check-digit-mismatch', field: 'documentNumberCheckDigit' }));
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'ambiguous-correction', field: 'documentNumber' }));
  });

  it('names the position of a confusable remainder character across both parts of an overflowing number', () => {
    // Only one confusable character in the whole number, so only one other reading exists.
    const input: MrzInput = { ...specimenOf('TD1').fields, documentNumber: 'ACEFHJKLMNP1' };
    const lines = formatMrz(input, 'TD1').split('\n');
    lines[0] = replaceAt(lines[0] ?? '', 17, 'I');
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ambiguous-correction', field: 'documentNumber' })]);
    expect(result.warnings[0]?.message).toContain("documentNumber position 11 'I' as '1'");
  });

  it('stays invalid, and counts the readings, when several of an overflowing number would hold', () => {
    const long = SPECIMENS.find((specimen) => specimen.format === 'TD1' && specimen.fields.documentNumber.length > 9);
    const lines = [...(long?.lines ?? [])];
    lines[0] = replaceAt(lines[0] ?? '', 6, 'Z'); // D23145890 → DZ3145890: two swaps satisfy the check digits
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ambiguous-correction', field: 'documentNumber' })]);
    expect(result.warnings[0]?.message).toMatch(/\d+ readings of its confusable characters/);
  });

  it('stays invalid when many readings would hold', () => {
    // A number made of confusable characters: many single swaps satisfy a wrong check digit.
    const input: MrzInput = { ...specimenOf('MRV-A').fields, documentNumber: '000000000' };
    const zone = formatMrz(input, 'MRV-A');
    const lines = zone.split('\n');
    const second = lines[1] ?? '';
    const wrongCheck = String((Number(second.charAt(9)) + 1) % 10);
    const result = parseMrz([lines[0], replaceAt(second, 9, wrongCheck)].join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'check-digit-mismatch', field: 'documentNumberCheckDigit' }));
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'ambiguous-correction', field: 'documentNumber' }));
  });

  it('does not "repair" the number when it is the check digit that was misread', () => {
    // Check digit 6 read as 5: swapping the 8 at position 1 for B alone would satisfy 5, but the
    // composite, computed over the true check digit, then fails; so nothing is changed.
    const result = parseMrz([line1, replaceAt(line2, 9, '5')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'check-digit-mismatch', field: 'documentNumberCheckDigit' }),
      expect.objectContaining({ code: 'check-digit-mismatch', field: 'compositeCheckDigit' }),
    ]);
  });

  it('on a visa, with no composite to rule a reading out, still makes no repair', () => {
    const visa = specimenOf('MRV-A');
    // L8988901C, check digit 4; read as 2, the single swap 0 → O at position 6 satisfies 2.
    const lines = [visa.lines[0] ?? '', replaceAt(visa.lines[1] ?? '', 9, '2')];
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.format !== null && result.fields.documentNumber).toBe('L8988901C');
    expect(result.warnings[0]?.message).toContain("documentNumber position 6 '0' as 'O'");
  });

  it('leaves a number alone when its check digit holds, even if a swap (6 for G) would hold too', () => {
    const input: MrzInput = { ...td3.fields, documentNumber: 'G6G6G6' };
    const zone = formatMrz(input, 'TD3');
    const result = parseMrz(zone, { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([]);
  });

  it('leaves 0 in a name unrepaired and invalid', () => {
    const result = parseMrz([line1.replace('ANNA', 'ANN0'), line2].join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'invalid-character', field: 'givenNames' })]);
  });

  it('leaves a nationality unrepaired when 0 could be O or D and both give codes', () => {
    const td2 = specimenOf('TD2');
    const input: MrzInput = { ...td2.fields, nationality: 'GBO' };
    const lines = formatMrz(input, 'TD2').split('\n');
    lines[1] = replaceAt(lines[1] ?? '', 12, '0');
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'unknown-country-code', field: 'nationality' })]);
  });

  it('leaves a TD3 personal number read with I for 1 invalid, with the one reading that would hold', () => {
    const input: MrzInput = { ...td3.fields, optionalData: 'ACE1FHJ' };
    const lines = formatMrz(input, 'TD3').split('\n');
    lines[1] = replaceAt(lines[1] ?? '', 31, 'I');
    const result = parseMrz(lines.join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.format !== null && result.fields.optionalData).toBe('ACEIFHJ');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'check-digit-mismatch', field: 'optionalDataCheckDigit' }),
      expect.objectContaining({ code: 'check-digit-mismatch', field: 'compositeCheckDigit' }),
    ]);
    expect(result.warnings[0]?.message).toContain("optionalData position 3 'I' as '1'");
  });

  it('still repairs a check digit read as a letter, since a check digit is always a digit', () => {
    // The document number check digit 6 read as G.
    const result = parseMrz([line1, replaceAt(line2, 9, 'G')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([{ field: 'documentNumberCheckDigit', position: 0, from: 'G', to: '6' }]);
  });

  it('leaves the specimen personal number unrepaired when its confusable characters make repairs ambiguous', () => {
    // ZE184226B: 8 read as B at position 3; another single swap satisfies the check digits as well.
    const result = parseMrz([line1, replaceAt(line2, 31, 'B')].join('\n'), { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'ambiguous-correction', field: 'optionalData' })]);
  });
});
