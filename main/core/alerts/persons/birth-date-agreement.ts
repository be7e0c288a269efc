import type { BirthDateAgreement } from '../../../common/contract/alert-lists.js';

/** A birth date by its parts, two-digit year as the MRZ has it; null where unknown. */
export interface BirthDateParts {
  readonly yy: number | null;
  readonly mm: number | null;
  readonly dd: number | null;
}

const UNKNOWN: BirthDateParts = { yy: null, mm: null, dd: null };

/** A list's date (YYYY, YYYY-MM or YYYY-MM-DD), by parts; the century is dropped, as the MRZ drops it. */
export function listedBirthDate(iso: string | null | undefined): BirthDateParts {
  if (iso === null || iso === undefined) return UNKNOWN;
  const [year, month, day] = iso.split('-').map(Number);
  return { yy: year === undefined ? null : year % 100, mm: month ?? null, dd: day ?? null };
}

function mrzPart(text: string): number | null {
  return /^\d\d$/.test(text) ? Number(text) : null;
}

/** An MRZ date, YYMMDD, whose `<` parts are unknown (8104<< is April 1981, day unknown). */
export function mrzBirthDate(yymmdd: string): BirthDateParts {
  return { yy: mrzPart(yymmdd.slice(0, 2)), mm: mrzPart(yymmdd.slice(2, 4)), dd: mrzPart(yymmdd.slice(4, 6)) };
}

export interface DateAgreement {
  readonly agreement: BirthDateAgreement;
  /** What the agreement leaves of a name's score. */
  readonly factor: number;
}

/** How much each kind of agreement leaves of a score; an unrelated date leaves nothing. */
const FACTOR: Readonly<Record<BirthDateAgreement, number>> = {
  exact: 1,
  partial: 0.97,
  unknown: 0.93,
  'day-month-swapped': 0.93,
  'one-component-off': 0.9,
};

/**
 * Whether a traveller's date can be a listed person's: the same date, the
 * same as far as either side knows it, day and month swapped, or one part
 * wrong while the other two agree (a typing slip, a registry's mistake). Anything else — two
 * people with the same name born on unrelated dates — is null: no match.
 */
export function birthDateAgreement(listed: BirthDateParts, presented: BirthDateParts): DateAgreement | null {
  const pairs = [
    [listed.yy, presented.yy],
    [listed.mm, presented.mm],
    [listed.dd, presented.dd],
  ] as const;
  let compared = 0;
  let equal = 0;
  for (const [a, b] of pairs) {
    if (a === null || b === null) continue;
    compared += 1;
    if (a === b) equal += 1;
  }
  const result = (agreement: BirthDateAgreement): DateAgreement => ({ agreement, factor: FACTOR[agreement] });
  if (compared === 0) return result('unknown');
  if (equal === compared) {
    if (compared === 3) return result('exact');
    const listedKnows = [listed.yy, listed.mm, listed.dd].filter((part) => part !== null).length;
    return result(compared === listedKnows ? 'partial' : 'unknown');
  }
  const { yy: ly, mm: lm, dd: ld } = listed;
  const { yy: py, mm: pm, dd: pd } = presented;
  if (compared === 3 && ly === py && lm === pd && ld === pm) return result('day-month-swapped');
  if (compared === 3 && equal === 2) return result('one-component-off');
  return null;
}
