/**
 * The capture file: what a reader sent, with timing, so that support can replay a crossing point's
 * problem through the same framing and decoding path. JSON lines, versioned, simple enough to write
 * by hand:
 *
 *   {"sahmanCapture":1,"transport":"serial","framing":"stx-etx-lrc","recordedAt":"…","source":"serial:/dev/ttyUSB0"}
 *   {"t":0,"hex":"02 50 3c 55 54 4f"}
 *   {"t":12.5,"text":"P<UTOERIKSSON…\r"}
 *   {"t":900,"event":"disconnected"}
 *
 * The first line is the header; each later line is one chunk (serial bytes as read, or one whole
 * HID report) or a line event. `t` is milliseconds since the recording began (optional: a line
 * without it happens with the one before). Unknown keys are ignored, so other tools may add theirs.
 */
import * as z from 'zod';
import { FRAMINGS, deskoFraming, type Framing } from '../framing/framings.js';
import type { Decoding } from '../pipeline/decoding.js';
import { HID_DECODERS } from '../spec/reader-spec.js';
import { describeIssues } from '../../main/common/contract/describe-issues.js';

export const CAPTURE_VERSION = 1;

const hexByteText = z.string().regex(/^(0x)?[0-9a-fA-F]{1,2}$/, 'must be one byte in hex, such as 1c');

export const CaptureHeader = z.object({
  sahmanCapture: z.number().int().min(1),
  /** serial and sim captures hold byte chunks; hid captures hold whole reports. */
  transport: z.enum(['serial', 'hid', 'sim']),
  framing: z.enum(FRAMINGS).optional(),
  sod: hexByteText.optional(),
  eod: hexByteText.optional(),
  decoder: z.enum(HID_DECODERS).optional(),
  recordedAt: z.string().optional(),
  /** The spec that was recorded, e.g. serial:/dev/ttyUSB0?baud=9600. */
  source: z.string().optional(),
  note: z.string().optional(),
});
export type CaptureHeader = z.infer<typeof CaptureHeader>;

const CaptureLine = z
  .object({
    t: z.number().min(0).optional(),
    hex: z
      .string()
      .regex(/^\s*([0-9a-fA-F]{2}\s*)*$/, 'must be bytes in hex, such as "02 50 3c"')
      .optional(),
    /** Characters U+0000 to U+00FF, one byte each: handy for hand-written captures of text readers. */
    text: z
      .string()
      .refine((text) => Array.from(text).every((character) => character.charCodeAt(0) <= 0xff), 'may hold only characters U+0000 to U+00FF (one byte each)')
      .optional(),
    event: z.enum(['disconnected', 'connected']).optional(),
  })
  .refine((line) => [line.hex, line.text, line.event].filter((value) => value !== undefined).length === 1, {
    error: 'each line needs exactly one of "hex", "text" or "event"',
  });

export type CaptureEntry =
  | { readonly t: number; readonly kind: 'chunk'; readonly bytes: Buffer }
  | { readonly t: number; readonly kind: 'event'; readonly event: 'disconnected' | 'connected' };

export interface Capture {
  readonly header: CaptureHeader;
  readonly decoding: Decoding;
  readonly entries: readonly CaptureEntry[];
}

/** A capture that cannot be replayed; `line` is 1-based. */
export class CaptureFormatError extends Error {
  override readonly name = 'CaptureFormatError';

  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`capture line ${String(line)}: ${detail}`);
  }
}


function byteOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number.parseInt(text.replace(/^0x/i, ''), 16);
}

/** How a capture with this header must be decoded. */
export function decodingOfHeader(header: CaptureHeader, line = 1): Decoding {
  if (header.transport === 'hid') {
    if (header.decoder === undefined) throw new CaptureFormatError(line, `an hid capture needs "decoder": one of ${HID_DECODERS.join(', ')}`);
    return { input: 'hid-reports', decoder: header.decoder };
  }
  const kind = header.framing ?? 'lines';
  const framing: Framing = kind === 'desko' ? deskoFraming(byteOf(header.sod), byteOf(header.eod)) : { kind };
  return { input: 'bytes', framing };
}

export function parseCaptureHeader(text: string, line = 1): CaptureHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CaptureFormatError(line, 'the header is not JSON');
  }
  const parsed = CaptureHeader.safeParse(json);
  if (!parsed.success) {
    const version = typeof json === 'object' && json !== null && 'sahmanCapture' in json ? json.sahmanCapture : undefined;
    if (version === undefined) throw new CaptureFormatError(line, 'not a Sahman capture: the header has no "sahmanCapture" version');
    throw new CaptureFormatError(line, describeIssues(parsed.error, { whole: 'the line' }));
  }
  if (parsed.data.sahmanCapture > CAPTURE_VERSION) {
    throw new CaptureFormatError(line, `capture version ${String(parsed.data.sahmanCapture)} is newer than this Sahman reads (${String(CAPTURE_VERSION)})`);
  }
  return parsed.data;
}

export function parseCapture(text: string): Capture {
  const lines = text.split(/\r?\n/);
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  const headerText = lines[start];
  if (headerText === undefined) throw new CaptureFormatError(1, 'the capture is empty: it needs a header line');
  const header = parseCaptureHeader(headerText, start + 1);
  const decoding = decodingOfHeader(header, start + 1);
  const entries: CaptureEntry[] = [];
  let t = 0;
  for (let index = start + 1; index < lines.length; index++) {
    const content = lines[index] ?? '';
    const number = index + 1;
    if (content.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new CaptureFormatError(number, 'not JSON');
    }
    const parsed = CaptureLine.safeParse(json);
    if (!parsed.success) throw new CaptureFormatError(number, describeIssues(parsed.error, { whole: 'the line' }));
    const entry = parsed.data;
    // Out-of-order times (a hand edit) play at once rather than going back in time.
    t = Math.max(t, entry.t ?? t);
    if (entry.event !== undefined) entries.push({ t, kind: 'event', event: entry.event });
    else if (entry.hex !== undefined) entries.push({ t, kind: 'chunk', bytes: Buffer.from(entry.hex.replace(/\s+/g, ''), 'hex') });
    else entries.push({ t, kind: 'chunk', bytes: Buffer.from(entry.text ?? '', 'latin1') });
  }
  return { header, decoding, entries };
}

/** The header naming how a session with this decoding must be replayed. */
export function headerForDecoding(decoding: Decoding, extra: { source?: string; recordedAt: string; simulated?: boolean }): CaptureHeader {
  const base = {
    sahmanCapture: CAPTURE_VERSION,
    recordedAt: extra.recordedAt,
    ...(extra.source === undefined ? {} : { source: extra.source }),
  };
  if (decoding.input === 'hid-reports') return { ...base, transport: 'hid', decoder: decoding.decoder };
  const framing = decoding.framing;
  return {
    ...base,
    transport: extra.simulated === true ? 'sim' : 'serial',
    framing: framing.kind,
    ...(framing.kind === 'desko' ? { sod: framing.sod.toString(16).padStart(2, '0'), eod: framing.eod.toString(16).padStart(2, '0') } : {}),
  };
}

/** One chunk as a capture line. */
export function chunkLine(t: number, bytes: Uint8Array): string {
  return JSON.stringify({ t: Math.round(t * 1000) / 1000, hex: Buffer.from(bytes).toString('hex') });
}

export function eventLine(t: number, event: 'disconnected' | 'connected'): string {
  return JSON.stringify({ t: Math.round(t * 1000) / 1000, event });
}
