import type * as SmartcardModule from 'smartcard';
import type { ChipChannel } from './apdu.js';
import { ChipError, ChipRemovedError } from './chip-errors.js';

/** A command the reader has not answered in this long is taken as a chip gone quiet: never a hang. */
const TRANSMIT_TIMEOUT_MS = 5_000;
/** Room for an extended-length response: 65,536 bytes and the status word, with secure messaging's objects. */
const MAX_RESPONSE_BYTES = 65_536 + 64;
const POLL_MS = 50;

export interface PcscChip extends ChipChannel {
  readonly atr: Buffer;
  close(): void;
}

type Smartcard = typeof SmartcardModule;

async function loadSmartcard(): Promise<Smartcard> {
  try {
    return await import('smartcard');
  } catch (error) {
    throw new ChipError(`PC/SC is not available (${error instanceof Error ? error.message : 'the smartcard module did not load'}): install the Debian packages pcscd and libpcsclite1`);
  }
}

function openContext(pcsc: Smartcard): InstanceType<Smartcard['Context']> {
  try {
    return new pcsc.Context();
  } catch (error) {
    throw new ChipError(`cannot reach pcscd (${error instanceof Error ? error.message : 'no context'}): is it running? It comes with the Debian package pcscd`);
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChipRemovedError(`${what}: the chip did not answer within ${String(TRANSMIT_TIMEOUT_MS / 1000)} s`)), TRANSMIT_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Connects to the chip in the PC/SC reader `readerName` (a document reader's
 * RFID antenna, or vpcd in tests), waiting up to `waitMs` for one to be
 * presented. Every failure is a ChipError that says what to do.
 */
export async function connectPcscChip(readerName: string, waitMs = 0): Promise<PcscChip> {
  const pcsc = await loadSmartcard();
  const context = openContext(pcsc);
  try {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const readers = context.listReaders();
      const reader = readers.find((candidate) => candidate.name === readerName);
      if (reader === undefined) throw new ChipError(`no PC/SC reader named "${readerName}"; the readers are: ${readers.map((candidate) => `"${candidate.name}"`).join(', ') || 'none'}`);
      if ((reader.state & pcsc.SCARD_STATE_PRESENT) !== 0) {
        const card = await withTimeout(reader.connect(pcsc.SCARD_SHARE_SHARED, pcsc.SCARD_PROTOCOL_T0 | pcsc.SCARD_PROTOCOL_T1), 'connecting');
        return {
          atr: Buffer.from(card.atr ?? []),
          async transmit(command) {
            let response: Buffer;
            try {
              response = await withTimeout(card.transmit(Buffer.from(command), { maxRecvLength: MAX_RESPONSE_BYTES }), 'a command');
            } catch (error) {
              if (error instanceof ChipError) throw error;
              throw new ChipRemovedError(`the chip left the reader mid-read (${error instanceof Error ? error.message : 'transmit failed'})`);
            }
            // No bytes at all, not even a status word: the reader lost the chip while it was answering.
            if (response.length === 0) throw new ChipRemovedError('the chip stopped answering mid-read: taken away from the reader?');
            return response;
          },
          close() {
            try {
              // Leave the card as it is: a reset would make pcscd wait, inside this synchronous call, for the chip's new ATR.
              card.disconnect(pcsc.SCARD_LEAVE_CARD);
            } catch {
              // Already gone with the chip.
            }
            context.close();
          },
        };
      }
      if (Date.now() >= deadline) throw new ChipRemovedError(`no chip in the reader "${readerName}"`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    context.close();
    if (error instanceof ChipError) throw error;
    throw new ChipError(`PC/SC: ${error instanceof Error ? error.message : 'the reader failed'}`);
  }
}

/** The first PC/SC reader with a chip in it, for a command given no reader name. */
export async function firstReaderWithChip(): Promise<string> {
  const pcsc = await loadSmartcard();
  const context = openContext(pcsc);
  try {
    const readers = context.listReaders();
    const withChip = readers.find((reader) => (reader.state & pcsc.SCARD_STATE_PRESENT) !== 0);
    if (withChip === undefined) throw new ChipRemovedError(readers.length === 0 ? 'no PC/SC reader is connected' : `no chip in any PC/SC reader (${readers.map((reader) => `"${reader.name}"`).join(', ')})`);
    return withChip.name;
  } finally {
    context.close();
  }
}
