import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChipAuthenticationError, ChipError } from '../../../drivers/chip/chip-errors.js';
import { SecureMessaging } from '../../../drivers/chip/secure-messaging.js';
import { APPENDIX_D as D } from './doc9303-appendix-d.js';

const session = (): SecureMessaging => new SecureMessaging('3DES', D.ksEnc, D.ksMac, D.ssc);

describe('secure messaging, against Doc 9303-11 Appendix D.4', () => {
  it('protects each command and opens each response of the worked example, counting as it goes', () => {
    const sm = session();
    for (const exchange of D.exchanges) {
      expect(sm.protect(exchange.command).toString('hex')).toBe(exchange.protectedCommand.toString('hex'));
      const response = sm.unprotect(exchange.protectedResponse);
      expect(response.data.toString('hex')).toBe(exchange.data.toString('hex'));
      expect(response.statusWord).toBe(exchange.statusWord);
    }
    // Six steps: the counter Doc 9303's examples continue from.
    expect(sm.sendSequenceCounter.toString('hex')).toBe('887022120c06c22c');
  });

  it('refuses a response whose MAC does not check, or that comes out of turn', () => {
    const [select, read] = D.exchanges;
    const tampered = session();
    tampered.protect(read.command);
    const flipped = Buffer.from(read.protectedResponse);
    flipped[4] = (flipped[4] ?? 0) ^ 0x80;
    expect(() => tampered.unprotect(flipped)).toThrow(ChipAuthenticationError);
    // A replayed answer was MACed with another counter value.
    const replayed = session();
    replayed.protect(select.command);
    replayed.unprotect(select.protectedResponse);
    replayed.protect(read.command);
    expect(() => replayed.unprotect(select.protectedResponse)).toThrow(/MAC is wrong/);
  });

  it('takes a plain error status as the chip gives it, and ends on a refused secure messaging', () => {
    const sm = session();
    sm.protect(D.exchanges[0].command);
    expect(sm.unprotect(Buffer.from('6A82', 'hex'))).toEqual({ data: Buffer.alloc(0), statusWord: 0x6a82 });
    sm.protect(D.exchanges[0].command);
    expect(() => sm.unprotect(Buffer.from('6988', 'hex'))).toThrow(/session is over/);
  });

  it('meets any bytes a chip or a broken reader may send with a chip error, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const sm = session();
        sm.protect(D.exchanges[1].command);
        try {
          sm.unprotect(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ChipError);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('uses extended lengths when the protected command or Le needs them', () => {
    const sm = new SecureMessaging('AES-128', Buffer.alloc(16, 1), Buffer.alloc(16, 2), Buffer.alloc(16));
    const protectedRead = sm.protect({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, expected: 1_000 });
    // Lc' 00 00 0E, then DO97 with two length bytes, DO8E, and Le' 00 00.
    expect(protectedRead.subarray(4, 7).toString('hex')).toBe('00000e');
    expect(protectedRead.subarray(7, 11).toString('hex')).toBe('970203e8');
    expect(protectedRead.subarray(-2).toString('hex')).toBe('0000');
    const protectedUpdate = sm.protect({ cla: 0x00, ins: 0xd6, p1: 0x00, p2: 0x00, data: Buffer.alloc(300, 7) });
    expect(protectedUpdate[4]).toBe(0x00);
    expect(protectedUpdate.readUInt16BE(5)).toBe(protectedUpdate.length - 7 - 2);
  });
});
