/**
 * `sahman mrz [--json]`: reads MRZ text on standard input and reports on each document. A stable
 * contract for scripts: with --json, one JSON object per document and line, nothing else; exit 0
 * whatever the verdicts, 2 on a usage error or unreadable input.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { parseMrz } from '../../common/icao/index.js';
import type { MrzFields, MrzResult } from '../../common/icao/index.js';
import { ExitCode } from '../command.js';
import type { CliIo, Command } from '../command.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

const USAGE = `Usage: sahman mrz [--json]

Reads machine-readable zones (ICAO Doc 9303: TD1, TD2, TD3, MRV-A, MRV-B) on standard
input and reports on each: its format, whether it is intact (every check digit, date and
code holds), its fields, and any errors, warnings, corrections and normalisations.
Documents are separated by one or more blank lines.

Options:
  --json      print only JSON: one object per document, one per line
  -h, --help  show this help

Exit status: 0 whatever the verdicts; 2 on a usage error or unreadable input.`;

class InputError extends Error {}

/** Standard input as text: UTF-8, strictly, since a misdecoded byte would pass for a misread character. */
async function readText(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InputError('standard input is not UTF-8 text');
  }
}

/** The documents in the text: runs of lines between blank lines, each keeping its own line ends. */
export function splitDocuments(text: string): string[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const documents: string[] = [];
  let current = '';
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index] ?? '';
    const lineEnd = parts[index + 1] ?? '';
    if (line.trim() === '') {
      if (current !== '') documents.push(current);
      current = '';
    } else {
      current += line + lineEnd;
    }
  }
  if (current !== '') documents.push(current);
  return documents;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

const FIELD_LABELS: readonly [keyof MrzFields, string][] = [
  ['documentCode', 'Document code'],
  ['issuingState', 'Issuing state'],
  ['documentNumber', 'Document number'],
  ['nationality', 'Nationality'],
  ['birthDate', 'Birth date'],
  ['sex', 'Sex'],
  ['expiryDate', 'Expiry date'],
  ['surname', 'Surname'],
  ['givenNames', 'Given names'],
  ['optionalData', 'Optional data'],
  ['optionalData2', 'Optional data 2'],
];

const LABEL_WIDTH = 17;

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)} ${value}\n`;
}

function fieldText(fields: MrzFields, key: keyof MrzFields): string {
  const value = fields[key] ?? '';
  if (key === 'birthDate' || key === 'expiryDate') {
    const iso = key === 'birthDate' ? fields.birthDateIso : fields.expiryDateIso;
    return `${value} (${iso ?? 'not a calendar date'})`;
  }
  if (key === 'sex' && value === '') return '< (unspecified)';
  return value === '' ? '-' : value;
}

/** The readable report of one document. */
export function describeResult(result: MrzResult, number: number): string {
  const verdict = result.valid ? 'valid' : `INVALID (${String(result.errors.length)} error${result.errors.length === 1 ? '' : 's'})`;
  let text = `Document ${String(number)}: ${result.format ?? 'unknown format'}, ${verdict}\n`;
  if (result.format !== null) {
    const fields = result.fields;
    for (const [key, label] of FIELD_LABELS) {
      if (key === 'optionalData2' && fields.optionalData2 === undefined) continue;
      text += row(label, fieldText(fields, key));
    }
    const failed = result.checks.filter((check) => !check.valid).map((check) => `${check.kind} ${check.field}`);
    const passed = result.checks.length - failed.length;
    text += row('Checks', failed.length === 0 ? `all ${String(passed)} passed` : `${String(passed)} of ${String(result.checks.length)} passed; failed: ${failed.join(', ')}`);
  }
  if (result.normalised.length > 0) text += row('Normalised', result.normalised.join(', '));
  for (const correction of result.corrections) {
    text += row('Correction', `${correction.field} position ${String(correction.position)}: ${correction.from} -> ${correction.to}`);
  }
  for (const warning of result.warnings) text += row('Warning', `${warning.code} (${warning.field}): ${warning.message}`);
  for (const error of result.errors) text += row('Error', `${error.code} (${error.field}): ${error.message}`);
  return text;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let json: boolean;
  try {
    const { values } = parseCommandArgs(args, {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      await write(io.stdout, `${USAGE}\n`);
      return ExitCode.ok;
    }
    json = values.json;
  } catch (error) {
    // Reported here rather than left to the dispatcher, so that in-process callers get the exit code too.
    if (!(error instanceof UsageError)) throw error;
    await write(io.stderr, `sahman mrz: ${error.message}\n${USAGE}\n`);
    return ExitCode.usage;
  }

  let documents: string[];
  try {
    documents = splitDocuments(await readText(io.stdin));
    if (documents.length === 0) throw new InputError('no MRZ text on standard input');
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `cannot read standard input: ${error instanceof Error ? error.message : String(error)}`;
    await write(io.stderr, `sahman mrz: ${reason}\n`);
    return ExitCode.usage;
  }

  for (const [index, document] of documents.entries()) {
    const result = parseMrz(document);
    if (json) await write(io.stdout, `${JSON.stringify(result)}\n`);
    else await write(io.stdout, `${index > 0 ? '\n' : ''}${describeResult(result, index + 1)}`);
  }
  return ExitCode.ok;
}

export const mrzCommand: Command = {
  name: 'mrz',
  usage: USAGE,
  run,
};
