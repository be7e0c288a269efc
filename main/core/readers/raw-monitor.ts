import { bufferTime, filter, map, type Observable } from 'rxjs';
import type { ReceivedChunk } from '../../../drivers/index.js';
import type { RawMonitorEvent } from '../../common/contract/reader-console.js';

export interface RawMonitorOptions {
  /** Chunks are gathered this long into one event: a screen repaints a few times a second, not per byte. */
  readonly windowMs: number;
  /**
   * At most this many bytes per event; the rest are counted, not sent. 8 KiB
   * per 100 ms is seven times a 115,200-baud line, so only a fast USB device
   * flooding the port ever loses bytes from the view, never from the reader.
   */
  readonly maxBytesPerEvent: number;
}

export const RAW_MONITOR_DEFAULTS: RawMonitorOptions = { windowMs: 100, maxBytesPerEvent: 8192 };

/** One reader's chunks as monitor events: batched, capped, and with the dropped bytes counted. */
export function rawMonitorEvents(
  readerId: string,
  chunks$: Observable<ReceivedChunk>,
  totalBytes: () => number,
  options: RawMonitorOptions = RAW_MONITOR_DEFAULTS,
): Observable<RawMonitorEvent> {
  return chunks$.pipe(
    bufferTime(options.windowMs),
    filter((batch) => batch.length > 0),
    map((batch) => {
      let room = options.maxBytesPerEvent;
      let droppedBytes = 0;
      const chunks: RawMonitorEvent['chunks'] = [];
      for (const chunk of batch) {
        const kept = Math.min(room, chunk.bytes.length);
        if (kept > 0) chunks.push({ at: chunk.receivedAt, hex: chunk.bytes.subarray(0, kept).toString('hex') });
        room -= kept;
        droppedBytes += chunk.bytes.length - kept;
      }
      return { readerId, chunks, droppedBytes, totalBytes: totalBytes() };
    }),
  );
}
