/**
 * `sahman chip read`: reads an e-passport's chip in a PC/SC reader, as the
 * lane will, and says what it found. A contract for scripts and an
 * independent test: with --json, one object; exit 0 when read whatever the
 * verdicts, 1 when it could not read, 2 on a usage error.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { checkDigitOf, parseMrz, type MrzFields } from '../../common/icao/index.js';
import type { ChipChannel } from '../../../drivers/chip/apdu.js';
import { ChipError } from '../../../drivers/chip/chip-errors.js';
import { dataGroupsOf, mrzOfDg1 } from '../../../drivers/chip/lds-contents.js';
import type { MrzKeyFields } from '../../../drivers/chip/mrz-information.js';
import { connectPcscChip, firstReaderWithChip } from '../../../drivers/chip/pcsc-channel.js';
import { readChip } from '../../../drivers/chip/read-chip.js';
import { dg1AgainstMrz, type ChipCheck } from '../../core/chip/chip-checks.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

const USAGE = `Usage: sahman chip read [--reader NAME] (--mrz-file FILE | --mrz-info STRING) [--json]

Reads the e-passport chip in a PC/SC reader (a document reader's RFID antenna):
opens Basic Access Control with the printed MRZ, reads EF.COM and DG1, and
compares DG1 with the printed MRZ.

  --reader NAME      the PC/SC reader, as pcsc_scan -r names it (default: the
                     first reader with a chip in it)
  --mrz-file FILE    the printed MRZ, as text (two or three lines)
  --mrz-info STRING  the MRZ information of Doc 9303-11: document number, birth
                     date and expiry date, each with its check digit
                     (L898902C<369080619406236)
  --json             print one JSON object:
                     {"access","dataGroups","dg1","checks":[{"code","verdict","reason"?}],"timings"}

Exit status: 0 when the chip was read, whatever the verdicts; 1 when it could
not be read; 2 on a usage error.`;

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** The printed side: the keys, and the fields DG1 is compared with. */
interface Printed {
  readonly keys: MrzKeyFields;
  readonly fields: Partial<MrzFields>;
}

function fromMrzInfo(info: string): Printed {
  // Number and check digit, then two dates of six digits and a check digit each.
  const match = /^([A-Z0-9<]{9,22})([0-9])([0-9]{6})([0-9])([0-9]{6})([0-9])$/.exec(info.trim().toUpperCase());
  if (match === null) throw new UsageError('--mrz-info is the document number, birth date (YYMMDD) and expiry date (YYMMDD), each followed by its check digit');
  const [, number = '', numberCheck, birthDate = '', birthCheck, expiryDate = '', expiryCheck] = match;
  for (const [name, value, check] of [
    ['document number', number, numberCheck],
    ['birth date', birthDate, birthCheck],
    ['expiry date', expiryDate, expiryCheck],
  ] as const) {
    if (String(checkDigitOf(value)) !== check) throw new UsageError(`--mrz-info: the ${name}'s check digit is wrong`);
  }
  const documentNumber = number.replace(/<+$/, '');
  return { keys: { documentNumber, birthDate, expiryDate }, fields: { documentNumber, birthDate, expiryDate } };
}

async function fromMrzFile(file: string): Promise<Printed> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--mrz-file: cannot read ${file}: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  const result = parseMrz(text);
  if (result.format === null) throw new UsageError(`--mrz-file: ${file} holds no MRZ that can be read (${result.errors[0]?.message ?? 'unknown format'})`);
  const { fields } = result;
  return { keys: { documentNumber: fields.documentNumber, birthDate: fields.birthDate, expiryDate: fields.expiryDate }, fields };
}

/** What `--json` prints: one object, the contract an independent test reads. */
interface ChipReport {
  readonly reader: string;
  readonly access: 'BAC';
  readonly dataGroups: readonly string[];
  readonly dg1: MrzFields;
  readonly checks: readonly ChipCheck[];
  readonly timings: { readonly connectMs: number; readonly readMs: number; readonly totalMs: number; readonly apdus: number };
}

/** Counts what crosses the reader: the figures say how many APDUs a read took. */
function counted(channel: ChipChannel): ChipChannel & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    transmit(command) {
      count += 1;
      return channel.transmit(command);
    },
  };
}

async function read(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { reader: { type: 'string' }, 'mrz-file': { type: 'string' }, 'mrz-info': { type: 'string' }, json: { type: 'boolean' } });
  const mrzFile = values['mrz-file'];
  const mrzInfo = values['mrz-info'];
  if ((mrzFile === undefined) === (mrzInfo === undefined)) throw new UsageError('give the printed MRZ: --mrz-file FILE or --mrz-info STRING (one of them)');
  const printed = mrzFile !== undefined ? await fromMrzFile(mrzFile) : fromMrzInfo(mrzInfo ?? '');
  const started = performance.now();
  let report: ChipReport;
  try {
    const reader = values.reader ?? (await firstReaderWithChip());
    const chip = await connectPcscChip(reader);
    const connectedAt = performance.now();
    const channel = counted(chip);
    try {
      const result = await readChip(channel, printed.keys, { files: ['COM', 'DG1'] });
      if (result.stoppedBy !== undefined) throw result.stoppedBy;
      const dg1 = result.files.DG1;
      const com = result.files.COM;
      if (dg1 === undefined) throw new ChipError('the chip has no DG1');
      const parsed = parseMrz(mrzOfDg1(dg1));
      if (parsed.format === null) throw new ChipError('the MRZ in DG1 cannot be read');
      const doneAt = performance.now();
      report = {
        reader,
        access: 'BAC',
        dataGroups: com === undefined ? [] : dataGroupsOf(com),
        dg1: parsed.fields,
        checks: [dg1AgainstMrz(parsed.fields, printed.fields)],
        timings: { connectMs: Math.round(connectedAt - started), readMs: Math.round(doneAt - connectedAt), totalMs: Math.round(doneAt - started), apdus: channel.count },
      };
    } finally {
      chip.close();
    }
  } catch (error) {
    if (!(error instanceof ChipError)) throw error;
    await write(io.stderr, `sahman chip read: ${error.message}\n`);
    return ExitCode.failed;
  }
  if (values.json === true) {
    await write(io.stdout, `${JSON.stringify(report)}\n`);
  } else {
    const lines = [`Reader: ${report.reader}`, `Access: ${report.access}`, `Data groups: ${report.dataGroups.join(' ')}`, ...report.checks.map((check) => `${check.code}: ${check.verdict}${check.reason === undefined ? '' : ` (${check.reason})`}`)];
    await write(io.stdout, `${lines.join('\n')}\n`);
  }
  return ExitCode.ok;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    if (subcommand === '--help' || subcommand === '-h' || rest.includes('--help') || rest.includes('-h')) {
      await write(io.stdout, `${USAGE}\n`);
      return ExitCode.ok;
    }
    if (subcommand === 'read') return await read(rest, io);
    throw new UsageError(subcommand === undefined ? 'which? sahman chip read' : `unknown subcommand "${subcommand}"`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await write(io.stderr, `sahman chip: ${error.message}\n${USAGE}\n`);
    return ExitCode.usage;
  }
}

export const chipCommand: Command = { name: 'chip', usage: USAGE, run };
