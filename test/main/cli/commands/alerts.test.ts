import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../main/cli/command.js';
import { alertsCommand } from '../../../../main/cli/commands/alerts.js';
import { runSahman, type CliOutcome } from '../../../rigs/cli-in-process.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const LIST = [
  { issuingState: 'UTO', documentType: 'P', number: 'L898902C3', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' },
  { issuingState: 'D', documentType: 'ID', number: 'T22000129', reason: 'lost', source: 'SLTD', reportedAt: '2025-11-02' },
];

function listFile(lines: readonly unknown[]): string {
  const file = path.join(tempDir(), 'documents.jsonl');
  writeFileSync(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
  return file;
}

function runAlerts(args: readonly string[], stdin: string): Promise<CliOutcome> {
  return runSahman(['alerts', ...args], { stdin, commands: [alertsCommand] });
}

function outputLines(outcome: CliOutcome): unknown[] {
  return outcome.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('sahman alerts document', () => {
  it('answers each document in order: exact, OCR-equivalent, or no match', async () => {
    const input = [
      { id: 'a', issuingState: 'UTO', documentCode: 'P', documentNumber: 'L898902C3' },
      { id: 'b', issuingState: 'UTO', documentCode: 'P', documentNumber: 'L8989O2C3' },
      { id: 'c', issuingState: 'UTO', documentCode: 'P', documentNumber: 'L898902C4' },
      { id: 'd', issuingState: 'D<<', documentCode: 'ID', documentNumber: 'T22000129' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const outcome = await runAlerts(['document', '--documents', listFile(LIST)], `${input}\n`);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(ExitCode.ok);
    expect(outputLines(outcome)).toEqual([
      { id: 'a', matches: [{ entryId: 'UTO:L898902C3:P', how: 'exact', entry: LIST[0] }] },
      { id: 'b', matches: [{ entryId: 'UTO:L898902C3:P', how: 'ocr-equivalent', entry: LIST[0] }] },
      { id: 'c', matches: [] },
      { id: 'd', matches: [{ entryId: 'D:T22000129:ID', how: 'exact', entry: LIST[1] }] },
    ]);
  });

  it('names a bad input line on standard error, answers the others, and exits 1', async () => {
    const input = ['{"id":1,"issuingState":"UTO","documentCode":"P","documentNumber":"L898902C3"}', 'not json', '{"id":3,"issuingState":"utopia"}'].join('\n');
    const outcome = await runAlerts(['document', '--documents', listFile(LIST)], `${input}\n`);
    expect(outcome.code).toBe(ExitCode.failed);
    expect(outputLines(outcome)).toHaveLength(1);
    expect(outcome.stderr).toMatch(/standard input line 2: not valid JSON/);
    expect(outcome.stderr).toMatch(/standard input line 3: /);
  });

  it('refuses a list with a bad entry, naming its line, and a call without a list', async () => {
    const bad = await runAlerts(['document', '--documents', listFile([LIST[0], { ...LIST[1], reason: 'misplaced' }])], '');
    expect(bad.code).toBe(ExitCode.usage);
    expect(bad.stderr).toMatch(/documents\.jsonl line 2: .*reason/);
    const missing = await runAlerts(['document'], '');
    expect(missing.code).toBe(ExitCode.usage);
    expect(missing.stderr).toMatch(/--documents FILE is required/);
    const unknown = await runAlerts(['persons'], '');
    expect(unknown.code).toBe(ExitCode.usage);
  });
});

const PERSONS = [
  { id: 'W-1', surname: 'Հովհաննիսյան', givenNames: 'Արմեն', birthDate: '1981-04-12', nationality: 'ARM', sex: 'M', category: 'national-warrant', action: 'arrest' },
  { id: 'W-2', surname: 'ÖZDEMİR', givenNames: 'MEHMET ALİ', aliases: [{ surname: 'OZDEMIROGLU', givenNames: 'MEHMET' }], birthDate: '1975', category: 'notice', action: 'refer' },
  { id: 'W-3', surname: 'IVANOV', givenNames: 'IVAN ROMANOVICH', birthDate: '1970-02-03', category: 'notice', action: 'inform' },
];

interface MatchLine {
  readonly id: unknown;
  readonly matches: readonly { readonly personId: string; readonly score: number; readonly explanation: string }[];
}

describe('sahman alerts match', () => {
  it('answers each traveller in order with the persons at or above the threshold, best first, each explained', async () => {
    const input = [
      { id: 't1', surname: 'OGANESIAN', givenNames: 'ARMEN', birthDate: '810412', nationality: 'RUS', sex: 'M' },
      { id: 2, surname: 'OZDEMIR', givenNames: 'MEHMET ALI', birthDate: '75<<<<', nationality: 'TUR', sex: 'M' },
      { id: 't3', surname: 'IVANOV', givenNames: 'IVAN', birthDate: '881130', nationality: 'UTO', sex: 'M' },
      { id: 't4', surname: 'ARMEN', givenNames: 'HOVHANNISYAN', birthDate: '811204', nationality: 'ARM', sex: 'M' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const outcome = await runAlerts(['match', '--persons', listFile(PERSONS)], `${input}\n`);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(ExitCode.ok);
    const lines = outputLines(outcome) as MatchLine[];
    expect(lines.map((line) => line.id)).toEqual(['t1', 2, 't3', 't4']);
    expect(lines[0]?.matches.map((match) => match.personId)).toEqual(['W-1']);
    expect(lines[0]?.matches[0]?.explanation).toMatch(/HOVHANNISYAN~OGANESIAN \(transliteration\).*birth date exact.*nationality differs/);
    expect(lines[1]?.matches.map((match) => match.personId)).toEqual(['W-2']);
    // The same common name born on an unrelated date is not the listed person.
    expect(lines[2]?.matches).toEqual([]);
    expect(lines[3]?.matches[0]?.explanation).toMatch(/swapped.*day and month swapped/);
    for (const line of lines) for (const match of line.matches) expect(match.score).toBeGreaterThanOrEqual(0.75);
  });

  it('honours --threshold: a higher bar drops the weaker match, a bar of 0 keeps it', async () => {
    const input = `${JSON.stringify({ id: 'x', surname: 'OGANESIAN', givenNames: 'ARMEN', birthDate: '810413', nationality: 'RUS', sex: 'M' })}\n`;
    const strict = outputLines(await runAlerts(['match', '--persons', listFile(PERSONS), '--threshold', '0.99'], input)) as MatchLine[];
    expect(strict[0]?.matches).toEqual([]);
    const lenient = outputLines(await runAlerts(['match', '--persons', listFile(PERSONS), '--threshold', '0'], input)) as MatchLine[];
    expect(lenient[0]?.matches[0]?.personId).toBe('W-1');
  });

  it('exits 2 on a usage error or a bad list, naming the list line; a bad traveller line is named and the others answered', async () => {
    const usage = await runAlerts(['match'], '');
    expect(usage.code).toBe(ExitCode.usage);
    expect(usage.stderr).toMatch(/--persons FILE is required/);
    const threshold = await runAlerts(['match', '--persons', listFile(PERSONS), '--threshold', 'high'], '');
    expect(threshold.code).toBe(ExitCode.usage);
    expect(threshold.stderr).toMatch(/--threshold takes a number from 0 to 1/);
    const badList = await runAlerts(['match', '--persons', listFile([PERSONS[0], { ...PERSONS[1], action: 'detain' }])], '');
    expect(badList.code).toBe(ExitCode.usage);
    expect(badList.stderr).toMatch(/documents\.jsonl line 2: .*action/);
    const input = ['{"id":1,"surname":"IVANOV","givenNames":"IVAN","birthDate":"700203"}', '{oops', '{"id":3,"surname":"IVANOV","birthDate":"1970-02-03"}'].join('\n');
    const outcome = await runAlerts(['match', '--persons', listFile(PERSONS)], `${input}\n`);
    expect(outcome.code).toBe(ExitCode.failed);
    expect((outputLines(outcome) as MatchLine[]).map((line) => line.id)).toEqual([1]);
    expect(outcome.stderr).toMatch(/standard input line 2: not valid JSON/);
    expect(outcome.stderr).toMatch(/standard input line 3: .*birthDate/);
  });
});
