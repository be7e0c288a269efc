import { Subject } from 'rxjs';
import { RpcClient } from '../../main/common/rpc/client.js';
import type { Core } from '../../main/core/app/core.js';

/**
 * A typed RpcClient wired straight to `core.openSession`, with no socket in
 * between: the same session, validation and access checks a host gives, for
 * tests (and child processes) that need the contract but not a network.
 * Deliberately free of vitest, so a plain Node child process can use it.
 */
export function connectInProcess(core: Core, connectionId = 'in-process'): RpcClient {
  const inbound = new Subject<string>();
  let open = true;
  const session = core.openSession({
    id: connectionId,
    // Delivered on a later microtask, as a real link would: a reply must never re-enter the caller's stack.
    send: (text) => {
      queueMicrotask(() => {
        if (open) inbound.next(text);
      });
    },
    bufferedBytes: () => 0,
    close: () => {
      shut();
    },
  });
  const shut = (): void => {
    if (!open) return;
    open = false;
    session.dispose();
    inbound.complete();
  };
  return new RpcClient({
    send: (text) => {
      queueMicrotask(() => {
        if (open) session.receive(text);
      });
    },
    messages$: inbound.asObservable(),
    close: shut,
  });
}
