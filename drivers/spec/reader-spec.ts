/**
 * Reader specs, the one-line description of a reader in the config file:
 *
 *   serial:/dev/ttyUSB0?baud=9600&framing=lines
 *   hid:0db5:0160?decoder=accessis
 *   sim:?interval=5&invalid=0.1        (interval=0: only on demand)
 *   replay:/path/capture.jsonl?pace=recorded
 *
 * `scheme:target?option=value&…`. Options are checked with zod; unknown or repeated options are
 * refused so that a misspelt one is reported rather than ignored. Parsing never throws anything
 * but a ReaderSpecError.
 */
import * as z from 'zod';
import { MRZ_FORMATS, type MrzFormat } from '../../main/common/icao/index.js';
import { DEFAULT_FRAME_LIMITS, type FrameLimits } from '../framing/frame.js';
import { FRAMINGS, deskoFraming, type Framing } from '../framing/framings.js';

export const HID_DECODERS = ['accessis', 'hidpos', 'keyboard'] as const;
export type HidDecoderName = (typeof HID_DECODERS)[number];

export const READER_KINDS = ['serial', 'hid', 'sim', 'replay'] as const;
export type ReaderKind = (typeof READER_KINDS)[number];

/** Options every reader kind takes. */
export interface CommonReaderOptions {
  readonly limits: FrameLimits;
  /** Byte-identical frames within this many ms of the last one are re-reads, dropped and counted; 0 keeps them all. */
  readonly rereadWindowMs: number;
  /** Reopen a device that delivered nothing for this long; 0 turns the watchdog off. */
  readonly idleTimeoutMs: number;
}

export interface SerialReaderSpec extends CommonReaderOptions {
  readonly kind: 'serial';
  readonly text: string;
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 5 | 6 | 7 | 8;
  readonly parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  readonly stopBits: 1 | 1.5 | 2;
  readonly framing: Framing;
}

export interface HidReaderSpec extends CommonReaderOptions {
  readonly kind: 'hid';
  readonly text: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly decoder: HidDecoderName;
  /** Narrow the match when a reader exposes several HID interfaces. */
  readonly interfaceNumber?: number;
  readonly usagePage?: number;
  readonly serialNumber?: string;
}

export interface SimReaderSpec extends CommonReaderOptions {
  readonly kind: 'sim';
  readonly text: string;
  /** Seconds between documents; 0 sends them only on demand (a technician's "Simulate a scan"). */
  readonly intervalSeconds: number;
  /** Shares from 0 to 1. */
  readonly invalid: number;
  readonly expired: number;
  readonly corrected: number;
  readonly alerts: number;
  readonly formats: readonly MrzFormat[];
  readonly seed: number;
  /** Stop after this many documents; null runs forever. */
  readonly count: number | null;
  readonly framing: Framing;
}

export interface ReplayReaderSpec extends CommonReaderOptions {
  readonly kind: 'replay';
  readonly text: string;
  readonly file: string;
  readonly pace: 'recorded' | 'fast';
}

export type ReaderSpec = SerialReaderSpec | HidReaderSpec | SimReaderSpec | ReplayReaderSpec;

export interface ReaderSpecIssue {
  /** The option (or `path`, `device`, `file`, `scheme`) the problem is with. */
  readonly option: string;
  /** In English, for logs and the command line. */
  readonly message: string;
  /** What the problem is, for a screen to say in its own language with `values`; absent for zod's own messages. */
  readonly code?: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** A spec that cannot be used, with every problem found in it. */
export class ReaderSpecError extends Error {
  override readonly name = 'ReaderSpecError';
  readonly spec: string;
  readonly issues: readonly ReaderSpecIssue[];

  constructor(spec: string, issues: readonly ReaderSpecIssue[]) {
    super(`invalid reader spec "${spec}": ${issues.map((issue) => `${issue.option}: ${issue.message}`).join('; ')}`);
    this.spec = spec;
    this.issues = issues;
  }
}

/** Each message this file gives, with its code and values: a screen says it in its own language. */
const CODED = new Map<string, { readonly code: string; readonly values?: Readonly<Record<string, string | number>> }>();

function says(message: string, code: string, values?: Readonly<Record<string, string | number>>): string {
  CODED.set(message, values === undefined ? { code } : { code, values });
  return message;
}

function coded(option: string, message: string): ReaderSpecIssue {
  return { option, message, ...CODED.get(message) };
}

const DEFAULT_IDLE_TIMEOUT_S = 600;
const DEFAULT_REREAD_WINDOW_MS = 1000;

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, says('must be a whole number', 'whole-number'))
    .transform(Number)
    .pipe(z.number().min(min, says(`must be at least ${String(min)}`, 'at-least', { min })).max(max, says(`must be at most ${String(max)}`, 'at-most', { max })));
}

function decimal(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, says('must be a number such as 0.5', 'decimal'))
    .transform(Number)
    .pipe(z.number().min(min, says(`must be at least ${String(min)}`, 'at-least', { min })).max(max, says(`must be at most ${String(max)}`, 'at-most', { max })));
}

const share = decimal(0, 1);
const hexByte = z
  .string()
  .regex(/^(0x)?[0-9a-fA-F]{1,2}$/, says('must be one byte in hex, such as 1c', 'hex-byte'))
  .transform((text) => Number.parseInt(text.replace(/^0x/i, ''), 16));
const hexOrDecimal16 = z
  .string()
  .regex(/^(0x[0-9a-fA-F]{1,4}|\d{1,5})$/, says('must be a number, or hex such as 0xff00', 'number-or-hex'))
  .transform((text) => (text.toLowerCase().startsWith('0x') ? Number.parseInt(text.slice(2), 16) : Number(text)))
  .pipe(z.number().max(0xffff, says('must be at most 0xffff', 'at-most', { max: '0xffff' })));

const commonOptions = {
  gap: wholeNumber(5, 60_000).optional(),
  maxFrame: wholeNumber(64, 65_536).optional(),
  reread: wholeNumber(0, 60_000).optional(),
};
const watchdogOption = { idle: wholeNumber(0, 86_400).optional() };
const framingOption = { framing: z.enum(FRAMINGS, { error: says(`must be one of ${FRAMINGS.join(', ')}`, 'one-of', { choices: FRAMINGS.join(', ') }) }).optional() };

const SerialOptions = z.strictObject({
  path: z.string().min(1, says('a device path is needed, as in serial:/dev/ttyUSB0', 'path-needed')),
  baud: wholeNumber(50, 4_000_000).optional(),
  dataBits: z.enum(['5', '6', '7', '8'], { error: says('must be 5, 6, 7 or 8', 'one-of', { choices: '5, 6, 7, 8' }) }).optional(),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space'], { error: says('must be none, even, odd, mark or space', 'one-of', { choices: 'none, even, odd, mark, space' }) }).optional(),
  stopBits: z.enum(['1', '1.5', '2'], { error: says('must be 1, 1.5 or 2', 'one-of', { choices: '1, 1.5, 2' }) }).optional(),
  ...framingOption,
  sod: hexByte.optional(),
  eod: hexByte.optional(),
  ...commonOptions,
  ...watchdogOption,
});

const HidOptions = z.strictObject({
  device: z.string().regex(/^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$/, says('must be vendor:product in hex, as in hid:0db5:0160', 'vendor-product')),
  decoder: z.enum(HID_DECODERS, { error: says(`must be one of ${HID_DECODERS.join(', ')}`, 'one-of', { choices: HID_DECODERS.join(', ') }) }),
  interface: wholeNumber(0, 255).optional(),
  usagePage: hexOrDecimal16.optional(),
  serial: z.string().min(1).max(128).optional(),
  ...commonOptions,
  ...watchdogOption,
});

const formatList = z
  .string()
  .transform((text) => text.split(',').map((item) => item.trim().toUpperCase()))
  .pipe(z.array(z.enum(MRZ_FORMATS, { error: says(`must list formats from ${MRZ_FORMATS.join(', ')}`, 'formats-from', { choices: MRZ_FORMATS.join(', ') }) })).min(1));

const SimOptions = z
  .strictObject({
    target: z.literal('', { error: says('the simulator takes no target: write sim:?interval=5', 'sim-no-target') }),
    interval: decimal(0, 86_400)
      .refine((seconds) => seconds === 0 || seconds >= 0.001, says('must be 0 (documents only on demand) or at least 0.001', 'interval-rule'))
      .optional(),
    invalid: share.optional(),
    expired: share.optional(),
    corrected: share.optional(),
    alerts: share.optional(),
    formats: formatList.optional(),
    seed: wholeNumber(0, 2 ** 31).optional(),
    count: wholeNumber(1, 10_000_000).optional(),
    ...framingOption,
    ...commonOptions,
  })
  // zod runs this even when a share alone is out of range; that one is reported already.
  .refine((options) => (options.invalid ?? 0) > 1 || (options.corrected ?? 0) > 1 || (options.invalid ?? 0) + (options.corrected ?? 0) <= 1, {
    error: says('invalid and corrected shares add up to more than 1', 'shares-over-one'),
    path: ['invalid'],
  });

const ReplayOptions = z.strictObject({
  file: z.string().min(1, says('a capture file is needed, as in replay:/path/capture.jsonl', 'file-needed')),
  pace: z.enum(['recorded', 'fast'], { error: says('must be recorded or fast', 'one-of', { choices: 'recorded, fast' }) }).optional(),
  ...commonOptions,
});

interface SplitSpec {
  readonly scheme: string;
  readonly target: string;
  readonly options: Record<string, string>;
}

function split(text: string): SplitSpec | ReaderSpecIssue[] {
  const colon = text.indexOf(':');
  if (colon <= 0) return [{ option: 'scheme', message: `must start with one of ${READER_KINDS.map((kind) => `${kind}:`).join(', ')}`, code: 'scheme', values: { choices: READER_KINDS.join(', ') } }];
  const scheme = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const question = rest.indexOf('?');
  const rawTarget = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  const issues: ReaderSpecIssue[] = [];
  let target = rawTarget;
  try {
    target = decodeURIComponent(rawTarget);
  } catch {
    issues.push({ option: 'target', message: 'has a malformed %-escape', code: 'malformed-escape' });
  }
  const options: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    if (key === '' || key === 'target' || key === 'path' || key === 'device' || key === 'file') {
      issues.push({ option: key === '' ? '(empty)' : key, message: 'is not an option', code: 'not-an-option' });
      continue;
    }
    if (Object.hasOwn(options, key)) {
      issues.push({ option: key, message: 'is given twice', code: 'given-twice' });
      continue;
    }
    try {
      options[key] = decodeURIComponent(value);
    } catch {
      issues.push({ option: key, message: 'has a malformed %-escape', code: 'malformed-escape' });
    }
  }
  return issues.length > 0 ? issues : { scheme, target, options };
}

function issuesOf(error: z.ZodError): ReaderSpecIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { option: issue.keys.join(', '), message: `${issue.keys.length === 1 ? 'is not an option' : 'are not options'} of this reader kind`, code: 'not-an-option' };
    }
    const option = issue.path.length > 0 ? issue.path.map(String).join('.') : '(spec)';
    return coded(option, issue.message);
  });
}

function commonFrom(options: { gap?: number | undefined; maxFrame?: number | undefined; reread?: number | undefined }): Omit<CommonReaderOptions, 'idleTimeoutMs'> {
  return {
    limits: { gapMs: options.gap ?? DEFAULT_FRAME_LIMITS.gapMs, maxFrameBytes: options.maxFrame ?? DEFAULT_FRAME_LIMITS.maxFrameBytes },
    rereadWindowMs: options.reread ?? DEFAULT_REREAD_WINDOW_MS,
  };
}

function framingFrom(name: Framing['kind'] | undefined, sod: number | undefined, eod: number | undefined): Framing | ReaderSpecIssue[] {
  const kind = name ?? 'lines';
  if (kind === 'desko') return deskoFraming(sod, eod);
  const stray = [...(sod === undefined ? [] : ['sod']), ...(eod === undefined ? [] : ['eod'])];
  if (stray.length > 0) return stray.map((option) => ({ option, message: 'applies only to framing=desko', code: 'desko-only' }));
  return { kind };
}

function parseSplit(text: string, parts: SplitSpec): ReaderSpec | ReaderSpecIssue[] {
  switch (parts.scheme) {
    case 'serial': {
      const parsed = SerialOptions.safeParse({ path: parts.target, ...parts.options });
      if (!parsed.success) return issuesOf(parsed.error);
      const options = parsed.data;
      const framing = framingFrom(options.framing, options.sod, options.eod);
      if (Array.isArray(framing)) return framing;
      return {
        kind: 'serial',
        text,
        path: options.path,
        baudRate: options.baud ?? 9600,
        dataBits: Number(options.dataBits ?? '8') as SerialReaderSpec['dataBits'],
        parity: options.parity ?? 'none',
        stopBits: Number(options.stopBits ?? '1') as SerialReaderSpec['stopBits'],
        framing,
        ...commonFrom(options),
        idleTimeoutMs: (options.idle ?? DEFAULT_IDLE_TIMEOUT_S) * 1000,
      };
    }
    case 'hid': {
      const parsed = HidOptions.safeParse({ device: parts.target, ...parts.options });
      if (!parsed.success) return issuesOf(parsed.error);
      const options = parsed.data;
      const [vendor = '', product = ''] = options.device.split(':');
      return {
        kind: 'hid',
        text,
        vendorId: Number.parseInt(vendor, 16),
        productId: Number.parseInt(product, 16),
        decoder: options.decoder,
        ...(options.interface === undefined ? {} : { interfaceNumber: options.interface }),
        ...(options.usagePage === undefined ? {} : { usagePage: options.usagePage }),
        ...(options.serial === undefined ? {} : { serialNumber: options.serial }),
        ...commonFrom(options),
        idleTimeoutMs: (options.idle ?? DEFAULT_IDLE_TIMEOUT_S) * 1000,
      };
    }
    case 'sim': {
      const parsed = SimOptions.safeParse({ target: parts.target, ...parts.options });
      if (!parsed.success) return issuesOf(parsed.error);
      const options = parsed.data;
      const framing = framingFrom(options.framing, undefined, undefined);
      if (Array.isArray(framing)) return framing;
      return {
        kind: 'sim',
        text,
        intervalSeconds: options.interval ?? 5,
        invalid: options.invalid ?? 0,
        expired: options.expired ?? 0,
        corrected: options.corrected ?? 0,
        alerts: options.alerts ?? 0,
        formats: options.formats ?? MRZ_FORMATS,
        seed: options.seed ?? 1,
        count: options.count ?? null,
        framing,
        ...commonFrom(options),
        idleTimeoutMs: 0,
      };
    }
    case 'replay': {
      const parsed = ReplayOptions.safeParse({ file: parts.target, ...parts.options });
      if (!parsed.success) return issuesOf(parsed.error);
      const options = parsed.data;
      return { kind: 'replay', text, file: options.file, pace: options.pace ?? 'recorded', ...commonFrom(options), idleTimeoutMs: 0 };
    }
    default:
      return [{ option: 'scheme', message: `"${parts.scheme}" is not a reader kind; use one of ${READER_KINDS.join(', ')}`, code: 'scheme', values: { choices: READER_KINDS.join(', ') } }];
  }
}

export type ReaderSpecResult = { readonly ok: true; readonly spec: ReaderSpec } | { readonly ok: false; readonly error: ReaderSpecError };

/** Parses a spec without throwing. */
export function safeParseReaderSpec(text: string): ReaderSpecResult {
  const parts = split(text.trim());
  const result = Array.isArray(parts) ? parts : parseSplit(text.trim(), parts);
  return Array.isArray(result) ? { ok: false, error: new ReaderSpecError(text, result) } : { ok: true, spec: result };
}

/** Parses a spec; throws ReaderSpecError (and nothing else) when it cannot be used. */
export function parseReaderSpec(text: string): ReaderSpec {
  const result = safeParseReaderSpec(text);
  if (!result.ok) throw result.error;
  return result.spec;
}
