import { PassThrough } from 'node:stream';
import type { Command } from '../../../../../main/cli/command.js';
import { runSahman, type CliOutcome } from '../../../../rigs/cli-in-process.js';

export type Output = CliOutcome;

/** Runs a command in this process, as `sahman <argv>` would, and collects what it prints. */
export function runCommand(command: Command, argv: readonly string[]): Promise<Output> {
  return runSahman([command.name, ...argv], { commands: [command] });
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
