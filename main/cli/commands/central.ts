import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { packageRoot } from '../../core/app/package-root.js';
import { ExitCode, type CliIo, type Command } from '../command.js';

/**
 * The reference central receiver is no part of the kiosk: it is loaded from
 * its own module only when this command runs, by a path the bundler cannot
 * follow, so the kiosk bundle never contains it (electron-builder leaves
 * dist/sync/central out too).
 */
function centralModuleUrl(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = fromSources ? path.join(packageRoot, 'sync', 'central', 'central-cli.ts') : path.join(packageRoot, 'dist', 'sync', 'central', 'central-cli.js');
  return pathToFileURL(file).href;
}

const CentralModule = z.object({ runCentral: z.function(), CENTRAL_USAGE: z.string() });

const loaded = CentralModule.safeParse(await import(centralModuleUrl()).catch(() => null));

/** The central CLI, usage text included, lives with central: this command only hands over to it. */
export const centralCommand: Command = {
  name: 'central',
  usage: loaded.success ? loaded.data.CENTRAL_USAGE : 'Usage: sahman central … (the central receiver is not installed with this build)',
  run(args, io: CliIo) {
    if (!loaded.success) {
      io.stderr.write('sahman central: the central receiver is not installed with this build\n');
      return Promise.resolve(ExitCode.failed);
    }
    const run = loaded.data.runCentral as (args: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }) => Promise<number>;
    return run(args, io);
  },
};
