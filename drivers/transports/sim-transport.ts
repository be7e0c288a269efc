import { frameDocument } from '../framing/framings.js';
import { DocumentGenerator, type SimulatedKind } from '../simulator/document-generator.js';
import type { SimReaderSpec } from '../spec/reader-spec.js';
import type { ChunkSink, Located, Transport, TransportSession } from './transport.js';

/** Why a reader could not scan on demand: no such reader, not a simulator, or not open yet. */
export class SimulateScanError extends Error {
  override readonly name = 'SimulateScanError';

  constructor(
    readonly reason: 'unknown-reader' | 'not-a-simulator' | 'not-ready',
    message: string,
  ) {
    super(message);
  }
}

export interface SimTransport extends Transport {
  readonly kind: 'sim';
  /** Sends one document of this kind now, through the open session's framer like every other. */
  scanOnDemand(kind: SimulatedKind): void;
}

export function isSimTransport(transport: Transport): transport is SimTransport {
  return transport.kind === 'sim' && 'scanOnDemand' in transport;
}

/**
 * The simulator: generated documents, framed as a real reader of the chosen framing sends them,
 * every `interval` seconds (interval 0: only when asked), and one of a chosen kind on demand.
 * They go through the same framer, re-read check and MRZ engine as a real reader's bytes.
 */
export function simTransport(spec: SimReaderSpec, today: () => Date): SimTransport {
  // One generator for the transport's life, so that a reconnect does not repeat documents.
  const generator = new DocumentGenerator(spec, today);
  let sent = 0;
  let openSink: ChunkSink | null = null;
  return {
    kind: 'sim',
    locate(): Promise<Located> {
      return Promise.resolve({ where: 'simulator', ownershipKey: null, stillPresent: () => Promise.resolve(true) });
    },
    open(_located: Located, sink: ChunkSink): Promise<TransportSession> {
      openSink = sink;
      // Interval 0: no timer at all, documents come only on demand.
      const timer = spec.intervalSeconds === 0 ? undefined : setInterval(() => {
        if (spec.count !== null && sent >= spec.count) return;
        sent += 1;
        sink.chunk(frameDocument(generator.next().lines, spec.framing));
        if (spec.count !== null && sent >= spec.count) {
          clearInterval(timer);
          // After the last chunk has gone through the pipeline.
          setImmediate(() => sink.ended({ reason: 'end-of-input', message: `the simulator sent its ${String(spec.count)} documents` }));
        }
      }, spec.intervalSeconds * 1000);
      return Promise.resolve({
        decoding: { input: 'bytes', framing: spec.framing },
        close() {
          clearInterval(timer);
          if (openSink === sink) openSink = null;
          return Promise.resolve();
        },
      });
    },
    scanOnDemand(kind) {
      if (openSink === null) throw new SimulateScanError('not-ready', 'the simulator is not ready yet: try again in a moment');
      openSink.chunk(frameDocument(generator.nextOfKind(kind).lines, spec.framing));
    },
  };
}
