import type { Assessment } from '../../main/common/contract/crossing.js';
import type { CheckOutcome, DocumentCheck } from '../../main/common/contract/document-checks.js';

const DAY_MS = 86_400_000;

function utcDay(iso: string): number | undefined {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time / DAY_MS;
}

/** Today's calendar date where the lane is (its local date), as ISO. */
export function localTodayIso(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years on `todayIso`; a 29 February birthday counts on 28 February in common years. */
export function ageOn(birthIso: string, todayIso: string): number | undefined {
  const birth = birthIso.split('-').map(Number);
  const today = todayIso.split('-').map(Number);
  const [by, bm, bd] = birth;
  const [ty, tm, td] = today;
  if (by === undefined || bm === undefined || bd === undefined || ty === undefined || tm === undefined || td === undefined) return undefined;
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

export type ExpiryState = 'expired' | 'expires-soon' | 'valid' | 'unknown';

/** Expired, or expiring within six months (many states want six months' validity on entry). */
export function expiryState(expiryIso: string | null, todayIso: string): ExpiryState {
  if (expiryIso === null) return 'unknown';
  const [year, month, day] = todayIso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return 'unknown';
  const sixMonths = new Date(Date.UTC(year, month - 1 + 6, day)).toISOString().slice(0, 10);
  if (expiryIso < todayIso) return 'expired';
  return expiryIso <= sixMonths ? 'expires-soon' : 'valid';
}

/** Calendar days from the entry to today, both local dates. */
export function daysSince(entryAt: Date, now: Date): number | undefined {
  const from = utcDay(localTodayIso(entryAt));
  const to = utcDay(localTodayIso(now));
  return from === undefined || to === undefined ? undefined : Math.max(0, Math.round(to - from));
}

const OUTCOME_RANK: Readonly<Record<CheckOutcome, number>> = { alert: 0, notice: 1, unavailable: 2, pass: 3 };

/** Failed checks first, then those worth a glance, then the ones that could not run, then the passed. */
export function checksInOrder(checks: readonly DocumentCheck[]): DocumentCheck[] {
  return [...checks].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
}

export function failedChecks(assessment: Assessment): DocumentCheck[] {
  return assessment.checks.filter((check) => check.outcome === 'alert');
}

/** The holder's name as the card heads it. */
export function holderName(assessment: Assessment): string {
  const { surname, givenNames } = assessment.document.fields;
  return [surname, givenNames].filter((part) => part !== '').join(', ');
}
