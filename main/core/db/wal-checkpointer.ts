import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';

/** How often the background connection moves the WAL's pages into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/**
 * The recording connection still checkpoints by itself past this many WAL pages:
 * a safety net should the background checkpointer stop, never the usual path.
 */
const SAFETY_NET_PAGES = 10_000;
/** SQLite's own default, restored when the background checkpointer fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // SQLITE_BUSY: a checkpoint is already running or the file is locked; try again at the next tick.
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * With SQLite's automatic checkpoints, every thousandth page or so the commit
 * that crosses the threshold also copies the WAL into the database file and
 * fsyncs it: that commit, which a guard is waiting on, takes several times
 * longer. A second connection in a worker thread does the copying instead,
 * beside the writer (a PASSIVE checkpoint never blocks it).
 */
export function startWalCheckpointer(db: Database, file: string, log: Logger): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlitePath, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${String(SAFETY_NET_PAGES)}`);
  let stopped = false;
  worker.once('error', (error) => {
    log.error({ err: error }, 'the background WAL checkpointer stopped; commits checkpoint by themselves again');
    if (db.open) db.pragma(`wal_autocheckpoint = ${String(DEFAULT_AUTOCHECKPOINT_PAGES)}`);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      worker.postMessage('stop');
      // A worker stuck in a checkpoint on a dying disk must not hold up shutdown.
      const deadline = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(deadline);
    },
  };
}

/**
 * Runs a long write made of many small transactions (a delta from central
 * staged beside the lane's work) with the recording connection's own
 * checkpoints off: it writes faster than the background worker resets the
 * WAL, and the safety net would otherwise make some crossing's commit copy
 * the WAL by itself. The WAL grows meanwhile (by about 1 GiB per million
 * entries at most) and is checkpointed as usual once the work is done.
 */
export async function withCheckpointsLeftToTheWorker<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const pages: unknown = db.pragma('wal_autocheckpoint', { simple: true });
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    if (db.open) db.pragma(`wal_autocheckpoint = ${String(typeof pages === 'number' ? pages : DEFAULT_AUTOCHECKPOINT_PAGES)}`);
  }
}
