import { createHash } from 'node:crypto';

/** The ciphers Doc 9303 secure messaging runs on. */
export type SmCipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

/** The counter that says which key the KDF makes (Doc 9303-11, 9.7.1). */
export const KEY_PURPOSE = { encryption: 1, mac: 2, pacePassword: 3 } as const;
export type KeyPurpose = keyof typeof KEY_PURPOSE;

/** DES ignores each byte's lowest bit; Doc 9303's worked examples set it for odd parity, and so does this. */
function withOddParity(key: Buffer): Buffer {
  for (let at = 0; at < key.length; at += 1) {
    const byte = (key[at] ?? 0) & 0xfe;
    let ones = 0;
    for (let bit = 1; bit < 0x100; bit <<= 1) if ((byte & bit) !== 0) ones += 1;
    key[at] = ones % 2 === 0 ? byte | 1 : byte;
  }
  return key;
}

/** KDF(K, c) of Doc 9303-11, 9.7.1: a hash of the shared secret and a 32-bit counter, cut to the cipher's key length. */
export function deriveKey(secret: Uint8Array, cipher: SmCipher, purpose: KeyPurpose): Buffer {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(KEY_PURPOSE[purpose]);
  const hash = cipher === '3DES' || cipher === 'AES-128' ? 'sha1' : 'sha256';
  const digest = createHash(hash).update(secret).update(counter).digest();
  if (cipher === '3DES') return withOddParity(digest.subarray(0, 16));
  return digest.subarray(0, cipher === 'AES-128' ? 16 : cipher === 'AES-192' ? 24 : 32);
}
