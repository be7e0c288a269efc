import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { HexDump, bytesOfHex, type DumpRow } from './hex-dump.js';

export interface RawMonitorView {
  readonly rows: readonly DumpRow[];
  /** Every byte the reader received since it opened (the core's count); undefined before the first event. */
  readonly totalBytes: number | undefined;
  /** Bytes the core left out of the events since the monitor opened. */
  readonly droppedBytes: number;
  /** Bytes that came while paused: counted, not shown. */
  readonly pausedBytes: number;
  /** Why the stream stopped: the core's message. */
  readonly failure: string | undefined;
  /** The stream ended: the reader stopped. */
  readonly ended: boolean;
}

const EMPTY: RawMonitorView = { rows: [], totalBytes: undefined, droppedBytes: 0, pausedBytes: 0, failure: undefined, ended: false };

/**
 * One reader's readers.raw stream kept as a hex dump. The dump lives outside React state and only
 * its rows' views go into it, once per event (a few a second, however fast the bytes come), so a
 * continuous 115,200-baud line costs one render per event and a bounded ring of rows.
 */
export function useRawMonitor(
  client: RpcClient | null,
  readerId: string | undefined,
  onSessionFailure: (error: unknown) => void,
): { readonly view: RawMonitorView; readonly paused: boolean; readonly setPaused: (paused: boolean) => void; readonly clear: () => void } {
  const dump = useRef(new HexDump());
  // Read by the subscription, which must see a pause at once, not after the next render.
  const pausedRef = useRef(false);
  const [paused, setPausedState] = useState(false);
  const onFailureRef = useRef(onSessionFailure);
  onFailureRef.current = onSessionFailure;
  const [view, setView] = useState<RawMonitorView>(EMPTY);

  const setPaused = useCallback((next: boolean) => {
    pausedRef.current = next;
    setPausedState(next);
    // Each pause counts afresh.
    if (next) setView((current) => (current.pausedBytes === 0 ? current : { ...current, pausedBytes: 0 }));
  }, []);

  useEffect(() => {
    dump.current.clear();
    setView(EMPTY);
    if (client === null || readerId === undefined) return undefined;
    const subscription = client.stream('readers.raw', { readerId }).subscribe({
      next: (event) => {
        const shown = !pausedRef.current;
        let pausedBytes = 0;
        if (shown) {
          for (const chunk of event.chunks) dump.current.append(bytesOfHex(chunk.hex), chunk.at);
          // The core keeps an event's first bytes and counts the rest.
          if (event.droppedBytes > 0) dump.current.skip(event.droppedBytes);
        } else {
          pausedBytes = event.chunks.reduce((sum, chunk) => sum + chunk.hex.length / 2, event.droppedBytes);
        }
        setView((current) => ({
          ...current,
          rows: shown ? dump.current.rows() : current.rows,
          totalBytes: event.totalBytes,
          droppedBytes: current.droppedBytes + event.droppedBytes,
          pausedBytes: current.pausedBytes + pausedBytes,
        }));
      },
      error: (error: unknown) => {
        onFailureRef.current(error);
        setView((current) => ({ ...current, failure: rpcFailure(error).message }));
      },
      complete: () => {
        setView((current) => ({ ...current, ended: true }));
      },
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [client, readerId]);

  const clear = useCallback(() => {
    dump.current.clear();
    setView((current) => ({ ...current, rows: [], pausedBytes: 0 }));
  }, []);

  return { view, paused, setPaused, clear };
}
