import { SW_SUCCESS } from './apdu.js';
import { ChipProtocolError, ChipStatusError } from './chip-errors.js';
import type { ProtectedChannel } from './protected-channel.js';
import { readTlvHeader } from './tlv.js';

/** The LDS files Sahman reads, by their short names and file identifiers (Doc 9303-10, 4.6). */
export const LDS_FILES = { COM: 0x011e, SOD: 0x011d, DG1: 0x0101, DG2: 0x0102, DG11: 0x010b, DG12: 0x010c, DG14: 0x010e, DG15: 0x010f } as const;
export type LdsFileName = keyof typeof LDS_FILES;

/** With 3DES secure messaging and short lengths, the most data that fits a 256-byte protected response (as JMRTD reads). */
export const SHORT_READ_LENGTH = 0xdf;
/** The largest file believed: a portrait of several hundred KB is already more than any issuer stores. */
const MAX_FILE_BYTES = 1 << 20;
/** Offsets past this need READ BINARY with an odd INS, which is not done yet. */
const MAX_EVEN_INS_OFFSET = 0x7fff;
const SW_END_OF_FILE = 0x6282;
const SW_FILE_NOT_FOUND = 0x6a82;

export interface ReadOptions {
  /** The most bytes asked for per READ BINARY: SHORT_READ_LENGTH, or more where reader and chip take extended lengths. */
  readonly readLength?: number;
}

async function readBinary(channel: ProtectedChannel, offset: number, length: number): Promise<Buffer> {
  if (offset > MAX_EVEN_INS_OFFSET) throw new ChipProtocolError(`a file longer than ${String(MAX_EVEN_INS_OFFSET + 1)} bytes needs READ BINARY with an odd INS, which this reader does not send yet`);
  const response = await channel.send({ cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, expected: length });
  if (response.statusWord !== SW_SUCCESS && response.statusWord !== SW_END_OF_FILE) throw new ChipStatusError(`READ BINARY at ${String(offset)}`, response.statusWord);
  return response.data;
}

/**
 * Selects an elementary file and reads it whole: its header first, for its
 * length, then as many READ BINARYs as that needs. A chip that answers with
 * fewer bytes than asked is read on from where it stopped; one that stops
 * giving any, or claims more than a file can hold, is an error.
 * Resolves to undefined when the chip has no such file.
 */
export async function readLdsFile(channel: ProtectedChannel, file: LdsFileName, options: ReadOptions = {}): Promise<Buffer | undefined> {
  const selected = await channel.send({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Buffer.from([LDS_FILES[file] >> 8, LDS_FILES[file] & 0xff]) });
  if (selected.statusWord === SW_FILE_NOT_FOUND) return undefined;
  if (selected.statusWord !== SW_SUCCESS) throw new ChipStatusError(`SELECT ${file}`, selected.statusWord);
  const readLength = options.readLength ?? SHORT_READ_LENGTH;
  // Enough for a two-byte tag and a length of up to four bytes.
  const head = await readBinary(channel, 0, Math.min(8, readLength));
  let total: number;
  try {
    const header = readTlvHeader(head);
    total = header.headerLength + header.length;
  } catch (error) {
    throw new ChipProtocolError(`${file} does not start with a data object: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  if (total > MAX_FILE_BYTES) throw new ChipProtocolError(`${file} claims ${String(total)} bytes, more than any eMRTD file holds`);
  const parts: Buffer[] = [head.subarray(0, Math.min(head.length, total))];
  for (let read = parts[0]?.length ?? 0; read < total; ) {
    const part = await readBinary(channel, read, Math.min(readLength, total - read));
    if (part.length === 0) throw new ChipProtocolError(`${file}: the chip gave no data at offset ${String(read)} of ${String(total)}`);
    parts.push(part.subarray(0, total - read));
    read += part.length;
  }
  return Buffer.concat(parts);
}
