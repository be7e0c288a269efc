import { timingSafeEqual } from 'node:crypto';
import { decodeResponse, type CommandApdu, type ResponseApdu } from './apdu.js';
import { aesCbc, aesCmac, aesEncryptBlock, retailMac, tripleDesCbc } from './block-ciphers.js';
import { ChipAuthenticationError, ChipProtocolError } from './chip-errors.js';
import type { SmCipher } from './key-derivation.js';
import { pad, unpad } from './padding.js';
import { encodeTlv, readTlvs } from './tlv.js';

const MAC_LENGTH = 8;
const TAG_ENCRYPTED_WITH_INDICATOR = 0x87;
const TAG_ENCRYPTED_ODD_INS = 0x85;
const TAG_EXPECTED_LENGTH = 0x97;
const TAG_STATUS = 0x99;
const TAG_MAC = 0x8e;
/** The status words by which a chip says it could not verify a protected command: the session is over. */
const SM_REFUSED = new Set([0x6987, 0x6988]);

/**
 * Secure messaging of Doc 9303-11, 9.8, on the terminal's side: each command
 * encrypted and MACed with the session keys and the send sequence counter,
 * each response's MAC checked before its data is believed. 3DES after BAC,
 * 3DES or AES after PACE and chip authentication.
 */
export class SecureMessaging {
  private readonly ssc: Buffer;
  private readonly blockSize: number;

  constructor(
    private readonly cipher: SmCipher,
    private readonly ksEnc: Uint8Array,
    private readonly ksMac: Uint8Array,
    sendSequenceCounter: Uint8Array,
  ) {
    this.blockSize = cipher === '3DES' ? 8 : 16;
    if (sendSequenceCounter.length !== this.blockSize) throw new ChipProtocolError(`a ${cipher} send sequence counter is ${String(this.blockSize)} bytes, not ${String(sendSequenceCounter.length)}`);
    this.ssc = Buffer.from(sendSequenceCounter);
  }

  /** The counter now, for tests that follow Doc 9303's worked examples step by step. */
  get sendSequenceCounter(): Buffer {
    return Buffer.from(this.ssc);
  }

  /** The protected form of `command`, counting one more on the counter. */
  protect(command: CommandApdu): Buffer {
    this.step();
    const cla = command.cla | 0x0c;
    const header = Buffer.from([cla, command.ins, command.p1, command.p2]);
    const objects: Buffer[] = [];
    if (command.data !== undefined) {
      const encrypted = this.crypt(pad(command.data, this.blockSize), 'encrypt');
      // An odd INS carries BER-TLV data, which needs no padding-content indicator.
      objects.push(command.ins % 2 === 1 ? encodeTlv(TAG_ENCRYPTED_ODD_INS, encrypted) : encodeTlv(TAG_ENCRYPTED_WITH_INDICATOR, Buffer.concat([Buffer.from([0x01]), encrypted])));
    }
    if (command.expected !== undefined) {
      const expected = command.expected;
      objects.push(encodeTlv(TAG_EXPECTED_LENGTH, expected <= 256 ? Buffer.from([expected & 0xff]) : Buffer.from([(expected >> 8) & 0xff, expected & 0xff])));
    }
    const mac = this.mac(Buffer.concat([this.ssc, pad(header, this.blockSize), ...objects]));
    objects.push(encodeTlv(TAG_MAC, mac));
    const body = Buffer.concat(objects);
    const extended = body.length > 255 || (command.expected ?? 0) > 256;
    const lc = extended ? Buffer.from([0x00, body.length >> 8, body.length & 0xff]) : Buffer.from([body.length]);
    return Buffer.concat([header, lc, body, Buffer.alloc(extended ? 2 : 1)]);
  }

  /**
   * The plain response inside a protected one, counting one more on the
   * counter. A missing or wrong MAC is an authentication error: the data is
   * not the chip's, or not this session's.
   */
  unprotect(bytes: Uint8Array): ResponseApdu {
    const response = decodeResponse(bytes);
    this.step();
    if (response.data.length === 0) {
      if (SM_REFUSED.has(response.statusWord)) throw new ChipAuthenticationError('the chip refused a protected command\'s secure messaging: the session is over');
      // Doc 9303 lets a chip answer an error in plain: nothing to check, and no data to believe.
      return response;
    }
    const objects = readTlvs(response.data);
    const macObject = objects.find((object) => object.tag === TAG_MAC);
    if (macObject?.value.length !== MAC_LENGTH) throw new ChipAuthenticationError('a protected response without its 8-byte MAC');
    const macStart = macObject.end - macObject.value.length - 2;
    const expected = this.mac(Buffer.concat([this.ssc, response.data.subarray(0, macStart)]));
    if (!timingSafeEqual(expected, macObject.value)) throw new ChipAuthenticationError('a protected response whose MAC is wrong: tampered data, or not this session\'s chip');
    const status = objects.find((object) => object.tag === TAG_STATUS);
    if (status?.value.length !== 2) throw new ChipProtocolError('a protected response without its status word (data object 99)');
    const encrypted = objects.find((object) => object.tag === TAG_ENCRYPTED_WITH_INDICATOR || object.tag === TAG_ENCRYPTED_ODD_INS);
    let data: Buffer = Buffer.alloc(0);
    if (encrypted !== undefined) {
      const withIndicator = encrypted.tag === TAG_ENCRYPTED_WITH_INDICATOR;
      if (withIndicator && encrypted.value[0] !== 0x01) throw new ChipProtocolError('an encrypted response whose padding-content indicator is not 01');
      const ciphertext = encrypted.value.subarray(withIndicator ? 1 : 0);
      if (ciphertext.length === 0 || ciphertext.length % this.blockSize !== 0) throw new ChipProtocolError(`encrypted response data of ${String(ciphertext.length)} bytes, not whole ${String(this.blockSize)}-byte blocks`);
      data = unpad(this.crypt(ciphertext, 'decrypt'));
    }
    return { data, statusWord: status.value.readUInt16BE(0) };
  }

  private step(): void {
    for (let at = this.ssc.length - 1; at >= 0; at -= 1) {
      const next = ((this.ssc[at] ?? 0) + 1) & 0xff;
      this.ssc[at] = next;
      if (next !== 0) return;
    }
  }

  private crypt(data: Uint8Array, direction: 'encrypt' | 'decrypt'): Buffer {
    if (this.cipher === '3DES') return tripleDesCbc(this.ksEnc, Buffer.alloc(8), data, direction);
    // AES's IV is the counter encrypted under the session key (Doc 9303-11, 9.8.6.1).
    return aesCbc(this.ksEnc, aesEncryptBlock(this.ksEnc, this.ssc), data, direction);
  }

  private mac(message: Buffer): Buffer {
    const padded = pad(message, this.blockSize);
    return this.cipher === '3DES' ? retailMac(this.ksMac, padded) : aesCmac(this.ksMac, padded).subarray(0, MAC_LENGTH);
  }
}
