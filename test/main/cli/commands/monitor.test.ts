import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { frameDocument } from '../../../../drivers/framing/framings.js';
import { openReader } from '../../../../drivers/reader/open-reader.js';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { monitor, monitorCommand, type MonitorOptions } from '../../../../main/cli/commands/monitor.js';
import { startPtyPair, type PtyPair } from '../../../rigs/socat.js';
import { repoRoot } from '../../../rigs/built-cli.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { liveOutput, runCommand } from './support/in-process.js';

const WAIT = { timeout: 15_000, interval: 5 };
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

async function ptyPair(): Promise<PtyPair> {
  const pair = await startPtyPair();
  onTestFinished(() => pair.close());
  return pair;
}

/** Starts monitor in this process; returns its output and a way to stop it as Ctrl-C would. */
function startMonitor(options: Partial<MonitorOptions> & { target: string }) {
  const out = liveOutput();
  let err = '';
  const stderr = new PassThrough();
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const controller = new AbortController();
  const done = monitor({ json: true, raw: false, lockDir: tempDir(), ...options }, { stdin: new PassThrough(), stdout: out.stream, stderr }, controller.signal);
  onTestFinished(async () => {
    controller.abort();
    await done;
  });
  return { out, stderr: () => err, stop: () => controller.abort(), done };
}

describe('sahman monitor', () => {
  it('prints status changes and scans as JSON lines, with every chunk under --raw, until stopped', async () => {
    const pair = await ptyPair();
    const spec = pair.serialSpec('framing=stx-etx-lrc');
    const run = startMonitor({ target: spec, raw: true });
    await expect.poll(() => run.out.jsonLines().some((line) => line.type === 'status' && line.status === 'ready'), WAIT).toBe(true);
    await pair.write(Buffer.concat([Buffer.from('\x00\xffnoise', 'latin1'), frameDocument(TD3, { kind: 'stx-etx-lrc' })]));
    await expect.poll(() => run.out.jsonLines().filter((line) => line.type === 'scan').length, WAIT).toBe(1);
    run.stop();
    expect(await run.done).toBe(0);
    const lines = run.out.jsonLines();
    const scan = lines.find((line) => line.type === 'scan');
    expect(scan).toMatchObject({ reader: spec, lines: TD3, mrz: { format: 'TD3', valid: true, fields: { documentNumber: 'L898902C3' } } });
    expect(Number.isNaN(Date.parse(String(scan?.receivedAt)))).toBe(false);
    expect(String(scan?.receivedAt)).toMatch(/Z$/);
    const bytes = lines.filter((line) => line.type === 'bytes').map((line) => String(line.hex)).join('');
    expect(bytes.slice(0, 14)).toBe('00ff6e6f697365');
    expect(lines.at(-1)).toMatchObject({ type: 'status', reader: spec, status: 'disconnected', reason: 'closed' });
  });

  it('releases the port when stopped, so the appliance can have it', async () => {
    const pair = await ptyPair();
    const run = startMonitor({ target: pair.serialSpec() });
    await expect.poll(() => run.out.text().includes('"ready"'), WAIT).toBe(true);
    run.stop();
    await run.done;
    const reader = openReader({ id: 'after', spec: pair.serialSpec() });
    onTestFinished(() => reader.close());
    await expect.poll(() => reader.status().state, WAIT).toBe('ready');
  });

  it('says which appliance holds the port and exits 1, without touching the device', async () => {
    const pair = await ptyPair();
    const lockDir = tempDir();
    const appliance = openReader({ id: 'lane-2-passport', spec: pair.serialSpec() }, { ownership: { lockDir, holder: { kind: 'appliance', applianceId: 'uto-lane-2' } } });
    onTestFinished(() => appliance.close());
    await expect.poll(() => appliance.status().state, WAIT).toBe('ready');
    const run = startMonitor({ target: pair.serialSpec(), lockDir });
    expect(await run.done).toBe(1);
    expect(run.stderr()).toMatch(/held by appliance uto-lane-2 \(reader lane-2-passport, pid \d+/);
    expect(appliance.status().state).toBe('ready');
  });

  it('says the port is busy and exits 1 when a process without an ownership record holds it', async () => {
    const pair = await ptyPair();
    const stranger = openReader({ id: 'stranger', spec: pair.serialSpec() });
    onTestFinished(() => stranger.close());
    await expect.poll(() => stranger.status().state, WAIT).toBe('ready');
    const run = startMonitor({ target: pair.serialSpec() });
    expect(await run.done).toBe(1);
    expect(run.stderr()).toMatch(/held by another process/);
  });

  it('records what a reader sends, and replay: plays it back to the same scans', async () => {
    const pair = await ptyPair();
    const capture = path.join(tempDir(), 'lane-1.jsonl');
    const run = startMonitor({ target: pair.serialSpec('framing=accessis'), record: capture });
    await expect.poll(() => run.out.text().includes('"ready"'), WAIT).toBe(true);
    const td3 = frameDocument(TD3, { kind: 'accessis' });
    await pair.write(td3.subarray(0, 20));
    await pair.write(Buffer.concat([td3.subarray(20), frameDocument(TD1, { kind: 'accessis' })]));
    await expect.poll(() => run.out.jsonLines().filter((line) => line.type === 'scan').length, WAIT).toBe(2);
    run.stop();
    expect(await run.done).toBe(0);
    expect(readFileSync(capture, 'utf8').split('\n')[0]).toMatch(/^\{"sahmanCapture":1,.*"transport":"serial","framing":"accessis"\}$/);

    const replay = await runCommand(monitorCommand, [`replay:${capture}?pace=fast`, '--json']);
    expect(replay.code).toBe(0);
    const scans = replay.stdout
      .split('\n')
      .filter((line) => line.includes('"type":"scan"'))
      .map((line) => JSON.parse(line) as { lines: string[] });
    expect(scans.map((scan) => scan.lines)).toEqual([TD3, TD1]);
    expect(await runCommand(monitorCommand, [pair.serialSpec(), '--record', capture])).toMatchObject({ code: 2, stderr: expect.stringContaining('never overwritten') });
  });

  it('opens a configured reader by its id, and prints readable lines without --json', async () => {
    const data = tempDir();
    writeFileSync(path.join(data, 'config.json'), JSON.stringify({ ...defaultConfig('uto-test-lane'), readers: [{ id: 'demo-lane', spec: 'sim:?interval=0.01&count=2&seed=5&invalid=1' }] }));
    const { code, stdout } = await runCommand(monitorCommand, ['demo-lane', '--data', data]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ready\s+simulator/);
    expect(stdout).toMatch(/scan\s+#1 TD1 invalid: check-digit-mismatch/);
    expect(stdout).toMatch(/disconnected\s+end-of-input/);
  });

  it('refuses a bad spec or an unknown reader id with exit 2, saying what is wrong', async () => {
    expect(await runCommand(monitorCommand, ['serial:/dev/ttyUSB0?baud=fast'])).toMatchObject({ code: 2, stderr: expect.stringContaining('baud: must be a whole number') });
    expect(await runCommand(monitorCommand, ['lane-9', '--data', tempDir()])).toMatchObject({ code: 2, stderr: expect.stringContaining('neither a reader spec') });
    expect(await runCommand(monitorCommand, [])).toMatchObject({ code: 2, stderr: expect.stringContaining('which reader') });
  });

  it('exits 0 on SIGINT, as a technician’s Ctrl-C', async () => {
    const pair = await ptyPair();
    const runner = fileURLToPath(new URL('./support/run-commands.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', runner, 'monitor', pair.serialSpec(), '--json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SAHMAN_LOCK_DIR: tempDir() },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await expect.poll(() => output.includes('"status":"ready"'), { timeout: 30_000, interval: 20 }).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.trim().split('\n').at(-1)).toContain('"reason":"closed"');
  });
});
