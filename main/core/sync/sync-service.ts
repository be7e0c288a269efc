import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { CentralClient, type CentralTls } from '../../../sync/relay/central-client.js';
import { DEFAULT_RELAY_OPTIONS, Relay, type RelayOptions } from '../../../sync/relay/relay.js';
import { Downlink } from '../../../sync/relay/downlink.js';
import { Reconciler } from '../../../sync/relay/reconciler.js';
import { HealthReporter } from '../../../sync/relay/health-reporter.js';
import { CoreStartError } from '../app/core-start-error.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { ApplianceKey } from '../keys/appliance-key.js';
import { outboxAdditions } from '../outbox/outbox.js';
import type { VisaTable } from '../reference/visa-table.js';
import { signedInOfficerId, type RpcHandlers } from '../rpc/handlers.js';
import { DeadLetters } from './dead-letters.js';
import { OutboxRelayStore } from './outbox-relay-store.js';
import { SqliteReferenceStore } from './reference-store.js';
import type { DocumentList } from '../alerts/document-list.js';
import type { DeltaKind } from '../../../sync/protocol/wire.js';
import type { PersonList } from '../alerts/person-list.js';

const REQUEST_TIMEOUT_MS = 10_000;
/** Reference data is checked for news this often; alert lists matter within minutes, not seconds. */
const DOWNLINK_INTERVAL_MS = 60_000;
/** Today and yesterday are compared with central this often. */
const RECONCILE_INTERVAL_MS = 10 * 60_000;
const DAY_MS = 86_400_000;
/** Device health goes to central this often, on its own lossy channel. */
const HEALTH_INTERVAL_MS = 60_000;

function readPem(dataDir: string, file: string | undefined, what: string): string | undefined {
  if (file === undefined) return undefined;
  const resolved = path.resolve(dataDir, file);
  try {
    return readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new CoreStartError(`cannot read ${what} ${resolved}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

/** The TLS material the config names, read from the data folder: the relay's, and the link test's. */
export function centralTls(dataDir: string, config: ApplianceConfig): CentralTls {
  const cert = readPem(dataDir, config.central.clientCertFile, 'the client certificate');
  const clientKey = readPem(dataDir, config.central.clientKeyFile, 'the client key');
  const ca = readPem(dataDir, config.central.caFile, "central's CA certificate");
  return { ...(ca === undefined ? {} : { ca }), ...(cert === undefined ? {} : { cert }), ...(clientKey === undefined ? {} : { key: clientKey }) };
}

export interface SyncServiceOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly config: ApplianceConfig;
  readonly configPath: string;
  readonly key: ApplianceKey;
  readonly dataDir: string;
  readonly log: Logger;
  /** Each reader's state, for the health report. */
  readonly readerStates: () => { id: string; state: string }[];
  /** The visa rules the document checks read: visa-rule deltas replace them. */
  readonly visaTable: VisaTable;
  /** The listed documents the lane's check reads: document-list deltas change them. */
  readonly documents: DocumentList;
  /** The listed persons: person-list deltas change them and their matcher. */
  readonly persons: PersonList;
  /** Central signed that this version of a kind is its latest (a delta applied, or a poll found it current). */
  readonly onVouched?: (kind: DeltaKind, version: number, signedAt: string) => void;
  readonly relay?: Partial<SyncTimings>;
}

/** The relay's timings, and how often the downlink and reconciliation run. */
export interface SyncTimings extends RelayOptions {
  readonly downlinkIntervalMs: number;
  readonly reconcileIntervalMs: number;
  readonly healthIntervalMs: number;
  /** Per request: an answer that takes longer is given up on (AbortSignal) and the batch is retried. */
  readonly requestTimeoutMs: number;
}

/** The uplink to central (the relay, its status, dead letters, reconciliation) and the downlink of signed deltas. */
export class SyncService {
  private readonly relay: Relay;
  private readonly relayStore: OutboxRelayStore;
  private readonly deadLetters: DeadLetters;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly immediates: NodeJS.Immediate[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly log: Logger;
  private closed = false;

  /**
   * Builds the link and starts it (its periodic jobs, its status log, the relay).
   * A start that fails part-way releases what it had started before the error goes on.
   */
  static async start(options: SyncServiceOptions): Promise<SyncService> {
    const { config, key, dataDir } = options;
    const tls = centralTls(dataDir, config);
    const client = new CentralClient({ url: config.central.url, applianceId: config.applianceId, signer: key, requestTimeoutMs: options.relay?.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, tls });
    let service: SyncService;
    try {
      service = new SyncService(options, client);
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
    try {
      service.begin(options, client);
    } catch (error) {
      await service.close().catch(() => undefined);
      throw error;
    }
    return service;
  }

  private constructor(options: SyncServiceOptions, client: CentralClient) {
    const { db, audit, config, log } = options;
    this.log = log;
    this.relayStore = new OutboxRelayStore(db);
    this.relay = new Relay(this.relayStore, client, config.applianceId, {
      ...DEFAULT_RELAY_OPTIONS,
      deliveryDeadlineMs: config.central.deliveryDeadlineMinutes * 60_000,
      ...options.relay,
    });
    this.deadLetters = new DeadLetters(db, audit);
  }

  private begin(options: SyncServiceOptions, client: CentralClient): void {
    const { db, config, log } = options;
    const reconciler = new Reconciler(this.relayStore, client, config.applianceId);
    this.every(options.relay?.reconcileIntervalMs ?? RECONCILE_INTERVAL_MS, async () => {
      // With a backlog the days would only come out 'pending', after reading them all: not while draining.
      if (this.relay.status.backlog > 0) return;
      const mismatches: string[] = [];
      for (const offset of [1, 0]) {
        const day = new Date(Date.now() - offset * DAY_MS).toISOString().slice(0, 10);
        const comparison = await reconciler.compare(day);
        if (comparison.status === 'mismatch') {
          mismatches.push(`${day}: ${String(comparison.local.count)} here, ${String(comparison.central.count)} at central`);
          log.warn({ day, local: comparison.local, central: comparison.central }, 'reconciliation: the appliance and central disagree');
        }
      }
      this.relay.setAlarms({ reconcileMismatch: mismatches.length === 0 ? null : mismatches.join('; ') });
    });
    const health = new HealthReporter(client, config.applianceId);
    this.every(options.relay?.healthIntervalMs ?? HEALTH_INTERVAL_MS, async () => {
      const status = this.relay.status;
      await health.send({ at: new Date().toISOString(), backlog: status.backlog, oldestUndeliveredAgeMs: status.oldestUndeliveredAgeMs, readers: options.readerStates() });
    });
    if (config.central.publicKey !== undefined) {
      const downlink = new Downlink(client, config.applianceId, config.central.publicKey, new SqliteReferenceStore(db, options.visaTable, options.configPath, options.documents, options.persons));
      this.every(options.relay?.downlinkIntervalMs ?? DOWNLINK_INTERVAL_MS, async () => {
        const outcomes = await downlink.refreshAll();
        const refused = outcomes.flatMap((outcome) => (outcome.status === 'refused' ? [`${outcome.kind}: ${outcome.reason}`] : []));
        for (const outcome of outcomes) {
          if (outcome.status === 'applied') log.info({ kind: outcome.kind, from: outcome.fromVersion, to: outcome.toVersion, changes: outcome.changes }, 'reference data updated from central');
          if (outcome.status === 'applied') options.onVouched?.(outcome.kind, outcome.toVersion, outcome.signedAt);
          if (outcome.status === 'current') options.onVouched?.(outcome.kind, outcome.version, outcome.signedAt);
          if (outcome.status === 'refused') log.warn({ kind: outcome.kind, reason: outcome.reason }, 'delta from central refused');
        }
        this.relay.setAlarms({ downlinkRefused: refused.length === 0 ? null : refused.join('; ').slice(0, 300) });
      });
    }
    // State changes only: a log line per batch would drown the log at 20,000 records/s.
    let lastState = '';
    this.subscriptions.push(
      this.relay.status$.subscribe((status) => {
        const summary = `${status.state}:${status.reason ?? ''}`;
        if (summary === lastState) return;
        lastState = summary;
        log.info({ state: status.state, reason: status.reason, backlog: status.backlog, attempt: status.attempt }, 'sync state');
      }),
    );
    this.relay.start(outboxAdditions(db));
  }

  get status(): Relay['status'] {
    return this.relay.status;
  }

  handlers(): Pick<RpcHandlers['methods'], 'sync.deadLetters' | 'sync.requeue'> & Pick<RpcHandlers['streams'], 'sync.status'> {
    return {
      'sync.deadLetters': ({ limit }) => this.deadLetters.list(limit),
      'sync.requeue': ({ seq }, context) => {
        const requeued = this.deadLetters.requeue(seq, signedInOfficerId(context), new Date());
        this.relay.wake();
        return requeued;
      },
      'sync.status': () => this.relay.status$,
    };
  }

  /** Stops every periodic job, lets go of every subscription it took, and stops the relay (closing its link to central). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    for (const immediate of this.immediates.splice(0)) clearImmediate(immediate);
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    await this.relay.stop();
  }

  /** Runs a periodic job now and then every intervalMs; a failure is logged and retried at the next tick. */
  private every(intervalMs: number, job: () => Promise<void>): void {
    let running = false;
    const run = (): void => {
      if (running || this.closed) return;
      running = true;
      job()
        .catch((error: unknown) => {
          this.log.error({ err: error }, 'sync background job failed; retrying at the next interval');
        })
        .finally(() => {
          running = false;
        });
    };
    const timer = setInterval(run, intervalMs);
    timer.unref();
    this.timers.push(timer);
    this.immediates.push(setImmediate(run));
  }
}
