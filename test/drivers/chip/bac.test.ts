import { describe, expect, it } from 'vitest';
import { bacKeys, bacSession, performBac, terminalCryptogram } from '../../../drivers/chip/bac.js';
import { ChipAuthenticationError, ChipInputError } from '../../../drivers/chip/chip-errors.js';
import { mrzInformation } from '../../../drivers/chip/mrz-information.js';
import type { ChipChannel } from '../../../drivers/chip/apdu.js';
import { APPENDIX_D as D } from './doc9303-appendix-d.js';

const nonces = { rndIfd: D.rndIfd, kIfd: D.kIfd };

/** A chip that answers exactly as Appendix D's does, and refuses any other cryptogram. */
function appendixDChip(): ChipChannel & { commands: Buffer[] } {
  const commands: Buffer[] = [];
  return {
    commands,
    transmit(command) {
      const bytes = Buffer.from(command);
      commands.push(bytes);
      if (bytes.equals(Buffer.from('0084000008', 'hex'))) return Promise.resolve(Buffer.concat([D.rndIc, Buffer.from([0x90, 0x00])]));
      const expected = Buffer.concat([Buffer.from('0082000028', 'hex'), D.terminalCryptogram, Buffer.from([0x28])]);
      if (bytes.equals(expected)) return Promise.resolve(Buffer.concat([D.chipCryptogram, Buffer.from([0x90, 0x00])]));
      return Promise.resolve(Buffer.from([0x63, 0x00]));
    },
  };
}

describe('Basic Access Control, against Doc 9303-11 Appendix D', () => {
  it('makes MRZ_information with check digits, padding a short document number', () => {
    expect(mrzInformation(D.fields)).toBe(D.mrzInformation);
    // A TD1 number that runs into the optional data is taken whole (Doc 9303-11, 9.7.2).
    expect(mrzInformation({ documentNumber: 'D23145890734', birthDate: '340712', expiryDate: '950712' })).toBe('D23145890734934071279507122');
  });

  it('derives the Document Basic Access Keys', () => {
    const keys = bacKeys(D.fields);
    expect(keys.encryption.toString('hex')).toBe(D.kEnc.toString('hex'));
    expect(keys.mac.toString('hex')).toBe(D.kMac.toString('hex'));
  });

  it('builds the terminal cryptogram, checks the chip\'s, and derives the session keys and counter', () => {
    const keys = bacKeys(D.fields);
    expect(terminalCryptogram(keys, D.rndIc, nonces).toString('hex')).toBe(D.terminalCryptogram.toString('hex'));
    const session = bacSession(keys, D.rndIc, nonces, D.chipCryptogram);
    expect(session.sendSequenceCounter.toString('hex')).toBe(D.ssc.toString('hex'));
    // The session keys show in the first protected command of D.4.
    const [first] = D.exchanges;
    expect(session.protect(first.command).toString('hex')).toBe(first.protectedCommand.toString('hex'));
  });

  it('runs GET CHALLENGE and EXTERNAL AUTHENTICATE over a channel and opens the session', async () => {
    const chip = appendixDChip();
    const session = await performBac(chip, D.fields, nonces);
    expect(chip.commands.map((command) => command.subarray(0, 2).toString('hex'))).toEqual(['0084', '0082']);
    expect(session.sendSequenceCounter.toString('hex')).toBe(D.ssc.toString('hex'));
  });

  it('refuses a chip whose MRZ is not the one typed: a wrong MAC, a wrong nonce, or a refusal', async () => {
    const keys = bacKeys(D.fields);
    const tampered = Buffer.from(D.chipCryptogram);
    tampered[3] = (tampered[3] ?? 0) ^ 0x01;
    expect(() => bacSession(keys, D.rndIc, nonces, tampered)).toThrow(ChipAuthenticationError);
    expect(() => bacSession(keys, Buffer.from('0000000000000000', 'hex'), nonces, D.chipCryptogram)).toThrow(/challenge/);
    await expect(performBac(appendixDChip(), { ...D.fields, birthDate: '690807' }, nonces)).rejects.toThrow(/MRZ does not match/);
  });

  it('refuses MRZ fields that cannot make keys, with the field named', () => {
    expect(() => mrzInformation({ ...D.fields, birthDate: '6908' })).toThrow(ChipInputError);
    expect(() => mrzInformation({ ...D.fields, expiryDate: '94-06-23' })).toThrow(/expiry date/);
    expect(() => mrzInformation({ ...D.fields, documentNumber: '' })).toThrow(/document number/);
  });
});
