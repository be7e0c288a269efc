import { PassThrough } from 'node:stream';
import { loadedEntry, type Command } from '../../main/cli/command.js';
import { runCli } from '../../main/cli/cli.js';
import { commands as allCommands } from '../../main/cli/commands/index.js';

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sahman <argv>` in this process, as the dispatcher would, with stdin given as text or bytes. */
export async function runSahman(
  argv: readonly string[],
  options: { readonly stdin?: string | Buffer; readonly commands?: readonly Command[] } = {},
): Promise<CliOutcome> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  stdin.end(options.stdin ?? '');
  const code = await runCli(argv, { stdin, stdout, stderr }, options.commands?.map((command) => loadedEntry(command)) ?? allCommands);
  return { code, stdout: out, stderr: err };
}
