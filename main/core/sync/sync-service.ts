import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { CentralClient, type CentralTls } from '../../../sync/relay/central-client.js';
import { DEFAULT_RELAY_OPTIONS, Relay, type RelayOptions } from '../../../sync/relay/relay.js';
import { CoreStartError } from '../app/core-start-error.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { ApplianceKey } from '../keys/appliance-key.js';
import { outboxAdditions } from '../outbox/outbox.js';
import type { CallContext, RpcHandlers } from '../rpc/handlers.js';
import { DeadLetters } from './dead-letters.js';
import { OutboxRelayStore } from './outbox-relay-store.js';

const REQUEST_TIMEOUT_MS = 10_000;

function readPem(dataDir: string, file: string | undefined, what: string): string | undefined {
  if (file === undefined) return undefined;
  const resolved = path.resolve(dataDir, file);
  try {
    return readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new CoreStartError(`cannot read ${what} ${resolved}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

function officerId(context: CallContext): string {
  const officer = context.auth.officer;
  if (officer === undefined) throw new Error('a role-guarded method was reached without an officer');
  return officer.id;
}

/** The uplink to central: the relay over the outbox, its status, and the dead letters. */
export class SyncService {
  private readonly relay: Relay;
  private readonly deadLetters: DeadLetters;

  constructor(db: Database, audit: AuditTrail, config: ApplianceConfig, key: ApplianceKey, dataDir: string, log: Logger, overrides: Partial<RelayOptions> = {}) {
    const cert = readPem(dataDir, config.central.clientCertFile, 'the client certificate');
    const clientKey = readPem(dataDir, config.central.clientKeyFile, 'the client key');
    const ca = readPem(dataDir, config.central.caFile, "central's CA certificate");
    const tls: CentralTls = { ...(ca === undefined ? {} : { ca }), ...(cert === undefined ? {} : { cert }), ...(clientKey === undefined ? {} : { key: clientKey }) };
    const client = new CentralClient({ url: config.central.url, applianceId: config.applianceId, signer: key, requestTimeoutMs: REQUEST_TIMEOUT_MS, tls });
    this.relay = new Relay(new OutboxRelayStore(db), client, config.applianceId, {
      ...DEFAULT_RELAY_OPTIONS,
      deliveryDeadlineMs: config.central.deliveryDeadlineMinutes * 60_000,
      ...overrides,
    });
    this.deadLetters = new DeadLetters(db, audit);
    // State changes only: a log line per batch would drown the log at 20,000 records/s.
    let lastState = '';
    this.relay.status$.subscribe((status) => {
      const summary = `${status.state}:${status.reason ?? ''}`;
      if (summary === lastState) return;
      lastState = summary;
      log.info({ state: status.state, reason: status.reason, backlog: status.backlog, attempt: status.attempt }, 'sync state');
    });
    this.relay.start(outboxAdditions(db));
  }

  get status(): Relay['status'] {
    return this.relay.status;
  }

  handlers(): Pick<RpcHandlers['methods'], 'sync.deadLetters' | 'sync.requeue'> & Pick<RpcHandlers['streams'], 'sync.status'> {
    return {
      'sync.deadLetters': ({ limit }) => this.deadLetters.list(limit),
      'sync.requeue': ({ seq }, context) => {
        const requeued = this.deadLetters.requeue(seq, officerId(context), new Date());
        this.relay.wake();
        return requeued;
      },
      'sync.status': () => this.relay.status$,
    };
  }

  async close(): Promise<void> {
    await this.relay.stop();
  }
}
