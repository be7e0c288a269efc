import { describe, expect, it } from 'vitest';
import { decodeResponse, encodeCommand } from '../../../drivers/chip/apdu.js';
import { ChipProtocolError } from '../../../drivers/chip/chip-errors.js';

describe('ISO/IEC 7816-4 command and response APDUs', () => {
  it('writes short commands, and extended ones when data or Le need them', () => {
    expect(encodeCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Buffer.from([0x01, 0x1e]) }).toString('hex')).toBe('00a4020c02011e');
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, expected: 256 }).toString('hex')).toBe('00b0000000');
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, expected: 65_536 }).toString('hex')).toBe('00b00000000000');
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, expected: 1_000 }).toString('hex')).toBe('00b000000003e8');
    const update = encodeCommand({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: Buffer.alloc(300), expected: 4 });
    expect(update.subarray(4, 7).toString('hex')).toBe('00012c');
    expect(update.subarray(-2).toString('hex')).toBe('0004');
  });

  it('refuses impossible lengths and responses without a status word', () => {
    expect(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, expected: 70_000 })).toThrow(ChipProtocolError);
    expect(() => encodeCommand({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: Buffer.alloc(0) })).toThrow(/1 to 65,535/);
    expect(() => decodeResponse(Buffer.from([0x90]))).toThrow(/two-byte status word/);
    expect(decodeResponse(Buffer.from([0x60, 0x14, 0x90, 0x00]))).toEqual({ data: Buffer.from([0x60, 0x14]), statusWord: 0x9000 });
  });
});
