import type { DiscardReason } from '../framing/frame.js';
import type { PortHolder } from '../ownership/port-ownership.js';

export type ReaderState = 'connecting' | 'ready' | 'disconnected' | 'error';

export type ReaderStatusReason =
  /** disconnected: the device is not there (not plugged in, capture file missing). */
  | 'not-present'
  /** disconnected: the device went away while open. */
  | 'unplugged'
  /** disconnected: nothing arrived for the idle timeout; the watchdog reopens the device. */
  | 'idle-timeout'
  /** disconnected: a read failed; reopened after a backoff. */
  | 'io-error'
  /** disconnected, final: the capture ended, or the simulator sent its last document. */
  | 'end-of-input'
  /** disconnected, final: close() was called. */
  | 'closed'
  /** error, final: the spec cannot be used. */
  | 'invalid-spec'
  /** error, final: the capture file cannot be read as a capture. */
  | 'invalid-capture'
  /** error: the device is there but this user may not open it (udev rules, groups). Retried. */
  | 'permission-denied'
  /** error: another process holds the device (`heldBy` says which, when it is Sahman). Retried. */
  | 'busy'
  /** error: opening failed for another reason. Retried. */
  | 'open-failed'
  /** error: decoding failed (a bug, or a device sending what no decoder expects). Reopened. */
  | 'internal';

export interface ReaderStatus {
  readonly readerId: string;
  readonly state: ReaderState;
  readonly reason?: ReaderStatusReason;
  /** For technicians; never holds what the device sent. */
  readonly message?: string;
  /** Where the device is: a path, a capture file, "simulator". */
  readonly device?: string;
  readonly heldBy?: PortHolder;
  /** No further status will follow: the reader has stopped for good. */
  readonly final: boolean;
  /** ISO 8601 UTC. */
  readonly at: string;
}

export type ReaderWarningKind = 'oversize-frame' | 'bad-check' | 'partial-frame' | 'malformed-report';

/** Something a technician should look at. Counts only: never the bytes. */
export interface ReaderWarning {
  readonly readerId: string;
  readonly kind: ReaderWarningKind;
  readonly bytes: number;
  readonly at: string;
}

export const WARNING_FOR_DISCARD: Readonly<Partial<Record<DiscardReason, ReaderWarningKind>>> = {
  oversize: 'oversize-frame',
  'bad-check': 'bad-check',
  partial: 'partial-frame',
  'malformed-report': 'malformed-report',
};

/** Every chunk the device delivered, noise included: for `sahman monitor --raw` and `--record`. */
export interface ReceivedChunk {
  readonly readerId: string;
  readonly bytes: Buffer;
  readonly monotonicMs: number;
  readonly receivedAt: string;
}

export interface ReaderCounters {
  readonly bytesReceived: number;
  readonly chunksReceived: number;
  readonly scans: number;
  readonly rereadsSuppressed: number;
  /** Successful opens (the first one and every reconnect). */
  readonly connects: number;
  readonly discarded: Readonly<Record<DiscardReason, { readonly events: number; readonly bytes: number }>>;
}
