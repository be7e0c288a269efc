import { BehaviorSubject, map, type Observable, type Subscription } from 'rxjs';
import type { Logger } from 'pino';
import { ReaderRegistry, SimulateScanError, type ReaderOptions, type ReaderStatus, type Scan } from '../../../drivers/index.js';
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

/**
 * The configured readers, composed from the drivers: their states for every
 * screen, and their scans for the guard. Reader failures stay inside the
 * registry; the core only logs state changes (never what a reader sent).
 */
export class ReaderService {
  private readonly registry: ReaderRegistry;
  private readonly statuses$: BehaviorSubject<ReadonlyMap<string, ReaderStatusView>>;
  private readonly subscription: Subscription;

  constructor(readers: readonly ReaderConfig[], applianceId: string, log: Logger, options: Omit<ReaderOptions, 'ownership'> = {}) {
    // Ownership records let `sahman monitor` name this appliance instead of fighting over a port.
    this.registry = new ReaderRegistry(readers, { ...options, ownership: { holder: { kind: 'appliance', applianceId } } });
    this.statuses$ = new BehaviorSubject<ReadonlyMap<string, ReaderStatusView>>(
      new Map(this.registry.statuses().map((status) => [status.readerId, statusView(status, this.kindOf(status.readerId))])),
    );
    this.subscription = this.registry.status$.subscribe((status) => {
      log.info({ reader: status.readerId, state: status.state, reason: status.reason }, 'reader status');
      const next = new Map(this.statuses$.value);
      next.set(status.readerId, statusView(status, this.kindOf(status.readerId)));
      this.statuses$.next(next);
    });
  }

  get scans$(): Observable<Scan> {
    return this.registry.scans$;
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
      'scans.live': () => this.registry.scans$.pipe(map(scanView)),
    };
  }

  private kindOf(readerId: string): string {
    return this.registry.readers.get(readerId)?.kind ?? 'unknown';
  }

  async close(): Promise<void> {
    this.subscription.unsubscribe();
    await this.registry.close();
    this.statuses$.complete();
  }
}
