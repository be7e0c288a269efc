import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built `sahman` entry, as `npx sahman` runs it; `npm test` builds it first. */
export const builtCli = path.join(repoRoot, 'dist', 'main', 'cli', 'sahman.js');

export function assertBuilt(): void {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run \`npm run build\` (npm test does)`);
}

export interface ServedAppliance {
  readonly child: ChildProcess;
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `sahman serve` as a real child process and waits for the address it prints. */
export async function startServe(args: readonly string[], timeoutMs = 15_000): Promise<ServedAppliance> {
  assertBuilt();
  const child = spawn(process.execPath, [builtCli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sahman serve printed no address in time:\n${output}`)), timeoutMs);
    const poll = setInterval(() => {
      const match = /Open: (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 10);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`sahman serve exited with ${String(code)}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    child,
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
