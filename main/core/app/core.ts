import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { auditConfigChange } from '../config/config-audit.js';
import type { SyncTimings } from '../sync/sync-service.js';
import { RestartableSync } from '../sync/restartable-sync.js';
import { CentralSettingsService } from '../sync/central-settings-service.js';
import { LiveConfig } from '../config/live-config.js';
import type { SyncStatus } from '../../common/contract/sync-status.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../config/config-file.js';
import { loadOrCreateApplianceKey, type ApplianceKey } from '../keys/appliance-key.js';
import { closeLogger, openLogger, type Logger } from '../logging/logger.js';
import type { RpcConnection } from '../rpc/connection.js';
import { RpcSession } from '../rpc/rpc-session.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { authPolicyOf, type AuthPolicy } from '../auth/auth-service.js';
import { OfficerStore } from '../auth/officer-store.js';
import { OfficerService } from '../officers/officer-service.js';
import { openStore } from '../store/open-store.js';
import { ReaderService } from '../readers/reader-service.js';
import { ReaderConsole } from '../readers/reader-console.js';
import { CaptureService } from '../capture/capture-service.js';
import { captureHandlers } from '../capture/capture-handlers.js';
import { CrossingQueries } from '../capture/crossing-queries.js';
import { VoidService } from '../capture/void-service.js';
import { ReferralDesk } from '../second-line/referral-desk.js';
import { AuditService } from '../audit/audit-service.js';
import { exportStream } from '../capture/export-stream.js';
import { diagnosticsBundle } from '../services/diagnostics-bundle.js';
import { centralLinkHandlers } from '../sync/central-link-handlers.js';
import { loadVisaTable, VisaTable } from '../reference/visa-table.js';
import { SystemService, type CoreHostKind } from '../services/system-service.js';
import { coreHandlers } from './core-handlers.js';
import { CoreStartError } from './core-start-error.js';
import { openSignIn } from './first-technician.js';
import { appVersion } from './package-root.js';
import { startPeriodicJobs } from './periodic-jobs.js';
import { StartUpResources } from './start-up-resources.js';
import { DocumentList } from '../alerts/document-list.js';
import { ListFreshnessService, type ListFreshnessOptions } from '../alerts/list-freshness-service.js';
import { PersonList } from '../alerts/person-list.js';

export { FIRST_TECHNICIAN_PIN_FILE } from './first-technician.js';

export interface CoreOptions {
  readonly dataDir: string;
  /** Defaults to config.json in the data folder. */
  readonly configPath?: string;
  readonly host: CoreHostKind;
  /** Start-up waits at most this long for the database integrity check. */
  readonly integrityBudgetMs?: number;
  /** Lockout and idle lock; the config's `session` section sets them, tests override them. */
  readonly authPolicy?: AuthPolicy;
  /** Relay timings (linger, batch caps, backoff); the defaults suit a lane, benchmarks and fault tests tune them. */
  readonly sync?: Partial<SyncTimings>;
  /** How often the alert lists' age is looked at; tests shorten it. */
  readonly listFreshness?: Pick<ListFreshnessOptions, 'intervalMs'>;
}

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
  // Everything started from here on is released, newest first, if a later step fails.
  const resources = new StartUpResources();
  try {
    return await startServices({ options, dataDir, configPath, config: loaded.config, key, log, resources });
  } catch (error) {
    log.error({ err: error }, 'start-up failed; releasing what it had started');
    const errors = await resources.closeAll();
    for (const releaseError of errors) log.error({ err: releaseError }, 'start-up failed and something it had started could not be released');
    await closeLogger(log);
    throw error;
  }
}

interface StartContext {
  readonly options: CoreOptions;
  readonly dataDir: string;
  readonly configPath: string;
  readonly config: ApplianceConfig;
  readonly key: ApplianceKey;
  readonly log: Logger;
  readonly resources: StartUpResources;
}

async function startServices(context: StartContext): Promise<Core> {
  const { options, dataDir, configPath, config, key, log, resources } = context;
  let store;
  try {
    store = await openStore({ dataDir, log, integrityBudgetMs: options.integrityBudgetMs ?? 5000 });
  } catch (error) {
    log.error({ err: error }, 'the store cannot be opened');
    throw error;
  }
  resources.defer(() => store.close());
  const audit = new AuditTrail(store.db, config.applianceId);
  try {
    const change = auditConfigChange(store.db, audit, config, new Date());
    if (change !== undefined) log.info({ changed: change.changed, digest: change.digest }, 'configuration changed since the last start; audited');
  } catch (error) {
    // A full disk must not keep the appliance from starting: the change is audited at the next start that can write.
    log.error({ err: error }, 'configuration change not audited: the store refused the write');
  }
  const { auth, firstTechnicianPinFile } = await openSignIn({ db: store.db, audit, dataDir, log, policy: options.authPolicy ?? authPolicyOf(config.session) });
  const jobs = startPeriodicJobs({ db: store.db, audit, key, log, retentionDays: config.retention.deliveredDays });
  resources.defer(() => jobs.stop());

  // One owner: the sync side replaces the rules, capture only reads them.
  const visaTable = new VisaTable(loadVisaTable(dataDir));
  const readers = new ReaderService(config.readers, config.applianceId, log);
  resources.defer(() => readers.close());
  const documents = new DocumentList(store.db);
  const persons = new PersonList(store.db, { thresholds: config.alerts.personThresholds });
  if (persons.load.damaged > 0) log.error({ damaged: persons.load.damaged, loaded: persons.load.loaded }, 'listed persons that no longer read as entries are left out of matching');
  const capture = new CaptureService({ db: store.db, audit, config, visaRules: visaTable.reader, documents, persons, scans$: readers.scans$, log });
  resources.defer(() => {
    capture.close();
  });
  const captureRpc = captureHandlers(capture, new VoidService(store.db, audit, config.applianceId), new CrossingQueries(store.db));

  const freshness = new ListFreshnessService(store.db, {
    ...options.listFreshness,
    maxListAgeHours: config.alerts.maxListAgeHours,
  });
  resources.defer(() => {
    freshness.close();
  });

  const sync = await RestartableSync.start({
    db: store.db,
    audit,
    config,
    configPath,
    key,
    dataDir,
    log,
    visaTable,
    documents,
    persons,
    onVouched: (kind, version, signedAt) => {
      freshness.vouched(kind, version, signedAt);
    },
    readerStates: () => readers.states(),
    ...(options.sync === undefined ? {} : { relay: options.sync }),
  });
  resources.defer(() => sync.close());

  const live = new LiveConfig(config);
  const system = new SystemService({ config, version: appVersion, host: options.host });
  const officers = new OfficerService(store.db, new OfficerStore(store.db), audit, () => new Date());
  const referrals = new ReferralDesk(store.db, audit, config.applianceId, config.secondLine.referralOverdueMinutes);
  const auditService = new AuditService(store.db, config.applianceId, key.publicKeyBase64);
  const handlers = coreHandlers({
    auth,
    capture: captureRpc,
    officers,
    sync,
    system,
    readers,
    readerConsole: new ReaderConsole({ db: store.db, audit, configPath, readers, config: live }),
    centralSettings: new CentralSettingsService({ db: store.db, audit, configPath, dataDir, config: live, sync }),
    freshness,
    referrals,
    audit: auditService,
    exports: (request, officerId) => exportStream(store.db, audit, request, officerId),
    centralLink: centralLinkHandlers(dataDir, live, key),
    diagnostics: () => diagnosticsBundle({ db: store.db, dataDir, config: live.current, version: appVersion, now: new Date(), live: { syncStatus: sync.status, readers: readers.views() } }),
  });

  const sessions = new Set<RpcSession>();
  let closing: Promise<void> | undefined;
  return {
    config,
    dataDir,
    log,
    key,
    readers,
    syncStatus: () => sync.status,
    firstTechnicianPinFile,
    openSession(connection) {
      const session = new RpcSession(connection, handlers, {
        log,
        idleLockMs: auth.policy.idleLockMs,
        currentOfficer: (officerId) => auth.currentOfficer(officerId),
        monotonicNow: () => performance.now(),
        onIdleLock: (officerId) => {
          try {
            auth.lock(officerId, 'idle');
          } catch (error) {
            // The lock itself happens regardless; only its audit event could not be written.
            log.error({ err: error }, 'idle lock not audited');
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
        freshness.close();
        capture.close();
        await jobs.stop();
        try {
          jobs.signCheckpoint();
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
