import { Observable } from 'rxjs';
import WebSocket from 'ws';
import { RpcClient } from '../../main/common/rpc/client.js';
import { RPC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../main/common/contract/rpc-wire.js';

export interface RawSocketOptions {
  readonly token?: string;
  readonly origin?: string;
  readonly host?: string;
}

/** Opens a raw WebSocket to a serving core, as a browser or a hostile page would. */
export function openSocket(port: number, options: RawSocketOptions = {}): WebSocket {
  const protocols = [RPC_SUBPROTOCOL, ...(options.token === undefined ? [] : [`${TOKEN_SUBPROTOCOL_PREFIX}${options.token}`])];
  const headers: Record<string, string> = {};
  if (options.host !== undefined) headers.Host = options.host;
  return new WebSocket(`ws://127.0.0.1:${String(port)}/rpc`, protocols, {
    headers,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  });
}

/** Resolves when open; rejects with the HTTP status if the server refused the upgrade. */
export function whenOpen(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${String(response.statusCode)}`));
    });
    socket.once('error', reject);
  });
}

/** The next text message the socket receives, parsed. */
export function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as unknown));
  });
}

/** A typed RpcClient over a `ws` socket, as the renderer has over the browser's WebSocket. */
export async function connectClient(port: number, token: string): Promise<{ client: RpcClient; socket: WebSocket }> {
  const socket = openSocket(port, { token });
  await whenOpen(socket);
  const client = new RpcClient({
    send: (text) => {
      socket.send(text);
    },
    messages$: new Observable<string>((subscriber) => {
      socket.on('message', (data: Buffer) => subscriber.next(data.toString('utf8')));
      socket.on('close', () => subscriber.complete());
    }),
    close: () => {
      socket.close();
    },
  });
  return { client, socket };
}
