import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../core/app/package-root.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { parseCommandArgs, parsePort } from '../parse-args.js';
import { DEFAULT_SERVE_PORT, serve } from './serve.js';
import { startLocalCentral } from '../local-central.js';

/**
 * The path of Electron's binary, or why there is none. Under plain Node the
 * electron package exports that path, and throws when its download never happened.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    const resolved: unknown = createRequire(import.meta.url)('electron');
    if (typeof resolved === 'string') return { path: resolved };
    return { missing: 'the electron package did not give a binary path' };
  } catch (error) {
    return { missing: error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : 'not installed' };
  }
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Run the appliance: the Electron kiosk, or the same core and UI served locally where Electron cannot run',
  usage: `Usage: sahman start [--data DIR] [--port N] [--config FILE] [--local-central]

Starts the kiosk under Electron. Where Electron's binary is not installed (as on
machines without access to its download), starts \`sahman serve\` instead and
prints the address to open in a browser. --port applies to that fallback.
--local-central also runs the reference central receiver (sahman central) on the
address the config names, with this appliance's key registered: the demo setup.`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      data: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
      'local-central': { type: 'boolean' },
    });
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    const configPath = values.config === undefined ? undefined : path.resolve(values.config);
    const central = values['local-central'] === true ? await startLocalCentral(dataDir, configPath, io) : undefined;
    try {
      return await runAppliance(dataDir, configPath, values.port, io);
    } finally {
      await central?.stop();
    }
  },
};

async function runAppliance(dataDir: string, configPath: string | undefined, port: string | undefined, io: CliIo): Promise<number> {
  const electron = findElectronBinary();
  if ('path' in electron) {
    const kioskArgs = [packageRoot, '--data', dataDir, ...(configPath === undefined ? [] : ['--config', configPath])];
    const child = spawn(electron.path, kioskArgs, { stdio: 'inherit' });
    return new Promise<number>((resolve) => {
      child.on('error', (error) => {
        io.stderr.write(`sahman: cannot start Electron: ${error.message}\n`);
        resolve(ExitCode.failed);
      });
      child.on('exit', (code) => {
        resolve(code ?? ExitCode.failed);
      });
    });
  }
  return serve(
    {
      dataDir,
      port: port === undefined ? DEFAULT_SERVE_PORT : parsePort(port),
      ...(configPath === undefined ? {} : { configPath }),
      preamble:
        `Electron's binary is not available here (${electron.missing}).\n` +
        'Running the same appliance core and UI with `sahman serve` instead: open the address below in a browser.',
    },
    io,
  );
}
