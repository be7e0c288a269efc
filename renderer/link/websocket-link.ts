import { BehaviorSubject, Observable } from 'rxjs';
import { RpcClient } from '../../main/common/rpc/client.js';
import type { RpcTransport } from '../../main/common/rpc/transport.js';
import { RPC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../main/common/contract/rpc-wire.js';
import { backoffDelayMs, type BackoffPolicy } from '../../main/common/backoff/backoff.js';

/** A UI that lost its core comes back quickly, and tries at least every five seconds. */
const RECONNECT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 5000, jitterRatio: 0.25 };
import type { CoreLink, LinkState } from './link-state.js';

/** Wraps an open WebSocket as an RPC transport. */
function websocketTransport(socket: WebSocket): RpcTransport {
  return {
    send: (text) => {
      socket.send(text);
    },
    messages$: new Observable<string>((subscriber) => {
      const onMessage = (event: MessageEvent): void => {
        if (typeof event.data === 'string') subscriber.next(event.data);
      };
      const onClose = (): void => {
        subscriber.complete();
      };
      socket.addEventListener('message', onMessage);
      socket.addEventListener('close', onClose);
      return () => {
        socket.removeEventListener('message', onMessage);
        socket.removeEventListener('close', onClose);
      };
    }),
    close: () => {
      socket.close(1000, 'closed by the page');
    },
  };
}

/**
 * The served page's link (`sahman serve`): a WebSocket to /rpc presenting the
 * token as a subprotocol, reconnecting with backoff whenever it drops.
 */
export function connectWebSocketLink(rpcUrl: string, token: string): CoreLink {
  const state$ = new BehaviorSubject<LinkState>({ kind: 'connecting' });
  const client$ = new BehaviorSubject<RpcClient | null>(null);
  let attempt = 0;

  const open = (): void => {
    const socket = new WebSocket(rpcUrl, [RPC_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`]);
    socket.addEventListener('open', () => {
      attempt = 0;
      state$.next({ kind: 'connected' });
      client$.next(new RpcClient(websocketTransport(socket)));
    });
    socket.addEventListener('close', () => {
      client$.next(null);
      attempt += 1;
      const delay = backoffDelayMs(RECONNECT_BACKOFF, attempt);
      state$.next({ kind: 'reconnecting', attempt, retryAt: Date.now() + delay });
      setTimeout(open, delay);
    });
  };
  open();
  return { state$, client$ };
}

/** Reads the token from the address fragment, keeps it for reloads, and takes it out of the address bar. */
export function takeTokenFromLocation(location: Location, storage: Storage, history: History): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash !== null && fromHash !== '') {
    storage.setItem('sahman.token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem('sahman.token') ?? undefined;
}
