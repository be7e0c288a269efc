import { describe, expect, it } from 'vitest';
import { MrzFormatError, formatMrz } from '../../../../main/common/icao/index.js';
import type { MrzInput } from '../../../../main/common/icao/index.js';
import { SPECIMENS, specimenOf } from './support/specimens.js';

describe('formatMrz', () => {
  it.each(SPECIMENS.map((specimen) => [specimen.source, specimen] as const))('rebuilds %s', (_source, specimen) => {
    expect(formatMrz(specimen.fields, specimen.format)).toBe(specimen.lines.join('\n'));
  });

  it('takes readable input: lower case, spaces and hyphens in names, ISO dates, empty sex', () => {
    const zone = formatMrz(
      {
        documentCode: 'p',
        issuingState: 'uto',
        documentNumber: 'l898902c3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'f',
        expiryDate: '2012-04-15',
        surname: 'Eriksson',
        givenNames: 'Anna-Maria',
        optionalData: 'ze184226b',
      },
      'TD3',
    );
    expect(zone).toBe(specimenOf('TD3').lines.join('\n'));
  });

  it('drops apostrophes from names', () => {
    const zone = formatMrz({ ...specimenOf('TD3').fields, surname: "O'Brien", givenNames: '' }, 'TD3');
    expect(zone.split('\n')[0]).toBe('P<UTOOBRIEN'.padEnd(44, '<'));
  });

  it('begins the name field with << for a holder with given names only', () => {
    const zone = formatMrz({ ...specimenOf('TD3').fields, surname: '', givenNames: 'Anna' }, 'TD3');
    expect(zone.split('\n')[0]).toBe('P<UTO<<ANNA'.padEnd(44, '<'));
  });

  it('writes < as the check digit of an empty personal number', () => {
    const zone = formatMrz({ ...specimenOf('TD3').fields, optionalData: '' }, 'TD3');
    expect(zone.split('\n')[1]?.slice(28, 43)).toBe('<'.repeat(15));
  });

  it('continues a long TD1 or TD2 number in the optional data', () => {
    expect(formatMrz({ ...specimenOf('TD2').fields, documentNumber: 'D23145890734' }, 'TD2').split('\n')[1]).toBe(
      'D23145890<UTO7408122F12041597349<<<2',
    );
  });

  it('cuts a name too long for its field', () => {
    const zone = formatMrz({ ...specimenOf('TD1').fields, surname: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', givenNames: 'ANNA' }, 'TD1');
    expect(zone.split('\n')[2]).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ<<AN');
  });

  it('writes an unspecified sex as <', () => {
    expect(formatMrz({ ...specimenOf('TD3').fields, sex: '' }, 'TD3').charAt(45 + 20)).toBe('<');
  });

  describe('refuses what does not fit', () => {
    const base: MrzInput = specimenOf('TD3').fields;
    it.each<[string, Partial<MrzInput>, (typeof SPECIMENS)[number]['format'], keyof MrzInput]>([
      ['a long passport number', { documentNumber: 'L898902C3X' }, 'TD3', 'documentNumber'],
      ['a long visa number', { documentNumber: 'L898902C3X' }, 'MRV-B', 'documentNumber'],
      ['a TD1 number longer than its optional data', { documentNumber: 'D2314589012345678901234' }, 'TD1', 'documentNumber'],
      ['a TD2 number that leaves no room for the optional data', { documentNumber: 'D231458901234', optionalData: 'AB' }, 'TD2', 'documentNumber'],
      ['a long number with fillers', { documentNumber: 'D2314589<12' }, 'TD1', 'documentNumber'],
      ['an empty number', { documentNumber: '' }, 'TD3', 'documentNumber'],
      ['an empty name', { surname: '', givenNames: '' }, 'TD3', 'surname'],
      ['a name of fillers and spaces only', { surname: '< <', givenNames: ' ' }, 'TD3', 'surname'],
      ['accents', { surname: 'ÉRIKSSON' }, 'TD3', 'surname'],
      ['a date with slashes', { birthDate: '74/08/12' }, 'TD3', 'birthDate'],
      ['a short date', { expiryDate: '1204' }, 'TD3', 'expiryDate'],
      ['a sex of two letters', { sex: 'MF' }, 'TD3', 'sex'],
      ['a long state code', { issuingState: 'UTOP' }, 'TD3', 'issuingState'],
      ['an empty nationality', { nationality: '' }, 'TD3', 'nationality'],
      ['a long document code', { documentCode: 'PPP' }, 'TD3', 'documentCode'],
      ['a long personal number', { optionalData: 'ABCDEFGHIJKLMNO' }, 'TD3', 'optionalData'],
      ['a punctuation mark in optional data', { optionalData: 'AB-12' }, 'TD3', 'optionalData'],
      ['a second optional field outside TD1', { optionalData2: 'AB' }, 'TD3', 'optionalData2'],
    ])('%s', (_name, change, format, field) => {
      expect(() => formatMrz({ ...base, ...change }, format)).toThrow(MrzFormatError);
      try {
        formatMrz({ ...base, ...change }, format);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        expect((error as MrzFormatError).field).toBe(field);
      }
    });
  });
});
