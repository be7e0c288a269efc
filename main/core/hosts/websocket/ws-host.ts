import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, RPC_SUBPROTOCOL } from '../../../common/contract/rpc-wire.js';
import type { Core } from '../../app/core.js';
import { allowedHosts, checkUpgrade } from './upgrade-guard.js';
import { serveStatic } from './static-files.js';

export interface WebSocketHostOptions {
  readonly core: Core;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer to serve. */
  readonly rendererDir: string;
}

export interface WebSocketHost {
  readonly port: number;
  /** The page's address with the token in its fragment, which browsers never send to a server. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * `sahman serve`'s host: the built UI over HTTP and the RPC over a WebSocket,
 * bound to 127.0.0.1 only and guarded by a per-start token.
 */
export async function startWebSocketHost(options: WebSocketHostOptions): Promise<WebSocketHost> {
  const { core } = options;
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  let connectionCount = 0;

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(RPC_SUBPROTOCOL) ? RPC_SUBPROTOCOL : false),
  });

  const server: Server = createServer((request, response) => {
    if (!allowedHosts(port).has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(421).end();
      return;
    }
    void serveStatic(options.rendererDir, request, response);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const verdict = checkUpgrade(path, request.headers, port, token);
    if (!verdict.ok) {
      core.log.warn({ status: verdict.status, reason: verdict.reason }, 'websocket upgrade refused');
      socket.end(`HTTP/1.1 ${String(verdict.status)} ${verdict.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      attach(ws, `ws-${String(++connectionCount)}`);
    });
  });

  function attach(ws: WebSocket, id: string): void {
    const session = core.openSession({
      id,
      send: (text) => {
        ws.send(text);
      },
      bufferedBytes: () => ws.bufferedAmount,
      close: (code, reason) => {
        ws.close(code, reason);
      },
    });
    // Binary frames are read as UTF-8 too: the protocol is JSON either way.
    ws.on('message', (data) => {
      session.receive(rawToText(data));
    });
    ws.on('error', (error) => {
      core.log.warn({ connection: id, err: error }, 'websocket error');
    });
    ws.on('close', () => {
      session.dispose();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  core.log.info({ port }, 'serving on 127.0.0.1');

  return {
    port,
    token,
    url: `http://127.0.0.1:${String(port)}/#token=${token}`,
    async close() {
      for (const client of sockets.clients) client.close(1001, 'core shutting down');
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

function rawToText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
