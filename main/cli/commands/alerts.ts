/**
 * `sahman alerts document --documents FILE`: checks documents against a list of
 * listed documents, with the appliance's own matching (the same store, keys and
 * OCR folding as the lane's check). A contract for scripts and independent
 * tests: JSON lines in, one JSON line out per input line, in order.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import * as z from 'zod';
import { DocumentListEntry } from '../../common/contract/alert-lists.js';
import { describeIssues } from '../../common/contract/describe-issues.js';
import { documentEntryId } from '../../common/alerts/document-number.js';
import { DocumentList } from '../../core/alerts/document-list.js';
import { migrate } from '../../core/db/migrate.js';
import { migrations } from '../../core/db/migrations/index.js';
import { openDatabase } from '../../core/db/open-database.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

const USAGE = `Usage: sahman alerts document --documents FILE

Checks documents against listed (lost, stolen, revoked, invalidated) documents,
exactly as the lane does: the same issuing state and the number as printed, or a
number that differs only in characters OCR confuses (0/O/D, 1/I, 2/Z, 5/S, 6/G, 8/B).

  --documents FILE  the list: JSON lines, one entry each:
                    {"issuingState","documentType","number","reason","source","reportedAt"}
                    (reason: lost, stolen, revoked or invalidated; reportedAt: YYYY-MM-DD)

Standard input: JSON lines, one document each: {"id","issuingState","documentCode","documentNumber"}
(documentCode may be "" when unknown). Standard output: one line per input line, in order:
{"id", "matches": [{"entryId", "how": "exact"|"ocr-equivalent", "entry"}]}.

Exit status: 0 when every line was checked; 1 when a line could not be read (each named on
standard error, the others still answered); 2 on a usage error or a list that cannot be read.`;

const PresentedDocument = z
  .object({
    id: z.union([z.string(), z.number()]),
    issuingState: z.string().regex(/^[A-Z<]{1,3}$/, 'a Doc 9303 state code'),
    documentCode: z.string().regex(/^[A-Z<]{0,2}$/).default(''),
    documentNumber: z.string().min(1).max(30),
  })
  .strict();

class ListError extends Error {}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

function parseJsonLine(line: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
}

/** The list file, every line checked: a list with one bad entry is refused whole, naming it. */
function readList(file: string): DocumentListEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ListError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries: DocumentListEntry[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const json = parseJsonLine(line);
    if (!json.ok) throw new ListError(`${file} line ${String(index + 1)}: ${json.problem}`);
    const entry = DocumentListEntry.safeParse(json.value);
    if (!entry.success) throw new ListError(`${file} line ${String(index + 1)}: ${describeIssues(entry.error, { maxIssues: 3 })}`);
    entries.push(entry.data);
  }
  return entries;
}

async function checkDocuments(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { documents: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) {
    await write(io.stdout, `${USAGE}\n`);
    return ExitCode.ok;
  }
  if (values.documents === undefined) throw new UsageError('--documents FILE is required');
  let entries: DocumentListEntry[];
  try {
    entries = readList(values.documents);
  } catch (error) {
    if (!(error instanceof ListError)) throw error;
    await write(io.stderr, `sahman alerts: ${error.message}\n`);
    return ExitCode.usage;
  }
  const db = openDatabase(':memory:');
  try {
    migrate(db, migrations);
    const list = new DocumentList(db);
    list.change(entries);
    let failed = false;
    let lineNumber = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const json = parseJsonLine(line);
      const presented = json.ok ? PresentedDocument.safeParse(json.value) : undefined;
      if (presented?.success !== true) {
        failed = true;
        const problem = json.ok ? describeIssues(presented?.error ?? [], { maxIssues: 3 }) : json.problem;
        await write(io.stderr, `sahman alerts: standard input line ${String(lineNumber)}: ${problem}\n`);
        continue;
      }
      const { id, issuingState, documentCode, documentNumber } = presented.data;
      const matches = list.check(issuingState, documentCode, documentNumber).map((hit) => ({ entryId: documentEntryId(hit.entry), how: hit.how, entry: hit.entry }));
      await write(io.stdout, `${JSON.stringify({ id, matches })}\n`);
    }
    return failed ? ExitCode.failed : ExitCode.ok;
  } finally {
    db.close();
  }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    if (subcommand === 'document') return await checkDocuments(rest, io);
    if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') {
      await write(subcommand === undefined ? io.stderr : io.stdout, `${USAGE}\n`);
      return subcommand === undefined ? ExitCode.usage : ExitCode.ok;
    }
    throw new UsageError(`unknown subcommand "${subcommand}"`);
  } catch (error) {
    // Reported here rather than left to the dispatcher, so that in-process callers get the exit code too.
    if (!(error instanceof UsageError)) throw error;
    await write(io.stderr, `sahman alerts: ${error.message}\n${USAGE}\n`);
    return ExitCode.usage;
  }
}

export const alertsCommand: Command = { name: 'alerts', usage: USAGE, run };
