import type { MrzResult } from '../../main/common/icao/index.js';

/** One document as a reader delivered it, with the MRZ engine's verdict. */
export interface Scan {
  readonly readerId: string;
  /** 1, 2, 3… per reader, in the order the reader delivered them. */
  readonly seq: number;
  /** Wall-clock receive time, ISO 8601 UTC. */
  readonly receivedAt: string;
  /** Monotonic receive time (performance.now(), ms), for ordering and latency; unaffected by clock changes. */
  readonly monotonicMs: number;
  /** The framed lines, as received. */
  readonly lines: readonly string[];
  /** The frame's bytes as received (envelope included); for HID, the bytes the decoder produced. */
  readonly raw: Uint8Array;
  readonly mrz: MrzResult;
}
