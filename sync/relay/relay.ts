import { DrainRate } from './drain-rate.js';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  BehaviorSubject,
  EMPTY,
  Subject,
  defer,
  distinctUntilChanged,
  exhaustMap,
  from,
  ignoreElements,
  interval,
  merge,
  of,
  repeat,
  retry,
  tap,
  throttle,
  timer,
  type Observable,
  type Subscription,
} from 'rxjs';
import type { SyncStatus } from '../../main/common/contract/sync-status.js';
import { BatchAck, ErrorBody, paths } from '../protocol/wire.js';
import { backoffDelayMs, type BackoffPolicy } from '../../main/common/backoff/backoff.js';
import { BatchEncoder, type PreparedBatch } from './batch-encoder.js';
import { CentralUnreachable, type CentralClient } from './central-client.js';
import type { RelayStore } from './relay-port.js';
import { SyncBlocked, SyncRetryable } from './relay-errors.js';

export interface RelayOptions {
  /** After a wake-up, wait this long for more records before sending (Kafka's linger.ms). */
  readonly lingerMs: number;
  readonly maxBatchItems: number;
  readonly maxBatchBytes: number;
  /** Wake up this often even without a commit: after an outage, nothing else would. */
  readonly pollMs: number;
  readonly backoff: BackoffPolicy;
  /** While blocked, try again this often: the fix (a registered key, a set clock) happens elsewhere. */
  readonly blockedRetryMs: number;
  /** An undelivered item older than this raises the stale-backlog alarm; nothing is ever dropped. */
  readonly deliveryDeadlineMs: number;
  /** A difference from central's clock beyond this raises the clock alarm. */
  readonly clockToleranceMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  lingerMs: 2,
  // Large enough that a backlog drains in few requests (central's commit and fsync are per batch), well under central's body limit.
  maxBatchItems: 2_000,
  maxBatchBytes: 2 * 1024 * 1024,
  pollMs: 5_000,
  backoff: { initialMs: 250, maxMs: 60_000, jitterRatio: 0.5 },
  blockedRetryMs: 30_000,
  deliveryDeadlineMs: 15 * 60_000,
  clockToleranceMs: 60_000,
};

/** Items are read and validated in slices this big (about a millisecond), yielding between them, so a guard's record never waits long. */
const READ_SLICE_ITEMS = 25;

interface SendOutcome {
  /** Items central now holds that it did not before; 0 when there was nothing to send. */
  readonly advanced: number;
}

/**
 * Forwards the outbox to central: one batch in flight at a time, in seq order,
 * while rows remain. RxJS carries wake-ups, not data: the items stay in SQLite
 * until central holds them, so a crash or an outage loses nothing, and items
 * that were in flight are simply read again.
 */
export class Relay {
  private readonly statusSubject: BehaviorSubject<SyncStatus>;
  private readonly drain = new DrainRate();
  private readonly wakeSubject = new Subject<void>();
  private subscription: Subscription | undefined;
  /** A wake-up arrived while a drain was running: drain again rather than wait for the next one. */
  private woken = true;
  /** After a gap answer, where central says it stands (below our own mark). */
  private resumeAfter: number | undefined;
  private maxItems: number;
  private lastAdvanced = 0;
  /**
   * The batch after the one in flight, read while central works on that one:
   * still one request at a time, but reading and central's work overlap.
   */
  private prefetched: { readonly after: number; readonly maxItems: number; readonly batch: Promise<PreparedBatch | undefined> } | undefined;
  /** The batch whose sending failed, kept for the retry (items are append-only, so it is still right). */
  private lastFailed: PreparedBatch | undefined;

  constructor(
    private readonly store: RelayStore,
    private readonly client: CentralClient,
    private readonly applianceId: string,
    private readonly options: RelayOptions = DEFAULT_RELAY_OPTIONS,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.maxItems = options.maxBatchItems;
    this.statusSubject = new BehaviorSubject<SyncStatus>({
      state: 'idle',
      attempt: 0,
      nextAttemptAt: null,
      reason: null,
      backlog: 0,
      oldestUndeliveredAgeMs: null,
      drainPerSecond: null,
      backlogPeak: 0,
      deliveredThroughSeq: 0,
      lastAckAt: null,
      alarms: { staleBacklog: false, clockSkewMs: null, deadLetters: 0, reconcileMismatch: null, downlinkRefused: null },
    });
    this.publish({});
  }

  get status$(): Observable<SyncStatus> {
    return this.statusSubject.pipe(distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)));
  }

  get status(): SyncStatus {
    return this.statusSubject.value;
  }

  /** Starts the loop; `commits$` ticks after each write that added to the outbox. */
  start(commits$: Observable<unknown>): void {
    if (this.subscription !== undefined) return;
    const wake$ = merge(commits$, this.wakeSubject, interval(this.options.pollMs), of(undefined)).pipe(
      tap(() => {
        this.woken = true;
      }),
    );
    this.subscription = wake$
      .pipe(
        throttle(() => timer(this.options.lingerMs), { leading: false, trailing: true }),
        // One drain at a time; a wake-up during a drain only sets `woken`, which the drain checks before it stops.
        exhaustMap(() => this.drain$()),
      )
      .subscribe();
  }

  /** A reason to look now (a reconnect, a requeue): ends a linger early, never a backoff. */
  wake(): void {
    this.wakeSubject.next();
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.wakeSubject.complete();
    await this.client.close();
  }

  /** Alarms raised beside the relay: reconciliation and the downlink. */
  setAlarms(alarms: Partial<Pick<SyncStatus['alarms'], 'reconcileMismatch' | 'downlinkRefused'>>): void {
    this.publish({ alarms: { ...this.status.alarms, ...alarms } });
  }

  private drain$(): Observable<never> {
    return defer(() => {
      this.woken = false;
      return from(this.sendOne());
    }).pipe(
      tap((outcome) => {
        this.lastAdvanced = outcome.advanced;
      }),
      retry({ delay: (error: unknown, attempt: number) => this.retryDelay(error, attempt), resetOnSuccess: true }),
      // Keep draining while central keeps taking items, or while wake-ups arrived meanwhile.
      repeat({ delay: () => (this.lastAdvanced > 0 || this.woken ? of(0) : EMPTY) }),
      ignoreElements(),
    );
  }

  private retryDelay(error: unknown, attempt: number): Observable<number> {
    const blocked = error instanceof SyncBlocked;
    const offline = error instanceof SyncRetryable && error.offline;
    const delayMs = blocked ? this.options.blockedRetryMs : backoffDelayMs(this.options.backoff, attempt);
    this.lastAdvanced = 0;
    this.publish({
      state: blocked ? 'blocked' : offline ? 'offline' : 'backoff',
      attempt,
      nextAttemptAt: new Date(this.now().getTime() + delayMs).toISOString(),
      reason: error instanceof Error ? error.message.slice(0, 300) : 'unknown failure',
    });
    return timer(delayMs);
  }

  private async takePrefetched(after: number): Promise<PreparedBatch | undefined> {
    // A retry sends the batch that failed again rather than reading it anew: while central is away,
    // each attempt would otherwise re-read thousands of items on the guard's thread.
    const failed = this.lastFailed;
    this.lastFailed = undefined;
    if (failed?.fromSeq === after + 1 && this.prefetched === undefined) return failed;
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    // Prepared for a batch that was acknowledged whole; after a failure, a gap or a smaller cap, prepare afresh.
    if (prefetched?.after !== after || prefetched.maxItems !== this.maxItems) return undefined;
    return prefetched.batch;
  }

  /** The next batch after a seq, read and compressed as it is read: undefined when nothing is pending. */
  private async prepareBatch(afterSeq: number): Promise<PreparedBatch | undefined> {
    const encoder = new BatchEncoder();
    try {
      let last = afterSeq;
      while (encoder.items < this.maxItems) {
        const slice = this.store.readPending(last, Math.min(READ_SLICE_ITEMS, this.maxItems - encoder.items), this.options.maxBatchBytes - encoder.size);
        const first = slice[0];
        if (first === undefined || (encoder.items > 0 && encoder.size + first.json.length > this.options.maxBatchBytes)) break;
        encoder.add(slice);
        last = slice.at(-1)?.seq ?? last;
        if (slice.length < READ_SLICE_ITEMS || encoder.size >= this.options.maxBatchBytes) break;
        await yieldToEventLoop();
      }
    } catch (error) {
      encoder.abandon();
      throw error;
    }
    return encoder.finish();
  }

  private async sendOne(): Promise<SendOutcome> {
    const delivered = this.store.deliveredThrough();
    const after = this.resumeAfter ?? delivered;
    const batch = (await this.takePrefetched(after)) ?? (await this.prepareBatch(after));
    if (batch === undefined) {
      this.publish({ state: 'idle', attempt: 0, nextAttemptAt: null, reason: null });
      return { advanced: 0 };
    }
    if (batch.fromSeq !== after + 1) {
      throw new SyncBlocked(`central holds items only up to seq ${String(after)}, and seq ${String(after + 1)} is no longer on this appliance (purged after delivery)`);
    }
    this.publish({ state: 'sending' });
    let response;
    try {
      const sent = this.client.request('POST', paths.batches(this.applianceId), { bytes: batch.bytes, contentType: 'application/json', contentEncoding: 'gzip' });
      // A failed read-ahead is no failure: the next send prepares afresh (and reports a problem then).
      this.prefetched = { after: batch.toSeq, maxItems: this.maxItems, batch: this.prepareBatch(batch.toSeq).catch(() => undefined) };
      response = await sent;
    } catch (error) {
      this.prefetched = undefined;
      this.lastFailed = batch;
      if (error instanceof CentralUnreachable) throw new SyncRetryable(error.message, error.offline);
      throw error;
    }
    this.checkClock(response.date);
    if (response.status === 200) {
      const ack = BatchAck.safeParse(response.body);
      if (!ack.success) throw new SyncRetryable('central answered 200 with a body that is not an acknowledgement');
      const at = this.now();
      this.store.acknowledge(ack.data, at);
      this.resumeAfter = undefined;
      this.maxItems = this.options.maxBatchItems;
      this.publish({ state: 'sending', attempt: 0, nextAttemptAt: null, reason: null, lastAckAt: at.toISOString() });
      return { advanced: Math.max(0, ack.data.ackedThroughSeq - after) };
    }
    const error = ErrorBody.safeParse(response.body);
    const code = error.success ? error.data.error : undefined;
    const message = error.success && error.data.message !== undefined ? `: ${error.data.message}` : '';
    if (response.status === 409 && code === 'gap' && error.success && error.data.ackedThroughSeq !== undefined) {
      // Central holds less than this appliance thought (restored from a backup): send again from where it stands.
      this.resumeAfter = error.data.ackedThroughSeq < delivered ? error.data.ackedThroughSeq : undefined;
      if (this.resumeAfter === undefined) this.store.acknowledge({ ackedThroughSeq: error.data.ackedThroughSeq, rejected: [] }, this.now());
      return { advanced: 1 };
    }
    if (response.status === 413) {
      this.maxItems = Math.max(1, Math.floor(this.maxItems / 2));
      throw new SyncRetryable(`central found the batch too large; sending ${String(this.maxItems)} items at a time`);
    }
    this.prefetched = undefined;
    this.lastFailed = batch;
    if (response.status === 401 || response.status === 409 || response.status === 400) {
      throw new SyncBlocked(`central refused the batch (${String(response.status)} ${code ?? 'unknown'}${message})`);
    }
    throw new SyncRetryable(`central answered ${String(response.status)}${code === undefined ? '' : ` ${code}`}`);
  }

  private checkClock(date: string | undefined): void {
    if (date === undefined) return;
    const central = Date.parse(date);
    if (Number.isNaN(central)) return;
    // The Date header has whole seconds: allow one on top of the tolerance.
    const skew = this.now().getTime() - central;
    const clockSkewMs = Math.abs(skew) > this.options.clockToleranceMs + 1_000 ? skew : null;
    if (clockSkewMs !== this.status.alarms.clockSkewMs) this.publish({ alarms: { ...this.status.alarms, clockSkewMs } });
  }

  private publish(change: Partial<SyncStatus>): void {
    const backlog = this.store.backlog();
    const now = this.now().getTime();
    const age = backlog.oldestRecordedAtMs === null ? null : Math.max(0, now - backlog.oldestRecordedAtMs);
    const delivered = this.store.deliveredThrough();
    this.drain.observe(now, delivered, backlog.count);
    const next: SyncStatus = {
      ...this.statusSubject.value,
      ...change,
      backlog: backlog.count,
      oldestUndeliveredAgeMs: age,
      drainPerSecond: this.drain.perSecond(now),
      backlogPeak: this.drain.backlogPeak,
      deliveredThroughSeq: delivered,
    };
    next.alarms = { ...next.alarms, staleBacklog: age !== null && age > this.options.deliveryDeadlineMs, deadLetters: this.store.deadLetterCount() };
    this.statusSubject.next(next);
  }
}
