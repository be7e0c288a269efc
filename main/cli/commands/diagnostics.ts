import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { appVersion } from '../../core/app/package-root.js';
import { diagnosticsBundle } from '../../core/services/diagnostics-bundle.js';
import { ExitCode, type Command } from '../command.js';
import { DataFolderError, openDataFolderStore } from '../data-folder.js';
import { defaultDataDir } from '../default-data-dir.js';
import { parseCommandArgs } from '../parse-args.js';

export const diagnosticsCommand: Command = {
  name: 'diagnostics',
  usage: `Usage: sahman diagnostics [--data DIR] [--out FILE]

Writes the diagnostics bundle as JSON, to FILE (owner-only) or standard output:
versions, the config, database figures (sizes, schema, rows per table), sync
figures and dead letters, reader and sync history and the latest log lines. It
holds no personal data: records are counted, never copied, and log lines that
look like a zone are left out. Works while the appliance runs; the Diagnostics
screen downloads the same bundle with the live reader and sync state added.`,
  run(args, io) {
    const { values } = parseCommandArgs(args, { data: { type: 'string' }, out: { type: 'string' } });
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    let store;
    try {
      store = openDataFolderStore(dataDir);
    } catch (error) {
      if (!(error instanceof DataFolderError)) throw error;
      io.stderr.write(`sahman diagnostics: ${error.message}\n`);
      return Promise.resolve(error.exitCode);
    }
    try {
      const text = `${JSON.stringify(diagnosticsBundle({ db: store.db, dataDir, config: store.config, version: appVersion, now: new Date() }), null, 2)}\n`;
      if (values.out === undefined) io.stdout.write(text);
      else {
        writeFileSync(values.out, text, { mode: 0o600 });
        io.stderr.write(`sahman diagnostics: wrote ${values.out}\n`);
      }
      return Promise.resolve(ExitCode.ok);
    } finally {
      store.db.close();
    }
  },
};
