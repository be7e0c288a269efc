import { ChipAuthenticationError } from './chip-errors.js';

/** ISO/IEC 9797-1 padding method 2, which Doc 9303 uses before every encryption and MAC: 0x80, then zeros to a whole block. */
export function pad(data: Uint8Array, blockSize: number): Buffer {
  const padded = Buffer.alloc((Math.floor(data.length / blockSize) + 1) * blockSize);
  padded.set(data);
  padded[data.length] = 0x80;
  return padded;
}

/** Takes method-2 padding off; padding that is not there means the keys or the data are wrong. */
export function unpad(padded: Uint8Array): Buffer {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0x00) end -= 1;
  if (end < 0 || padded[end] !== 0x80) throw new ChipAuthenticationError('the decrypted data has no ISO/IEC 9797-1 padding: wrong session keys or tampered data');
  return Buffer.from(padded.subarray(0, end));
}
