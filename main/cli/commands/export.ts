import { existsSync } from 'node:fs';
import path from 'node:path';
import { AuditTrail } from '../../core/audit/audit-trail.js';
import { exportCrossings, type ExportFormat } from '../../core/capture/export-crossings.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../../core/config/config-file.js';
import { CoreStartError } from '../../core/app/core-start-error.js';
import { migrate } from '../../core/db/migrate.js';
import { migrations } from '../../core/db/migrations/index.js';
import { openDatabase } from '../../core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../core/store/open-store.js';
import { ExitCode, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

function parseInstant(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) throw new UsageError(`${option} takes an ISO 8601 date or time, not "${text}"`);
  return ms;
}

function parseFormat(text: string): ExportFormat {
  if (text === 'jsonl' || text === 'csv') return text;
  throw new UsageError(`--format takes jsonl or csv, not "${text}"`);
}

export const exportCommand: Command = {
  name: 'export',
  usage: `Usage: sahman export [--data DIR] [--format jsonl|csv] [--since ISO] [--until ISO]

Writes the crossings recorded from --since (inclusive) to --until (exclusive) on
standard output, in seq order: as JSON lines, every record as stored (crossings
and the voids that cancel them), or as CSV, one crossing a row with a voidedBy
column. Without --since, from the first record; without --until, up to now.
Every export is written to the audit trail. Works while the appliance runs.`,
  run(args, io) {
    const { values } = parseCommandArgs(args, {
      data: { type: 'string' },
      format: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
    });
    const format = parseFormat(values.format ?? 'jsonl');
    const range = { sinceMs: parseInstant('--since', values.since, 0), untilMs: parseInstant('--until', values.until, Date.now() + 1) };
    if (range.untilMs <= range.sinceMs) throw new UsageError('--until must come after --since');
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    const dbFile = path.join(dataDir, DATABASE_FILE_NAME);
    if (!existsSync(dbFile)) {
      io.stderr.write(`sahman export: no database at ${dbFile}\n`);
      return Promise.resolve(ExitCode.usage);
    }
    let config;
    try {
      config = loadConfigFile(path.join(dataDir, CONFIG_FILE_NAME)).config;
    } catch (error) {
      if (!(error instanceof CoreStartError)) throw error;
      io.stderr.write(`sahman export: ${error.message}\n`);
      return Promise.resolve(ExitCode.config);
    }
    const db = openDatabase(dbFile);
    try {
      migrate(db, migrations);
      const count = exportCrossings(db, new AuditTrail(db, config.applianceId), range, format, (text) => io.stdout.write(text));
      io.stderr.write(`sahman export: ${String(count)} record(s)\n`);
    } finally {
      db.close();
    }
    return Promise.resolve(ExitCode.ok);
  },
};
