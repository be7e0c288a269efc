import { BehaviorSubject, Subject, defer, filter, map, merge, of, switchMap, type Observable, type Subscription } from 'rxjs';
import type { Logger } from 'pino';
import { ReaderRegistry, SimulateScanError, type Reader, type ReaderOptions, type ReaderStatus, type ReceivedChunk, type Scan } from '../../../drivers/index.js';
import type { SimulatedDocumentKind } from '../../common/contract/rpc-methods.js';
import { InvalidRequestError, UnavailableError } from '../errors/domain-errors.js';
import type { ReaderConfig } from '../../common/contract/config.js';
import type { ReaderStatusView, ScanView } from '../../common/contract/readers.js';
import type { RpcHandlers } from '../rpc/handlers.js';

function statusView(status: ReaderStatus, kind: string): ReaderStatusView {
  return {
    readerId: status.readerId,
    kind,
    state: status.state,
    ...(status.reason === undefined ? {} : { reason: status.reason }),
    ...(status.message === undefined ? {} : { message: status.message }),
    ...(status.device === undefined ? {} : { device: status.device }),
    final: status.final,
    at: status.at,
  };
}

function scanView(scan: Scan): ScanView {
  return { readerId: scan.readerId, seq: scan.seq, receivedAt: scan.receivedAt, lines: [...scan.lines], mrz: scan.mrz };
}

/** A scan taken for a technician's test, with the time its first byte arrived. */
export interface ClaimedScan {
  readonly scan: Scan;
  /** Monotonic ms of the first byte received after the claim began (the scan's own time if none came before it). */
  readonly firstByteMs: number;
}

interface TestClaim {
  readonly take: (scan: Scan) => void;
  readonly cancel: () => void;
  firstByteMs: number | undefined;
}

/**
 * The configured readers, composed from the drivers: their states for every
 * screen, and their scans for the guard. Reader failures stay inside the
 * registry; the core only logs state changes (never what a reader sent).
 * Readers are added, replaced and removed live (the technician's console); a
 * scan claimed for a test goes to the technician and never to the guard.
 */
export class ReaderService {
  private readonly registry: ReaderRegistry;
  private readonly statuses$: BehaviorSubject<ReadonlyMap<string, ReaderStatusView>>;
  private readonly routed$ = new Subject<Scan>();
  private readonly claims = new Map<string, TestClaim>();
  private readonly subscriptions: Subscription[] = [];
  private configured: ReaderConfig[];

  constructor(readers: readonly ReaderConfig[], applianceId: string, log: Logger, options: Omit<ReaderOptions, 'ownership'> = {}) {
    this.configured = [...readers];
    // Ownership records let `sahman monitor` name this appliance instead of fighting over a port.
    this.registry = new ReaderRegistry(readers, { ...options, ownership: { holder: { kind: 'appliance', applianceId } } });
    this.statuses$ = new BehaviorSubject<ReadonlyMap<string, ReaderStatusView>>(
      new Map(this.registry.statuses().map((status) => [status.readerId, statusView(status, this.kindOf(status.readerId))])),
    );
    this.subscriptions.push(
      this.registry.status$.subscribe((status) => {
        log.info({ reader: status.readerId, state: status.state, reason: status.reason }, 'reader status');
        // The final status of a removed reader arrives after it left the registry: it must not bring it back.
        if (!this.registry.readers.has(status.readerId)) return;
        const next = new Map(this.statuses$.value);
        next.set(status.readerId, statusView(status, this.kindOf(status.readerId)));
        this.statuses$.next(next);
      }),
      this.registry.scans$.subscribe((scan) => {
        const claim = this.claims.get(scan.readerId);
        if (claim === undefined) {
          this.routed$.next(scan);
          return;
        }
        this.claims.delete(scan.readerId);
        claim.take(scan);
      }),
    );
  }

  /** Every scan but those claimed for a technician's test: what the guard's capture sees. */
  get scans$(): Observable<Scan> {
    return this.routed$.asObservable();
  }

  /** The readers as configured now, in order. */
  configuredReaders(): ReaderConfig[] {
    return [...this.configured];
  }

  /** Every reader's full status now: for the diagnostics bundle. */
  views(): ReaderStatusView[] {
    return [...this.statuses$.value.values()];
  }

  /** Every reader's state now: for the health report to central. */
  states(): { id: string; state: string }[] {
    return [...this.statuses$.value.values()].map((status) => ({ id: status.readerId, state: status.state }));
  }

  /**
   * Runs `readers` from now on: `config` is started in place of `replaces`
   * (which releases its device first), or added. The caller has validated it.
   */
  async apply(readers: readonly ReaderConfig[], config: ReaderConfig, replaces: string | undefined): Promise<void> {
    this.configured = [...readers];
    const old = replaces ?? config.id;
    await this.registry.replace(config, old);
    if (old !== config.id) this.forget(old);
  }

  /** Stops a reader and runs `readers` from now on. */
  async remove(readers: readonly ReaderConfig[], readerId: string): Promise<void> {
    this.configured = [...readers];
    await this.registry.remove(readerId);
    this.forget(readerId);
  }

  /** The bytes received so far by a reader (0 for none by that id). */
  bytesReceived(readerId: string): number {
    return this.registry.readers.get(readerId)?.counters().bytesReceived ?? 0;
  }

  /** One reader's chunks, following it across a replacement; completes when it is removed. */
  chunks$(readerId: string): Observable<ReceivedChunk> {
    const readers$ = defer(() => {
      const now = this.registry.readers.get(readerId);
      return merge(now === undefined ? of() : of(now), this.registry.opened$.pipe(filter((reader: Reader) => reader.id === readerId)));
    });
    return readers$.pipe(switchMap((reader) => reader.chunks$));
  }

  /**
   * The next document from one reader, kept from the guard; null when none
   * came in time. One test at a time per reader.
   */
  claimNextScan(readerId: string, timeoutMs: number): Promise<ClaimedScan | null> {
    if (!this.registry.readers.has(readerId)) throw new InvalidRequestError(`no reader "${readerId}" is configured`);
    if (this.claims.has(readerId)) throw new InvalidRequestError(`a test scan is already waiting on reader "${readerId}"`);
    return new Promise((resolve) => {
      const firstByte = this.chunks$(readerId).subscribe((chunk) => {
        claim.firstByteMs ??= chunk.monotonicMs;
      });
      const finish = (result: ClaimedScan | null): void => {
        clearTimeout(timer);
        firstByte.unsubscribe();
        resolve(result);
      };
      const claim: TestClaim = {
        firstByteMs: undefined,
        take: (scan) => {
          finish({ scan, firstByteMs: Math.min(claim.firstByteMs ?? scan.monotonicMs, scan.monotonicMs) });
        },
        cancel: () => {
          finish(null);
        },
      };
      const timer = setTimeout(() => {
        if (this.claims.get(readerId) === claim) this.claims.delete(readerId);
        finish(null);
      }, timeoutMs);
      this.claims.set(readerId, claim);
    });
  }

  /**
   * A simulator scans one generated document of this kind, through its framer
   * and the whole reader path, so that its assessment reaches the guard's
   * screen like any scan.
   */
  simulateScan(readerId: string, kind: SimulatedDocumentKind): void {
    try {
      this.registry.simulateScan(readerId, kind);
    } catch (error) {
      if (!(error instanceof SimulateScanError)) throw error;
      throw error.reason === 'not-ready' ? new UnavailableError(error.message) : new InvalidRequestError(error.message);
    }
  }

  methodHandlers(): Pick<RpcHandlers['methods'], 'readers.simulateScan'> {
    return {
      'readers.simulateScan': ({ readerId, kind }) => {
        this.simulateScan(readerId, kind);
        return {};
      },
    };
  }

  handlers(): Pick<RpcHandlers['streams'], 'readers.status' | 'scans.live'> {
    return {
      'readers.status': () => this.statuses$.pipe(map((statuses) => ({ readers: [...statuses.values()] }))),
      'scans.live': () => this.scans$.pipe(map(scanView)),
    };
  }

  private forget(readerId: string): void {
    if (this.registry.readers.has(readerId) || !this.statuses$.value.has(readerId)) return;
    const next = new Map(this.statuses$.value);
    next.delete(readerId);
    this.statuses$.next(next);
  }

  private kindOf(readerId: string): string {
    return this.registry.readers.get(readerId)?.kind ?? 'unknown';
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    for (const claim of this.claims.values()) claim.cancel();
    this.claims.clear();
    await this.registry.close();
    this.routed$.complete();
    this.statuses$.complete();
  }
}
