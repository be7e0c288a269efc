import path from 'node:path';
import type { Subscription } from 'rxjs';
import {
  CaptureWriter,
  SYSTEM_CLOCK,
  defaultLockDir,
  describeHolder,
  findPortHolder,
  headerForDecoding,
  openReader,
  safeParseReaderSpec,
  transportFor,
  type ReaderOptions,
  type ReaderSpec,
  type ReaderStatus,
  type ReaderWarning,
  type ReceivedChunk,
  type Scan,
} from '../../../drivers/index.js';
import { ConfigError } from '../../core/config/config-error.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';
import { configuredReaders } from './devices.js';

export interface MonitorOptions {
  /** A reader spec, or the id of a reader in the config file. */
  readonly target: string;
  readonly json: boolean;
  readonly raw: boolean;
  readonly record?: string;
  readonly data?: string;
  readonly config?: string;
  /** Where ownership records live (default $SAHMAN_LOCK_DIR, else <tmp>/sahman-ports). */
  readonly lockDir?: string;
  /** Injected device access and timing (tests); the real ones by default. */
  readonly readerOptions?: Omit<ReaderOptions, 'ownership'>;
}

interface Resolved {
  readonly label: string;
  readonly spec: ReaderSpec;
}

/** A spec (it has a scheme) or a configured reader's id (ids have no colon). */
function resolveTarget(options: MonitorOptions): Resolved {
  let label = options.target;
  let specText = options.target;
  if (!options.target.includes(':')) {
    const { readers, configPath } = configuredReaders(options);
    const reader = readers.find((candidate) => candidate.id === options.target);
    if (reader === undefined) {
      const known = readers.map((candidate) => candidate.id);
      throw new UsageError(
        `"${options.target}" is neither a reader spec (serial:…, hid:…, sim:…, replay:…) nor a reader in ${configPath ?? 'the config file'}` +
          (known.length > 0 ? ` (configured: ${known.join(', ')})` : ''),
      );
    }
    label = reader.id;
    specText = reader.spec;
  }
  const parsed = safeParseReaderSpec(specText);
  if (!parsed.ok) throw new UsageError(parsed.error.message);
  return { label, spec: parsed.spec };
}

function utcTime(iso: string): string {
  return `${iso.slice(11, 23)}Z`;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** One line per event: JSON lines with --json, a readable log otherwise. */
class MonitorPrinter {
  constructor(
    private readonly io: CliIo,
    private readonly label: string,
    private readonly json: boolean,
  ) {}

  status(status: ReaderStatus): void {
    if (this.json) {
      this.line({
        type: 'status',
        reader: this.label,
        status: status.state,
        ...(status.reason === undefined ? {} : { reason: status.reason }),
        ...(status.message === undefined ? {} : { message: status.message }),
        ...(status.device === undefined ? {} : { device: status.device }),
        ...(status.heldBy === undefined ? {} : { heldBy: status.heldBy }),
        at: status.at,
      });
      return;
    }
    const detail = [status.reason, status.message ?? status.device].filter((part) => part !== undefined).join(': ');
    this.text(status.at, status.state, detail);
  }

  scan(scan: Scan): void {
    if (this.json) {
      this.line({ type: 'scan', reader: this.label, seq: scan.seq, receivedAt: scan.receivedAt, lines: scan.lines, mrz: scan.mrz });
      return;
    }
    const verdict = scan.mrz.valid ? 'valid' : `invalid: ${scan.mrz.errors.map((error) => `${error.code} (${error.field})`).join(', ')}`;
    const corrected = scan.mrz.corrections.length > 0 ? `, ${String(scan.mrz.corrections.length)} OCR correction(s)` : '';
    this.text(scan.receivedAt, 'scan', `#${String(scan.seq)} ${scan.mrz.format ?? 'unknown format'} ${verdict}${corrected}`);
    for (const line of scan.lines) this.io.stdout.write(`${' '.repeat(28)}${line}\n`);
  }

  bytes(chunk: ReceivedChunk): void {
    if (this.json) this.line({ type: 'bytes', reader: this.label, receivedAt: chunk.receivedAt, hex: hex(chunk.bytes) });
    else this.text(chunk.receivedAt, 'bytes', hex(chunk.bytes).replace(/(..)(?!$)/g, '$1 '));
  }

  warning(warning: ReaderWarning): void {
    if (this.json) this.line({ type: 'warning', reader: this.label, kind: warning.kind, bytes: warning.bytes, at: warning.at });
    else this.text(warning.at, 'warning', `${warning.kind} (${String(warning.bytes)} bytes discarded)`);
  }

  private line(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value)}\n`);
  }

  private text(at: string, what: string, detail: string): void {
    this.io.stdout.write(`${utcTime(at)}  ${what.padEnd(13)}${detail}\n`);
  }
}

/**
 * Opens one reader and prints what it does until `stop` aborts, the input ends (a capture, a
 * simulator with count=), or the device turns out to be held by another process.
 */
export async function monitor(options: MonitorOptions, io: CliIo, stop: AbortSignal): Promise<number> {
  let resolved: Resolved;
  try {
    resolved = resolveTarget(options);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`sahman: ${error.message}\n`);
      return ExitCode.config;
    }
    throw error;
  }
  const { label, spec } = resolved;
  const lockDir = options.lockDir ?? defaultLockDir();
  const readerOptions: ReaderOptions = { ...options.readerOptions, ownership: { lockDir, holder: { kind: 'monitor' } } };
  const clock = readerOptions.clock ?? SYSTEM_CLOCK;

  // Ask before opening: a running appliance keeps its device, and the technician learns which one.
  const located = await transportFor(spec, readerOptions)
    .locate()
    .catch(() => null);
  const deviceKey = located?.ownershipKey ?? null;
  if (located !== null && deviceKey !== null) {
    const holder = await findPortHolder(lockDir, deviceKey);
    if (holder !== null) {
      io.stderr.write(`sahman monitor: ${located.where} is held by ${describeHolder(holder)}; stop it before monitoring this reader\n`);
      return ExitCode.failed;
    }
  }

  let recorder: CaptureWriter | null = null;
  if (options.record !== undefined) {
    const file = path.resolve(options.record);
    try {
      recorder = await CaptureWriter.create(file, clock.monotonicMs());
    } catch (error) {
      const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
      throw new UsageError(exists ? `${file} exists: captures are never overwritten; choose another name` : `cannot create ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  const printer = new MonitorPrinter(io, label, options.json);
  const reader = openReader({ id: label, spec: spec.text }, readerOptions);
  const subscriptions: Subscription[] = [];
  let exitCode: number = ExitCode.ok;
  let everReady = false;
  let lastShown = '';
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  subscriptions.push(
    reader.status$.subscribe((status) => {
      // The device's name arriving a moment after "connecting" is not news to a technician.
      const shown = `${status.state}|${status.reason ?? ''}|${status.message ?? ''}|${String(status.heldBy?.pid)}`;
      if (shown !== lastShown) printer.status(status);
      lastShown = shown;
      if (recorder !== null) {
        const decoding = reader.decoding();
        if (status.state === 'ready' && decoding !== null) {
          if (!recorder.hasHeader) recorder.writeHeader(headerForDecoding(decoding, { source: spec.text, recordedAt: status.at, simulated: spec.kind === 'sim' }));
          else recorder.event('connected', clock.monotonicMs());
        } else if (status.state === 'disconnected' && recorder.hasHeader) {
          recorder.event('disconnected', clock.monotonicMs());
        }
      }
      if (status.state === 'ready') everReady = true;
      if (status.reason === 'busy' && !everReady) {
        const who = status.heldBy === undefined ? 'another process (one that leaves no Sahman ownership record)' : describeHolder(status.heldBy);
        io.stderr.write(`sahman monitor: ${status.device ?? label} is held by ${who}; not fighting over it\n`);
        exitCode = ExitCode.failed;
        finish();
      } else if (status.final) {
        if (status.state === 'error') {
          io.stderr.write(`sahman monitor: ${status.message ?? status.reason ?? 'the reader failed'}\n`);
          exitCode = ExitCode.failed;
        }
        finish();
      }
    }),
    reader.scans$.subscribe((scan) => printer.scan(scan)),
    reader.warnings$.subscribe((warning) => printer.warning(warning)),
  );
  if (options.raw || recorder !== null) {
    subscriptions.push(
      reader.chunks$.subscribe((chunk) => {
        if (options.raw) printer.bytes(chunk);
        recorder?.chunk(chunk.bytes, chunk.monotonicMs);
      }),
    );
  }

  const onAbort = (): void => finish();
  if (stop.aborted) finish();
  stop.addEventListener('abort', onAbort);
  await finished;
  stop.removeEventListener('abort', onAbort);
  await reader.close();
  for (const subscription of subscriptions) subscription.unsubscribe();
  if (recorder !== null) {
    try {
      await recorder.close();
    } catch (error) {
      io.stderr.write(`sahman monitor: the capture is incomplete: ${error instanceof Error ? error.message : 'write failed'}\n`);
      exitCode = ExitCode.failed;
    }
  }
  return exitCode;
}

export const monitorCommand: Command = {
  name: 'monitor',
  usage: `Usage: sahman monitor SPEC|READER-ID [--json] [--raw] [--record FILE] [--data DIR] [--config FILE]

Opens one reader, by spec (serial:/dev/ttyUSB0?baud=9600&framing=lines,
hid:0db5:0160?decoder=accessis, sim:?interval=1, replay:capture.jsonl) or by the
id of a reader in config.json, and prints every scan and status change until
Ctrl-C (or the end of a capture). If a running appliance holds the device, it
says which and exits 1 instead of fighting over it.

  --json          one JSON object per line: {"type":"scan"|"status"|"bytes"|"warning",…}
  --raw           also print every chunk received, noise included
  --record FILE   save what the reader sends, with timing, as a capture that
                  replay:FILE plays back (holds personal data: handle it as such)
  --data DIR      data folder whose config.json names the readers
  --config FILE   config file to read instead`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: 'boolean' },
        raw: { type: 'boolean' },
        record: { type: 'string' },
        data: { type: 'string' },
        config: { type: 'string' },
      },
      true,
    );
    const [target, ...extra] = positionals;
    if (target === undefined) throw new UsageError('which reader? give a spec or a configured reader id');
    if (extra.length > 0) throw new UsageError(`one reader at a time; unexpected: ${extra.join(' ')}`);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await monitor(
        {
          target,
          json: values.json === true,
          raw: values.raw === true,
          ...(values.record === undefined ? {} : { record: values.record }),
          ...(values.data === undefined ? {} : { data: values.data }),
          ...(values.config === undefined ? {} : { config: values.config }),
        },
        io,
        controller.signal,
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
