import type { Transform } from 'node:stream';
import { EnvelopeFramer, type Envelope } from './envelope-framer.js';
import { type DiscardListener, type FrameLimits } from './frame.js';
import { longitudinalRedundancyCheck } from './lrc.js';
import { LinesFramer } from './lines-framer.js';

export const FRAMINGS = ['lines', 'stx-etx', 'stx-etx-lrc', 'desko', 'accessis'] as const;
export type FramingName = (typeof FRAMINGS)[number];

/** A framing with its parameters (only DESKO's has any: its start and end bytes vary by installation). */
export type Framing =
  | { readonly kind: 'lines' | 'stx-etx' | 'stx-etx-lrc' | 'accessis' }
  | { readonly kind: 'desko'; readonly sod: number; readonly eod: number };

const STX = 0x02;
const ETX = 0x03;

/**
 * DESKO's CUTE framing names its delimiters SOD/EOD per device; for the OCR reader the common
 * setting is FS/GS (1C/1D), the same bytes ACCESS-IS uses. Both are configurable in the spec.
 */
const DESKO_DEFAULT_SOD = 0x1c;
const DESKO_DEFAULT_EOD = 0x1d;

/** DESKO framing with its delimiters, the defaults filled in: the spec parser and capture files both settle them here. */
export function deskoFraming(sod: number | undefined, eod: number | undefined): Framing {
  return { kind: 'desko', sod: sod ?? DESKO_DEFAULT_SOD, eod: eod ?? DESKO_DEFAULT_EOD };
}

function deskoEnvelope(framing: { readonly sod: number; readonly eod: number }): Envelope {
  return { start: Uint8Array.of(framing.sod, STX), end: Uint8Array.of(ETX, framing.eod), check: 'none' };
}

/** ACCESS-IS OCR frames, and the magstripe frames the same readers send, which are never a scan. */
const ACCESS_IS_OCR: Envelope = { start: Uint8Array.of(0x1c, STX), end: Uint8Array.of(ETX, 0x1d), check: 'none' };
const ACCESS_IS_MAGSTRIPE: Envelope = { start: Uint8Array.of(0x0e, STX), end: Uint8Array.of(ETX, 0x0f), check: 'none', discardAs: 'magstripe' };

export function envelopesOf(framing: Framing): readonly Envelope[] {
  switch (framing.kind) {
    case 'lines':
      return [];
    case 'stx-etx':
      return [{ start: Uint8Array.of(STX), end: Uint8Array.of(ETX), check: 'none' }];
    case 'stx-etx-lrc':
      return [{ start: Uint8Array.of(STX), end: Uint8Array.of(ETX), check: 'lrc' }];
    case 'desko':
      return [deskoEnvelope(framing)];
    case 'accessis':
      return [ACCESS_IS_OCR, ACCESS_IS_MAGSTRIPE];
  }
}

/** A framer: bytes in, Frames out, and a way to drop a partial frame when the line goes away. */
export type Framer = Transform & { discardPartial(): number };

export function createFramer(framing: Framing, limits: FrameLimits, onDiscard: DiscardListener): Framer {
  if (framing.kind === 'lines') return new LinesFramer({ limits, onDiscard });
  return new EnvelopeFramer({ envelopes: envelopesOf(framing), limits, onDiscard });
}

/**
 * The bytes a reader using this framing sends for these lines. The simulator, the tests and the
 * bench all produce reader output through here, so they exercise the framers as real readers do.
 */
export function frameDocument(lines: readonly string[], framing: Framing): Buffer {
  const text = (parts: readonly string[]): Buffer => Buffer.from(parts.join(''), 'latin1');
  switch (framing.kind) {
    case 'lines':
      return text(lines.map((line) => `${line}\r`));
    case 'stx-etx':
      return Buffer.concat([Buffer.of(STX), text([lines.join('\r')]), Buffer.of(ETX)]);
    case 'stx-etx-lrc': {
      const body = Buffer.concat([text([lines.join('\r')]), Buffer.of(ETX)]);
      return Buffer.concat([Buffer.of(STX), body, Buffer.of(longitudinalRedundancyCheck(body))]);
    }
    case 'desko': {
      const envelope = deskoEnvelope(framing);
      return Buffer.concat([envelope.start, text(lines.map((line) => `${line}\r`)), envelope.end]);
    }
    case 'accessis':
      return Buffer.concat([ACCESS_IS_OCR.start, text([lines.join('\r')]), ACCESS_IS_OCR.end]);
  }
}

/** An ACCESS-IS magnetic-stripe frame, as those readers send a swiped card. */
export function accessIsMagstripeFrame(track: string): Buffer {
  return Buffer.concat([Buffer.of(0x0e, STX), Buffer.from(track, 'latin1'), Buffer.of(ETX, 0x0f)]);
}

