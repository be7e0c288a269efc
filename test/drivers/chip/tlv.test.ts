import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChipProtocolError } from '../../../drivers/chip/chip-errors.js';
import { encodeTlv, readTlv, readTlvs } from '../../../drivers/chip/tlv.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('BER-TLV as eMRTD files and secure messaging write it', () => {
  it('reads one- and two-byte tags and short and long lengths', () => {
    // EF.COM's start: tag 60, then LDS version 5F01.
    const com = readTlv(hex('6016 5F0104 30313037 5F3606 303430303030 5C 04 61757F76'));
    expect(com.tag).toBe(0x60);
    expect(readTlvs(com.value).map((object) => object.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
    const long = readTlv(Buffer.concat([hex('75 82 0190'), Buffer.alloc(0x190, 0xab)]));
    expect(long.value.length).toBe(0x190);
  });

  it('writes what it reads', () => {
    fc.assert(
      fc.property(fc.constantFrom(0x87, 0x99, 0x8e, 0x5f1f, 0x7f61), fc.uint8Array({ maxLength: 70_000 }), (tag, value) => {
        const object = readTlv(encodeTlv(tag, value));
        expect(object.tag).toBe(tag);
        expect(object.value.equals(Buffer.from(value))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses lengths past the end, a 64 KB file that claims 4 GB, indefinite lengths and endless tags', () => {
    expect(() => readTlv(hex('87 09 01 0203'))).toThrow(/claims 9 bytes, but only 3 follow/);
    expect(() => readTlv(Buffer.concat([hex('75 84 FFFFFFFF'), Buffer.alloc(65_536)]))).toThrow(ChipProtocolError);
    expect(() => readTlv(hex('75 85 0100000000'))).toThrow(/length field of 5 bytes/);
    expect(() => readTlv(hex('30 80 0000'))).toThrow(/indefinite/);
    expect(() => readTlv(hex('5F FF FF FF 01 00'))).toThrow(/tag longer/);
    expect(() => readTlv(hex('5F'))).toThrow(/ends inside its tag/);
  });

  it('meets any bytes with a protocol error or objects inside the bytes, never a crash or a read past the end', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        try {
          for (const object of readTlvs(buffer)) expect(object.end).toBeLessThanOrEqual(buffer.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ChipProtocolError);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
