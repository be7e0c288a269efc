/**
 * A virtual eMRTD chip: the LDS application with its files, BAC, and 3DES
 * secure messaging, as Doc 9303 Parts 10 and 11 describe the chip's side.
 * It serves files the test made, so that every check can meet a good
 * document and each kind of bad one. Never a real person's data: tests give
 * it ICAO specimens and generated travellers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { bacKeys } from '../../../drivers/chip/bac.js';
import { retailMac, tripleDesCbc } from '../../../drivers/chip/block-ciphers.js';
import { deriveKey } from '../../../drivers/chip/key-derivation.js';
import type { MrzKeyFields } from '../../../drivers/chip/mrz-information.js';
import { pad } from '../../../drivers/chip/padding.js';
import { ChipSecureMessaging, SmCommandRefused, type ChipCommand } from './chip-secure-messaging.js';
import type { VirtualCard } from './vpcd-card.js';

const LDS_APPLICATION = Buffer.from('A0000002471001', 'hex');
/** An ISO 14443-4 card's ATR as PC/SC readers build it: T=1, no historical bytes. */
const CONTACTLESS_ATR = Buffer.from('3B80800101', 'hex');

const SW = { ok: 0x9000, endOfFile: 0x6282, authenticationFailed: 0x6300, wrongLength: 0x6700, securityNotSatisfied: 0x6982, noFileSelected: 0x6986, smObjectsIncorrect: 0x6988, fileNotFound: 0x6a82, offsetOutside: 0x6b00, notSupported: 0x6d00 } as const;

export interface EmrtdChipOptions {
  readonly mrz: MrzKeyFields;
  /** Files by their two-byte identifier: EF.COM 011E, EF.SOD 011D, DG1 0101… */
  readonly files: ReadonlyMap<number, Buffer>;
  /** The most data one READ BINARY returns, however many bytes were asked for (real chips cap it too). */
  readonly maxReadLength?: number;
  /** The chip's nonces, fixed for tests that follow Doc 9303's worked example. */
  readonly nonces?: { readonly rndIc: Buffer; readonly kIc: Buffer };
  /** Called after each READ BINARY served, with how many so far: a test takes the chip away here. */
  readonly afterRead?: (reads: number) => void;
}

interface Reply {
  readonly data: Buffer;
  readonly statusWord: number;
}

const reply = (statusWord: number, data: Buffer = Buffer.alloc(0)): Reply => ({ data, statusWord });
const plain = ({ data, statusWord }: Reply): Buffer => Buffer.concat([data, Buffer.from([statusWord >> 8, statusWord & 0xff])]);

export class EmrtdChip implements VirtualCard {
  readonly atr = CONTACTLESS_ATR;
  private applicationSelected = false;
  private challenge: Buffer | undefined;
  private session: ChipSecureMessaging | undefined;
  private selected: number | undefined;
  private reads = 0;

  constructor(private readonly options: EmrtdChipOptions) {}

  powerCycle(): void {
    this.applicationSelected = false;
    this.challenge = undefined;
    this.session = undefined;
    this.selected = undefined;
  }

  respond(apdu: Buffer): Buffer {
    const session = this.session;
    if (session === undefined) return plain(this.unprotected(apdu));
    let command: ChipCommand;
    try {
      command = session.unwrap(apdu);
    } catch (error) {
      if (!(error instanceof SmCommandRefused)) throw error;
      // Doc 9303: a command that fails secure messaging ends the session, answered in plain.
      this.session = undefined;
      return plain(reply(SW.smObjectsIncorrect));
    }
    const answer = this.file(command);
    return session.wrap(answer.data, answer.statusWord);
  }

  private unprotected(apdu: Buffer): Reply {
    const [cla, ins, p1, p2, lc] = apdu;
    if (cla !== 0x00) return reply(SW.securityNotSatisfied);
    if (ins === 0xa4 && p1 === 0x04) {
      this.applicationSelected = apdu.subarray(5, 5 + (lc ?? 0)).equals(LDS_APPLICATION);
      return reply(this.applicationSelected ? SW.ok : SW.fileNotFound);
    }
    if (ins === 0x84 && p1 === 0x00 && p2 === 0x00) {
      if (lc !== 0x08) return reply(SW.wrongLength);
      this.challenge = this.options.nonces?.rndIc ?? randomBytes(8);
      return reply(SW.ok, this.challenge);
    }
    if (ins === 0x82) return this.externalAuthenticate(apdu.subarray(5, 5 + (lc ?? 0)));
    return reply(SW.securityNotSatisfied);
  }

  /** BAC's chip side (Doc 9303-11, 9.7.4.2): the terminal proves it knows the MRZ, the chip answers, both derive the session. */
  private externalAuthenticate(data: Buffer): Reply {
    const rndIc = this.challenge;
    this.challenge = undefined;
    if (rndIc === undefined || data.length !== 40) return reply(SW.securityNotSatisfied);
    const keys = bacKeys(this.options.mrz);
    const encrypted = data.subarray(0, 32);
    if (!timingSafeEqual(retailMac(keys.mac, pad(encrypted, 8)), data.subarray(32))) return reply(SW.authenticationFailed);
    const s = tripleDesCbc(keys.encryption, Buffer.alloc(8), encrypted, 'decrypt');
    const rndIfd = s.subarray(0, 8);
    if (!s.subarray(8, 16).equals(rndIc)) return reply(SW.authenticationFailed);
    const kIfd = s.subarray(16, 32);
    const kIc = this.options.nonces?.kIc ?? randomBytes(16);
    const answer = tripleDesCbc(keys.encryption, Buffer.alloc(8), Buffer.concat([rndIc, rndIfd, kIc]), 'encrypt');
    const seed = Buffer.alloc(16);
    for (let at = 0; at < 16; at += 1) seed[at] = (kIfd[at] ?? 0) ^ (kIc[at] ?? 0);
    this.session = new ChipSecureMessaging(deriveKey(seed, '3DES', 'encryption'), deriveKey(seed, '3DES', 'mac'), Buffer.concat([rndIc.subarray(4, 8), rndIfd.subarray(4, 8)]));
    return reply(SW.ok, Buffer.concat([answer, retailMac(keys.mac, pad(answer, 8))]));
  }

  private file(command: ChipCommand): Reply {
    if (command.ins === 0xa4 && command.p1 === 0x02) {
      const id = command.data?.length === 2 ? command.data.readUInt16BE(0) : -1;
      if (!this.options.files.has(id)) return reply(SW.fileNotFound);
      this.selected = id;
      return reply(SW.ok);
    }
    if (command.ins === 0xb0) {
      const file = this.selected === undefined ? undefined : this.options.files.get(this.selected);
      if (file === undefined) return reply(SW.noFileSelected);
      if ((command.p1 & 0x80) !== 0) return reply(SW.notSupported);
      const offset = (command.p1 << 8) | command.p2;
      if (offset > file.length) return reply(SW.offsetOutside);
      const wanted = Math.min(command.expected ?? 256, this.options.maxReadLength ?? 1_024);
      const data = file.subarray(offset, offset + wanted);
      this.reads += 1;
      this.options.afterRead?.(this.reads);
      // Fewer bytes than asked for because the file ends: the warning ISO/IEC 7816-4 gives for it.
      return reply(offset + (command.expected ?? 256) > file.length ? SW.endOfFile : SW.ok, data);
    }
    return reply(SW.notSupported);
  }
}
