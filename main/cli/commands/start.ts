import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../core/app/package-root.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { parseCommandArgs, parsePort } from '../parse-args.js';
import { DEFAULT_SERVE_PORT, serve } from './serve.js';
import { startLocalCentral } from '../local-central.js';

/**
 * The path of Electron's binary, or why there is none, found the way the electron package finds
 * it (its path.txt, or ELECTRON_OVERRIDE_DIST_PATH) but without requiring the package: where the
 * binary is missing, that require starts a download, which fails offline with a stack trace.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const binary = path.join(override, executable ?? 'electron');
    return existsSync(binary) ? { path: binary } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${binary}, which does not exist` };
  }
  if (executable === undefined) return { missing: 'its binary was never downloaded (node_modules/electron has no path.txt)' };
  const binary = path.join(packageDir, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { missing: `its binary ${binary} is missing` };
}

/**
 * The electron package's own attempt to fetch its binary, for --verbose: whatever it prints, and
 * the error it ends with, stack included, go to stderr.
 */
function electronsOwnAttempt(io: CliIo): void {
  try {
    createRequire(import.meta.url)('electron');
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}

export const startCommand: Command = {
  name: 'start',
  usage: `Usage: sahman start [--data DIR] [--port N] [--config FILE] [--local-central] [--verbose]

Starts the kiosk under Electron. Where Electron's binary is not installed (as on
machines without access to its download), starts \`sahman serve\` instead and
prints the address to open in a browser. --port applies to that fallback.
--local-central also runs the reference central receiver (sahman central) on the
address the config names, with this appliance's key registered: the demo setup.
--verbose also shows the electron package's own attempt to fetch its binary.`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      data: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
      'local-central': { type: 'boolean' },
      verbose: { type: 'boolean' },
    });
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    const configPath = values.config === undefined ? undefined : path.resolve(values.config);
    const central = values['local-central'] === true ? await startLocalCentral(dataDir, configPath, io) : undefined;
    try {
      return await runAppliance(dataDir, configPath, values.port, values.verbose === true, io);
    } finally {
      await central?.stop();
    }
  },
};

async function runAppliance(dataDir: string, configPath: string | undefined, port: string | undefined, verbose: boolean, io: CliIo): Promise<number> {
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
  if (verbose) electronsOwnAttempt(io);
  return serve(
    {
      dataDir,
      port: port === undefined ? DEFAULT_SERVE_PORT : parsePort(port),
      ...(configPath === undefined ? {} : { configPath }),
      preamble: `Not using Electron: ${electron.missing}. Running the same core and UI with \`sahman serve\` instead; open the address below in a browser.`,
    },
    io,
  );
}
