import path from 'node:path';
import { startCore } from '../../core/app/core.js';
import { builtRendererDir } from '../../core/app/package-root.js';
import { CoreStartError } from '../../core/app/core-start-error.js';
import { startWebSocketHost } from '../../core/hosts/websocket/ws-host.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { UsageError, parseCommandArgs, parsePort } from '../parse-args.js';

export const DEFAULT_SERVE_PORT = 4180;

export const serveCommand: Command = {
  name: 'serve',
  usage: `Usage: sahman serve [--data DIR] [--port N] [--config FILE]

Starts the appliance core under plain Node, serves the built UI and carries the
RPC over a WebSocket bound to 127.0.0.1 only. Prints the address to open; its
#token=… fragment is the per-start key every connection must present.

  --data DIR      data folder (default: $SAHMAN_DATA or ~/.local/share/sahman)
  --port N        TCP port on 127.0.0.1; 0 picks a free one (default ${String(DEFAULT_SERVE_PORT)})
  --config FILE   config file (default: DIR/config.json; written with defaults if missing)`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      data: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
    });
    const port = values.port === undefined ? DEFAULT_SERVE_PORT : parsePort(values.port);
    return serve(
      {
        dataDir: path.resolve(values.data ?? defaultDataDir()),
        port,
        ...(values.config === undefined ? {} : { configPath: path.resolve(values.config) }),
      },
      io,
    );
  },
};

export interface ServeOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly configPath?: string;
  /** Printed before the address, e.g. why the kiosk is not starting. */
  readonly preamble?: string;
}

/** Runs until SIGINT or SIGTERM; resolves to the exit code. */
export async function serve(options: ServeOptions, io: CliIo): Promise<number> {
  let core;
  try {
    core = await startCore({
      dataDir: options.dataDir,
      host: 'serve',
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    });
  } catch (error) {
    if (error instanceof CoreStartError) {
      io.stderr.write(`sahman: ${error.message}\n`);
      return ExitCode.config;
    }
    throw error;
  }
  let host;
  try {
    host = await startWebSocketHost({ core, port: options.port, rendererDir: builtRendererDir });
  } catch (error) {
    await core.close();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new UsageError(`port ${String(options.port)} on 127.0.0.1 is in use; pass --port N (0 picks a free port)`);
    }
    throw error;
  }
  // Listen for the stop signals before printing the address: whoever reads the
  // address may signal at once, and an unhandled SIGINT would kill the process.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (options.preamble !== undefined) io.stdout.write(`${options.preamble}\n`);
  io.stdout.write(
    `Sahman ${core.config.applianceId} (${core.config.crossingPoint.code}, lane ${String(core.config.lane)}) is serving.\n` +
      `Data folder: ${core.dataDir}\n` +
      (core.firstTechnicianPinFile === undefined
        ? ''
        : `First start: a technician account was made; its one-time PIN is in ${core.firstTechnicianPinFile}\n`) +
      `Open: ${host.url}\n`,
  );
  await stopped;
  await host.close();
  await core.close();
  return ExitCode.ok;
}
