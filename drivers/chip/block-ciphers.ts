import { createCipheriv, createDecipheriv } from 'node:crypto';
import { pad } from './padding.js';

function run(cipher: ReturnType<typeof createCipheriv> | ReturnType<typeof createDecipheriv>, data: Uint8Array): Buffer {
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** Two-key triple DES, CBC, over whole blocks (Doc 9303 pads before it encrypts). */
export function tripleDesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array, direction: 'encrypt' | 'decrypt'): Buffer {
  return run(direction === 'encrypt' ? createCipheriv('des-ede-cbc', key, iv) : createDecipheriv('des-ede-cbc', key, iv), data);
}

function singleDesEcb(key: Uint8Array, block: Uint8Array, direction: 'encrypt' | 'decrypt'): Buffer {
  // Two-key triple DES with both halves equal is single DES, which OpenSSL 3 keeps only in its legacy provider.
  const doubled = Buffer.concat([key, key]);
  return run(direction === 'encrypt' ? createCipheriv('des-ede-ecb', doubled, null) : createDecipheriv('des-ede-ecb', doubled, null), block);
}

/** ISO/IEC 9797-1 MAC algorithm 3 (the "retail MAC") with DES, over data the caller has padded. */
export function retailMac(key: Uint8Array, padded: Uint8Array): Buffer {
  const k1 = key.subarray(0, 8);
  const k2 = key.subarray(8, 16);
  const chained = run(createCipheriv('des-ede-cbc', Buffer.concat([k1, k1]), Buffer.alloc(8)), padded);
  const last = chained.subarray(chained.length - 8);
  return singleDesEcb(k1, singleDesEcb(k2, last, 'decrypt'), 'encrypt');
}

function aesName(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  return `aes-${String(key.length * 8)}-${mode}`;
}

/** AES, CBC, over whole blocks. */
export function aesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array, direction: 'encrypt' | 'decrypt'): Buffer {
  return run(direction === 'encrypt' ? createCipheriv(aesName(key, 'cbc'), key, iv) : createDecipheriv(aesName(key, 'cbc'), key, iv), data);
}

/** One AES block under the key: how AES secure messaging makes its IV from the send sequence counter. */
export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  return run(createCipheriv(aesName(key, 'ecb'), key, null), block);
}

/** x·2 in GF(2^128), the doubling CMAC's subkeys are made by. */
function double(block: Buffer): Buffer {
  const doubled = Buffer.alloc(16);
  for (let at = 0; at < 16; at += 1) doubled[at] = (((block[at] ?? 0) << 1) | ((block[at + 1] ?? 0) >> 7)) & 0xff;
  if (((block[0] ?? 0) & 0x80) !== 0) doubled[15] = (doubled[15] ?? 0) ^ 0x87;
  return doubled;
}

/** AES-CMAC (NIST SP 800-38B, RFC 4493), the MAC of AES secure messaging; Doc 9303 truncates it to 8 bytes. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Buffer {
  const k1 = double(aesEncryptBlock(key, Buffer.alloc(16)));
  const k2 = double(k1);
  const whole = message.length > 0 && message.length % 16 === 0;
  const last = whole ? Buffer.from(message.subarray(message.length - 16)) : pad(message.subarray(message.length - (message.length % 16)), 16);
  const subkey = whole ? k1 : k2;
  for (let at = 0; at < 16; at += 1) last[at] = (last[at] ?? 0) ^ (subkey[at] ?? 0);
  const head = message.subarray(0, whole ? message.length - 16 : message.length - (message.length % 16));
  const chained = aesCbc(key, Buffer.alloc(16), Buffer.concat([head, last]), 'encrypt');
  return chained.subarray(chained.length - 16);
}
