/**
 * The test chip's own side, pinned to Doc 9303-11 Appendix D apart from the
 * terminal's code: a mistake both sides shared would pass a test between
 * them, but not these.
 */
import { describe, expect, it } from 'vitest';
import { APPENDIX_D as D } from '../../drivers/chip/doc9303-appendix-d.js';
import { ChipSecureMessaging } from './chip-secure-messaging.js';
import { EmrtdChip } from './emrtd-chip.js';

describe('the virtual eMRTD chip, against Doc 9303-11 Appendix D', () => {
  it('answers GET CHALLENGE and the terminal\'s EXTERNAL AUTHENTICATE with the chip cryptogram of D.3', () => {
    const chip = new EmrtdChip({ mrz: D.fields, files: new Map(), nonces: { rndIc: D.rndIc, kIc: D.kIc } });
    expect(chip.respond(Buffer.from('00A4040C07A0000002471001', 'hex')).toString('hex')).toBe('9000');
    expect(chip.respond(Buffer.from('0084000008', 'hex')).toString('hex')).toBe(`${D.rndIc.toString('hex')}9000`);
    const answer = chip.respond(Buffer.concat([Buffer.from('0082000028', 'hex'), D.terminalCryptogram, Buffer.from([0x28])]));
    expect(answer.toString('hex')).toBe(`${D.chipCryptogram.toString('hex')}9000`);
  });

  it('refuses a cryptogram made with other keys, and reads nothing without access control', () => {
    const chip = new EmrtdChip({ mrz: { ...D.fields, birthDate: '690807' }, files: new Map([[0x011e, Buffer.from('6000', 'hex')]]), nonces: { rndIc: D.rndIc, kIc: D.kIc } });
    chip.respond(Buffer.from('0084000008', 'hex'));
    expect(chip.respond(Buffer.concat([Buffer.from('0082000028', 'hex'), D.terminalCryptogram, Buffer.from([0x28])])).toString('hex')).toBe('6300');
    expect(chip.respond(Buffer.from('00B0000004', 'hex')).toString('hex')).toBe('6982');
  });

  it('opens the protected commands of D.4 and protects its answers byte for byte', () => {
    const chip = new ChipSecureMessaging(D.ksEnc, D.ksMac, D.ssc);
    for (const exchange of D.exchanges) {
      const command = chip.unwrap(exchange.protectedCommand);
      expect({ ins: command.ins, p1: command.p1, p2: command.p2, data: command.data?.toString('hex'), expected: command.expected }).toEqual({
        ins: exchange.command.ins,
        p1: exchange.command.p1,
        p2: exchange.command.p2,
        data: 'data' in exchange.command ? exchange.command.data.toString('hex') : undefined,
        expected: 'expected' in exchange.command ? exchange.command.expected : undefined,
      });
      expect(chip.wrap(exchange.data, exchange.statusWord).toString('hex')).toBe(exchange.protectedResponse.toString('hex'));
    }
  });
});
