import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../config/config-file.js';
import { loadOrCreateApplianceKey, type ApplianceKey } from '../keys/appliance-key.js';
import { flushLogger, openLogger, type Logger } from '../logging/logger.js';
import type { RpcConnection } from '../rpc/connection.js';
import type { RpcHandlers } from '../rpc/handlers.js';
import { RpcSession } from '../rpc/rpc-session.js';
import { diagnosticsHandlers } from '../services/diagnostics-service.js';
import { SystemService, type CoreHostKind } from '../services/system-service.js';
import { CoreStartError } from './core-start-error.js';
import { appVersion } from './package-root.js';

export interface CoreOptions {
  readonly dataDir: string;
  /** Defaults to config.json in the data folder. */
  readonly configPath?: string;
  readonly host: CoreHostKind;
}

/** The running appliance core, whichever host carries its RPC. */
export interface Core {
  readonly config: ApplianceConfig;
  readonly dataDir: string;
  readonly log: Logger;
  readonly key: ApplianceKey;
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
  const loaded = loadConfigFile(options.configPath ?? path.join(dataDir, CONFIG_FILE_NAME));
  const key = loadOrCreateApplianceKey(dataDir);
  const log = await openLogger({ dataDir });
  log.info(
    { applianceId: loaded.config.applianceId, host: options.host, version: appVersion, configCreated: loaded.created },
    'core starting',
  );

  const system = new SystemService({ config: loaded.config, version: appVersion, host: options.host });
  const systemHandlers = system.handlers();
  const handlers: RpcHandlers = {
    methods: {
      'system.info': systemHandlers['system.info'],
      'system.ping': systemHandlers['system.ping'],
    },
    streams: {
      'system.uptime': systemHandlers['system.uptime'],
      ...diagnosticsHandlers(),
    },
  };

  const sessions = new Set<RpcSession>();
  let closing: Promise<void> | undefined;
  return {
    config: loaded.config,
    dataDir,
    log,
    key,
    openSession(connection) {
      const session = new RpcSession(connection, handlers, log, () => {
        sessions.delete(session);
        log.info({ connection: connection.id }, 'client disconnected');
      });
      sessions.add(session);
      log.info({ connection: connection.id }, 'client connected');
      return session;
    },
    close() {
      closing ??= (async () => {
        for (const session of [...sessions]) session.dispose();
        log.info('core stopped');
        await flushLogger(log);
      })();
      return closing;
    },
  };
}
