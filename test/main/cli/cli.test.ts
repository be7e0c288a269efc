import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../main/cli/commands/index.js';
import { rpcMethods, rpcStreams } from '../../../main/common/contract/rpc-methods.js';
import { RpcErrorCode } from '../../../main/common/contract/rpc-errors.js';
import { builtCli, repoRoot, startServe } from '../../rigs/built-cli.js';
import { runSahman } from '../../rigs/cli-in-process.js';
import { startPtyPair } from '../../rigs/socat.js';
import { tempDir } from '../../rigs/temp-dir.js';

const run = (argv: string[]) => runSahman(argv);

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('the sahman command', () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
  });

  it('prints the package version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('exits 2 on an unknown command or option, naming it', async () => {
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('frobnicate') });
    expect(await run(['serve', '--colour'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--colour') });
    expect(await run(['serve', '--port', 'eighty'])).toMatchObject({ code: 2, stderr: expect.stringContaining('eighty') });
  });

  it('prints each command usage with --help', async () => {
    for (const command of commands) {
      const { code, stdout } = await run([command.name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`sahman ${command.name}`);
    }
  });
});

describe('sahman contract', () => {
  it('prints every method, stream and error code as JSON Schema', async () => {
    const { code, stdout } = await run(['contract']);
    expect(code).toBe(0);
    const contract = JSON.parse(stdout) as {
      methods: Record<string, { params: { type?: string }; result: { type?: string; properties?: object } }>;
      streams: Record<string, { event: { properties?: object } }>;
      errorCodes: string[];
      messages: { client: object; server: object };
    };
    expect(Object.keys(contract.methods).sort()).toEqual(Object.keys(rpcMethods).sort());
    expect(Object.keys(contract.streams).sort()).toEqual(Object.keys(rpcStreams).sort());
    expect(contract.errorCodes).toEqual(RpcErrorCode.options);
    expect(contract.methods['system.info']?.result.properties).toHaveProperty('applianceId');
    expect(contract.streams['system.uptime']?.event.properties).toHaveProperty('uptimeMs');
    expect(contract.messages.client).toHaveProperty('oneOf');
  });
});

describe('the built sahman binary', () => {
  it('stops with one clear message and exit code 78 when the config file is invalid', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ version: 1, lane: 0 }));
    const result = spawnSync(process.execPath, [builtCli, 'serve', '--data', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/config\.json is invalid: .*lane: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves with the embedded defaults, writing them into a new data folder', async () => {
    const dataDir = path.join(tempDir(), 'fresh');
    const served = await startServe(['--data', dataDir, '--port', '0']);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
    expect(served.output()).toContain('UTO-DEMO');
    const config = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { lane: number };
    expect(config.lane).toBe(1);
    expect(await served.stop('SIGINT')).toBe(0);
  });

  async function startWithoutElectron(extra: readonly string[]): Promise<{ stdout: string; stderr: string }> {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [builtCli, 'start', '--data', dataDir, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await expect.poll(() => stdout, { timeout: 30_000 }).toContain('Open: http://127.0.0.1:');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    return { stdout, stderr };
  }

  it('explains in one line, when Electron cannot run here, that it serves the same core and UI instead', async () => {
    const { stdout, stderr } = await startWithoutElectron([]);
    const reason = stdout.split('\n').filter((line) => line.includes('Electron'));
    expect(reason).toEqual([expect.stringMatching(/^Not using Electron: .+\. Running the same core and UI with `sahman serve` instead; open the address below in a browser\.$/)]);
    expect(stdout + stderr).not.toMatch(/fetch failed|Downloading Electron|^\s+at /m);
  });

  it('shows the electron package\'s own failure, stack trace included, with --verbose', async () => {
    const { stdout, stderr } = await startWithoutElectron(['--verbose']);
    expect(stdout).toContain('Not using Electron: ');
    expect(stderr).toMatch(/Electron failed to install correctly[\s\S]*\n\s+at /);
  }, 60_000);
});

describe('the built binary with native drivers', () => {
  it('monitors a serial reader on a real pty: prints the scan as JSON and exits cleanly on SIGINT', async () => {
    const pty = await startPtyPair();
    try {
      const child = spawn(process.execPath, [builtCli, 'monitor', '--json', pty.serialSpec('framing=lines')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await expect.poll(() => output, { timeout: 10_000 }).toContain('"status":"ready"');
      await pty.write('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n');
      await expect.poll(() => output, { timeout: 10_000 }).toContain('"type":"scan"');
      const scan = output
        .split('\n')
        .filter((line) => line.includes('"type":"scan"'))
        .map((line) => JSON.parse(line) as { mrz: { valid: boolean; fields: { documentNumber: string } } })[0];
      expect(scan?.mrz).toMatchObject({ valid: true, fields: { documentNumber: 'L898902C3' } });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      await pty.close();
    }
  });
});

describe('sahman key', () => {
  it('prints the same public key the core signs with, and its appliance id with --json', async () => {
    const dataDir = tempDir();
    const plain = await run(['key', '--data', dataDir]);
    expect(plain.code).toBe(0);
    expect(Buffer.from(plain.stdout.trim(), 'base64')).toHaveLength(32);
    const json = await run(['key', '--data', dataDir, '--json']);
    const parsed = JSON.parse(json.stdout) as { applianceId: string; algorithm: string; publicKey: string };
    expect(parsed).toMatchObject({ algorithm: 'ed25519', publicKey: plain.stdout.trim() });
    expect(parsed.applianceId).toMatch(/^sahman-/);
  });
});
