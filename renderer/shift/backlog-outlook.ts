import type { SyncStatus } from '../../main/common/contract/sync-status.js';

export type BacklogOutlook =
  | { readonly kind: 'empty' }
  /** Delivering at the relay's measured rate: the whole minutes left (at least 1), and whether under one. */
  | { readonly kind: 'draining'; readonly count: number; readonly perSecond: number; readonly minutesLeft: number; readonly underAMinute: boolean; readonly sent: number; readonly of: number }
  | { readonly kind: 'stalled'; readonly count: number; readonly state: SyncStatus['state']; readonly sent: number; readonly of: number };

/** What the backlog panel says: nothing waits, it drains (and how long is left at the real rate), or it waits and why. */
export function backlogOutlook(status: Pick<SyncStatus, 'backlog' | 'backlogPeak' | 'drainPerSecond' | 'state'>): BacklogOutlook {
  if (status.backlog === 0) return { kind: 'empty' };
  const of = Math.max(status.backlogPeak, status.backlog);
  const sent = of - status.backlog;
  const rate = status.drainPerSecond;
  if (rate === null || rate <= 0) return { kind: 'stalled', count: status.backlog, state: status.state, sent, of };
  const seconds = status.backlog / rate;
  return { kind: 'draining', count: status.backlog, perSecond: rate, minutesLeft: Math.max(1, Math.ceil(seconds / 60)), underAMinute: seconds < 60, sent, of };
}
