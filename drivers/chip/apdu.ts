import { ChipProtocolError } from './chip-errors.js';

/** An ISO/IEC 7816-4 command. `expected` is Le: 1 to 65,536 bytes (256 and 65,536 are written as zeros). */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly expected?: number;
}

export interface ResponseApdu {
  readonly data: Buffer;
  readonly statusWord: number;
}

export const SW_SUCCESS = 0x9000;

/** Whether the command needs extended length fields: more than 255 bytes of data or more than 256 expected. */
export function needsExtendedLength(command: CommandApdu): boolean {
  return (command.data?.length ?? 0) > 255 || (command.expected ?? 0) > 256;
}

/** The command's bytes: short length fields where they suffice, extended ones otherwise (or when asked). */
export function encodeCommand(command: CommandApdu, extended = needsExtendedLength(command)): Buffer {
  const { data, expected } = command;
  if (data !== undefined && (data.length === 0 || data.length > 65_535)) throw new ChipProtocolError(`a command carries 1 to 65,535 bytes of data, not ${String(data.length)}`);
  if (expected !== undefined && (expected < 1 || expected > 65_536 || !Number.isInteger(expected))) throw new ChipProtocolError(`Le is 1 to 65,536, not ${String(expected)}`);
  const parts: Uint8Array[] = [Buffer.from([command.cla, command.ins, command.p1, command.p2])];
  if (extended) {
    if (data !== undefined) parts.push(Buffer.from([0x00, data.length >> 8, data.length & 0xff]), data);
    if (expected !== undefined) parts.push(Buffer.from(data === undefined ? [0x00, (expected >> 8) & 0xff, expected & 0xff] : [(expected >> 8) & 0xff, expected & 0xff]));
  } else {
    if (data !== undefined) parts.push(Buffer.from([data.length]), data);
    if (expected !== undefined) parts.push(Buffer.from([expected & 0xff]));
  }
  return Buffer.concat(parts);
}

/** A response's data and status word; fewer than two bytes is no ISO/IEC 7816-4 response. */
export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new ChipProtocolError(`a response has at least a two-byte status word; the chip sent ${String(bytes.length)} bytes`);
  const end = bytes.length - 2;
  return { data: Buffer.from(bytes.subarray(0, end)), statusWord: ((bytes[end] ?? 0) << 8) | (bytes[end + 1] ?? 0) };
}

/** How a transport carries commands to the chip and its responses back (PC/SC on a lane, vpcd in tests). */
export interface ChipChannel {
  transmit(command: Uint8Array): Promise<Uint8Array>;
}
