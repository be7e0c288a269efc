import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to; injected so that tests can run commands in-process. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Exit codes shared by every `sahman` command. */
export const ExitCode = {
  ok: 0,
  /** A check failed (for example a broken audit chain). */
  failed: 1,
  /** Usage error or unreadable input. */
  usage: 2,
  /** The configuration file is invalid (sysexits' EX_CONFIG). */
  config: 78,
} as const;

export interface Command {
  readonly name: string;
  /** Full usage text for `sahman <command> --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A command as `sahman --help` lists it; its module is loaded only to run it or show its usage. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `sahman --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

/** An entry for a command already loaded (tests run commands in-process this way). */
export function loadedEntry(command: Command, summary = ''): CommandEntry {
  return { name: command.name, summary, load: () => Promise.resolve(command) };
}
