import { BehaviorSubject, Observable } from 'rxjs';
import { PageBridgeMessage } from '../../main/common/contract/core-bridge.js';
import { RpcClient } from '../../main/common/rpc/client.js';
import type { RpcTransport } from '../../main/common/rpc/transport.js';
import type { CoreLink, LinkState } from './link-state.js';
import { portAcks } from './port-acks.js';

function portTransport(port: MessagePort): RpcTransport {
  // Acks tell the core how much text was handled, so it can hold back streams the page cannot keep up with.
  const acks = portAcks((ack) => {
    port.postMessage(ack);
  });
  const messages$ = new Observable<string>((subscriber) => {
    const onMessage = (event: MessageEvent): void => {
      if (typeof event.data !== 'string') return;
      subscriber.next(event.data);
      acks.consumed(event.data);
    };
    port.addEventListener('message', onMessage);
    port.start();
    return () => {
      port.removeEventListener('message', onMessage);
    };
  });
  return {
    send: (text) => {
      port.postMessage(text);
    },
    messages$,
    close: () => {
      acks.stop();
      port.close();
    },
  };
}

/**
 * The kiosk's link: the preload forwards a MessagePort to the core (and the
 * core's lifecycle) with window.postMessage. A new port arrives after every
 * core restart; the old client is then dropped.
 */
export function connectElectronLink(target: Window): CoreLink {
  const state$ = new BehaviorSubject<LinkState>({ kind: 'connecting' });
  const client$ = new BehaviorSubject<RpcClient | null>(null);

  target.addEventListener('message', (event: MessageEvent) => {
    // Only the preload, which runs in this window and posts to its own origin, may hand over a port.
    if (event.source !== target || event.origin !== target.location.origin) return;
    const parsed = PageBridgeMessage.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'sahman:core-port') {
      const port = event.ports[0];
      if (port === undefined) return;
      client$.value?.close();
      client$.next(new RpcClient(portTransport(port)));
      state$.next({ kind: 'connected' });
      return;
    }
    const lifecycle = message.lifecycle;
    switch (lifecycle.state) {
      case 'starting':
        state$.next({ kind: 'connecting' });
        break;
      case 'running':
        break;
      case 'restarting':
        client$.value?.close();
        client$.next(null);
        state$.next({ kind: 'core-restarting', attempt: lifecycle.attempt, retryAt: lifecycle.nextAttemptAt });
        break;
      case 'halted':
        client$.value?.close();
        client$.next(null);
        state$.next({ kind: 'core-halted', reason: lifecycle.reason });
        break;
    }
  });
  return { state$, client$ };
}
