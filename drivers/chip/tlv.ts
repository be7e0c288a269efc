import { ChipProtocolError } from './chip-errors.js';

/** One BER-TLV data object, its value a view into the bytes it was read from. */
export interface Tlv {
  readonly tag: number;
  readonly value: Buffer;
  /** The offset just past the object. */
  readonly end: number;
}

/** The longest length field read: four bytes (4 GiB) is already far past any eMRTD file. */
const MAX_LENGTH_BYTES = 4;

/** A data object's tag and length, read without its value: how long a file is, from its first bytes. */
export interface TlvHeader {
  readonly tag: number;
  readonly length: number;
  /** The bytes its tag and length fields take. */
  readonly headerLength: number;
}

export function readTlvHeader(bytes: Buffer, offset = 0): TlvHeader {
  let at = offset;
  const byteAt = (what: string): number => {
    const byte = bytes[at];
    if (byte === undefined) throw new ChipProtocolError(`a data object ends inside its ${what} at byte ${String(at)}`);
    at += 1;
    return byte;
  };
  let tag = byteAt('tag');
  if ((tag & 0x1f) === 0x1f) {
    let more: number;
    let tagBytes = 1;
    do {
      more = byteAt('tag');
      tag = tag * 0x100 + more;
      tagBytes += 1;
      if (tagBytes > 3) throw new ChipProtocolError(`a tag longer than three bytes at byte ${String(offset)}`);
    } while ((more & 0x80) !== 0);
  }
  let length = byteAt('length');
  if (length === 0x80) throw new ChipProtocolError(`an indefinite length at byte ${String(offset)}: DER and Doc 9303 allow only definite lengths`);
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > MAX_LENGTH_BYTES) throw new ChipProtocolError(`a length field of ${String(count)} bytes at byte ${String(offset)}`);
    length = 0;
    for (let read = 0; read < count; read += 1) length = length * 0x100 + byteAt('length');
  }
  return { tag, length, headerLength: at - offset };
}

/**
 * Reads the BER-TLV object at `offset`. Every length is checked against the
 * bytes there are: an object that claims more than the buffer holds is a
 * clear error, never a read past the end or a wait for bytes that never come.
 */
export function readTlv(bytes: Buffer, offset = 0): Tlv {
  const { tag, length, headerLength } = readTlvHeader(bytes, offset);
  const start = offset + headerLength;
  const end = start + length;
  if (end > bytes.length) throw new ChipProtocolError(`a data object (tag ${tag.toString(16).toUpperCase()}) claims ${String(length)} bytes, but only ${String(bytes.length - start)} follow`);
  return { tag, value: bytes.subarray(start, end), end };
}

/** Every object in sequence from `offset` to the end of the bytes. */
export function readTlvs(bytes: Buffer, offset = 0): Tlv[] {
  const objects: Tlv[] = [];
  for (let at = offset; at < bytes.length; ) {
    const object = readTlv(bytes, at);
    objects.push(object);
    at = object.end;
  }
  return objects;
}

/** A BER length field for `length` bytes. */
export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x100) return Buffer.from([0x81, length]);
  if (length < 0x10000) return Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.from([0x83, length >> 16, (length >> 8) & 0xff, length & 0xff]);
}

/** A data object with a one- or two-byte tag. */
export function encodeTlv(tag: number, value: Uint8Array): Buffer {
  const tagBytes = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  return Buffer.concat([Buffer.from(tagBytes), encodeLength(value.length), value]);
}
