import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../../../main/common/icao/formats.js';
import { MRZ_FORMATS, checkDigitOf, formatMrz, parseMrz } from '../../../../main/common/icao/index.js';
import { MrzResultSchema } from '../../../../main/common/contract/mrz-result.js';
import type { MrzFields, MrzInput, MrzResult } from '../../../../main/common/icao/index.js';
import { COMMAND_CONTRACT_TD3_EXAMPLE, SPECIMENS, TODAY, specimenOf } from './support/specimens.js';
import { checkDigitOffsets, withCharacter, withCompositeRecomputed } from './support/zones.js';

const parse = (text: string): MrzResult => parseMrz(text, { today: TODAY });

function fieldsOf(result: MrzResult): MrzFields {
  if (result.format === null) throw new Error(`no format: ${JSON.stringify(result.errors)}`);
  return result.fields;
}

function errorCodes(result: MrzResult): string[] {
  return result.errors.map((error) => `${error.code}:${error.field}`);
}

function zoneOf(input: MrzInput, format: (typeof MRZ_FORMATS)[number]): string {
  return formatMrz(input, format);
}

describe('ICAO Doc 9303 specimens', () => {
  it.each(SPECIMENS.map((specimen) => [specimen.source, specimen] as const))('%s', (_source, specimen) => {
    const result = parse(specimen.lines.join('\n'));
    expect(MrzResultSchema.parse(result)).toEqual(result);
    expect(result.format).toBe(specimen.format);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.corrections).toEqual([]);
    expect(result.normalised).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual(specimen.fields);
    expect(result.checks.every((check) => check.valid)).toBe(true);
  });

  it('gives the result the command contract shows for the TD3 specimen', () => {
    const result = parse(specimenOf('TD3').lines.join('\n'));
    expect(JSON.parse(JSON.stringify(result))).toMatchObject(COMMAND_CONTRACT_TD3_EXAMPLE);
  });

  it('lists every check it made, with its verdict', () => {
    const result = parse(specimenOf('TD3').lines.join('\n'));
    expect(result.checks.map((check) => `${check.kind}:${check.field}`)).toEqual([
      'check-digit:documentNumberCheckDigit',
      'date:birthDate',
      'check-digit:birthDateCheckDigit',
      'date:expiryDate',
      'check-digit:expiryDateCheckDigit',
      'check-digit:optionalDataCheckDigit',
      'check-digit:compositeCheckDigit',
      'document-code:documentCode',
      'country-code:issuingState',
      'country-code:nationality',
      'sex:sex',
      'name:surname',
    ]);
    expect(result.checks[0]).toEqual({ kind: 'check-digit', field: 'documentNumberCheckDigit', valid: true, printed: '6', expected: '6' });
  });

  it('has no composite check for visas', () => {
    for (const format of ['MRV-A', 'MRV-B'] as const) {
      const result = parse(specimenOf(format).lines.join('\n'));
      expect(result.checks.some((check) => check.field === 'compositeCheckDigit')).toBe(false);
    }
  });
});

describe('each check digit wrong alone', () => {
  for (const format of MRZ_FORMATS) {
    describe(format, () => {
      it.each(checkDigitOffsets(format))('%s', (field, offset) => {
        const specimen = specimenOf(format);
        const printed = Number(specimen.lines.join('').charAt(offset));
        // +3: for these specimens no single OCR swap then satisfies the check digit, so no repair muddies the verdict.
        const wrong = withCharacter(specimen.lines, offset, String((printed + 3) % 10));
        const lines = field === 'compositeCheckDigit' ? wrong : withCompositeRecomputed(wrong);
        const result = parse(lines.join('\n'));
        expect(result.valid).toBe(false);
        expect(result.corrections).toEqual([]);
        expect(errorCodes(result)).toEqual([`check-digit-mismatch:${field}`]);
        expect(result.checks.filter((check) => !check.valid).map((check) => check.field)).toEqual([field]);
        // Every field is still read.
        expect(fieldsOf(result).surname).toBe(specimen.fields.surname);
      });
    });
  }

  it('TD1 with an overflowing document number: the check digit in the optional data', () => {
    const specimen = SPECIMENS.find((candidate) => candidate.format === 'TD1' && candidate.fields.documentNumber.length > 9);
    const lines = withCompositeRecomputed(withCharacter(specimen?.lines ?? [], 18, '2'));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['check-digit-mismatch:documentNumberCheckDigit']);
  });

  it('TD2 with an overflowing document number', () => {
    const specimen = SPECIMENS.find((candidate) => candidate.format === 'TD2' && candidate.fields.documentNumber.length > 9);
    const lines = withCompositeRecomputed(withCharacter(specimen?.lines ?? [], 36 + 31, '2'));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['check-digit-mismatch:documentNumberCheckDigit']);
  });
});

describe('dates', () => {
  const base: MrzInput = specimenOf('TD3').fields;

  it('refuses 31 April', () => {
    const result = parse(zoneOf({ ...base, expiryDate: '250431' }, 'TD3'));
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toEqual(['invalid-date:expiryDate']);
    expect(fieldsOf(result).expiryDate).toBe('250431');
    expect(fieldsOf(result).expiryDateIso).toBeNull();
  });

  it('refuses 29 February outside leap years, and accepts it in them', () => {
    expect(errorCodes(parse(zoneOf({ ...base, birthDate: '010229' }, 'TD3')))).toEqual(['invalid-date:birthDate']);
    const leap = parse(zoneOf({ ...base, birthDate: '040229' }, 'TD3'));
    expect(leap.valid).toBe(true);
    expect(fieldsOf(leap).birthDateIso).toBe('2004-02-29');
  });

  it('refuses month 13 and day 0', () => {
    expect(errorCodes(parse(zoneOf({ ...base, birthDate: '741312' }, 'TD3')))).toEqual(['invalid-date:birthDate']);
    expect(errorCodes(parse(zoneOf({ ...base, birthDate: '740800' }, 'TD3')))).toEqual(['invalid-date:birthDate']);
  });

  it('never places a birth date in the future', () => {
    expect(fieldsOf(parse(zoneOf({ ...base, birthDate: '250616' }, 'TD3'))).birthDateIso).toBe('1925-06-16');
    expect(fieldsOf(parse(zoneOf({ ...base, birthDate: '250615' }, 'TD3'))).birthDateIso).toBe('2025-06-15');
  });

  it('places expiry dates within 50 years either side of the reading day', () => {
    expect(fieldsOf(parse(zoneOf({ ...base, expiryDate: '350101' }, 'TD3'))).expiryDateIso).toBe('2035-01-01');
    expect(fieldsOf(parse(zoneOf({ ...base, expiryDate: '760101' }, 'TD3'))).expiryDateIso).toBe('1976-01-01');
  });

  it('says nothing about whether the document is in date', () => {
    const expired = parse(zoneOf({ ...base, expiryDate: '000101' }, 'TD3'));
    expect(expired.valid).toBe(true);
  });

  it('reads today from the options, defaulting to the current date', () => {
    const zone = zoneOf({ ...base, birthDate: '300101' }, 'TD3');
    expect(fieldsOf(parseMrz(zone, { today: new Date(2029, 0, 1) })).birthDateIso).toBe('1930-01-01');
    expect(fieldsOf(parseMrz(zone, { today: new Date(2031, 0, 1) })).birthDateIso).toBe('2030-01-01');
    expect(parseMrz(zone).valid).toBe(true);
    expect(parseMrz(zone, { today: new Date(Number.NaN) }).valid).toBe(true);
  });

  it('refuses letters and fillers in dates', () => {
    const lines = withCharacter(specimenOf('TD3').lines, 58, 'X');
    const result = parse(lines.join('\n'));
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toContain('invalid-character:birthDate');
    expect(fieldsOf(result).birthDateIso).toBeNull();
  });
});

describe('codes and sex', () => {
  const base: MrzInput = specimenOf('TD3').fields;

  it('refuses unknown issuing states and nationalities', () => {
    expect(errorCodes(parse(zoneOf({ ...base, issuingState: 'ZZZ' }, 'TD3')))).toEqual(['unknown-country-code:issuingState']);
    expect(errorCodes(parse(zoneOf({ ...base, nationality: 'ANT' }, 'TD3')))).toEqual(['unknown-country-code:nationality']);
  });

  it('accepts Doc 9303 special codes, with their fillers stripped', () => {
    const result = parse(zoneOf({ ...base, issuingState: 'D', nationality: 'XXA' }, 'TD3'));
    expect(result.valid).toBe(true);
    expect(fieldsOf(result).issuingState).toBe('D');
    expect(result.format === 'TD3' && result.checks.find((check) => check.field === 'issuingState')?.printed).toBe('D');
  });

  it('accepts M, F, X and < for sex, < read as empty', () => {
    for (const sex of ['M', 'F', 'X']) expect(fieldsOf(parse(zoneOf({ ...base, sex }, 'TD3'))).sex).toBe(sex);
    const unspecified = parse(zoneOf({ ...base, sex: '<' }, 'TD3'));
    expect(unspecified.valid).toBe(true);
    expect(fieldsOf(unspecified).sex).toBe('');
  });

  it('refuses other sexes', () => {
    const lines = withCharacter(specimenOf('TD3').lines, 64, 'Q');
    expect(errorCodes(parse(lines.join('\n')))).toEqual(['invalid-sex:sex']);
  });

  it('refuses a document code that does not suit the format', () => {
    const passportAsCard = withCharacter(specimenOf('TD1').lines, 0, 'P');
    expect(errorCodes(parse(passportAsCard.join('\n')))).toEqual(['invalid-document-code:documentCode']);
    const cardAsPassport = withCharacter(specimenOf('TD3').lines, 0, 'I');
    const result = parse(cardAsPassport.join('\n'));
    expect(result.format).toBe('TD3');
    expect(errorCodes(result)).toEqual(['invalid-document-code:documentCode']);
    expect(errorCodes(parse(withCharacter(specimenOf('TD3').lines, 1, '9').join('\n')))).toEqual(['invalid-document-code:documentCode']);
  });

  it.each(['TD1', 'TD2'] as const)('refuses a %s code with V second, which Doc 9303 keeps for visas', (format) => {
    for (const initial of ['A', 'C', 'I']) {
      const lines = withCharacter(withCharacter(specimenOf(format).lines, 0, initial), 1, 'V');
      const result = parse(lines.join('\n'));
      expect(result.format).toBe(format);
      expect(result.valid).toBe(false);
      expect(errorCodes(result)).toEqual(['invalid-document-code:documentCode']);
      expect(result.errors[0]?.message).toBe(
        `${format} document codes may not have V as their second character, which Doc 9303 keeps for visas; found '${initial}V'`,
      );
      expect(result.checks).toContainEqual({ kind: 'document-code', field: 'documentCode', valid: false, printed: `${initial}V`, expected: null });
    }
  });

  it('keeps accepting V as the first character of a visa code', () => {
    expect(parse(zoneOf({ ...specimenOf('MRV-B').fields, documentCode: 'VI' }, 'MRV-B')).valid).toBe(true);
    expect(parse(zoneOf({ ...specimenOf('MRV-A').fields, documentCode: 'V' }, 'MRV-A')).valid).toBe(true);
  });

  it('strips fillers from document codes and keeps two-letter ones', () => {
    expect(fieldsOf(parse(zoneOf({ ...base, documentCode: 'PO' }, 'TD3'))).documentCode).toBe('PO');
    expect(fieldsOf(parse(zoneOf({ ...specimenOf('TD1').fields, documentCode: 'AC' }, 'TD1'))).documentCode).toBe('AC');
    expect(fieldsOf(parse(zoneOf({ ...specimenOf('TD2').fields, documentCode: 'C' }, 'TD2'))).documentCode).toBe('C');
  });
});

describe('names', () => {
  const base: MrzInput = specimenOf('TD3').fields;

  it('flags a name that fills its field as possibly truncated, without affecting validity', () => {
    const result = parse(zoneOf({ ...base, surname: 'ERIKSSON', givenNames: 'ANNA MARIA LOUISE CHARLOTTE X' }, 'TD3'));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'name-possibly-truncated', field: 'givenNames' })]);
    expect(fieldsOf(result).givenNames).toBe('ANNA MARIA LOUISE CHARLOTTE X');
  });

  it('accepts a single-name holder, whose name field begins with <<, with a warning', () => {
    const lines = specimenOf('TD3').lines.map((line, index) => (index === 0 ? `P<UTO<<ANNA`.padEnd(44, '<') : line));
    const result = parse(lines.join('\n'));
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'no-primary-identifier', field: 'surname' })]);
    expect(fieldsOf(result).surname).toBe('');
    expect(fieldsOf(result).givenNames).toBe('ANNA');
    expect(result.checks).toContainEqual({ kind: 'name', field: 'surname', valid: true, printed: '', expected: null });
  });

  it.each(MRZ_FORMATS)('accepts a single-name holder in %s, and prints the name field with << first', (format) => {
    const zone = zoneOf({ ...specimenOf(format).fields, surname: '', givenNames: 'ANNA MARIA' }, format);
    const nameStart = LAYOUTS[format].name.start;
    expect(zone.replace(/\n/g, '').slice(nameStart, nameStart + 13)).toBe('<<ANNA<MARIA<');
    const result = parse(zone);
    expect(result.format).toBe(format);
    expect(result.valid).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['no-primary-identifier']);
    expect(fieldsOf(result)).toMatchObject({ surname: '', givenNames: 'ANNA MARIA' });
  });

  it('still flags a single name that fills its field as possibly truncated', () => {
    const result = parse(zoneOf({ ...specimenOf('TD1').fields, surname: '', givenNames: 'ANNAMARIALOUISECHARLOTTEXXXX' }, 'TD1'));
    expect(result.valid).toBe(true);
    expect(result.warnings.map((warning) => `${warning.code}:${warning.field}`)).toEqual([
      'no-primary-identifier:surname',
      'name-possibly-truncated:givenNames',
    ]);
  });

  it('refuses a name field that holds only fillers', () => {
    const lines = specimenOf('TD3').lines.map((line, index) => (index === 0 ? 'P<UTO'.padEnd(44, '<') : line));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['missing-field:surname']);
    expect(result.warnings).toEqual([]);
    expect(fieldsOf(result)).toMatchObject({ surname: '', givenNames: '' });
  });

  it('reads a single name as the primary identifier', () => {
    const result = parse(zoneOf({ ...base, surname: 'ZEUS', givenNames: '' }, 'TD3'));
    expect(result.valid).toBe(true);
    expect(fieldsOf(result).surname).toBe('ZEUS');
    expect(fieldsOf(result).givenNames).toBe('');
  });

  it('refuses characters a name cannot hold', () => {
    const lines = withCharacter(specimenOf('TD3').lines, 6, '#');
    expect(errorCodes(parse(lines.join('\n')))).toEqual(['invalid-character:surname']);
  });
});

describe('document numbers', () => {
  it('strips trailing fillers', () => {
    expect(fieldsOf(parse(SPECIMENS[1]?.lines.join('\n') ?? '')).documentNumber).toBe('L898902C');
  });

  it('refuses an all-filler document number', () => {
    const lines = withCompositeRecomputed(specimenOf('TD3').lines.map((line, index) => (index === 1 ? `<<<<<<<<<0${line.slice(10)}` : line)));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['missing-field:documentNumber']);
  });

  it('accepts an overflow check digit computed over principal + < + remainder, with a warning', () => {
    // Find a number whose two computations differ, then print the variant one.
    const input: MrzInput = { ...specimenOf('TD1').fields, documentNumber: 'AB123456712' };
    const lines = formatMrz(input, 'TD1').split('\n');
    const plain = lines[0]?.charAt(17);
    const variant = String(checkDigitOf('AB1234567<12'));
    expect(variant).not.toBe(plain);
    const printed = withCompositeRecomputed(withCharacter(lines, 17, variant));
    const result = parse(printed.join('\n'));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'overflow-check-digit-with-filler' })]);
    expect(fieldsOf(result).documentNumber).toBe('AB123456712');
  });

  it('keeps TD1 optional data after an overflowing number apart from it', () => {
    const input: MrzInput = { ...specimenOf('TD1').fields, documentNumber: 'D23145890734', optionalData: 'ABC<DEF', optionalData2: 'XYZ' };
    const result = parse(formatMrz(input, 'TD1'));
    expect(result.valid).toBe(true);
    expect(fieldsOf(result)).toMatchObject({ documentNumber: 'D23145890734', optionalData: 'ABC<DEF', optionalData2: 'XYZ' });
  });

  it('refuses a < check digit after a short number (a missing check digit, not an overflow)', () => {
    const lines = withCompositeRecomputed(specimenOf('TD1').lines.map((line, index) => (index === 0 ? 'I<UTOD2314589<<<<<<<<<<<<<<<<<' : line)));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['invalid-character:documentNumberCheckDigit']);
  });

  it('refuses an overflow mark with nothing in the optional data', () => {
    const lines = withCompositeRecomputed(specimenOf('TD1').lines.map((line, index) => (index === 0 ? 'I<UTOD23145890<<<<<<<<<<<<<<<<' : line)));
    const result = parse(lines.join('\n'));
    expect(errorCodes(result)).toEqual(['invalid-overflow:documentNumber']);
    expect(fieldsOf(result).documentNumber).toBe('D23145890');
  });

  it('accepts < or 0 as the check digit of an empty TD3 personal number, nothing else', () => {
    const empty = formatMrz({ ...specimenOf('TD3').fields, optionalData: '' }, 'TD3').split('\n');
    expect(empty[1]?.charAt(42)).toBe('<');
    expect(parse(empty.join('\n')).valid).toBe(true);
    expect(parse(withCompositeRecomputed(withCharacter(empty, 86, '0')).join('\n')).valid).toBe(true);
    const five = parse(withCompositeRecomputed(withCharacter(empty, 86, '5')).join('\n'));
    expect(errorCodes(five)).toEqual(['check-digit-mismatch:optionalDataCheckDigit']);
    expect(errorCodes(parse(withCompositeRecomputed(withCharacter(empty, 86, 'X')).join('\n')))).toEqual([
      'invalid-character:optionalDataCheckDigit',
    ]);
  });
});

describe('input as readers give it', () => {
  const td3 = specimenOf('TD3');

  it('reads CRLF, blank lines, indentation, lower case and inner spaces, and reports each', () => {
    const text = `\r\n  ${(td3.lines[0] ?? '').toLowerCase()}  \r\n\r\n\t${(td3.lines[1] ?? '').slice(0, 22)} ${(td3.lines[1] ?? '').slice(22)}\r\n\r\n`;
    const result = parse(text);
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual(td3.fields);
    expect(result.normalised).toEqual(['line-endings', 'blank-lines', 'surrounding-whitespace', 'lower-case', 'inner-spaces-removed']);
  });

  it('does not mind a trailing newline', () => {
    const result = parse(`${td3.lines.join('\n')}\n`);
    expect(result.valid).toBe(true);
    expect(result.normalised).toEqual([]);
  });

  it('reads a zone given as a single line', () => {
    const result = parse(specimenOf('TD1').lines.join(''));
    expect(result.format).toBe('TD1');
    expect(result.valid).toBe(true);
    expect(result.normalised).toEqual(['lines-split']);
  });
});

describe('anything that is not an MRZ', () => {
  it.each([
    ['empty text', '', 'empty-input'],
    ['white space', ' \n\t\r\n ', 'empty-input'],
    ['prose', 'Hello, border guard!', 'unknown-format'],
    ['one MRZ line', specimenOf('TD3').lines[0] ?? '', 'unknown-format'],
    ['a line too short', `${specimenOf('TD3').lines[0] ?? ''}\n${(specimenOf('TD3').lines[1] ?? '').slice(1)}`, 'unknown-format'],
    ['two documents at once', `${specimenOf('TD3').lines.join('\n')}\n${specimenOf('TD3').lines.join('\n')}`, 'unknown-format'],
  ])('%s comes out invalid, with no format and no fields', (_name, text, code) => {
    const result = parse(text);
    expect(MrzResultSchema.parse(result)).toEqual(result);
    expect(result.valid).toBe(false);
    expect(result.format).toBeNull();
    expect(result.fields).toEqual({});
    expect(result.errors).toEqual([expect.objectContaining({ code, field: 'zone' })]);
  });

  it('describes the shape found, briefly even for huge input', () => {
    const result = parse('x\n'.repeat(100_000));
    expect(result.errors[0]?.message).toContain('100000 lines of 1, 1, 1, 1, …');
    expect(result.errors[0]?.message.length).toBeLessThan(200);
  });

  it('reads characters outside the MRZ alphabet in a zone-shaped text as errors, keeping the fields', () => {
    const lines = withCharacter(specimenOf('TD3').lines, 50, 'é');
    const result = parse(lines.join('\n'));
    expect(result.format).toBe('TD3');
    expect(result.valid).toBe(false);
    expect(errorCodes(result)).toContain('invalid-character:documentNumber');
    expect(fieldsOf(result).surname).toBe('ERIKSSON');
  });
});
