/**
 * What a framer hands on: one document's text lines and the bytes they came in. Framers never
 * look at the MRZ itself; the reader parses it once the frame is known to be whole.
 */
export interface Frame {
  /** The document's text lines, line ends removed, in the order received. */
  readonly lines: readonly string[];
  /** The frame's bytes as received, envelope and check byte included. */
  readonly raw: Buffer;
}

/**
 * Why bytes were thrown away. Counted per reader, so that a technician can tell a noisy line
 * (noise) from a mis-set reader (bad-check, not-mrz) or a flaky cable (partial).
 */
export type DiscardReason =
  /** Bytes between frames, or lines that cannot be part of a zone. */
  | 'noise'
  /** A frame longer than the size cap. */
  | 'oversize'
  /** A frame whose LRC/BCC byte does not match. */
  | 'bad-check'
  /** A frame cut short: by silence longer than the gap, a restart, or a disconnect. */
  | 'partial'
  /** A whole frame whose text is not shaped like a machine-readable zone. */
  | 'not-mrz'
  /** A magnetic-stripe frame (ACCESS-IS `0E 02 … 03 0F`): not an MRZ, by design not a scan. */
  | 'magstripe'
  /** An HID report that does not have the layout its decoder expects. */
  | 'malformed-report';

export interface Discard {
  readonly reason: DiscardReason;
  readonly bytes: number;
}

/** Framers report discards through a callback rather than 'error' events: a discard is routine, never fatal. */
export type DiscardListener = (discard: Discard) => void;

/** Limits every framer applies. */
export interface FrameLimits {
  /** A frame (or a document's lines) longer than this is discarded whole. */
  readonly maxFrameBytes: number;
  /** Silence inside a frame longer than this ends it: a reader sends a document in one burst. */
  readonly gapMs: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { maxFrameBytes: 1024, gapMs: 300 };

export const CR = 0x0d;
export const LF = 0x0a;

/** Printable ASCII: the only bytes an MRZ line (even a misread one) is made of. */
export function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}
