import path from 'node:path';
import { exportCrossings, type ExportFormat } from '../../core/capture/export-crossings.js';
import { ExitCode, type Command } from '../command.js';
import { DataFolderError, openDataFolderStore } from '../data-folder.js';
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
    let store;
    try {
      store = openDataFolderStore(path.resolve(values.data ?? defaultDataDir()));
    } catch (error) {
      if (!(error instanceof DataFolderError)) throw error;
      io.stderr.write(`sahman export: ${error.message}\n`);
      return Promise.resolve(error.exitCode);
    }
    const { db, audit } = store;
    try {
      const count = exportCrossings(db, audit, range, format, (text) => io.stdout.write(text));
      io.stderr.write(`sahman export: ${String(count)} record(s)\n`);
    } finally {
      db.close();
    }
    return Promise.resolve(ExitCode.ok);
  },
};
