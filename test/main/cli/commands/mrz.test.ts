import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../main/cli/command.js';
import { describeResult, mrzCommand, splitDocuments } from '../../../../main/cli/commands/mrz.js';
import { parseMrz } from '../../../../main/common/icao/index.js';
import { MrzResultSchema } from '../../../../main/common/contract/mrz-result.js';
import { runSahman, type CliOutcome } from '../../../rigs/cli-in-process.js';
import { COMMAND_CONTRACT_TD3_EXAMPLE } from '../../common/icao/support/specimens.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'].join('\n');
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'].join('\n');
const MRV_B = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'].join('\n');

/** Runs the command in-process, as the dispatcher would, with stdin given as bytes or text. */
function runMrz(args: readonly string[], input: string | Buffer): Promise<CliOutcome> {
  return runSahman(['mrz', ...args], { stdin: input, commands: [mrzCommand] });
}

function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('sahman mrz --json', () => {
  it('prints one JSON object per document, one per line, in the documented shape', async () => {
    const outcome = await runMrz(['--json'], `${TD3}\n`);
    expect(outcome.code).toBe(ExitCode.ok);
    expect(outcome.stderr).toBe('');
    const [result, ...rest] = jsonLines(outcome.stdout);
    expect(rest).toEqual([]);
    expect(result).toMatchObject(COMMAND_CONTRACT_TD3_EXAMPLE);
    expect(MrzResultSchema.safeParse(result).success).toBe(true);
  });

  it('separates documents at one or more blank lines, and keeps going past text that is no MRZ', async () => {
    const input = `${TD3}\n\n${TD1}\n\n\n   \nnot an MRZ at all\n\n${MRV_B}\n`;
    const outcome = await runMrz(['--json'], input);
    expect(outcome.code).toBe(ExitCode.ok);
    const results = jsonLines(outcome.stdout).map((line) => MrzResultSchema.parse(line));
    expect(results.map((result) => [result.format, result.valid])).toEqual([
      ['TD3', true],
      ['TD1', true],
      [null, false],
      ['MRV-B', true],
    ]);
    expect(results[2]?.errors[0]?.code).toBe('unknown-format');
    expect(results[2]?.fields).toEqual({});
  });

  it('reads CRLF input and says so', async () => {
    const outcome = await runMrz(['--json'], `${TD3.replace(/\n/g, '\r\n')}\r\n\r\n${TD1.replace(/\n/g, '\r\n')}\r\n`);
    const results = jsonLines(outcome.stdout).map((line) => MrzResultSchema.parse(line));
    expect(results.map((result) => result.valid)).toEqual([true, true]);
    expect(results[0]?.normalised).toEqual(['line-endings']);
  });

  it('exits 0 for invalid documents', async () => {
    const outcome = await runMrz(['--json'], TD3.replace('7408122', '7408123'));
    expect(outcome.code).toBe(ExitCode.ok);
    expect(MrzResultSchema.parse(jsonLines(outcome.stdout)[0]).valid).toBe(false);
  });

  it('reports corrections', async () => {
    const outcome = await runMrz(['--json'], TD3.replace('7408122', '74O8122'));
    const result = MrzResultSchema.parse(jsonLines(outcome.stdout)[0]);
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([{ field: 'birthDate', position: 2, from: 'O', to: '0' }]);
  });
});

describe('sahman mrz (readable report)', () => {
  it('describes each document', async () => {
    const outcome = await runMrz([], `${TD3}\n\n${TD1.replace('7408122F', '7408122Q')}\n`);
    expect(outcome.code).toBe(ExitCode.ok);
    expect(outcome.stdout).toContain('Document 1: TD3, valid\n');
    expect(outcome.stdout).toContain('  Document number   L898902C3\n');
    expect(outcome.stdout).toContain('  Birth date        740812 (1974-08-12)\n');
    expect(outcome.stdout).toContain('  Given names       ANNA MARIA\n');
    expect(outcome.stdout).toContain('  Checks            all 12 passed\n');
    expect(outcome.stdout).toContain('\nDocument 2: TD1, INVALID (1 error)\n');
    expect(outcome.stdout).toContain('  Optional data 2   -\n');
    expect(outcome.stdout).toContain('Error             invalid-sex (sex)');
    expect(outcome.stdout).toContain('failed: sex sex');
  });

  it('describes text that is no MRZ, corrections, warnings and normalisations', () => {
    const unknown = describeResult(parseMrz('hello'), 3);
    expect(unknown).toBe(
      'Document 3: unknown format, INVALID (1 error)\n' +
        `  Error             unknown-format (zone): ${parseMrz('hello').errors[0]?.message ?? ''}\n`,
    );
    const corrected = describeResult(parseMrz(` ${TD3.replace('7408122', '74O8122')}`.replace('F1204159', '<1204159')), 1);
    expect(corrected).toContain('  Sex               < (unspecified)\n');
    expect(corrected).toContain('  Normalised        surrounding-whitespace\n');
    expect(corrected).toContain('  Correction        birthDate position 2: O -> 0\n');
  });
});

describe('usage and input errors', () => {
  it('prints its usage with --help and exits 0', async () => {
    const outcome = await runMrz(['--help'], '');
    expect(outcome.code).toBe(ExitCode.ok);
    expect(outcome.stdout).toBe(`${mrzCommand.usage}\n`);
    expect(mrzCommand.usage).toContain('sahman mrz [--json]');
  });

  it('exits 2 on an unknown option or an argument', async () => {
    for (const args of [['--jsn'], ['file.txt'], ['--json=yes']]) {
      const outcome = await runMrz(args, TD3);
      expect(outcome.code).toBe(ExitCode.usage);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toContain('sahman mrz:');
      expect(outcome.stderr).toContain('Usage: sahman mrz');
    }
  });

  it('exits 2 when standard input holds nothing', async () => {
    for (const input of ['', '\n\n  \n']) {
      const outcome = await runMrz(['--json'], input);
      expect(outcome.code).toBe(ExitCode.usage);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toBe('sahman mrz: no MRZ text on standard input\n');
    }
  });

  it('exits 2 when standard input is not UTF-8', async () => {
    const outcome = await runMrz(['--json'], Buffer.from([0x50, 0x3c, 0xff, 0xfe, 0x0a]));
    expect(outcome.code).toBe(ExitCode.usage);
    expect(outcome.stderr).toBe('sahman mrz: standard input is not UTF-8 text\n');
  });

  it('exits 2 when standard input fails', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    setImmediate(() => stdin.destroy(new Error('device unplugged')));
    const code = await mrzCommand.run(['--json'], { stdin, stdout, stderr });
    expect(code).toBe(ExitCode.usage);
    expect(err).toBe('sahman mrz: cannot read standard input: device unplugged\n');
  });
});

describe('through the sahman dispatcher', () => {
  it('runs as `sahman mrz --json` and leaves --help to the dispatcher', async () => {
    const json = await runSahman(['mrz', '--json'], { stdin: TD1, commands: [mrzCommand] });
    expect(json.code).toBe(ExitCode.ok);
    expect(MrzResultSchema.parse(JSON.parse(json.stdout)).valid).toBe(true);
    const help = await runSahman(['mrz', '--help'], { commands: [mrzCommand] });
    expect(help).toMatchObject({ code: ExitCode.ok, stdout: `${mrzCommand.usage}\n` });
  });
});

describe('splitDocuments', () => {
  it('splits at runs of blank or white-space-only lines, keeping line ends', () => {
    expect(splitDocuments('A\r\nB\r\n\r\n \t\r\nC\nD')).toEqual(['A\r\nB\r\n', 'C\nD']);
    expect(splitDocuments('\n\nA\n')).toEqual(['A\n']);
    expect(splitDocuments('')).toEqual([]);
  });
});
