/**
 * Acknowledged-window flow control for the RPC over an Electron MessagePort.
 * A port exposes no queue size, so this counts the UTF-8 bytes of every text
 * posted and subtracts what the page acknowledged it consumed: the RPC
 * session's slow-consumer protection (streams wait above its high water, a
 * stream whose reader never drains is ended) then works as over a WebSocket.
 *
 * Electron's types are not imported (see core-process.ts): the shapes used are
 * described here.
 */
import type { Logger } from 'pino';
import { isPortFlowAckLike, PortFlowAck } from '../../../common/contract/port-flow.js';
import type { RpcConnection } from '../../rpc/connection.js';
import type { RpcSession } from '../../rpc/rpc-session.js';

export interface PortMessage {
  readonly data: unknown;
  readonly ports: readonly PortLike[];
}

export interface PortLike {
  on(event: 'message', listener: (message: PortMessage) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** A page that keeps sending bad acks is a bug, not news: say so a few times, then stay quiet. */
const MAX_WARNINGS = 10;

export class PortFlow {
  private posted = 0;
  private acknowledged = 0;
  private warnings = 0;

  constructor(
    private readonly port: Pick<PortLike, 'postMessage'>,
    private readonly log: Logger,
    private readonly id: string,
  ) {}

  /** Posts RPC text and counts it as in flight until acknowledged. */
  send(text: string): void {
    this.port.postMessage(text);
    this.posted += Buffer.byteLength(text);
  }

  /** Bytes posted that the page has not yet acknowledged. */
  bufferedBytes(): number {
    return this.posted - this.acknowledged;
  }

  /**
   * Consumes a port message if it is flow control: returns true for every
   * message that claims to be an ack, valid or not (a bad one is ignored and
   * logged); false for what belongs to the RPC session.
   */
  take(data: unknown): boolean {
    if (!isPortFlowAckLike(data)) return false;
    const parsed = PortFlowAck.safeParse(data);
    if (!parsed.success) {
      this.warn('ignored a malformed flow-control ack');
      return true;
    }
    const bytes = parsed.data.bytes;
    if (bytes > this.posted) {
      this.warn('ignored a flow-control ack beyond the bytes posted', bytes);
      return true;
    }
    if (bytes < this.acknowledged) {
      this.warn('ignored a flow-control ack below an earlier one', bytes);
      return true;
    }
    this.acknowledged = bytes;
    return true;
  }

  private warn(message: string, bytes?: number): void {
    if (this.warnings >= MAX_WARNINGS) return;
    this.warnings++;
    this.log.warn({ connection: this.id, bytes, posted: this.posted, acknowledged: this.acknowledged }, message);
  }
}

/** Serves one RPC session on a port: acks go to the flow control, everything else to the session. */
export function servePort(
  openSession: (connection: RpcConnection) => RpcSession,
  port: PortLike,
  id: string,
  log: Logger,
): RpcSession {
  const flow = new PortFlow(port, log, id);
  const session = openSession({
    id,
    send: (text) => {
      flow.send(text);
    },
    bufferedBytes: () => flow.bufferedBytes(),
    close: () => {
      port.close();
    },
  });
  port.on('message', (message) => {
    if (flow.take(message.data)) return;
    session.receive(typeof message.data === 'string' ? message.data : JSON.stringify(message.data ?? null));
  });
  port.on('close', () => {
    session.dispose();
  });
  port.start();
  return session;
}
