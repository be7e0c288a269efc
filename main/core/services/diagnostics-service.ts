import { Observable } from 'rxjs';
import type { LinkTestEvent } from '../../common/contract/rpc-methods.js';
import type { RpcHandlers } from '../rpc/handlers.js';

/** Events sent per turn of the event loop, so a link test never starves other clients. */
const BATCH = 256;

/**
 * A technician's link test: a burst of numbered events that the client checks
 * for loss and order. It waits for the link to drain rather than buffering.
 */
export function linkTest(count: number, payloadBytes: number, whenWritable: () => Promise<void>): Observable<LinkTestEvent> {
  const payload = 'x'.repeat(payloadBytes);
  return new Observable<LinkTestEvent>((subscriber) => {
    const run = async (): Promise<void> => {
      for (let seq = 0; seq < count && !subscriber.closed; ) {
        const end = Math.min(count, seq + BATCH);
        // next() on a closed subscriber is a no-op; the outer loop stops the work.
        for (; seq < end; seq++) subscriber.next({ seq, payload });
        await whenWritable();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      subscriber.complete();
    };
    run().catch((error: unknown) => {
      subscriber.error(error);
    });
  });
}

export function diagnosticsHandlers(): Pick<RpcHandlers['streams'], 'diagnostics.linkTest'> {
  return {
    'diagnostics.linkTest': ({ count, payloadBytes }, context) => linkTest(count, payloadBytes, () => context.whenWritable()),
  };
}
