import type { AlertListKind, AlertListsFreshness } from '../../main/common/contract/alert-lists.js';
import type { Translate } from '../i18n/translate.js';

const HOUR_MS = 3_600_000;
/** Below two days an age reads better in hours ("30 hours old" rather than "1 day old"). */
const HOURS_UNTIL_MS = 48 * HOUR_MS;

/** The messages' selector for each list this screen names; any other kind is said by its name. */
const WHICH: Readonly<Record<AlertListKind, string>> = { 'document-list': 'document', 'person-list': 'person' };

function which(kind: string): string {
  return Object.hasOwn(WHICH, kind) ? WHICH[kind as AlertListKind] : 'other';
}

/** What the status bar warns of: each stale list with how old it is, and each list never received. The core decides which is which. */
export interface FreshnessNotices {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
}

export function freshnessNotices(freshness: AlertListsFreshness | undefined, t: Translate): FreshnessNotices {
  const lists = freshness?.lists ?? [];
  return {
    stale: lists.flatMap((list) => (list.state === 'stale' && list.ageMs !== null ? [listAge(list.kind, list.ageMs, t)] : [])),
    missing: lists.flatMap((list) => (list.state === 'unavailable' ? [t('freshness.missingList', { which: which(list.kind), list: list.kind })] : [])),
  };
}

/** A list's age in whole hours, or whole days from two days on: rounded down, so a list is never said to be older than it is. */
export function listAge(kind: string, ageMs: number, t: Translate): string {
  if (ageMs < HOURS_UNTIL_MS) return t('freshness.staleHours', { which: which(kind), list: kind, hours: Math.floor(ageMs / HOUR_MS) });
  return t('freshness.staleDays', { which: which(kind), list: kind, days: Math.floor(ageMs / (24 * HOUR_MS)) });
}
