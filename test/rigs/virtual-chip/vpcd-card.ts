/**
 * A virtual card in vpcd, the PC/SC reader driver of Debian's vsmartcard-vpcd:
 * pcscd shows "Virtual PCD 00 00" and waits for a card on TCP port 35963. This
 * side connects, answers vpcd's control messages (power off, on, reset, ATR)
 * and each command APDU; closing the connection is the card taken away.
 */
import net from 'node:net';

/** vpcd's reader ports, as /etc/reader.conf.d/vpcd configures them. */
export const VPCD_READERS = { 'Virtual PCD 00 00': 35963, 'Virtual PCD 00 01': 35964 } as const;
export type VpcdReaderName = keyof typeof VPCD_READERS;

export interface VirtualCard {
  readonly atr: Buffer;
  /** The card lost power (off or reset): whatever session it had is gone. */
  powerCycle(): void;
  respond(command: Buffer): Buffer;
}

const POWER_OFF = 0;
const POWER_ON = 1;
const RESET = 2;
const GET_ATR = 4;

export interface InsertedCard {
  /** The card is taken away: vpcd reports it removed. */
  remove(): Promise<void>;
}

/** Puts `card` in the vpcd reader; resolves once vpcd has accepted the connection. */
export function insertCard(card: VirtualCard, reader: VpcdReaderName = 'Virtual PCD 00 00'): Promise<InsertedCard> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: VPCD_READERS[reader] });
    let pending = Buffer.alloc(0);
    const send = (payload: Buffer): void => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(payload.length);
      socket.write(Buffer.concat([length, payload]));
    };
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) return;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        if (length === 1) {
          const control = message[0];
          if (control === GET_ATR) send(card.atr);
          else if (control === POWER_OFF || control === RESET || control === POWER_ON) card.powerCycle();
        } else {
          send(card.respond(Buffer.from(message)));
        }
      }
    });
    socket.once('connect', () =>
      resolve({
        remove: () =>
          new Promise<void>((done) => {
            if (socket.closed) {
              done();
              return;
            }
            socket.once('close', () => done());
            socket.destroy();
          }),
      }),
    );
    socket.once('error', (error) => reject(new Error(`cannot reach vpcd on port ${String(VPCD_READERS[reader])} (is pcscd running with vsmartcard-vpcd installed?): ${error.message}`)));
  });
}
