import type { Observable } from 'rxjs';

/**
 * Anything that carries the RPC's text messages both ways: a WebSocket, an
 * Electron MessagePort, or an in-process pipe in tests.
 */
export interface RpcTransport {
  send(text: string): void;
  /** Inbound messages; completes when the link closes, errors when it fails. */
  readonly messages$: Observable<string>;
  close(): void;
}
