/**
 * `sahman alerts document --documents FILE` and `sahman alerts match --persons
 * FILE`: check documents and travellers against alert lists with the
 * appliance's own matching (the same store, keys, folding, scores and
 * thresholds as the lane's check). A contract for scripts and independent
 * tests: JSON lines in, one JSON line out per input line, in order.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import * as z from 'zod';
import { DocumentListEntry, MrzTraveller, PersonListEntry } from '../../common/contract/alert-lists.js';
import { DEFAULT_PERSON_THRESHOLD, PersonMatcher } from '../../core/alerts/persons/person-matcher.js';
import { describeIssues } from '../../common/contract/describe-issues.js';
import { documentEntryId } from '../../common/alerts/document-number.js';
import { DocumentList } from '../../core/alerts/document-list.js';
import { migrate } from '../../core/db/migrate.js';
import { migrations } from '../../core/db/migrations/index.js';
import { openDatabase } from '../../core/db/open-database.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

const USAGE = `Usage: sahman alerts document --documents FILE
       sahman alerts match --persons FILE [--threshold T]

alerts document: checks documents against listed (lost, stolen, revoked, invalidated) documents,
exactly as the lane does: the same issuing state and the number as printed, or a
number that differs only in characters OCR confuses (0/O/D, 1/I, 2/Z, 5/S, 6/G, 8/B).

  --documents FILE  the list: JSON lines, one entry each:
                    {"issuingState","documentType","number","reason","source","reportedAt"}
                    (reason: lost, stolen, revoked or invalidated; reportedAt: YYYY-MM-DD)

Standard input: JSON lines, one document each: {"id","issuingState","documentCode","documentNumber"}
(documentCode may be "" when unknown). Standard output: one line per input line, in order:
{"id", "matches": [{"entryId", "how": "exact"|"ocr-equivalent", "entry"}]}.

alerts match: matches travellers against listed persons, exactly as the lane does: names
folded as Doc 9303 writes them in an MRZ, compared across transliteration systems and in any
order, birth dates exact, partial, swapped or one part off; sex and nationality only lower a score.

  --persons FILE    the list: JSON lines, one entry each: {"id","surname","givenNames",
                    "aliases":[{"surname","givenNames"}],"birthDate":"YYYY-MM-DD"|"YYYY-MM"|"YYYY",
                    "nationality","sex","category","action":"arrest"|"refer"|"inform"}
  --threshold T     report matches scoring T or more (0 to 1); by default each entry's
                    category threshold, as on the lane (${String(DEFAULT_PERSON_THRESHOLD)} unless configured)

Standard input: JSON lines, one traveller each, as an MRZ gives them:
{"id","surname","givenNames","birthDate":"YYMMDD" (< for unknown parts),"nationality","sex"}.
Standard output: one line per input line, in order: {"id", "matches": [{"personId", "score",
"explanation"}]}, best first.

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
function readList<T>(file: string, schema: z.ZodType<T>): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ListError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries: T[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const json = parseJsonLine(line);
    if (!json.ok) throw new ListError(`${file} line ${String(index + 1)}: ${json.problem}`);
    const entry = schema.safeParse(json.value);
    if (!entry.success) throw new ListError(`${file} line ${String(index + 1)}: ${describeIssues(entry.error, { maxIssues: 3 })}`);
    entries.push(entry.data);
  }
  return entries;
}

/** The list, or undefined once its problem is on standard error (the caller exits with the usage status). */
async function loadList<T>(file: string, schema: z.ZodType<T>, io: CliIo): Promise<T[] | undefined> {
  try {
    return readList(file, schema);
  } catch (error) {
    if (!(error instanceof ListError)) throw error;
    await write(io.stderr, `sahman alerts: ${error.message}\n`);
    return undefined;
  }
}

/**
 * Standard input, a JSON line at a time: each answered in order on standard
 * output, or its problem named by line number on standard error while the
 * others are still answered (exit 1 when any line could not be read).
 */
async function answerEachLine(io: CliIo, answer: (value: unknown) => { answer: unknown } | { problem: string }): Promise<number> {
  let failed = false;
  let lineNumber = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const json = parseJsonLine(line);
    const outcome = json.ok ? answer(json.value) : { problem: json.problem };
    if ('problem' in outcome) {
      failed = true;
      await write(io.stderr, `sahman alerts: standard input line ${String(lineNumber)}: ${outcome.problem}\n`);
      continue;
    }
    await write(io.stdout, `${JSON.stringify(outcome.answer)}\n`);
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}

async function checkDocuments(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { documents: { type: 'string' } });
  if (values.documents === undefined) throw new UsageError('--documents FILE is required');
  const entries = await loadList(values.documents, DocumentListEntry, io);
  if (entries === undefined) return ExitCode.usage;
  const db = openDatabase(':memory:');
  try {
    migrate(db, migrations);
    const list = new DocumentList(db);
    list.change(entries);
    return await answerEachLine(io, (value) => {
      const presented = PresentedDocument.safeParse(value);
      if (!presented.success) return { problem: describeIssues(presented.error, { maxIssues: 3 }) };
      const { id, issuingState, documentCode, documentNumber } = presented.data;
      const matches = list.check(issuingState, documentCode, documentNumber).map((hit) => ({ entryId: documentEntryId(hit.entry), how: hit.how, entry: hit.entry }));
      return { answer: { id, matches } };
    });
  } finally {
    db.close();
  }
}

/** A traveller line: the MRZ's fields, with the caller's id echoed back. */
const PresentedTraveller = z
  .object({
    id: z.union([z.string(), z.number()]),
    // Upper-cased and with MRZ fillers as spaces: a script's lower case or a pasted zone field is the same name.
    surname: z.string().transform((text) => text.toUpperCase().replace(/</g, ' ')),
    givenNames: z.string().default('').transform((text) => text.toUpperCase().replace(/</g, ' ')),
    birthDate: z.string(),
    nationality: z.string().default(''),
    sex: z.string().default(''),
  })
  .strict();

function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new UsageError('--threshold takes a number from 0 to 1');
  return value;
}

async function matchTravellers(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { persons: { type: 'string' }, threshold: { type: 'string' } });
  if (values.persons === undefined) throw new UsageError('--persons FILE is required');
  const threshold = parseThreshold(values.threshold);
  const entries = await loadList(values.persons, PersonListEntry, io);
  if (entries === undefined) return ExitCode.usage;
  const matcher = new PersonMatcher(entries);
  return answerEachLine(io, (value) => {
    const shaped = PresentedTraveller.safeParse(value);
    if (!shaped.success) return { problem: describeIssues(shaped.error, { maxIssues: 3 }) };
    const traveller = MrzTraveller.safeParse(shaped.data);
    if (!traveller.success) return { problem: describeIssues(traveller.error, { maxIssues: 3 }) };
    const matches = matcher.match(traveller.data, threshold).map((hit) => ({ personId: hit.entry.id, score: hit.score, explanation: hit.explanation.summary, parts: hit.explanation.parts, birthDate: hit.explanation.birthDate }));
    return { answer: { id: shaped.data.id, matches } };
  });
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      await write(io.stdout, `${USAGE}\n`);
      return ExitCode.ok;
    }
    if (subcommand === 'document') return await checkDocuments(rest, io);
    if (subcommand === 'match') return await matchTravellers(rest, io);
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
