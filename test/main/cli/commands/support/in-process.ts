import { PassThrough } from 'node:stream';
import type { Command } from '../../../../../main/cli/command.js';
import { runCli } from '../../../../../main/cli/cli.js';

export interface Output {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in this process, as `sahman <argv>` would, and collects what it prints. */
export async function runCommand(command: Command, argv: readonly string[]): Promise<Output> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await runCli([command.name, ...argv], { stdin: new PassThrough(), stdout, stderr }, [command]);
  return { code, stdout: out, stderr: err };
}

/** A stdout that collects text as it comes, for commands that run until stopped. */
export function liveOutput(): { readonly stream: PassThrough; text(): string; jsonLines(): Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return {
    stream,
    text: () => text,
    jsonLines: () =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
