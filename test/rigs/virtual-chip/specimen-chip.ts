/**
 * The files of a chip for the ICAO specimen passport holder (Utopia,
 * fictional): EF.COM, DG1 with the holder's MRZ (one run of 88 characters, as DG1 stores it), and a DG2 of several
 * reads' worth. Never a real person's data.
 */
import { formatMrz } from '../../../main/common/icao/index.js';
import type { ManualDocumentFields } from '../../../main/common/contract/crossing.js';
import { encodeTlv } from '../../../drivers/chip/tlv.js';
import { SPECIMEN_PASSPORT } from '../specimens.js';

export function specimenChipFiles(holder: ManualDocumentFields = SPECIMEN_PASSPORT): Map<number, Buffer> {
  const com = encodeTlv(0x60, Buffer.concat([encodeTlv(0x5f01, Buffer.from('0107')), encodeTlv(0x5f36, Buffer.from('040000')), encodeTlv(0x5c, Buffer.from([0x61, 0x75]))]));
  const dg1 = encodeTlv(0x61, encodeTlv(0x5f1f, Buffer.from(formatMrz(holder, 'TD3').replace(/\n/g, ''), 'latin1')));
  // No byte repeating in step with a read's length, so that a misplaced read shows.
  const dg2 = encodeTlv(0x75, Buffer.from(Array.from({ length: 5_000 }, (_, index) => (index * 31 + 7) & 0xff)));
  return new Map([
    [0x011e, com],
    [0x0101, dg1],
    [0x0102, dg2],
  ]);
}

export const SPECIMEN_KEYS = { documentNumber: SPECIMEN_PASSPORT.documentNumber, birthDate: SPECIMEN_PASSPORT.birthDate, expiryDate: SPECIMEN_PASSPORT.expiryDate };
