import type { Rng } from './prng.js';

/** A full birth date; the list may know only part of it. */
export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export type Precision = 'day' | 'month' | 'year' | 'none';

const pad = (n: number): string => String(n).padStart(2, '0');
export const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function randomDate(rng: Rng, from = 1945, to = 2006): BirthDate {
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysIn(year, month)) };
}

/** The list's birthDate: YYYY-MM-DD, YYYY-MM, YYYY, or null. */
export function listDate(date: BirthDate, precision: Precision): string | null {
  if (precision === 'none') return null;
  if (precision === 'year') return String(date.year);
  if (precision === 'month') return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The MRZ's YYMMDD, with `<` for the parts the issuer did not know. */
export function mrzDate(date: BirthDate, unknown: 'none' | 'day' | 'month-day' = 'none'): string {
  const yy = pad(date.year % 100);
  if (unknown === 'month-day') return `${yy}<<<<`;
  if (unknown === 'day') return `${yy}${pad(date.month)}<<`;
  return `${yy}${pad(date.month)}${pad(date.day)}`;
}

/** How many of the known components differ (years compared as the MRZ's two digits). */
export function differingComponents(listed: BirthDate, precision: Precision, presented: BirthDate): number {
  let differ = listed.year % 100 === presented.year % 100 ? 0 : 1;
  if (precision === 'day' || precision === 'month') differ += listed.month === presented.month ? 0 : 1;
  if (precision === 'day') differ += listed.day === presented.day ? 0 : 1;
  return differ;
}

export function isDayMonthSwap(listed: BirthDate, presented: BirthDate): boolean {
  return listed.year % 100 === presented.year % 100 && listed.day === presented.month && listed.month === presented.day;
}

/**
 * Whether a matcher that honours the issue could take these dates for one person:
 * a listed date with fewer than two known components never tells two people apart here.
 */
export function mayBeSamePerson(listed: BirthDate, precision: Precision, presented: BirthDate): boolean {
  if (precision === 'none' || precision === 'year') return true;
  return differingComponents(listed, precision, presented) <= 1 || isDayMonthSwap(listed, presented);
}

/** A date at least two components away from `listed` and no day/month swap of it; `years` bounds the year's distance. */
export function unrelatedDate(rng: Rng, listed: BirthDate, years: readonly [number, number] = [1, 30]): BirthDate {
  for (;;) {
    const distance = rng.int(years[0], years[1]) * (rng.chance(0.5) ? 1 : -1);
    const year = Math.min(2008, Math.max(1935, listed.year + distance));
    const month = rng.int(1, 12);
    const candidate = { year, month, day: rng.int(1, daysIn(year, month)) };
    if (differingComponents(listed, 'day', candidate) >= 2 && !isDayMonthSwap(listed, candidate)) return candidate;
  }
}
