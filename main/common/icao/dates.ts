/**
 * MRZ dates are printed YYMMDD. They must be calendar dates, and the century has to be chosen:
 * a birth date is never in the future; an expiry date lies within 50 years either side of today.
 */

import { digitValue } from './check-digit.js';

/** A calendar day as one comparable number: 2024-02-29 → 20240229. */
export type DayNumber = number;

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return year * 10000 + month * 100 + day;
}

/** Today's calendar date where the reading happens (local time, as a guard would say it). */
export function dayNumberOfDate(date: Date): DayNumber {
  return dayNumberOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type DateRole = 'birth' | 'expiry';

/** Expired documents are still read (to refuse them), and validity rarely exceeds ten years. */
const EXPIRY_YEARS_BACK = 50;

/**
 * The four-digit year of a two-digit one. Birth: the latest year not after today. Expiry: the
 * year within [today − 50 years, today + 49 years].
 */
export function resolveYear(twoDigitYear: number, month: number, day: number, role: DateRole, today: DayNumber): number {
  const todayYear = Math.floor(today / 10000);
  if (role === 'expiry') {
    const earliest = todayYear - EXPIRY_YEARS_BACK;
    return earliest + ((((twoDigitYear - earliest) % 100) + 100) % 100);
  }
  const latest = todayYear - ((((todayYear - twoDigitYear) % 100) + 100) % 100);
  return dayNumberOf(latest, month, day) > today ? latest - 100 : latest;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The ISO date (YYYY-MM-DD) of the YYMMDD at text[start, start + 6), or null when those are not six
 * digits forming a calendar date.
 */
export function isoDateOf(text: string, start: number, role: DateRole, today: DayNumber): string | null {
  const y1 = digitValue(text.charCodeAt(start));
  const y2 = digitValue(text.charCodeAt(start + 1));
  const m1 = digitValue(text.charCodeAt(start + 2));
  const m2 = digitValue(text.charCodeAt(start + 3));
  const d1 = digitValue(text.charCodeAt(start + 4));
  const d2 = digitValue(text.charCodeAt(start + 5));
  if (y1 < 0 || y2 < 0 || m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return null;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return null;
  const year = resolveYear(y1 * 10 + y2, month, day, role, today);
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}
