import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';

/** How often the background connection moves the WAL's pages into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/**
 * The recording connection checkpoints by itself past this many WAL pages
 * until the background checkpointer has reported, and again once it has gone
 * quiet: a safety net, never the usual path.
 */
const SAFETY_NET_PAGES = 10_000;
/** A checkpointer that has not reported for this long is taken for stalled (a dying disk, say). */
const STALLED_AFTER_MS = 3_000;
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
  // Alive: the recording connection leaves checkpoints to this thread while it hears from it.
  parentPort.postMessage('checkpointed');
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
 * beside the writer (a PASSIVE checkpoint never blocks it). While it reports
 * after each tick, the recording connection checkpoints never: a threshold of
 * its own would make the first commit after a long write (a delta from
 * central, which outruns the worker's WAL resets) copy the whole WAL itself.
 */
export function startWalCheckpointer(db: Database, file: string, log: Logger): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlitePath, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.unref();
  let autocheckpointPages = -1;
  const leaveCheckpointsAt = (pages: number): void => {
    if (pages === autocheckpointPages || !db.open) return;
    db.pragma(`wal_autocheckpoint = ${String(pages)}`);
    autocheckpointPages = pages;
  };
  leaveCheckpointsAt(SAFETY_NET_PAGES);
  let lastReport = 0;
  worker.on('message', () => {
    lastReport = performance.now();
    leaveCheckpointsAt(0);
  });
  const watchdog = setInterval(() => {
    if (performance.now() - lastReport > STALLED_AFTER_MS) leaveCheckpointsAt(SAFETY_NET_PAGES);
  }, STALLED_AFTER_MS);
  watchdog.unref();
  let stopped = false;
  worker.once('error', (error) => {
    log.error({ err: error }, 'the background WAL checkpointer stopped; commits checkpoint by themselves again');
    clearInterval(watchdog);
    leaveCheckpointsAt(DEFAULT_AUTOCHECKPOINT_PAGES);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      clearInterval(watchdog);
      worker.removeAllListeners('message');
      worker.postMessage('stop');
      // A worker stuck in a checkpoint on a dying disk must not hold up shutdown.
      const deadline = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(deadline);
      // Whoever writes after this (a close's last commits) checkpoints by itself.
      leaveCheckpointsAt(DEFAULT_AUTOCHECKPOINT_PAGES);
    },
  };
}
