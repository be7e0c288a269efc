import { mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { auditConfigChange } from '../config/config-audit.js';
import { purgeDelivered } from '../retention/retention-purge.js';
import { SyncService, type SyncTimings } from '../sync/sync-service.js';
import type { SyncStatus } from '../../common/contract/sync-status.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../config/config-file.js';
import { loadOrCreateApplianceKey, type ApplianceKey } from '../keys/appliance-key.js';
import { closeLogger, openLogger, type Logger } from '../logging/logger.js';
import type { RpcConnection } from '../rpc/connection.js';
import type { RpcHandlers } from '../rpc/handlers.js';
import { RpcSession } from '../rpc/rpc-session.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { authHandlers } from '../auth/auth-handlers.js';
import { AuthService, DEFAULT_AUTH_POLICY, FIRST_TECHNICIAN_ID, type AuthPolicy } from '../auth/auth-service.js';
import { OfficerStore } from '../auth/officer-store.js';
import { openStore } from '../store/open-store.js';
import { ReaderService } from '../readers/reader-service.js';
import { CaptureService } from '../capture/capture-service.js';
import { captureHandlers } from '../capture/capture-handlers.js';
import { CrossingQueries } from '../capture/crossing-queries.js';
import { VoidService } from '../capture/void-service.js';
import { loadVisaTable } from '../reference/visa-table.js';
import { writeFileDurably } from '../fs/durable-write.js';
import { diagnosticsHandlers } from '../services/diagnostics-service.js';
import { SystemService, type CoreHostKind } from '../services/system-service.js';
import { CoreStartError } from './core-start-error.js';
import { appVersion } from './package-root.js';

export interface CoreOptions {
  readonly dataDir: string;
  /** Defaults to config.json in the data folder. */
  readonly configPath?: string;
  readonly host: CoreHostKind;
  /** Start-up waits at most this long for the database integrity check. */
  readonly integrityBudgetMs?: number;
  /** Lockout and idle sign-out; the defaults suit a lane. */
  readonly authPolicy?: AuthPolicy;
  /** Relay timings (linger, batch caps, backoff); the defaults suit a lane, benchmarks and fault tests tune them. */
  readonly sync?: Partial<SyncTimings>;
}

/** A fresh appliance's first technician: their one-time PIN is in this file, readable only by its user. */
export const FIRST_TECHNICIAN_PIN_FILE = 'first-technician-pin.txt';

/** Audit checkpoints are signed this often (and at shutdown), so cutting the trail's end shows. */
const CHECKPOINT_INTERVAL_MS = 5 * 60_000;
/** Delivered records are purged this often, and once shortly after start. */
const RETENTION_INTERVAL_MS = 6 * 3_600_000;
const RETENTION_FIRST_RUN_MS = 60_000;

/** The running appliance core, whichever host carries its RPC. */
export interface Core {
  readonly config: ApplianceConfig;
  readonly dataDir: string;
  readonly log: Logger;
  readonly key: ApplianceKey;
  readonly readers: ReaderService;
  /** The relay's state now, for hosts and tests; the screens follow the sync.status stream. */
  syncStatus(): SyncStatus;
  /** Set on the very first start: where the first technician's one-time PIN was written. */
  readonly firstTechnicianPinFile: string | undefined;
  /** Serves the RPC contract on a new client link; dispose the session when the link closes. */
  openSession(connection: RpcConnection): RpcSession;
  close(): Promise<void>;
}

/**
 * The composition root: opens the data folder, reads the config, starts the
 * services and wires them to the RPC contract. Hosts (sahman serve, Electron's
 * utility process, tests) call this and only carry messages.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CoreStartError(`cannot create the data folder ${dataDir}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  const configPath = options.configPath ?? path.join(dataDir, CONFIG_FILE_NAME);
  const loaded = loadConfigFile(configPath);
  const key = loadOrCreateApplianceKey(dataDir);
  const log = await openLogger({ dataDir });
  log.info(
    { applianceId: loaded.config.applianceId, host: options.host, version: appVersion, configCreated: loaded.created },
    'core starting',
  );

  let store;
  try {
    store = await openStore({ dataDir, log, integrityBudgetMs: options.integrityBudgetMs ?? 5000 });
  } catch (error) {
    log.error({ err: error }, 'the store cannot be opened');
    await closeLogger(log);
    throw error;
  }
  const audit = new AuditTrail(store.db, loaded.config.applianceId);
  try {
    const change = auditConfigChange(store.db, audit, loaded.config, new Date());
    if (change !== undefined) log.info({ changed: change.changed, digest: change.digest }, 'configuration changed since the last start; audited');
  } catch (error) {
    // A full disk must not keep the appliance from starting: the change is audited at the next start that can write.
    log.error({ err: error }, 'configuration change not audited: the store refused the write');
  }
  const pinFile = path.join(dataDir, FIRST_TECHNICIAN_PIN_FILE);
  const auth = new AuthService(store.db, new OfficerStore(store.db), audit, () => new Date(), options.authPolicy ?? DEFAULT_AUTH_POLICY, (officerId) => {
    if (officerId === FIRST_TECHNICIAN_ID) rmSync(pinFile, { force: true });
  });
  const firstTechnician = await auth.createFirstTechnician();
  let firstTechnicianPinFile: string | undefined;
  if (firstTechnician !== undefined) {
    firstTechnicianPinFile = pinFile;
    writeFileDurably(
      pinFile,
      `Officer id: ${firstTechnician.officerId}\nOne-time PIN: ${firstTechnician.pin}\nSign in and change it; this file is deleted then.\n`,
    );
    log.info({ officerId: firstTechnician.officerId }, 'first start: technician account created; one-time PIN written to the data folder');
  }
  // A checkpoint that cannot be written (a full disk) is retried at the next tick; it must never stop the core.
  const signCheckpoint = (): void => {
    try {
      audit.checkpoint(key, new Date());
    } catch (error) {
      log.error({ err: error }, 'audit checkpoint not written; retrying at the next interval');
    }
  };
  const checkpointTimer = setInterval(signCheckpoint, CHECKPOINT_INTERVAL_MS);
  checkpointTimer.unref();
  let purging: Promise<void> | undefined;
  const purge = (): void => {
    purging ??= purgeDelivered(store.db, audit, loaded.config.retention.deliveredDays, new Date())
      .then((counts) => {
        if (counts.crossings + counts.voids + counts.auditEvents + counts.outboxRows > 0) log.info({ ...counts }, 'retention purge: delivered records past the retention period removed');
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'retention purge failed; retrying at the next interval');
      })
      .finally(() => {
        purging = undefined;
      });
  };
  const firstPurge = setTimeout(purge, RETENTION_FIRST_RUN_MS);
  firstPurge.unref();
  const purgeTimer = setInterval(purge, RETENTION_INTERVAL_MS);
  purgeTimer.unref();

  const visaRules = new Map(loadVisaTable(dataDir));
  const readers = new ReaderService(loaded.config.readers, loaded.config.applianceId, log);
  const capture = new CaptureService({ db: store.db, audit, config: loaded.config, visaRules, scans$: readers.scans$, log });
  const captureRpc = captureHandlers(capture, new VoidService(store.db, audit, loaded.config.applianceId), new CrossingQueries(store.db));

  let sync: SyncService;
  try {
    sync = new SyncService({
      db: store.db,
      audit,
      config: loaded.config,
      configPath,
      key,
      dataDir,
      log,
      visaRules,
      readerStates: () => readers.states(),
      ...(options.sync === undefined ? {} : { relay: options.sync }),
    });
  } catch (error) {
    await readers.close();
    capture.close();
    await store.close();
    await closeLogger(log);
    throw error;
  }
  const syncRpc = sync.handlers();

  const system = new SystemService({ config: loaded.config, version: appVersion, host: options.host });
  const systemHandlers = system.handlers();
  const handlers: RpcHandlers = {
    methods: {
      ...authHandlers(auth),
      'capture.manualEntry': captureRpc['capture.manualEntry'],
      'capture.record': captureRpc['capture.record'],
      'crossings.void': captureRpc['crossings.void'],
      'supervisor.laneActivity': captureRpc['supervisor.laneActivity'],
      'supervisor.openReferrals': captureRpc['supervisor.openReferrals'],
      'sync.deadLetters': syncRpc['sync.deadLetters'],
      'sync.requeue': syncRpc['sync.requeue'],
      'system.info': systemHandlers['system.info'],
      'system.ping': systemHandlers['system.ping'],
    },
    streams: {
      'system.uptime': systemHandlers['system.uptime'],
      ...diagnosticsHandlers(),
      ...readers.handlers(),
      'capture.assessments': captureRpc['capture.assessments'],
      'sync.status': syncRpc['sync.status'],
    },
  };

  const sessions = new Set<RpcSession>();
  let closing: Promise<void> | undefined;
  return {
    config: loaded.config,
    dataDir,
    log,
    key,
    readers,
    syncStatus: () => sync.status,
    firstTechnicianPinFile,
    openSession(connection) {
      const session = new RpcSession(connection, handlers, {
        log,
        idleTimeoutMs: auth.policy.idleTimeoutMs,
        monotonicNow: () => performance.now(),
        onIdleSignOut: (officerId) => {
          try {
            auth.logout(officerId, 'idle');
          } catch (error) {
            // The sign-out itself happens regardless; only its audit event could not be written.
            log.error({ err: error }, 'idle sign-out not audited');
          }
        },
        onDispose: () => {
          sessions.delete(session);
          log.info({ connection: connection.id }, 'client disconnected');
        },
      });
      sessions.add(session);
      log.info({ connection: connection.id }, 'client connected');
      return session;
    },
    close() {
      closing ??= (async () => {
        for (const session of [...sessions]) session.dispose();
        await readers.close();
        await sync.close();
        capture.close();
        clearInterval(checkpointTimer);
        clearTimeout(firstPurge);
        clearInterval(purgeTimer);
        await purging;
        try {
          signCheckpoint();
        } finally {
          await store.close();
          log.info('core stopped');
          await closeLogger(log);
        }
      })();
      return closing;
    },
  };
}
