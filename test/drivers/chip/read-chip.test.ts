/**
 * Reading an eMRTD chip through the real PC/SC stack: pcscd, Debian's vpcd
 * reader driver, and the smartcard module, with the test's virtual chip
 * (test/rigs/virtual-chip, in a process of its own) in "Virtual PCD 00 00". The only test file that
 * uses that reader: vpcd takes one card per port (`sahman chip`'s test has 00 01).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ChipAuthenticationError, ChipRemovedError } from '../../../drivers/chip/chip-errors.js';
import { connectPcscChip } from '../../../drivers/chip/pcsc-channel.js';
import { readChip, type ChipRead, type ChipReadOptions } from '../../../drivers/chip/read-chip.js';
import { withChipInReader } from '../../rigs/virtual-chip/chip-in-reader.js';
import { ensurePcscd } from '../../rigs/virtual-chip/pcscd.js';
import { SPECIMEN_KEYS, specimenChipFiles } from '../../rigs/virtual-chip/specimen-chip.js';

const READER = 'Virtual PCD 00 00';
const mrz = SPECIMEN_KEYS;
const files = specimenChipFiles();
const COM = files.get(0x011e);
const DG1 = files.get(0x0101);
const DG2 = files.get(0x0102);

/** The specimen chip in the reader, read through PC/SC with `keys` as the printed MRZ's. */
async function readSpecimen(chipOptions: { readonly maxReadLength?: number; readonly removeAtRead?: number }, readOptions: ChipReadOptions, keys = mrz): Promise<ChipRead> {
  return withChipInReader(READER, { mrz, files, ...chipOptions }, async () => {
    const chip = await connectPcscChip(READER, 10_000);
    try {
      return await readChip(chip, keys, readOptions);
    } finally {
      chip.close();
    }
  });
}

describe('reading an e-passport chip over PC/SC (pcscd, vpcd, a virtual chip)', () => {
  beforeAll(async () => {
    await ensurePcscd();
  });

  it('opens BAC with the MRZ and reads each file whole, in short and in extended reads, and says which are absent', async () => {
    for (const readLength of [0xdf, 1_024]) {
      const read = await readSpecimen({}, { files: ['COM', 'DG1', 'DG2', 'DG11'], readLength });
      expect(read.stoppedBy).toBeUndefined();
      expect(read.files.COM?.equals(COM ?? Buffer.alloc(0))).toBe(true);
      expect(read.files.DG1?.equals(DG1 ?? Buffer.alloc(0))).toBe(true);
      expect(read.files.DG2?.equals(DG2 ?? Buffer.alloc(0))).toBe(true);
      expect(read.absent).toEqual(['DG11']);
    }
  });

  it('reads on where a chip that caps its answers stopped', async () => {
    const read = await readSpecimen({ maxReadLength: 100 }, { files: ['DG2'], readLength: 1_024 });
    expect(read.files.DG2?.equals(DG2 ?? Buffer.alloc(0))).toBe(true);
  });

  it('gives what was read and a clear error when the chip is taken away mid-read, never a hang', async () => {
    const started = Date.now();
    const read = await readSpecimen({ removeAtRead: 4 }, { files: ['COM', 'DG1', 'DG2'] });
    expect(read.files.COM?.equals(COM ?? Buffer.alloc(0))).toBe(true);
    expect(read.files.DG2).toBeUndefined();
    expect(read.stoppedBy).toBeInstanceOf(ChipRemovedError);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses an MRZ that is not the chip\'s, before reading anything', async () => {
    await expect(readSpecimen({}, { files: ['DG1'] }, { ...mrz, birthDate: '740813' })).rejects.toThrow(ChipAuthenticationError);
  });

  it('names the readers there are when asked for one that is not, and says when no chip is presented', async () => {
    await expect(connectPcscChip('No Such Reader 00 00')).rejects.toThrow(/no PC\/SC reader named "No Such Reader 00 00"; the readers are: .*"Virtual PCD 00 00"/);
    // Its own reader, empty between this file's tests (the CLI's test uses the other one).
    await expect(connectPcscChip(READER, 200)).rejects.toThrow(ChipRemovedError);
  });
});
