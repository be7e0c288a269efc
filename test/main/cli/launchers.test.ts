/**
 * Every documented way of running `sahman`, on the built package: the command answers, and a
 * long-running command stops when its launcher alone is signalled, as a supervisor (systemd, a
 * test harness, `kill PID`) signals it, without the terminal's whole process group.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtCli, repoRoot } from '../../rigs/built-cli.js';
import { tempDir } from '../../rigs/temp-dir.js';

const packageVersion = (spawnSync(process.execPath, [builtCli, '--version'], { encoding: 'utf8' }).stdout || 'unknown').trim();

/** The pids of the processes below this one, read from /proc (ps is not on every base image). */
function descendants(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${String(pid)}/task`);
  } catch {
    return [];
  }
  const direct = tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${String(pid)}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter((word) => word !== '').map(Number);
    } catch {
      return [];
    }
  });
  return direct.flatMap((child) => [child, ...descendants(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the documented ways of running sahman', () => {
  it('the bundled entry runs by itself on a fresh build: executable, with its shebang, as a bin link runs it', () => {
    const result = spawnSync(builtCli, ['--version'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(packageVersion);
  });

  it('npm run sahman -- answers with the same version', () => {
    const result = spawnSync('npm', ['run', '--silent', 'sahman', '--', '--version'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(packageVersion);
  });

  const launchers: Record<string, readonly string[]> = {
    'node dist/main/cli/sahman.js': [process.execPath, builtCli],
    'npm run sahman --': ['npm', 'run', '--silent', 'sahman', '--'],
  };

  for (const [launcher, command] of Object.entries(launchers)) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      it(`${launcher} serve stops, leaving no process behind, when the launcher gets ${signal}`, async () => {
        const [program = '', ...args] = command;
        const child = spawn(program, [...args, 'serve', '--data', tempDir(), '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await expect.poll(() => output, { timeout: 30_000 }).toContain('Open: http://127.0.0.1:');
        const below = descendants(child.pid ?? 0);
        child.kill(signal);
        await exited;
        await expect.poll(() => below.filter(alive), { timeout: 10_000 }).toEqual([]);
      }, 60_000);
    }
  }
});
