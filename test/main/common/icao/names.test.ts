import { describe, expect, it } from 'vitest';
import { fillersToSpaces, nameFillsField, splitName } from '../../../../main/common/icao/names.js';

function split(field: string): { surname: string; givenNames: string } {
  return { ...splitName(field, 0, field.length) };
}

describe('names', () => {
  it('splits at the first << and turns fillers into spaces', () => {
    expect(split('ERIKSSON<<ANNA<MARIA<<<<<<<<<<')).toEqual({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA' });
    expect(split('VAN<DER<BERG<<JAN<<<<<<<<<<<<<')).toEqual({ surname: 'VAN DER BERG', givenNames: 'JAN' });
  });

  it('collapses runs of fillers among the given names into one space', () => {
    expect(split('DOE<<JOHN<<PAUL<<<<<')).toEqual({ surname: 'DOE', givenNames: 'JOHN PAUL' });
  });

  it('gives empty given names when there is no secondary identifier', () => {
    expect(split('ZEUS<<<<<<<<<<<<')).toEqual({ surname: 'ZEUS', givenNames: '' });
    expect(split('ZEUSANDHERAANDMORE')).toEqual({ surname: 'ZEUSANDHERAANDMORE', givenNames: '' });
  });

  it('gives an empty surname when the primary identifier is all fillers', () => {
    expect(split('<<ANNA<<<<<<')).toEqual({ surname: '', givenNames: 'ANNA' });
    expect(split('<<<<<<<<<<<<')).toEqual({ surname: '', givenNames: '' });
  });

  it('ignores a << that straddles the end of the field', () => {
    expect(splitName('ABC<<<DEF', 0, 4)).toEqual({ surname: 'ABC', givenNames: '' });
    expect(splitName('AB<C<<', 0, 4)).toEqual({ surname: 'AB C', givenNames: '' });
  });

  it('flags a name that reaches the last character', () => {
    expect(nameFillsField('ERIKSSON<<ANNA<MARIA', 20)).toBe(true);
    expect(nameFillsField('ERIKSSON<<ANNA<MARIA<', 21)).toBe(false);
  });

  it('fillersToSpaces works on any range', () => {
    expect(fillersToSpaces('xx<<A<B<<<C<<yy', 2, 13)).toBe('A B C');
    expect(fillersToSpaces('<<<', 0, 3)).toBe('');
    expect(fillersToSpaces('ABC', 0, 3)).toBe('ABC');
  });
});
