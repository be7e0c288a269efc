import { BehaviorSubject, EMPTY, Subject, distinctUntilChanged, of, type Observable } from 'rxjs';
import { parseMrz } from '../../main/common/icao/index.js';
import type { Discard, DiscardReason, Frame } from '../framing/frame.js';
import { createDecodePipeline, type DecodePipeline } from '../pipeline/decode-pipeline.js';
import type { Decoding } from '../pipeline/decoding.js';
import { RereadSuppressor } from '../pipeline/reread-suppressor.js';
import type { Scan } from '../pipeline/scan.js';
import { claimPort, defaultLockDir, type OwnershipOptions, type PortHolder } from '../ownership/port-ownership.js';
import { READER_KINDS, type ReaderKind, type ReaderSpec, type ReaderSpecError } from '../spec/reader-spec.js';
import type { SimulatedKind } from '../simulator/document-generator.js';
import { SimulateScanError, isSimTransport } from '../transports/sim-transport.js';
import { TransportOpenError, type ChunkSink, type Located, type SessionEnd, type Transport, type TransportSession } from '../transports/transport.js';
import { backoffDelayMs, type BackoffPolicy } from '../../main/common/backoff/backoff.js';

/** A device that keeps failing to open is retried at least every two seconds, so a fix shows within it. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 2000 };
import {
  WARNING_FOR_DISCARD,
  type ReaderCounters,
  type ReaderState,
  type ReaderStatus,
  type ReaderStatusReason,
  type ReaderWarning,
  type ReceivedChunk,
} from './reader-status.js';

/** One configured reader, whatever its transport. Its observables never error: failures are statuses. */
export interface Reader {
  readonly id: string;
  /** serial, hid, sim, replay; 'unknown' when the spec names no kind this build knows. */
  readonly kind: ReaderKind | 'unknown';
  /** Null when the spec could not be parsed (the status says why). */
  readonly spec: ReaderSpec | null;
  /** The current status first, then every change. Completes after the final status. */
  readonly status$: Observable<ReaderStatus>;
  /** Each document once, in order. Hot: subscribe right after opening (data only flows after an await). */
  readonly scans$: Observable<Scan>;
  /** Every chunk received, noise included (monitor --raw, --record). Never log these: they are personal data. */
  readonly chunks$: Observable<ReceivedChunk>;
  readonly warnings$: Observable<ReaderWarning>;
  status(): ReaderStatus;
  counters(): ReaderCounters;
  /** How the open session's chunks are decoded (what a capture's header must say); null when none is open. */
  decoding(): Decoding | null;
  /** A simulator sends one document of this kind now; any other reader throws SimulateScanError. */
  simulateScan(kind: SimulatedKind): void;
  /** Stops the reader, releases the device; the final status is disconnected/closed. */
  close(): Promise<void>;
}

export interface ReaderTiming {
  /** How often a device's presence is checked, absent or open. */
  readonly presencePollMs: number;
  readonly backoff: BackoffPolicy;
}

export const DEFAULT_READER_TIMING: ReaderTiming = { presencePollMs: 250, backoff: DEFAULT_BACKOFF };

export interface ReaderClock {
  /** Monotonic milliseconds (performance.now()). */
  monotonicMs(): number;
  now(): Date;
}

export const SYSTEM_CLOCK: ReaderClock = { monotonicMs: () => performance.now(), now: () => new Date() };

export interface SupervisedReaderOptions {
  readonly timing?: Partial<ReaderTiming>;
  readonly clock?: ReaderClock;
  /** When set, each open device is recorded as held by this process (see port-ownership.ts). */
  readonly ownership?: OwnershipOptions;
}

const DISCARD_REASONS: readonly DiscardReason[] = ['noise', 'oversize', 'bad-check', 'partial', 'not-mrz', 'magstripe', 'malformed-report'];

type MutableCounters = {
  -readonly [K in keyof Omit<ReaderCounters, 'discarded'>]: ReaderCounters[K];
} & { discarded: Record<DiscardReason, { events: number; bytes: number }> };

function newCounters(): MutableCounters {
  const discarded = {} as Record<DiscardReason, { events: number; bytes: number }>;
  for (const reason of DISCARD_REASONS) discarded[reason] = { events: 0, bytes: 0 };
  return { bytesReceived: 0, chunksReceived: 0, scans: 0, rereadsSuppressed: 0, connects: 0, discarded };
}

function snapshot(counters: MutableCounters): ReaderCounters {
  const discarded = {} as Record<DiscardReason, { events: number; bytes: number }>;
  for (const reason of DISCARD_REASONS) discarded[reason] = { ...counters.discarded[reason] };
  return { ...counters, discarded };
}

interface StatusChange {
  readonly state: ReaderState;
  readonly reason?: ReaderStatusReason;
  readonly message?: string;
  readonly device?: string;
  readonly heldBy?: PortHolder;
  readonly final?: boolean;
}

type WatchEnd = SessionEnd | { readonly reason: 'closed' | 'idle-timeout' | 'internal'; readonly message?: string };

function sameStatus(a: ReaderStatus, b: ReaderStatus): boolean {
  return a.state === b.state && a.reason === b.reason && a.message === b.message && a.device === b.device && a.heldBy?.pid === b.heldBy?.pid && a.final === b.final;
}

/** A reader that stays useful through unplugs, silent ports and failing opens; see the "How readers behave". */
export class SupervisedReader implements Reader {
  readonly status$: Observable<ReaderStatus>;
  readonly scans$: Observable<Scan>;
  readonly chunks$: Observable<ReceivedChunk>;
  readonly warnings$: Observable<ReaderWarning>;

  private readonly statusSubject: BehaviorSubject<ReaderStatus>;
  private readonly scanSubject = new Subject<Scan>();
  private readonly chunkSubject = new Subject<ReceivedChunk>();
  private readonly warningSubject = new Subject<ReaderWarning>();
  private readonly timing: ReaderTiming;
  private readonly clock: ReaderClock;
  private readonly counts = newCounters();
  private readonly suppressor: RereadSuppressor;
  private stopping = false;
  /** Bumped when a session ends, so that late events from a closed device are ignored. */
  private session = 0;
  private pipeline: DecodePipeline | null = null;
  private sessionDecoding: Decoding | null = null;
  /** Chunks that arrive between open() resolving and the pipeline being built. */
  private early: Buffer[] = [];
  private lastDataAt = 0;
  private seq = 0;
  private wake: (() => void) | null = null;
  private stopWatching: (() => void) | null = null;
  /** Ends the current session from inside (a decoding failure). */
  private endSession: ((end: { readonly reason: 'internal'; readonly message?: string }) => void) | null = null;
  private readonly running: Promise<void>;

  constructor(
    readonly id: string,
    readonly spec: ReaderSpec,
    private readonly transport: Transport,
    private readonly options: SupervisedReaderOptions = {},
  ) {
    this.timing = { ...DEFAULT_READER_TIMING, ...options.timing };
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.suppressor = new RereadSuppressor(spec.rereadWindowMs);
    this.statusSubject = new BehaviorSubject<ReaderStatus>(this.statusOf({ state: 'connecting', device: this.describeTarget() }));
    this.status$ = this.statusSubject.pipe(distinctUntilChanged(sameStatus));
    this.scans$ = this.scanSubject.asObservable();
    this.chunks$ = this.chunkSubject.asObservable();
    this.warnings$ = this.warningSubject.asObservable();
    this.running = this.run().catch((error: unknown) => {
      // The loop catches what it expects; anything else must still not escape into the host.
      this.setStatus({ state: 'error', reason: 'internal', message: error instanceof Error ? error.message : 'reader failed', final: true });
    });
  }

  status(): ReaderStatus {
    return this.statusSubject.getValue();
  }

  counters(): ReaderCounters {
    return snapshot(this.counts);
  }

  decoding(): Decoding | null {
    return this.sessionDecoding;
  }

  get kind(): ReaderKind {
    return this.spec.kind;
  }

  simulateScan(kind: SimulatedKind): void {
    if (!isSimTransport(this.transport)) throw notASimulator(this.id);
    this.transport.scanOnDemand(kind);
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.stopWatching?.();
    await this.running;
    if (!this.status().final) this.setStatus({ state: 'disconnected', reason: 'closed', final: true });
    this.complete();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const located = await this.waitUntilPresent();
      if (located === null) return;
      this.setStatus({ state: 'connecting', device: this.describeTarget() });

      const claim = await this.claim(located);
      if (claim === 'busy') {
        await this.sleep(backoffDelayMs(this.timing.backoff, ++failures));
        continue;
      }
      const sessionId = ++this.session;
      let ended!: (end: SessionEnd | { readonly reason: 'internal'; readonly message?: string }) => void;
      const endedByDevice = new Promise<WatchEnd>((resolve) => (ended = resolve));
      let session: TransportSession;
      try {
        this.early = [];
        session = await this.transport.open(located, this.sinkFor(sessionId, ended));
      } catch (error) {
        this.session++;
        await claim?.release();
        const failure = error instanceof TransportOpenError ? error : new TransportOpenError('open-failed', error instanceof Error ? error.message : 'open failed');
        if (failure.kind === 'not-present') continue;
        const final = failure.kind === 'invalid-capture';
        this.setStatus({ state: 'error', reason: failure.kind, message: failure.message, device: located.where, final });
        if (final) return;
        await this.sleep(backoffDelayMs(this.timing.backoff, ++failures));
        continue;
      }
      if (this.isStopping()) {
        this.session++;
        await session.close().catch(() => undefined);
        await claim?.release();
        return;
      }
      failures = 0;
      this.startPipeline(session, sessionId, ended);
      this.counts.connects += 1;
      // Ready before the first chunk, so that a recorder knows the decoding before it sees data.
      this.setStatus({ state: 'ready', device: located.where });
      this.flushEarlyChunks();

      const end = await this.watch(located, endedByDevice);
      // A disconnect leaves at most a partial frame: drop it (counted, with a warning), never scan it.
      this.pipeline?.discardPartial();
      this.session++;
      this.pipeline?.destroy();
      this.pipeline = null;
      this.sessionDecoding = null;
      await session.close().catch(() => undefined);
      await claim?.release();
      if (this.isStopping() || end.reason === 'closed') return;
      if (end.reason === 'internal') {
        this.setStatus({ state: 'error', reason: 'internal', device: located.where, ...(end.message === undefined ? {} : { message: end.message }) });
        await this.sleep(backoffDelayMs(this.timing.backoff, ++failures));
        continue;
      }
      const final = end.reason === 'end-of-input';
      this.setStatus({ state: 'disconnected', reason: end.reason, device: located.where, final, ...(end.message === undefined ? {} : { message: end.message }) });
      if (final) {
        this.complete();
        return;
      }
      if (end.reason === 'io-error') await this.sleep(backoffDelayMs(this.timing.backoff, ++failures));
    }
  }

  /** Polls cheaply until the device is there; null when the reader is stopping. */
  private async waitUntilPresent(): Promise<Located | null> {
    for (;;) {
      if (this.stopping) return null;
      let located: Located | null = null;
      let problem: string | undefined;
      try {
        located = await this.transport.locate();
      } catch (error) {
        problem = error instanceof Error ? error.message : 'cannot look for the device';
      }
      if (located !== null) return located;
      this.setStatus({ state: 'disconnected', reason: 'not-present', message: problem ?? `${this.describeTarget()} is not there` });
      await this.sleep(this.timing.presencePollMs);
    }
  }

  private async claim(located: Located): Promise<{ release(): Promise<void> } | null | 'busy'> {
    const ownership = this.options.ownership;
    if (ownership === undefined || located.ownershipKey === null) return null;
    try {
      const result = await claimPort(ownership.lockDir ?? defaultLockDir(), located.ownershipKey, {
        ...ownership.holder,
        readerId: this.id,
        device: located.where,
      });
      if (result.ok) return result;
      this.setStatus({ state: 'error', reason: 'busy', device: located.where, heldBy: result.heldBy, message: `${located.where} is held by another process` });
      return 'busy';
    } catch {
      // A lock folder we cannot write must not stop the reader: the serial flock still guards the port.
      return null;
    }
  }

  private sinkFor(sessionId: number, ended: (end: SessionEnd) => void): ChunkSink {
    return {
      chunk: (bytes) => {
        if (sessionId === this.session) this.receive(bytes);
      },
      lineBreak: () => {
        if (sessionId === this.session) this.pipeline?.discardPartial();
      },
      ended: (end) => {
        if (sessionId === this.session) ended(end);
      },
    };
  }

  private startPipeline(session: TransportSession, sessionId: number, ended: (end: { readonly reason: 'internal'; readonly message?: string }) => void): void {
    this.pipeline = createDecodePipeline(session.decoding, this.spec.limits, {
      frame: (frame) => {
        if (sessionId === this.session) this.accept(frame);
      },
      discard: (discard) => this.count(discard),
      failure: (error) => {
        if (sessionId === this.session) ended({ reason: 'internal', message: `decoding failed: ${error.message}` });
      },
    });
    this.endSession = (end) => {
      if (sessionId === this.session) ended(end);
    };
    this.sessionDecoding = session.decoding;
    this.lastDataAt = this.clock.monotonicMs();
  }

  private flushEarlyChunks(): void {
    const early = this.early;
    this.early = [];
    for (const bytes of early) this.receive(bytes);
  }

  private receive(bytes: Buffer): void {
    const monotonicMs = this.clock.monotonicMs();
    this.lastDataAt = monotonicMs;
    const pipeline = this.pipeline;
    if (pipeline === null) {
      this.early.push(bytes);
      return;
    }
    this.counts.bytesReceived += bytes.length;
    this.counts.chunksReceived += 1;
    if (this.chunkSubject.observed) this.chunkSubject.next({ readerId: this.id, bytes, monotonicMs, receivedAt: this.clock.now().toISOString() });
    try {
      pipeline.write(bytes);
    } catch (error) {
      // A stage that throws takes only this session down; the run loop reopens the device.
      this.endSession?.({ reason: 'internal', message: `decoding failed: ${error instanceof Error ? error.message : 'unknown'}` });
    }
  }

  private accept(frame: Frame): void {
    const monotonicMs = this.clock.monotonicMs();
    if (this.suppressor.isReread(frame.raw, monotonicMs)) {
      this.counts.rereadsSuppressed += 1;
      return;
    }
    const now = this.clock.now();
    this.seq += 1;
    this.counts.scans += 1;
    this.scanSubject.next({
      readerId: this.id,
      seq: this.seq,
      receivedAt: now.toISOString(),
      monotonicMs,
      lines: frame.lines,
      raw: frame.raw,
      mrz: parseMrz(frame.lines.join('\n'), { today: now }),
    });
  }

  private count(discard: Discard): void {
    const entry = this.counts.discarded[discard.reason];
    entry.events += 1;
    entry.bytes += discard.bytes;
    const kind = WARNING_FOR_DISCARD[discard.reason];
    if (kind !== undefined) this.warningSubject.next({ readerId: this.id, kind, bytes: discard.bytes, at: this.clock.now().toISOString() });
  }

  /** Resolves when the session ends: by the device, a lost presence, the idle watchdog, or close(). */
  private watch(located: Located, endedByDevice: Promise<WatchEnd>): Promise<WatchEnd> {
    return new Promise<WatchEnd>((resolve) => {
      let settled = false;
      let checking = false;
      const finish = (end: WatchEnd): void => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        this.stopWatching = null;
        resolve(end);
      };
      this.stopWatching = () => finish({ reason: 'closed' });
      void endedByDevice.then(finish);
      const idleTimeoutMs = this.spec.idleTimeoutMs;
      const timer = setInterval(() => {
        if (idleTimeoutMs > 0 && this.clock.monotonicMs() - this.lastDataAt > idleTimeoutMs) {
          finish({ reason: 'idle-timeout', message: `nothing received for ${String(Math.round(idleTimeoutMs / 1000))} s: reopening` });
          return;
        }
        if (checking) return;
        checking = true;
        void located
          .stillPresent()
          .catch(() => false)
          .then((present) => {
            checking = false;
            if (!present) finish({ reason: 'unplugged', message: `${located.where} went away` });
          });
      }, this.timing.presencePollMs);
    });
  }

  /** A method, not the field: TypeScript's narrowing would not see close() flip it across an await. */
  private isStopping(): boolean {
    return this.stopping;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private describeTarget(): string {
    switch (this.spec.kind) {
      case 'serial':
        return this.spec.path;
      case 'replay':
        return this.spec.file;
      case 'hid':
        return `HID device ${this.spec.vendorId.toString(16).padStart(4, '0')}:${this.spec.productId.toString(16).padStart(4, '0')}`;
      case 'sim':
        return 'the simulator';
    }
  }

  private statusOf(change: StatusChange): ReaderStatus {
    return {
      readerId: this.id,
      state: change.state,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      ...(change.message === undefined ? {} : { message: change.message }),
      ...(change.device === undefined ? {} : { device: change.device }),
      ...(change.heldBy === undefined ? {} : { heldBy: change.heldBy }),
      final: change.final ?? false,
      at: this.clock.now().toISOString(),
    };
  }

  private setStatus(change: StatusChange): void {
    if (this.statusSubject.closed || this.status().final) return;
    const next = this.statusOf(change);
    if (!sameStatus(next, this.status())) this.statusSubject.next(next);
  }

  private complete(): void {
    if (this.statusSubject.closed) return;
    this.statusSubject.complete();
    this.scanSubject.complete();
    this.chunkSubject.complete();
    this.warningSubject.complete();
  }
}

/** A reader whose spec is unusable: one final error status, and nothing else. */
export class FailedReader implements Reader {
  readonly spec = null;
  readonly kind: ReaderKind | 'unknown';
  readonly status$: Observable<ReaderStatus>;
  readonly scans$: Observable<Scan> = EMPTY;
  readonly chunks$: Observable<ReceivedChunk> = EMPTY;
  readonly warnings$: Observable<ReaderWarning> = EMPTY;
  private readonly current: ReaderStatus;

  constructor(
    readonly id: string,
    error: ReaderSpecError,
  ) {
    this.current = { readerId: id, state: 'error', reason: 'invalid-spec', message: error.message, final: true, at: new Date().toISOString() };
    // The kind the spec meant, so that a misspelt option of a simulator still shows as a simulator.
    const scheme = error.spec.trim().split(':')[0] ?? '';
    this.kind = READER_KINDS.find((kind) => kind === scheme) ?? 'unknown';
    this.status$ = of(this.current);
  }

  status(): ReaderStatus {
    return this.current;
  }

  counters(): ReaderCounters {
    return snapshot(newCounters());
  }

  decoding(): null {
    return null;
  }

  simulateScan(): void {
    throw notASimulator(this.id);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function notASimulator(readerId: string): SimulateScanError {
  return new SimulateScanError('not-a-simulator', `the reader "${readerId}" is not a simulator: only sim: readers scan on demand`);
}
