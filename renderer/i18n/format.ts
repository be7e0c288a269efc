import type { Language } from './languages.js';
import { dateTimeFormat } from './intl-polyfills.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day (an ISO date from a document) as local noon, so no time zone moves it to another day. */
export function calendarDay(iso: string): Date | undefined {
  const match = ISO_DAY.exec(iso);
  if (match === null) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
}

/** Dates and times in the language, with the Armenian data where the native Intl lacks it. */
export interface Formatters {
  /** 7 December 2026 */
  day(date: Date): string;
  /** 7 December 2026, 14:05 */
  dateTime(date: Date): string;
  /** 14:05:09 */
  clock(date: Date): string;
}

export function formattersFor(language: Language): Formatters {
  const day = dateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' });
  const dateTime = dateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const clock = dateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return { day: (date) => day.format(date), dateTime: (date) => dateTime.format(date), clock: (date) => clock.format(date) };
}
