import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentKey, foldedNumber, printedNumber } from '../../../../main/common/alerts/document-number.js';

/** What a worn page or a reader's OCR makes of each character, both ways. */
const CONFUSED: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D'], O: ['0', 'D'], D: ['0', 'O'],
  '1': ['I'], I: ['1'],
  '2': ['Z'], Z: ['2'], '5': ['S'], S: ['5'], '6': ['G'], G: ['6'], '8': ['B'], B: ['8'],
};

describe('document numbers as the alert lists key them', () => {
  it('drop fillers, spaces and case', () => {
    expect(printedNumber('l8989-02 c3<<')).toBe('L898902C3');
    expect(documentKey('D<<', 'c01x00t47')).toBe(documentKey('D', 'C01X00T47'));
  });

  it('give every OCR misreading of a number the key of the number itself', () => {
    const number = fc.stringMatching(/^[A-Z0-9]{5,12}$/);
    fc.assert(
      fc.property(number, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (text, picks) => {
        const misread = Array.from(text)
          .map((character, index) => {
            const options = CONFUSED[character];
            const pick = picks[index] ?? 0;
            return options === undefined || pick % 2 === 0 ? character : (options[pick % options.length] ?? character);
          })
          .join('');
        expect(foldedNumber(misread)).toBe(foldedNumber(text));
        expect(documentKey('UTO', misread)).toBe(documentKey('UTO', text));
      }),
    );
  });

  it('keeps apart numbers that differ in a character OCR does not confuse', () => {
    expect(foldedNumber('L898902C3')).not.toBe(foldedNumber('L898902C4'));
    expect(foldedNumber('AB12')).not.toBe(foldedNumber('AC12'));
    expect(documentKey('UTO', 'X1')).not.toBe(documentKey('UTA', 'X1'));
  });
});
