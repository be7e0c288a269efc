/**
 * Reading an eMRTD chip through the real PC/SC stack: pcscd, Debian's vpcd
 * reader driver, and the smartcard module, with the test's virtual chip
 * (test/rigs/virtual-chip) in "Virtual PCD 00 00". The only test file that
 * uses that reader: vpcd takes one card per port.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMrz } from '../../../main/common/icao/index.js';
import { ChipAuthenticationError, ChipError, ChipRemovedError } from '../../../drivers/chip/chip-errors.js';
import { connectPcscChip } from '../../../drivers/chip/pcsc-channel.js';
import { readChip } from '../../../drivers/chip/read-chip.js';
import { encodeTlv } from '../../../drivers/chip/tlv.js';
import { EmrtdChip, type EmrtdChipOptions } from '../../rigs/virtual-chip/emrtd-chip.js';
import { ensurePcscd } from '../../rigs/virtual-chip/pcscd.js';
import { insertCard } from '../../rigs/virtual-chip/vpcd-card.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';

const READER = 'Virtual PCD 00 00';
const mrz = { documentNumber: SPECIMEN_PASSPORT.documentNumber, birthDate: SPECIMEN_PASSPORT.birthDate, expiryDate: SPECIMEN_PASSPORT.expiryDate };
const COM = encodeTlv(0x60, Buffer.concat([encodeTlv(0x5f01, Buffer.from('0107')), encodeTlv(0x5f36, Buffer.from('040000')), encodeTlv(0x5c, Buffer.from([0x61, 0x75]))]));
const DG1 = encodeTlv(0x61, encodeTlv(0x5f1f, Buffer.from(formatMrz(SPECIMEN_PASSPORT, 'TD3'), 'latin1')));
/** A data group of several reads' worth, with no byte repeating in step with the read length. */
const DG2 = encodeTlv(0x75, Buffer.from(Array.from({ length: 5_000 }, (_, index) => (index * 31 + 7) & 0xff)));
const files = new Map([
  [0x011e, COM],
  [0x0101, DG1],
  [0x0102, DG2],
]);

/** pcscd notices a card leaving vpcd a poll later: the next card must not meet the last one's state. */
async function untilReaderEmpty(reader: string): Promise<void> {
  const { Context, SCARD_STATE_PRESENT } = await import('smartcard');
  const context = new Context();
  try {
    const deadline = Date.now() + 10_000;
    while ((context.listReaders().find((candidate) => candidate.name === reader)?.state ?? 0) & SCARD_STATE_PRESENT) {
      if (Date.now() > deadline) throw new Error(`${reader} still shows a card 10 s after it was taken away`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    context.close();
  }
}

async function withChip<T>(options: Partial<EmrtdChipOptions>, read: (inserted: { remove(): Promise<void> }) => Promise<T>): Promise<T> {
  const chip = new EmrtdChip({ mrz, files, ...options, afterRead: (reads) => options.afterRead?.(reads) });
  const inserted = await insertCard(chip, READER);
  try {
    return await read(inserted);
  } finally {
    await inserted.remove();
    await untilReaderEmpty(READER);
  }
}

describe('reading an e-passport chip over PC/SC (pcscd, vpcd, a virtual chip)', () => {
  beforeAll(async () => {
    await ensurePcscd();
  });

  it('opens BAC with the MRZ and reads each file whole, in short and in extended reads, and says which are absent', async () => {
    for (const readLength of [0xdf, 1_024]) {
      const read = await withChip({}, async () => {
        const chip = await connectPcscChip(READER, 10_000);
        try {
          return await readChip(chip, mrz, { files: ['COM', 'DG1', 'DG2', 'DG11'], readLength });
        } finally {
          chip.close();
        }
      });
      expect(read.stoppedBy).toBeUndefined();
      expect(read.files.COM?.equals(COM)).toBe(true);
      expect(read.files.DG1?.equals(DG1)).toBe(true);
      expect(read.files.DG2?.equals(DG2)).toBe(true);
      expect(read.absent).toEqual(['DG11']);
    }
  });

  it('reads on where a chip that caps its answers stopped', async () => {
    const read = await withChip({ maxReadLength: 100 }, async () => {
      const chip = await connectPcscChip(READER, 10_000);
      try {
        return await readChip(chip, mrz, { files: ['DG2'], readLength: 1_024 });
      } finally {
        chip.close();
      }
    });
    expect(read.files.DG2?.equals(DG2)).toBe(true);
  });

  it('gives what was read and a clear error when the chip is taken away mid-read, never a hang', async () => {
    let remove: (() => Promise<void>) | undefined;
    const started = Date.now();
    const read = await withChip({ afterRead: (reads) => (reads === 4 ? void remove?.() : undefined) }, async (inserted) => {
      remove = () => inserted.remove();
      const chip = await connectPcscChip(READER, 10_000);
      try {
        return await readChip(chip, mrz, { files: ['COM', 'DG1', 'DG2'] });
      } finally {
        chip.close();
      }
    });
    expect(read.files.COM?.equals(COM)).toBe(true);
    expect(read.files.DG2).toBeUndefined();
    expect(read.stoppedBy).toBeInstanceOf(ChipRemovedError);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses an MRZ that is not the chip\'s, before reading anything', async () => {
    await withChip({}, async () => {
      const chip = await connectPcscChip(READER, 10_000);
      try {
        await expect(readChip(chip, { ...mrz, birthDate: '740813' }, { files: ['DG1'] })).rejects.toThrow(ChipAuthenticationError);
      } finally {
        chip.close();
      }
    });
  });

  it('names the readers there are when asked for one that is not, and says when no chip is presented', async () => {
    await expect(connectPcscChip('No Such Reader 00 00')).rejects.toThrow(/no PC\/SC reader named "No Such Reader 00 00"; the readers are: .*"Virtual PCD 00 00"/);
    await expect(connectPcscChip('Virtual PCD 00 01', 200)).rejects.toThrow(ChipError);
  });
});
