/**
 * Whether a traveller's birth date can be a listed person's: lists often know
 * only the year, the MRZ writes `<` for an unknown day, and registries swap
 * day and month or slip on one part; two unrelated dates are two people.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateAgreement, listedBirthDate, mrzBirthDate } from '../../../../../main/core/alerts/persons/birth-date-agreement.js';

function agreement(listed: string | null, presented: string): string | null {
  return birthDateAgreement(listedBirthDate(listed), mrzBirthDate(presented))?.agreement ?? null;
}

describe('birth date agreement', () => {
  it('reads a list date and an MRZ date by their parts (8104<<: April 1981, day unknown)', () => {
    expect(listedBirthDate('1981-04-12')).toEqual({ yy: 81, mm: 4, dd: 12 });
    expect(listedBirthDate('1981')).toEqual({ yy: 81, mm: null, dd: null });
    expect(mrzBirthDate('8104<<')).toEqual({ yy: 81, mm: 4, dd: null });
    expect(birthDateAgreement(listedBirthDate('1974-08-12'), mrzBirthDate('740812'))).toEqual({ agreement: 'exact', factor: 1 });
  });

  it.each([
    ['1974-08-12', '740812', 'exact', 'the whole date is the same'],
    ['2003-01-09', '030109', 'exact', 'the whole date is the same'],
    ['1974', '740812', 'partial', 'the list knows only the year, and it agrees'],
    ['1974-08', '740812', 'partial', 'the list knows the year and month, and they agree'],
    ['1974', '7408<<', 'partial', 'the list knows only the year, and it agrees'],
    ['1981-04-12', '8104<<', 'unknown', 'the MRZ leaves out the day the list knows'],
    ['1981-04-12', '<<<<<<', 'unknown', 'the MRZ knows nothing'],
    [null, '810412', 'unknown', 'the list knows nothing'],
    ['1981-04-12', '811204', 'day-month-swapped', 'day and month are written the other way round'],
    ['1981-04-12', '810413', 'one-component-off', 'the day is off, year and month agree'],
    ['1981-04-12', '811112', 'one-component-off', 'the month is off, year and day agree'],
    ['1981-04-12', '910412', 'one-component-off', 'the year is off, month and day agree'],
    ['1981-04-12', '820413', null, 'two parts are off: another person'],
    ['1981-04-12', '810503', null, 'two parts are off: another person'],
    ['1981-04', '820512', null, 'what the list knows is off'],
    ['1981', '820412', null, 'the only part the list knows is off'],
  ])('listed %s, presented %s: %s, as %s', (listed, presented, expected, _why) => {
    expect(agreement(listed, presented)).toBe(expected);
  });

  it('lowers a score the more, the less the dates agree, and never raises it', () => {
    const factor = (listed: string | null, presented: string): number => birthDateAgreement(listedBirthDate(listed), mrzBirthDate(presented))?.factor ?? 0;
    expect(factor('1981-04-12', '810412')).toBe(1);
    expect(factor('1981-04-12', '810412')).toBeGreaterThan(factor('1981', '810412'));
    expect(factor('1981', '810412')).toBeGreaterThan(factor('1981-04-12', '8104<<'));
    expect(factor('1981-04-12', '8104<<')).toBeGreaterThan(factor('1981-04-12', '810413'));
    expect(factor('1981-04-12', '810413')).toBeGreaterThan(0);
  });

  const full = fc.record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 1, max: 31 }) });
  const part = (value: number | null): string => (value === null ? '<<' : String(value).padStart(2, '0'));
  const mrz = fc.record({ yy: fc.option(fc.integer({ min: 0, max: 99 })), mm: fc.option(fc.integer({ min: 1, max: 12 })), dd: fc.option(fc.integer({ min: 1, max: 31 })) });

  it('is exact if and only if two full dates are equal, whichever side is listed', () => {
    fc.assert(
      fc.property(full, full, (a, b) => {
        const forward = birthDateAgreement(a, b);
        const backward = birthDateAgreement(b, a);
        const equal = a.yy === b.yy && a.mm === b.mm && a.dd === b.dd;
        expect(forward?.agreement === 'exact').toBe(equal);
        expect(backward?.agreement === 'exact').toBe(equal);
        // A match one way round is a match the other: the same two people.
        expect(forward === null).toBe(backward === null);
      }),
    );
  });

  it('never throws on any MRZ date, and gives a factor within (0, 1]', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom('1981', '1981-04', '1981-04-12', '2000-12-31')), fc.stringMatching(/^[0-9<]{6}$/), (listed, presented) => {
        const found = birthDateAgreement(listedBirthDate(listed), mrzBirthDate(presented));
        if (found !== null) {
          expect(found.factor).toBeGreaterThan(0);
          expect(found.factor).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('reads an MRZ date part by part, `<` as unknown', () => {
    fc.assert(
      fc.property(mrz, (date) => {
        expect(mrzBirthDate(`${part(date.yy)}${part(date.mm)}${part(date.dd)}`)).toEqual(date);
      }),
    );
  });
});
