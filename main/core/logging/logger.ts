import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import pinoRoll, { type RollingFileStream } from 'pino-roll';

export type { Logger } from 'pino';

/**
 * Keys that may hold personal data if a caller ever passes a document or RPC
 * params to the logger. The code does not log such values; this is the net
 * under it, so a slip shows as "[redacted]" instead of a traveller's data.
 */
const PERSONAL_DATA_KEYS = [
  'params',
  'mrz',
  'lines',
  'raw',
  'text',
  'document',
  'documentNumber',
  'surname',
  'givenNames',
  'birthDate',
  'fields',
  'notes',
  'pin',
  'token',
];

export const redactPaths: readonly string[] = PERSONAL_DATA_KEYS.flatMap((key) => [key, `*.${key}`]);

export interface LogOptions {
  readonly dataDir: string;
  readonly level?: pino.LevelWithSilent;
  /** Rotate when the current file reaches this size. */
  readonly maxFileSize?: string;
  /** Rotated files kept besides the current one. */
  readonly keepFiles?: number;
  /**
   * Log lines held in memory while the disk refuses them (a full disk). Beyond
   * this, new lines are dropped, so a disk that stays full for hours costs log
   * lines, never the core's memory.
   */
  readonly maxBufferedBytes?: number;
}

/** How long closeLogger waits for buffered lines to reach the disk before it lets them go. */
const CLOSE_TIMEOUT_MS = 2000;

/** Each logger's file stream, so that closeLogger can let go of the file. */
const destinations = new WeakMap<Logger, RollingFileStream>();

const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** While the log cannot be written, it tries the disk again this often. */
const LOG_RETRY_MS = 1000;

export function logDirectory(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/**
 * The core's structured log, in the data folder, rotated by size. A log write
 * that fails (a full disk) is reported once on stderr and never stops the core;
 * the lines it could not write are kept (up to maxBufferedBytes) and written
 * with the next line once the disk has room again.
 */
export async function openLogger(options: LogOptions): Promise<Logger> {
  const dir = logDirectory(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const destination = await pinoRoll({
    file: path.join(dir, 'sahman'),
    extension: '.log',
    size: options.maxFileSize ?? '10m',
    limit: { count: options.keepFiles ?? 9 },
    symlink: true,
    mkdir: true,
    // sonic-boom's cap on what it holds unwritten: without it, a full disk grows the backlog without bound.
    maxLength: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
  });
  let reported = false;
  let retry: NodeJS.Timeout | undefined;
  const stopRetrying = (): void => {
    clearInterval(retry);
    retry = undefined;
  };
  destination.on('error', (error: Error) => {
    // sonic-boom tries a failed write again only when the next line comes, and at the
    // buffer cap no line is taken: try on a timer too, so the backlog drains soon after
    // the disk has room again. An empty write is always taken and only starts the retry.
    retry ??= setInterval(() => {
      if (destination.destroyed) stopRetrying();
      else destination.write('');
    }, LOG_RETRY_MS).unref();
    if (reported) return;
    reported = true;
    process.stderr.write(`sahman: the log cannot be written (${error.message}); carrying on without it\n`);
  });
  destination.on('write', stopRetrying);
  let dropReported = false;
  destination.on('drop', () => {
    if (dropReported) return;
    dropReported = true;
    process.stderr.write('sahman: the log is too far behind the disk; dropping new lines until it catches up\n');
  });
  // pino writes through this, not the stream itself: a line logged after closeLogger
  // (a late disconnect during shutdown) is dropped instead of throwing "SonicBoom destroyed".
  const sink = {
    write(line: string): void {
      if (!destination.destroyed) destination.write(line);
    },
    flush(callback: (error?: Error) => void): void {
      if (destination.destroyed) callback();
      else destination.flush(callback);
    },
  };
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: [...redactPaths], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    sink,
  );
  destinations.set(logger, destination);
  return logger;
}

/** Asks the log stream to write what it holds; it does not wait for the disk (closeLogger does). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    logger.flush(() => {
      resolve();
    });
  });
}

/**
 * Writes what the logger holds and closes its file, waiting at most `timeoutMs`:
 * on a full disk the last lines cannot be written, and shutdown must not hang
 * on them. Lines logged afterwards are dropped. Safe to call twice.
 */
export function closeLogger(logger: Logger, timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
  const destination = destinations.get(logger);
  if (destination === undefined || destination.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // Still not written: give the lines up and let go of the file (an unmount or a restart needs it closed).
      destination.destroy();
    }, timeoutMs);
    destination.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    destination.end();
  });
}
