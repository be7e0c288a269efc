import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export type IntegrityVerdict =
  | { readonly status: 'ok'; readonly ms: number }
  | { readonly status: 'corrupt'; readonly problems: readonly string[]; readonly ms: number }
  /** The check did not finish in time: nothing is known either way, and the caller must say so. */
  | { readonly status: 'timed-out'; readonly ms: number }
  | { readonly status: 'unreadable'; readonly message: string; readonly ms: number };

/** SQLite stops listing problems after this many; the first few are what a technician needs. */
const MAX_PROBLEMS = 20;

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

// The check runs on its own read-only connection in a worker thread: better-sqlite3
// cannot interrupt a running statement, but a worker can be terminated.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require(workerData.sqlitePath);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check(' + workerData.maxProblems + ')', { simple: false });
  db.close();
  parentPort.postMessage({ rows: rows.map((row) => String(Object.values(row)[0])) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
`;

/**
 * PRAGMA integrity_check on the database file, bounded in time: a large or
 * damaged file must not hold up start-up indefinitely, nor pass unchecked in silence.
 */
export function checkIntegrity(file: string, timeoutMs: number): Promise<IntegrityVerdict> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlitePath, maxProblems: MAX_PROBLEMS } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ status: 'timed-out', ms: elapsed() });
    }, timeoutMs);
    worker.once('message', (message: { rows?: string[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.error !== undefined) resolve({ status: 'unreadable', message: message.error, ms: elapsed() });
      else if (message.rows?.length === 1 && message.rows[0] === 'ok') resolve({ status: 'ok', ms: elapsed() });
      else resolve({ status: 'corrupt', problems: message.rows ?? [], ms: elapsed() });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'unreadable', message: error.message, ms: elapsed() });
    });
  });
}
