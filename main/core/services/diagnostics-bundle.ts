import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import type { ApplianceConfig } from '../../common/contract/config.js';
import type { DiagnosticsBundle } from '../../common/contract/diagnostics.js';
import { DATABASE_FILE_NAME } from '../store/open-store.js';

/** The latest log lines kept: enough for the hours before a fault, small enough for one RPC answer. */
const MAX_LOG_LINES = 2_000;
const MAX_LINE_CHARS = 400;
/** A run of zone characters as long as a TD1 line: a line that holds one is left out, whatever logged it. */
const ZONE_LIKE = /[A-Z0-9<]{30,}/;

const TABLES = ['crossings', 'voids', 'resolutions', 'referral_takes', 'outbox', 'audit_events', 'audit_checkpoints', 'dead_letters', 'officers', 'alert_documents', 'alert_persons', 'alert_hits'];

export interface BundleSources {
  readonly db: Database;
  readonly dataDir: string;
  readonly config: ApplianceConfig;
  readonly version: string;
  readonly now: Date;
  readonly live?: { readonly syncStatus: unknown; readonly readers: readonly unknown[] };
}

const LogLine = z.looseObject({ msg: z.string().optional() });

/** Builds the bundle from the database, the log files and, in the running appliance, the live state. */
export function diagnosticsBundle(sources: BundleSources): DiagnosticsBundle {
  const { db, dataDir } = sources;
  const logs = latestLogLines(path.join(dataDir, 'logs'));
  const parsed = logs.lines.map((line) => {
    try {
      return LogLine.parse(JSON.parse(line));
    } catch {
      return undefined;
    }
  });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const single = (sql: string): number => {
    const value: unknown = db.prepare(sql).pluck().get();
    return typeof value === 'number' ? value : 0;
  };
  const rows: Record<string, number> = {};
  for (const table of TABLES) rows[table] = single(`SELECT count(*) FROM ${table}`);
  const versions = db.prepare('SELECT kind, version FROM reference_versions').all() as { kind: string; version: number }[];
  const deadLetters = (db.prepare('SELECT d.seq, o.kind, d.reason, d.rejected_at, d.requeued_as FROM dead_letters d JOIN outbox o ON o.seq = d.seq ORDER BY d.seq DESC LIMIT 100').all() as {
    seq: number;
    kind: string;
    reason: string;
    rejected_at: number;
    requeued_as: number | null;
  }[]).map((row) => ({ seq: row.seq, kind: row.kind, reason: row.reason, rejectedAt: new Date(row.rejected_at).toISOString(), requeuedAs: row.requeued_as }));
  return {
    format: 'sahman-diagnostics/1',
    generatedAt: sources.now.toISOString(),
    applianceId: sources.config.applianceId,
    versions: {
      sahman: sources.version,
      node: process.versions.node,
      sqlite: String(db.prepare('SELECT sqlite_version()').pluck().get()),
      electron: electronVersion() ?? null,
      platform: process.platform,
      arch: process.arch,
      osRelease: os.release(),
    },
    config: sources.config,
    database: {
      bytes: sizeOf(file),
      walBytes: sizeOf(`${file}-wal`),
      schemaVersion: Number(db.pragma('user_version', { simple: true })),
      pages: Number(db.pragma('page_count', { simple: true })),
      freePages: Number(db.pragma('freelist_count', { simple: true })),
      rows,
    },
    sync: {
      lastSeq: single('SELECT coalesce(max(seq), 0) FROM outbox'),
      deliveredThroughSeq: single('SELECT delivered_through_seq FROM delivery WHERE id = 1'),
      referenceVersions: Object.fromEntries(versions.map((row) => [row.kind, row.version])),
      deadLetters,
      status: sources.live?.syncStatus ?? null,
      history: parsed.filter((line) => line?.msg === 'sync state'),
    },
    readers: { now: [...(sources.live?.readers ?? [])], history: parsed.filter((line) => line?.msg === 'reader status') },
    logs,
  };
}

/** Set only in Electron's processes; Node's own typings claim every key is there. */
function electronVersion(): string | undefined {
  const versions: Readonly<Record<string, string | undefined>> = process.versions;
  return versions.electron;
}

function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** The last lines of the rotated log files, oldest file first; lines that could hold a zone are counted and left out. */
function latestLogLines(dir: string): DiagnosticsBundle['logs'] {
  if (!existsSync(dir)) return { files: [], lines: [], leftOut: 0 };
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('sahman'))
    .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name))
    .map((entry) => entry.name);
  const lines: string[] = [];
  let leftOut = 0;
  for (const name of files) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      if (ZONE_LIKE.test(line)) {
        leftOut += 1;
        continue;
      }
      lines.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);
    }
  }
  return { files, lines: lines.slice(-MAX_LOG_LINES), leftOut };
}
