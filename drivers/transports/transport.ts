import type { Decoding } from '../pipeline/decoding.js';

/** Why a session ended by itself. */
export type SessionEndReason =
  /** The device went away (USB unplugged, socat killed, HID read error). */
  | 'unplugged'
  /** A read failed on a device that is still there. */
  | 'io-error'
  /** A capture played to its end, or the simulator sent its last document: no reconnect. */
  | 'end-of-input';

export interface SessionEnd {
  readonly reason: SessionEndReason;
  /** For technicians; never holds data the device sent. */
  readonly message?: string;
}

/** Where a transport's session delivers. */
export interface ChunkSink {
  /** A chunk as the device delivered it: serial bytes as read, or one whole HID report. */
  chunk(bytes: Buffer): void;
  /** A recorded disconnect inside a capture: partial frames before it must not join bytes after it. */
  lineBreak(): void;
  ended(end: SessionEnd): void;
}

/** A device found present. */
export interface Located {
  /** Shown to technicians: a device path, a capture file, "simulator". */
  readonly where: string;
  /** What the ownership record is keyed on (a resolved device path), or null when nothing is shared. */
  readonly ownershipKey: string | null;
  /** A cheap check, run every 250 ms while open: false means the device is gone. */
  stillPresent(): Promise<boolean>;
}

export interface TransportSession {
  readonly decoding: Decoding;
  /** Closes the device. Events after close are ignored by the reader. */
  close(): Promise<void>;
}

/**
 * A way to reach one reader: a serial port, an HID device, the simulator, a capture. The reader
 * drives it: locate (cheaply, often), open, then take chunks until the session ends.
 */
export interface Transport {
  readonly kind: 'serial' | 'hid' | 'sim' | 'replay';
  /** Null when the device is not there now. */
  locate(): Promise<Located | null>;
  open(located: Located, sink: ChunkSink): Promise<TransportSession>;
}

export type OpenFailureKind =
  | 'not-present'
  | 'permission-denied'
  | 'busy'
  /** A capture that cannot be read: retrying will not help. */
  | 'invalid-capture'
  | 'open-failed';

/** Opening failed; `kind` says whether and how the reader should retry. */
export class TransportOpenError extends Error {
  override readonly name = 'TransportOpenError';

  constructor(
    readonly kind: OpenFailureKind,
    message: string,
  ) {
    super(message);
  }
}
