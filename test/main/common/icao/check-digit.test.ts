import { describe, expect, it } from 'vitest';
import {
  characterValue,
  checkDigitOf,
  checkDigitOfRange,
  digitValue,
  isDigit,
  isLetter,
  isMrzCharacter,
  weightAt,
  weightedSum,
} from '../../../../main/common/icao/check-digit.js';

describe('character values', () => {
  it('gives digits their value, letters 10-35 and the filler 0', () => {
    expect(characterValue('0'.charCodeAt(0))).toBe(0);
    expect(characterValue('9'.charCodeAt(0))).toBe(9);
    expect(characterValue('A'.charCodeAt(0))).toBe(10);
    expect(characterValue('Z'.charCodeAt(0))).toBe(35);
    expect(characterValue('<'.charCodeAt(0))).toBe(0);
  });

  it('refuses everything else, lower case and non-ASCII included', () => {
    for (const character of ['a', 'z', ' ', '#', '«', 'É', '\u0000', '😀']) {
      expect(characterValue(character.charCodeAt(0))).toBe(-1);
      expect(isMrzCharacter(character.charCodeAt(0))).toBe(false);
    }
  });

  it('classifies digits and letters', () => {
    expect(isDigit('5'.charCodeAt(0))).toBe(true);
    expect(isDigit('S'.charCodeAt(0))).toBe(false);
    expect(isLetter('S'.charCodeAt(0))).toBe(true);
    expect(isLetter('<'.charCodeAt(0))).toBe(false);
    expect(digitValue('7'.charCodeAt(0))).toBe(7);
    expect(digitValue('<'.charCodeAt(0))).toBe(-1);
  });
});

describe('7-3-1 check digits', () => {
  it('reproduces the Doc 9303 Part 3 worked example (520727 → 3)', () => {
    expect(checkDigitOf('520727')).toBe(3);
  });

  it('reproduces the specimen check digits', () => {
    expect(checkDigitOf('L898902C3')).toBe(6);
    expect(checkDigitOf('740812')).toBe(2);
    expect(checkDigitOf('120415')).toBe(9);
    expect(checkDigitOf('ZE184226B<<<<<')).toBe(1);
    expect(checkDigitOf('D23145890')).toBe(7);
    expect(checkDigitOf('D23145890734')).toBe(9);
  });

  it('weighs fillers as 0', () => {
    expect(checkDigitOf('<<<<<<<<<')).toBe(0);
    expect(checkDigitOf('AB<<')).toBe(checkDigitOf('AB'));
  });

  it('returns -1 over characters outside the alphabet', () => {
    expect(checkDigitOf('L898902c3')).toBe(-1);
  });

  it('computes over a range, and lets a sum run on across ranges', () => {
    const text = 'xxL898902C3yy';
    expect(checkDigitOfRange(text, 2, 11)).toBe(6);
    const whole = weightedSum('ABCDEF', 0, 6);
    expect(weightedSum('ABC', 0, 3, 0) + weightedSum('DEF', 0, 3, 3)).toBe(whole);
    expect(weightedSum('ABCD', 0, 2, 0) + weightedSum('ABCD', 2, 4, 2)).toBe(weightedSum('ABCD', 0, 4));
  });

  it('cycles the weights 7, 3, 1', () => {
    expect([0, 1, 2, 3, 4, 5].map(weightAt)).toEqual([7, 3, 1, 7, 3, 1]);
  });
});
