/** The core's view of one client link (a WebSocket, or an Electron MessagePort). */
export interface RpcConnection {
  /** A short id for logs; never the token or anything personal. */
  readonly id: string;
  send(text: string): void;
  /** Bytes queued but not yet handed to the OS; lets streams wait instead of hoarding memory. */
  bufferedBytes(): number;
  /** Closes the link; `code` follows WebSocket close codes (1009: message too big). */
  close(code: number, reason: string): void;
}
