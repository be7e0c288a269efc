import { describe, expect, it } from 'vitest';
import { dayNumberOf, dayNumberOfDate, daysInMonth, isLeapYear, isoDateOf, resolveYear } from '../../../../main/common/icao/dates.js';

const TODAY = dayNumberOf(2025, 6, 15);

describe('calendar', () => {
  it('knows leap years', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2023)).toBe(false);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2023, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('reads a Date in local time', () => {
    expect(dayNumberOfDate(new Date(2025, 5, 15, 23, 59))).toBe(20250615);
  });
});

describe('century resolution', () => {
  it('never puts a birth date in the future', () => {
    expect(resolveYear(74, 8, 12, 'birth', TODAY)).toBe(1974);
    expect(resolveYear(25, 6, 15, 'birth', TODAY)).toBe(2025);
    expect(resolveYear(25, 6, 16, 'birth', TODAY)).toBe(1925);
    expect(resolveYear(0, 1, 1, 'birth', TODAY)).toBe(2000);
    expect(resolveYear(26, 1, 1, 'birth', TODAY)).toBe(1926);
  });

  it('puts an expiry date within 50 years either side of today', () => {
    expect(resolveYear(12, 4, 15, 'expiry', TODAY)).toBe(2012);
    expect(resolveYear(96, 12, 10, 'expiry', TODAY)).toBe(1996);
    expect(resolveYear(74, 1, 1, 'expiry', TODAY)).toBe(2074);
    expect(resolveYear(75, 1, 1, 'expiry', TODAY)).toBe(1975);
    expect(resolveYear(35, 1, 1, 'expiry', TODAY)).toBe(2035);
  });

  it('follows today rather than a fixed pivot', () => {
    expect(resolveYear(90, 1, 1, 'birth', dayNumberOf(2089, 12, 31))).toBe(1990);
    expect(resolveYear(90, 1, 1, 'birth', dayNumberOf(2090, 1, 1))).toBe(2090);
    expect(resolveYear(80, 1, 1, 'expiry', dayNumberOf(2060, 1, 1))).toBe(2080);
  });
});

describe('isoDateOf', () => {
  it('gives the ISO date of a printed YYMMDD', () => {
    expect(isoDateOf('740812', 0, 'birth', TODAY)).toBe('1974-08-12');
    expect(isoDateOf('xx120415', 2, 'expiry', TODAY)).toBe('2012-04-15');
  });

  it('refuses dates that are not in the calendar', () => {
    expect(isoDateOf('250431', 0, 'expiry', TODAY)).toBeNull(); // 31 April
    expect(isoDateOf('230229', 0, 'expiry', TODAY)).toBeNull(); // 2023 is not a leap year
    expect(isoDateOf('741301', 0, 'birth', TODAY)).toBeNull();
    expect(isoDateOf('740001', 0, 'birth', TODAY)).toBeNull();
    expect(isoDateOf('740100', 0, 'birth', TODAY)).toBeNull();
    expect(isoDateOf('740132', 0, 'birth', TODAY)).toBeNull();
  });

  it('applies the leap rule in the resolved century', () => {
    expect(isoDateOf('240229', 0, 'expiry', TODAY)).toBe('2024-02-29');
    expect(isoDateOf('000229', 0, 'birth', TODAY)).toBe('2000-02-29');
    // Read on 28 February 2000, a birth on 29 February 00 cannot be in the future: 1900, which had no 29 February.
    expect(isoDateOf('000229', 0, 'birth', dayNumberOf(2000, 2, 28))).toBeNull();
  });

  it('refuses anything but six digits', () => {
    expect(isoDateOf('74O812', 0, 'birth', TODAY)).toBeNull();
    expect(isoDateOf('7408<<', 0, 'birth', TODAY)).toBeNull();
    expect(isoDateOf('7408', 0, 'birth', TODAY)).toBeNull();
  });
});
