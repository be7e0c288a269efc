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
  /** One line for `sahman --help`. */
  readonly summary: string;
  /** Full usage text for `sahman <command> --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
