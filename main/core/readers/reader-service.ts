import { BehaviorSubject, map, type Observable, type Subscription } from 'rxjs';
import type { Logger } from 'pino';
import { ReaderRegistry, type ReaderOptions, type ReaderStatus, type Scan } from '../../../drivers/index.js';
import type { ReaderConfig } from '../../common/contract/config.js';
import type { ReaderStatusView, ScanView } from '../../common/contract/readers.js';
import type { RpcHandlers } from '../rpc/handlers.js';

function statusView(status: ReaderStatus): ReaderStatusView {
  return {
    readerId: status.readerId,
    kind: 'unknown',
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
      new Map(this.registry.statuses().map((status) => [status.readerId, statusView(status)])),
    );
    this.subscription = this.registry.status$.subscribe((status) => {
      log.info({ reader: status.readerId, state: status.state, reason: status.reason }, 'reader status');
      const next = new Map(this.statuses$.value);
      next.set(status.readerId, statusView(status));
      this.statuses$.next(next);
    });
  }

  get scans$(): Observable<Scan> {
    return this.registry.scans$;
  }

  /** Every reader's state now: for the health report to central. */
  states(): { id: string; state: string }[] {
    return [...this.statuses$.value.values()].map((status) => ({ id: status.readerId, state: status.state }));
  }

  handlers(): Pick<RpcHandlers['streams'], 'readers.status' | 'scans.live'> {
    return {
      'readers.status': () => this.statuses$.pipe(map((statuses) => ({ readers: [...statuses.values()] }))),
      'scans.live': () => this.registry.scans$.pipe(map(scanView)),
    };
  }

  async close(): Promise<void> {
    this.subscription.unsubscribe();
    await this.registry.close();
    this.statuses$.complete();
  }
}
