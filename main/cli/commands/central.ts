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

const CentralModule = z.object({ runCentral: z.function() });

export const centralCommand: Command = {
  name: 'central',
  usage: `Usage: sahman central [serve] [--port N] [--host H] [--data DIR] [--tls-cert F --tls-key F [--tls-client-ca F]]
       sahman central register-key --appliance ID --key BASE64 [--data DIR]
       sahman central key [--data DIR]
       sahman central publish --kind alert-list|visa-rules|config --file FILE [--data DIR]
       sahman central export [--data DIR] [--appliance ID] [--rejected]

The reference implementation of Sahman's sync protocol (see the README): it
verifies signed batches against registered appliance keys, deduplicates on
(appliance, key, seq), answers gaps, keeps what it receives in its own SQLite,
and serves signed deltas. For integrators, tests and the demo; not for the kiosk.`,
  async run(args, io: CliIo) {
    const loaded: unknown = await import(centralModuleUrl());
    const central = CentralModule.safeParse(loaded);
    if (!central.success) {
      io.stderr.write('sahman central: the central receiver is not installed with this build\n');
      return ExitCode.failed;
    }
    const run = central.data.runCentral as (args: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }) => Promise<number>;
    return run(args, io);
  },
};
