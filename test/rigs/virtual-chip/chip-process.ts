/**
 * The virtual chip in a process of its own. pcscd waits on vpcd (for an
 * ATR, say) while a test's PC/SC call (SCardDisconnect is synchronous) holds
 * the test's event loop: a chip answering from that same loop would never
 * answer, and both would wait for ever. Run with `node --import tsx`.
 *
 * argv[2] is a ChipProcessOptions as JSON; the process prints "inserted"
 * once vpcd has it, and takes the chip away when its standard input ends.
 */
import { EmrtdChip } from './emrtd-chip.js';
import { insertCard, type InsertedCard, type VpcdReaderName } from './vpcd-card.js';

export interface ChipProcessOptions {
  readonly reader: VpcdReaderName;
  readonly mrz: { readonly documentNumber: string; readonly birthDate: string; readonly expiryDate: string };
  /** File identifier and contents in hex. */
  readonly files: readonly (readonly [number, string])[];
  readonly maxReadLength?: number;
  /** Takes the chip away as it serves this READ BINARY, before it answers. */
  readonly removeAtRead?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChipProcessOptions;
/** Set once vpcd has the chip; the chip's own read counter may take it away. */
const slot: { inserted?: InsertedCard } = {};
const chip = new EmrtdChip({
  mrz: options.mrz,
  files: new Map(options.files.map(([id, hex]) => [id, Buffer.from(hex, 'hex')])),
  ...(options.maxReadLength === undefined ? {} : { maxReadLength: options.maxReadLength }),
  afterRead: (reads) => {
    if (reads === options.removeAtRead) void slot.inserted?.remove();
  },
});
const inserted = await insertCard(chip, options.reader);
slot.inserted = inserted;
process.stdout.write('inserted\n');
process.stdin.resume();
process.stdin.once('end', () => {
  void inserted.remove().then(() => process.exit(0));
});
