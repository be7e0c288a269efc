import { describe, expect, it } from 'vitest';
import { confusionsOf, digitConfusedWith, lettersConfusedWith } from '../../../../main/common/icao/confusions.js';

const code = (character: string): number => character.charCodeAt(0);

describe('OCR confusions', () => {
  it('maps the usual letters to digits for numeric positions', () => {
    const pairs: [string, string][] = [
      ['O', '0'],
      ['D', '0'],
      ['I', '1'],
      ['Z', '2'],
      ['S', '5'],
      ['G', '6'],
      ['B', '8'],
    ];
    for (const [letter, digit] of pairs) expect(digitConfusedWith(code(letter))).toBe(digit);
    expect(digitConfusedWith(code('A'))).toBeUndefined();
    expect(digitConfusedWith(code('é'))).toBeUndefined();
  });

  it('maps digits back to letters for alphabetic positions, 0 to both O and D', () => {
    expect(lettersConfusedWith(code('0'))).toEqual(['O', 'D']);
    expect(lettersConfusedWith(code('1'))).toEqual(['I']);
    expect(lettersConfusedWith(code('2'))).toEqual(['Z']);
    expect(lettersConfusedWith(code('5'))).toEqual(['S']);
    expect(lettersConfusedWith(code('6'))).toEqual(['G']);
    expect(lettersConfusedWith(code('8'))).toEqual(['B']);
    expect(lettersConfusedWith(code('3'))).toEqual([]);
    expect(lettersConfusedWith(0x2603)).toEqual([]);
  });

  it('lists the alternatives of a character in either direction', () => {
    expect(confusionsOf(code('0'))).toEqual(['O', 'D']);
    expect(confusionsOf(code('O'))).toEqual(['0']);
    expect(confusionsOf(code('D'))).toEqual(['0']);
    expect(confusionsOf(code('<'))).toEqual([]);
    expect(confusionsOf(code('7'))).toEqual([]);
  });
});
