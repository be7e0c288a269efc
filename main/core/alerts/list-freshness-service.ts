import type { Database, Statement } from 'better-sqlite3';
import { BehaviorSubject, type Observable } from 'rxjs';
import * as z from 'zod';
import { ALERT_LIST_KINDS, type AlertListsFreshness } from '../../common/contract/alert-lists.js';
import { listFreshness, type ListVouch } from '../../common/alerts/list-freshness.js';
import type { DeltaKind } from '../../../sync/protocol/wire.js';

/** Typed as delta kinds, so that an alert list the downlink does not fetch fails to compile rather than stays "not received". */
const KINDS: readonly DeltaKind[] = ALERT_LIST_KINDS;
const HOUR_MS = 3_600_000;
/** A list turns stale while the guard works: the lists are looked at this often (one small query). */
const DEFAULT_INTERVAL_MS = 30_000;

const VersionRow = z.object({ kind: z.string(), version: z.number().int().nonnegative(), applied_at: z.number().int() });

export interface ListFreshnessOptions {
  readonly maxListAgeHours: number;
  readonly now?: () => number;
  readonly intervalMs?: number;
}

/**
 * How old each alert list is, as the appliance knows it, for the status bar.
 *
 * A list's age runs from the last time central vouched for the version held
 * here: the signedAt of the delta that brought it, or of a later poll that
 * central signed to say that version is still its latest. That is the age
 * that matters at the lane (how long central may have had entries this lane
 * lacks), not when the appliance happened to apply a delta: a lane that polls
 * every minute and hears "still current" holds a fresh list even if nothing
 * changed for days. Those vouches are kept in memory; until the first poll
 * after a start answers (the downlink polls at once on start), or when the
 * version was moved by something other than the downlink, the stored
 * applied_at stands in: it is the delta's signedAt plus one request's
 * latency, and after a restart it may overstate the age (a warning too early,
 * never too late) until that first poll answers.
 */
export class ListFreshnessService {
  private readonly vouches = new Map<string, ListVouch>();
  private readonly versions: Statement<string[]>;
  private readonly subject: BehaviorSubject<AlertListsFreshness>;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private lastKey: string;

  constructor(db: Database, options: ListFreshnessOptions) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxListAgeHours * HOUR_MS;
    this.versions = db.prepare(`SELECT kind, version, applied_at FROM reference_versions WHERE kind IN (${KINDS.map(() => '?').join(', ')})`);
    const first = this.compute();
    this.lastKey = changeKey(first);
    this.subject = new BehaviorSubject(first);
    this.timer = setInterval(() => {
      this.refresh();
    }, options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Central signed, at signedAt, that version is its latest of kind (a delta applied, or a poll that found it current). */
  vouched(kind: string, version: number, signedAt: string): void {
    if (!(KINDS as readonly string[]).includes(kind)) return;
    const vouchedAtMs = Date.parse(signedAt);
    const known = this.vouches.get(kind);
    if (known?.version === version && known.vouchedAtMs >= vouchedAtMs) return;
    this.vouches.set(kind, { version, vouchedAtMs });
    this.refresh();
  }

  current(): AlertListsFreshness {
    return this.subject.value;
  }

  get freshness$(): Observable<AlertListsFreshness> {
    return this.subject.asObservable();
  }

  /** Looks again now; emits when a list's state, version or vouch changed, or its age reached another whole hour. */
  refresh(): void {
    const next = this.compute();
    const key = changeKey(next);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.subject.next(next);
  }

  close(): void {
    clearInterval(this.timer);
    this.subject.complete();
  }

  private compute(): AlertListsFreshness {
    const nowMs = this.now();
    const stored = new Map(this.versions.all(...KINDS).map((raw) => VersionRow.parse(raw)).map((row) => [row.kind, row]));
    const lists = KINDS.map((kind) => {
      const row = stored.get(kind);
      const vouch = this.vouches.get(kind);
      const known: ListVouch | undefined =
        row === undefined ? undefined : vouch?.version === row.version ? vouch : { version: row.version, vouchedAtMs: row.applied_at };
      return listFreshness(kind, known, nowMs, this.maxAgeMs);
    });
    return { at: new Date(nowMs).toISOString(), maxAgeMs: this.maxAgeMs, lists };
  }
}

function changeKey(freshness: AlertListsFreshness): string {
  return JSON.stringify(freshness.lists.map((list) => [list.kind, list.version, list.state, list.vouchedAt, list.ageMs === null ? null : Math.floor(list.ageMs / HOUR_MS)]));
}
