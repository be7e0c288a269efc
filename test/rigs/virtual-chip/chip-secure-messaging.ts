/**
 * The chip's side of Doc 9303-11 secure messaging (3DES), written apart from
 * the terminal's (drivers/chip/secure-messaging.ts) and pinned to Appendix D
 * on its own: a mistake both sides shared would still fail against ICAO's bytes.
 */
import { timingSafeEqual } from 'node:crypto';
import { retailMac, tripleDesCbc } from '../../../drivers/chip/block-ciphers.js';
import { pad, unpad } from '../../../drivers/chip/padding.js';
import { encodeTlv, readTlvs } from '../../../drivers/chip/tlv.js';

export interface ChipCommand {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Buffer | undefined;
  /** Le, 1 to 65,536; undefined when absent. */
  readonly expected: number | undefined;
}

/** A command the chip cannot accept under secure messaging: it answers 6988 and the session ends. */
export class SmCommandRefused extends Error {}

export class ChipSecureMessaging {
  private readonly ssc: Buffer;

  constructor(
    private readonly ksEnc: Buffer,
    private readonly ksMac: Buffer,
    ssc: Buffer,
  ) {
    this.ssc = Buffer.from(ssc);
  }

  unwrap(apdu: Buffer): ChipCommand {
    this.count();
    if (apdu.length < 5 || ((apdu[0] ?? 0) & 0x0c) !== 0x0c) throw new SmCommandRefused('not a protected command');
    const header = apdu.subarray(0, 4);
    const extended = apdu[4] === 0x00 && apdu.length > 7;
    const bodyLength = extended ? apdu.readUInt16BE(5) : (apdu[4] ?? 0);
    const bodyStart = extended ? 7 : 5;
    const body = apdu.subarray(bodyStart, bodyStart + bodyLength);
    if (body.length !== bodyLength) throw new SmCommandRefused('Lc past the end');
    let objects;
    try {
      objects = readTlvs(body);
    } catch {
      throw new SmCommandRefused('malformed data objects');
    }
    const mac = objects.find((object) => object.tag === 0x8e);
    if (mac === undefined) throw new SmCommandRefused('no MAC');
    const covered = body.subarray(0, mac.end - mac.value.length - 2);
    const expectedMac = retailMac(this.ksMac, pad(Buffer.concat([this.ssc, pad(header, 8), covered]), 8));
    if (mac.value.length !== 8 || !timingSafeEqual(expectedMac, mac.value)) throw new SmCommandRefused('wrong MAC');
    const encrypted = objects.find((object) => object.tag === 0x87);
    const le = objects.find((object) => object.tag === 0x97);
    let expected: number | undefined;
    if (le !== undefined) {
      const value = le.value.length === 1 ? (le.value[0] ?? 0) : le.value.readUInt16BE(0);
      expected = value === 0 ? (le.value.length === 1 ? 256 : 65_536) : value;
    }
    const data = encrypted === undefined ? undefined : unpad(tripleDesCbc(this.ksEnc, Buffer.alloc(8), encrypted.value.subarray(1), 'decrypt'));
    return { cla: (header[0] ?? 0) & ~0x0c, ins: header[1] ?? 0, p1: header[2] ?? 0, p2: header[3] ?? 0, data, expected };
  }

  wrap(data: Buffer, statusWord: number): Buffer {
    this.count();
    const objects: Buffer[] = [];
    if (data.length > 0) objects.push(encodeTlv(0x87, Buffer.concat([Buffer.from([0x01]), tripleDesCbc(this.ksEnc, Buffer.alloc(8), pad(data, 8), 'encrypt')])));
    const sw = Buffer.from([statusWord >> 8, statusWord & 0xff]);
    objects.push(encodeTlv(0x99, sw));
    const mac = retailMac(this.ksMac, pad(Buffer.concat([this.ssc, ...objects]), 8));
    return Buffer.concat([...objects, encodeTlv(0x8e, mac), sw]);
  }

  private count(): void {
    for (let at = this.ssc.length - 1; at >= 0; at -= 1) {
      this.ssc[at] = ((this.ssc[at] ?? 0) + 1) & 0xff;
      if (this.ssc[at] !== 0) return;
    }
  }
}
