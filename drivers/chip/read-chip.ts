import { SW_SUCCESS, type ChipChannel } from './apdu.js';
import { performBac, type TerminalNonces } from './bac.js';
import { ChipError, ChipStatusError } from './chip-errors.js';
import { readLdsFile, type LdsFileName, type ReadOptions } from './lds-files.js';
import type { MrzKeyFields } from './mrz-information.js';
import { ProtectedChannel, sendPlain } from './protected-channel.js';

const LDS_APPLICATION = Buffer.from('A0000002471001', 'hex');

/** What a chip read gives: the files read, those the chip does not have, and why the read stopped short if it did. */
export interface ChipRead {
  readonly files: Partial<Record<LdsFileName, Buffer>>;
  readonly absent: readonly LdsFileName[];
  /** Undefined when every file asked for was read or is absent. */
  readonly stoppedBy: ChipError | undefined;
}

export interface ChipReadOptions extends ReadOptions {
  readonly files: readonly LdsFileName[];
  /** Fixed nonces, for tests that follow Doc 9303's worked examples. */
  readonly nonces?: TerminalNonces;
}

/**
 * Reads an eMRTD chip: selects the LDS application, opens BAC with the
 * MRZ's keys, and reads the files in order. A failure of access control is
 * thrown (nothing was read); one mid-read (the chip taken away, a bad MAC)
 * gives what was read so far and the error that stopped it.
 */
export async function readChip(channel: ChipChannel, mrz: MrzKeyFields, options: ChipReadOptions): Promise<ChipRead> {
  const selected = await sendPlain(channel, { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: LDS_APPLICATION });
  if (selected.statusWord !== SW_SUCCESS) throw new ChipStatusError('SELECT of the eMRTD application (is this an e-passport?)', selected.statusWord);
  const session = new ProtectedChannel(channel, await performBac(channel, mrz, options.nonces));
  const files: Partial<Record<LdsFileName, Buffer>> = {};
  const absent: LdsFileName[] = [];
  for (const file of options.files) {
    try {
      const bytes = await readLdsFile(session, file, options);
      if (bytes === undefined) absent.push(file);
      else files[file] = bytes;
    } catch (error) {
      if (!(error instanceof ChipError)) throw error;
      // After a failed read the session's counter may be out of step: nothing later could be believed.
      return { files, absent, stoppedBy: error };
    }
  }
  return { files, absent, stoppedBy: undefined };
}
