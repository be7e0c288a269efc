import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const script = fileURLToPath(new URL('support/start-core-and-wait.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../..', import.meta.url));

interface Ended {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the start-up script on dataDir; kills it after limitMs if it has not ended by itself. */
function runStart(dataDir: string, limitMs: number): Promise<Ended & { readonly killed: boolean }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  const limit = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, limitMs);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr, ms: Date.now() - started, killed });
    });
  });
}

describe('a start-up that fails after the database is open', () => {
  it('reports the CoreStartError and leaves no timer or handle behind when the visa table is broken', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'reference'));
    writeFileSync(path.join(dataDir, 'reference', 'visa-requirements.json'), '{not json');
    const ended = await runStart(dataDir, 8_000);
    expect(ended.stdout).toMatch(/start failed: CoreStartError: the visa table .* is not valid JSON/);
    expect(ended.killed, `the child did not exit by itself:\n${ended.stdout}${ended.stderr}`).toBe(false);
    expect(ended.code).toBe(2);
  });

  it('releases the readers, timers and store when the sync link cannot read its client certificate', async () => {
    const dataDir = tempDir();
    const config = defaultConfig('uto-kiosk-1');
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ ...config, central: { ...config.central, clientCertFile: 'missing-cert.pem', clientKeyFile: 'missing-key.pem' } }),
    );
    const ended = await runStart(dataDir, 8_000);
    expect(ended.stdout).toMatch(/start failed: CoreStartError: cannot read the client certificate .*missing-cert\.pem/);
    expect(ended.killed, `the child did not exit by itself:\n${ended.stdout}${ended.stderr}`).toBe(false);
    expect(ended.code).toBe(2);
  });

  it('still ends by itself after a start and a close (the script itself holds nothing)', async () => {
    const ended = await runStart(tempDir(), 20_000);
    expect(ended.stdout).toBe('started\nclosed\n');
    expect(ended.killed).toBe(false);
    expect(ended.code).toBe(0);
  });
});
