import { frameDocument } from '../framing/framings.js';
import { DocumentGenerator } from '../simulator/document-generator.js';
import type { SimReaderSpec } from '../spec/reader-spec.js';
import type { ChunkSink, Located, Transport, TransportSession } from './transport.js';

/**
 * The simulator: generated documents, framed as a real reader of the chosen framing sends them,
 * every `interval` seconds. They go through the same framer, re-read check and MRZ engine as a
 * real reader's bytes.
 */
export function simTransport(spec: SimReaderSpec, today: () => Date): Transport {
  // One generator for the transport's life, so that a reconnect does not repeat documents.
  const generator = new DocumentGenerator(spec, today);
  let sent = 0;
  return {
    kind: 'sim',
    locate(): Promise<Located> {
      return Promise.resolve({ where: 'simulator', ownershipKey: null, stillPresent: () => Promise.resolve(true) });
    },
    open(_located: Located, sink: ChunkSink): Promise<TransportSession> {
      const timer = setInterval(() => {
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
          return Promise.resolve();
        },
      });
    },
  };
}
