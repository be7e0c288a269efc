import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import pinoRoll from 'pino-roll';

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
}

export function logDirectory(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/**
 * The core's structured log, in the data folder, rotated by size. A log write
 * that fails (a full disk) is reported once on stderr and never stops the core.
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
  });
  let reported = false;
  destination.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    process.stderr.write(`sahman: the log cannot be written (${error.message}); carrying on without it\n`);
  });
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: [...redactPaths], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Flushes what the logger holds; used at shutdown so the last lines reach the disk. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    logger.flush(() => {
      resolve();
    });
  });
}
