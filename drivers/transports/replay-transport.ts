import { readFile, stat } from 'node:fs/promises';
import { CaptureFormatError, parseCapture, type Capture, type CaptureEntry } from '../capture/capture-format.js';
import type { ReplayReaderSpec } from '../spec/reader-spec.js';
import { TransportOpenError, type ChunkSink, type Located, type Transport, type TransportSession } from './transport.js';

/** Entries played between yields to the event loop, at pace=fast. */
const FAST_BATCH = 256;

async function readCapture(file: string): Promise<Capture> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new TransportOpenError('not-present', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseCapture(text);
  } catch (error) {
    if (error instanceof CaptureFormatError) throw new TransportOpenError('invalid-capture', `${file}: ${error.message}`);
    throw error;
  }
}

function deliver(entry: CaptureEntry, sink: ChunkSink): void {
  if (entry.kind === 'chunk') sink.chunk(entry.bytes);
  else if (entry.event === 'disconnected') sink.lineBreak();
}

/**
 * Plays a capture back through the same decoding path a live reader uses: at the recorded pace, or
 * as fast as the pipeline takes it. The session ends when the capture does.
 */
export function replayTransport(spec: ReplayReaderSpec, monotonicMs: () => number = () => performance.now()): Transport {
  return {
    kind: 'replay',
    async locate(): Promise<Located | null> {
      try {
        await stat(spec.file);
      } catch {
        return null;
      }
      return { where: spec.file, ownershipKey: null, stillPresent: () => Promise.resolve(true) };
    },
    async open(_located: Located, sink: ChunkSink): Promise<TransportSession> {
      const capture = await readCapture(spec.file);
      const entries = capture.entries;
      let next = 0;
      let timer: NodeJS.Timeout | null = null;
      let immediate: NodeJS.Immediate | null = null;
      let stopped = false;
      const origin = monotonicMs();
      const end = (): void => sink.ended({ reason: 'end-of-input', message: `${spec.file} played to its end` });

      const playRecorded = (): void => {
        timer = null;
        while (!stopped && next < entries.length) {
          const entry = entries[next];
          if (entry === undefined) break;
          const wait = origin + entry.t - monotonicMs();
          if (wait > 1) {
            timer = setTimeout(playRecorded, wait);
            return;
          }
          next += 1;
          deliver(entry, sink);
        }
        if (!stopped) end();
      };
      const playFast = (): void => {
        immediate = null;
        const stop = Math.min(entries.length, next + FAST_BATCH);
        while (!stopped && next < stop) {
          const entry = entries[next++];
          if (entry !== undefined) deliver(entry, sink);
        }
        if (stopped) return;
        if (next < entries.length) immediate = setImmediate(playFast);
        else end();
      };
      // Start after open() has returned, so the reader has its pipeline in place.
      immediate = setImmediate(spec.pace === 'fast' ? playFast : playRecorded);
      return {
        decoding: capture.decoding,
        close() {
          stopped = true;
          if (timer !== null) clearTimeout(timer);
          if (immediate !== null) clearImmediate(immediate);
          return Promise.resolve();
        },
      };
    },
  };
}
