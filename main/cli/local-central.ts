import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, loadConfigFile } from '../core/config/config-file.js';
import { loadOrCreateApplianceKey } from '../core/keys/appliance-key.js';
import type { CliIo } from './command.js';

export interface LocalCentral {
  stop(): Promise<void>;
}

/**
 * For the demo and development: the reference central receiver as a child
 * process (`sahman central`), on the address the appliance's config names,
 * with the appliance's key registered, its data in DATA/central. It runs as
 * its own process so that the kiosk's core never loads it.
 */
export async function startLocalCentral(dataDir: string, configPath: string | undefined, io: CliIo): Promise<LocalCentral | undefined> {
  const { config } = loadConfigFile(configPath ?? path.join(dataDir, CONFIG_FILE_NAME));
  const url = new URL(config.central.url);
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) {
    io.stderr.write(`sahman: --local-central needs a central URL on this machine (http://127.0.0.1:PORT/); the config names ${config.central.url}\n`);
    return undefined;
  }
  const key = loadOrCreateApplianceKey(dataDir);
  const cli = process.argv[1] ?? fileURLToPath(import.meta.url);
  const centralData = path.join(dataDir, 'central');
  const registered = spawnSync(process.execPath, [cli, 'central', 'register-key', '--appliance', config.applianceId, '--key', key.publicKeyBase64, '--data', centralData], {
    encoding: 'utf8',
  });
  if (registered.status !== 0) {
    io.stderr.write(`sahman: the local central could not register this appliance: ${registered.stderr}`);
    return undefined;
  }
  const child: ChildProcess = spawn(process.execPath, [cli, 'central', '--port', url.port || '80', '--data', centralData], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      io.stdout.write(chunk.replace(/^/gm, 'central: '));
      resolve();
    });
    child.once('exit', () => resolve());
  });
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    },
  };
}
