import { describe, expect, it } from 'vitest';
import { aesCmac } from '../../../drivers/chip/block-ciphers.js';
import { deriveKey } from '../../../drivers/chip/key-derivation.js';
import { APPENDIX_D as D } from './doc9303-appendix-d.js';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

describe('the primitives secure messaging is built on', () => {
  it('computes AES-CMAC as RFC 4493 examples 1 to 4 give it', () => {
    const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
    const message = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
    expect(aesCmac(key, Buffer.alloc(0)).toString('hex')).toBe('bb1d6929e95937287fa37d129b756746');
    expect(aesCmac(key, message.subarray(0, 16)).toString('hex')).toBe('070a16b46b4d4144f79bdd9dd04a287c');
    expect(aesCmac(key, message.subarray(0, 40)).toString('hex')).toBe('dfa66747de9ae63030ca32611497c827');
    expect(aesCmac(key, message).toString('hex')).toBe('51f0bebf7e3b9d92fc49741779363cfe');
  });

  it('derives 3DES session keys with odd parity from the key seed (Doc 9303-11 Appendix D.3)', () => {
    const seed = Buffer.alloc(16);
    for (let at = 0; at < 16; at += 1) seed[at] = (D.kIfd[at] ?? 0) ^ (D.kIc[at] ?? 0);
    expect(seed.toString('hex')).toBe('0036d272f5c350acac50c3f572d23600');
    expect(deriveKey(seed, '3DES', 'encryption').toString('hex')).toBe(D.ksEnc.toString('hex'));
    expect(deriveKey(seed, '3DES', 'mac').toString('hex')).toBe(D.ksMac.toString('hex'));
  });

  it('derives the PACE password key from MRZ information (Doc 9303-11 Appendix G.1)', () => {
    // K = SHA-1(MRZ_information of T22000129, 640812, 101031); Kπ = KDF(K, 3) for AES-128.
    const k = hex('7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD');
    expect(deriveKey(k, 'AES-128', 'pacePassword').toString('hex')).toBe('89ded1b26624ec1e634c1989302849dd');
  });
});
