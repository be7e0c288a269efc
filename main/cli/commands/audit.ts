import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditTrail } from '../../core/audit/verify-audit-trail.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../../core/config/config-file.js';
import { openDatabase } from '../../core/db/open-database.js';
import { applianceKeyPath, loadOrCreateApplianceKey } from '../../core/keys/appliance-key.js';
import { DATABASE_FILE_NAME } from '../../core/store/open-store.js';
import { ExitCode, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: `Usage: sahman audit verify [--data DIR] [--json]

Checks the whole audit trail of the appliance in DIR: each event's hash and its
link to the one before, the chain's order and continuity, each checkpoint's
signature by the appliance key, and that no checkpointed event was changed or
cut off. Names the first broken link.

Exit status: 0 intact; 1 broken; 2 the data cannot be read.`,
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' }, json: { type: 'boolean' } }, true);
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new UsageError('expected `sahman audit verify`');
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    const dbFile = path.join(dataDir, DATABASE_FILE_NAME);
    const fail = (message: string): Promise<number> => {
      io.stderr.write(`sahman audit verify: ${message}\n`);
      return Promise.resolve(ExitCode.usage);
    };
    if (!existsSync(dbFile)) return fail(`no database at ${dbFile}`);
    if (!existsSync(applianceKeyPath(dataDir))) return fail(`no appliance key at ${applianceKeyPath(dataDir)}`);
    let report;
    try {
      const { config } = loadConfigFile(path.join(dataDir, CONFIG_FILE_NAME));
      const key = loadOrCreateApplianceKey(dataDir);
      const db = openDatabase(dbFile, { readonly: true });
      try {
        report = verifyAuditTrail(db, config.applianceId, key.publicKeyBase64);
      } finally {
        db.close();
      }
    } catch (error) {
      return fail(error instanceof Error ? error.message : 'cannot read the data');
    }
    if (values.json === true) io.stdout.write(`${JSON.stringify(report)}\n`);
    else if (report.firstBreak === undefined) {
      io.stdout.write(`intact: ${plural(report.events, 'event')}, ${plural(report.checkpoints, 'signed checkpoint')}\n`);
    } else {
      io.stdout.write(`BROKEN at event ${String(report.firstBreak.chainIndex)}: ${report.firstBreak.problem}\n`);
    }
    return Promise.resolve(report.intact ? ExitCode.ok : ExitCode.failed);
  },
};

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
