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
