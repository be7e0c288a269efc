import { foldIcao } from './fold.js';
import type { Identity, NamePart } from './identity.js';

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

const latinForms = new Map<string, string[]>();
function formsOf(part: NamePart): string[] {
  let forms = latinForms.get(part.key);
  if (forms === undefined) {
    forms = [...new Set(Object.values(part.forms).map((form) => foldIcao(form).replace(/ /g, '')))].filter((form) => form !== '');
    latinForms.set(part.key, forms);
  }
  return forms;
}

function similar(a: string, b: string): boolean {
  if (a.length >= 3 && b.length >= 3 && (a.includes(b) || b.includes(a))) return true;
  const bound = Math.max(1, Math.floor(Math.max(a.length, b.length) / 2));
  // The length difference alone is a lower bound of the distance.
  if (Math.abs(a.length - b.length) > bound) return false;
  return levenshtein(a, b) <= bound;
}

const memo = new Map<string, Map<string, boolean>>();
/**
 * Whether two name parts could be taken for one name in any of their written
 * forms: deliberately wide (half the letters may differ), so that a control's
 * "other name" is a genuinely different name and not a spelling of the same one.
 */
export function confusable(a: NamePart, b: NamePart): boolean {
  if (a.key === b.key) return true;
  const [first, second] = a.key < b.key ? [a, b] : [b, a];
  let row = memo.get(first.key);
  if (row === undefined) {
    row = new Map();
    memo.set(first.key, row);
  }
  let answer = row.get(second.key);
  if (answer === undefined) {
    answer = formsOf(first).some((x) => formsOf(second).some((y) => similar(x, y)));
    row.set(second.key, answer);
  }
  return answer;
}

const givenOf = (identity: Identity): NamePart[] => (identity.patronymic === null ? [...identity.given] : [...identity.given, identity.patronymic]);

/** Whether two identities could be one name: surnames alike and a given name alike, or written crossed over. */
export function namesRelated(a: Identity, b: Identity): boolean {
  const aGiven = givenOf(a);
  const bGiven = givenOf(b);
  const anyGiven = aGiven.length === 0 || bGiven.length === 0 || aGiven.some((x) => bGiven.some((y) => confusable(x, y)));
  if (confusable(a.surname, b.surname) && anyGiven) return true;
  return bGiven.some((y) => confusable(a.surname, y)) && aGiven.some((x) => confusable(x, b.surname));
}

export function confusableWithAny(part: NamePart, others: readonly NamePart[]): boolean {
  return others.some((other) => confusable(part, other));
}
