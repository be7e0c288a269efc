import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { centralKeyPath } from '../../../sync/central/central-key.js';
import { CENTRAL_DATABASE_FILE } from '../../../sync/central/central-store.js';
import { runCentral } from '../../../sync/central/central-cli.js';
import { paths } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { runSahman, type CliOutcome } from '../../rigs/cli-in-process.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { getSigned, makeAppliance, postBatch } from './signed-client.js';
import { auditItem, batchOf, crossingItem } from './specimen-items.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** `sahman central …` through the real dispatcher, which loads the central module outside the bundle. */
function central(args: readonly string[]): Promise<CliOutcome> {
  return runSahman(['central', ...args]);
}

function jsonLines(text: string): unknown[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('sahman central register-key, key and export', () => {
  it('registers keys, prints its own key, and exports what it holds by appliance, key and seq', async () => {
    const dataDir = tempDir();
    const lane1 = makeAppliance('uto-lane-1');
    const lane1Rebuilt = makeAppliance('uto-lane-1');
    const lane2 = makeAppliance('uto-lane-2');
    for (const appliance of [lane2, lane1, lane1Rebuilt]) {
      const registered = await central(['register-key', '--appliance', appliance.applianceId, '--key', appliance.publicKeyBase64, '--data', dataDir]);
      expect(registered).toEqual({ code: 0, stdout: `registered key ${appliance.keyId} for appliance ${appliance.applianceId}\n`, stderr: '' });
    }
    expect(await central(['register-key', '--appliance', 'uto-lane-1', '--key', lane1.publicKeyBase64, '--data', dataDir])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('already registered'),
    });

    const key = await central(['key', '--data', dataDir]);
    expect(key.code).toBe(0);
    expect(statSync(centralKeyPath(dataDir)).mode & 0o777).toBe(0o600);

    const running = await startTestCentral({ dataDir });
    expect(`${running.centralPublicKeyBase64}\n`).toBe(key.stdout);
    const bad = { ...crossingItem(2), record: { ...crossingItem(2).record, direction: 'sideways' } };
    await postBatch(running.url, lane1, batchOf([crossingItem(1, undefined, 0, 'uto-lane-1'), bad, auditItem(3)], 1));
    await postBatch(running.url, lane1Rebuilt, batchOf([auditItem(1)], 1));
    await postBatch(running.url, lane2, batchOf([crossingItem(1, undefined, 0, 'uto-lane-2')], 1));

    // Export works beside a running central: WAL lets it read while central writes.
    const exported = await central(['export', '--data', dataDir]);
    expect(exported.code).toBe(0);
    const lines = jsonLines(exported.stdout) as { applianceId: string; seq: number; kind: string; record: { seq: number } }[];
    expect(lines.map(({ applianceId, seq, kind }) => `${applianceId}/${String(seq)}/${kind}`)).toEqual([
      'uto-lane-1/1/crossing',
      'uto-lane-1/3/audit',
      'uto-lane-1/1/audit',
      'uto-lane-2/1/crossing',
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['applianceId', 'seq', 'kind', 'record']);

    const onlyLane2 = jsonLines((await central(['export', '--data', dataDir, '--appliance', 'uto-lane-2'])).stdout);
    expect(onlyLane2).toHaveLength(1);
    const rejected = jsonLines((await central(['export', '--rejected', '--data', dataDir])).stdout);
    expect(rejected).toEqual([
      { applianceId: 'uto-lane-1', keyId: lane1.keyId, seq: 2, kind: 'crossing', reason: expect.stringMatching(/^record\.direction: /), item: bad },
    ]);
  });

  it('keeps its key across restarts and tightens loose permissions', async () => {
    const dataDir = tempDir();
    const first = await central(['key', '--data', dataDir]);
    const { chmodSync } = await import('node:fs');
    chmodSync(centralKeyPath(dataDir), 0o644);
    expect(await central(['key', '--data', dataDir])).toEqual(first);
    expect(statSync(centralKeyPath(dataDir)).mode & 0o777).toBe(0o600);
  });
});

describe('sahman central publish', () => {
  it('stores each file as the next version of its kind', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'alerts.json');
    writeFileSync(file, JSON.stringify([{ key: 'UTO:L898902C3', value: { reason: 'stolen' } }]));
    expect(await central(['publish', '--kind', 'alert-list', '--file', file, '--data', dataDir])).toEqual({ code: 0, stdout: 'published alert-list version 1 (1 changes)\n', stderr: '' });
    expect((await central(['publish', '--kind', 'alert-list', '--file', file, '--data', dataDir])).stdout).toContain('version 2');
    expect((await central(['publish', '--kind', 'visa-rules', '--file', file, '--data', dataDir])).stdout).toContain('visa-rules version 1');
  });

  it('checks a document list as the appliances will, before publishing it', async () => {
    const dataDir = tempDir();
    const entry = { issuingState: 'UTO', documentType: 'P', number: 'L898902C3', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' };
    const good = path.join(dataDir, 'documents.json');
    writeFileSync(good, JSON.stringify([{ key: 'UTO:L898902C3:P', value: entry }, { key: 'UTO:X1234567:ID', value: null }]));
    expect((await central(['publish', '--kind', 'document-list', '--file', good, '--data', dataDir])).stdout).toBe('published document-list version 1 (2 changes)\n');
    const misfiled = path.join(dataDir, 'misfiled.json');
    writeFileSync(misfiled, JSON.stringify([{ key: 'UTO:L898902C4:P', value: entry }]));
    const refused = await central(['publish', '--kind', 'document-list', '--file', misfiled, '--data', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/change 1 .*the key must be the entry's id, UTO:L898902C3:P/);
    const invalid = path.join(dataDir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify([{ key: 'UTO:L898902C3:P', value: { ...entry, reason: 'misplaced' } }]));
    expect((await central(['publish', '--kind', 'document-list', '--file', invalid, '--data', dataDir])).stderr).toMatch(/change 1 .*reason/);
  });

  it('checks a person list as the appliances will, before publishing it', async () => {
    const dataDir = tempDir();
    const entry = { id: 'UTO-W-1', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', category: 'national-warrant', action: 'arrest' };
    const good = path.join(dataDir, 'persons.json');
    writeFileSync(good, JSON.stringify([{ key: 'UTO-W-1', value: entry }, { key: 'UTO-W-0', value: null }]));
    expect((await central(['publish', '--kind', 'person-list', '--file', good, '--data', dataDir])).stdout).toBe('published person-list version 1 (2 changes)\n');
    const misfiled = path.join(dataDir, 'misfiled.json');
    writeFileSync(misfiled, JSON.stringify([{ key: 'UTO-W-2', value: entry }]));
    const refused = await central(['publish', '--kind', 'person-list', '--file', misfiled, '--data', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/change 1 .*the key must be the entry's id, UTO-W-1/);
    const invalid = path.join(dataDir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify([{ key: 'UTO-W-1', value: { ...entry, action: 'detain', birthDate: '12.08.1974' } }]));
    expect((await central(['publish', '--kind', 'person-list', '--file', invalid, '--data', dataDir])).stderr).toMatch(/change 1 .*(action|birthDate)/);
  });
});

describe('sahman central refusals', () => {
  it.each([
    ['an unknown subcommand', ['frobnicate'], /unknown subcommand "frobnicate"/],
    ['an unknown option', ['key', '--colour'], /--colour/],
    ['a missing --appliance', ['register-key', '--key', 'AAAA'], /--appliance is required/],
    ['a key that is not 32 bytes', ['register-key', '--appliance', 'uto-lane-1', '--key', 'AAAA'], /--key: an Ed25519 public key/],
    ['an appliance id with a slash', ['register-key', '--appliance', 'uto/1', '--key', makeAppliance().publicKeyBase64], /--appliance: /],
    ['a missing --file', ['publish', '--kind', 'config'], /--file is required/],
    ['an unknown kind', ['publish', '--kind', 'weather', '--file', 'x.json'], /--kind takes alert-list, visa-rules, config, document-list/],
    ['an unreadable file', ['publish', '--kind', 'config', '--file', '/nonexistent/changes.json'], /cannot read the changes file .*ENOENT/],
    ['a bad port', ['serve', '--port', '99999'], /--port takes a number/],
    ['a certificate without its key', ['serve', '--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    ['a client CA without a certificate', ['--tls-client-ca', 'ca.pem'], /--tls-client-ca needs/],
    ['an unreadable certificate', ['serve', '--port', '0', '--tls-cert', '/nonexistent/c.pem', '--tls-key', '/nonexistent/k.pem'], /cannot read the TLS certificate/],
  ])('refuses %s with one line and exit 2', async (_name, args, message) => {
    const dataDir = tempDir();
    const outcome = await central([...args, '--data', dataDir]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['invalid JSON', '[{"key": "a", "value": ', /is not valid JSON/],
    ['not a list', '{"key": "a", "value": 1}', /\(top\): /],
    ['a change without a value', '[{"key": "a"}]', /0\.value: /],
    ['an empty key', '[{"key": "", "value": 1}]', /0\.key: /],
  ])('refuses a changes file with %s with exit 2', async (_name, text, message) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'changes.json');
    writeFileSync(file, text);
    const outcome = await central(['publish', '--kind', 'config', '--file', file, '--data', dataDir]);
    expect(outcome).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
  });

  it('refuses to export or list alarms from a folder with no central data', async () => {
    for (const subcommand of ['export', 'alarms']) {
      const outcome = await central([subcommand, '--data', path.join(tempDir(), 'typo')]);
      expect(outcome).toMatchObject({ code: 2, stderr: expect.stringContaining('no central data in') });
    }
  });

  it('lists the alarms central raised, by appliance, with ids and digests but no traveller', async () => {
    const dataDir = tempDir();
    const lane1 = makeAppliance('uto-lane-1');
    const lane2 = makeAppliance('uto-lane-2');
    const running = await startTestCentral({ dataDir });
    running.registerKey(lane1.applianceId, lane1.publicKeyBase64);
    running.registerKey(lane2.applianceId, lane2.publicKeyBase64);
    expect((await central(['alarms', '--data', dataDir])).stdout).toBe('');

    await postBatch(running.url, lane1, batchOf([auditItem(1), auditItem(2)], 1));
    // Seq 2 again, now a crossing: the same seq with different content.
    expect((await postBatch(running.url, lane1, batchOf([crossingItem(2, undefined, 0, 'uto-lane-1')], 2))).status).toBe(409);

    const listed = await central(['alarms', '--data', dataDir]);
    expect(listed.code).toBe(0);
    expect(jsonLines(listed.stdout)).toEqual([
      { raisedAt: expect.any(String), kind: 'digest_mismatch', applianceId: 'uto-lane-1', keyId: lane1.keyId, seq: 2, detail: expect.any(String) },
    ]);
    expect(listed.stdout).not.toMatch(/ERIKSSON|L898902C3/);
    expect((await central(['alarms', '--appliance', 'uto-lane-2', '--data', dataDir])).stdout).toBe('');
  });

  it('refuses a database newer than itself, and unusable TLS material, with exit 78', async () => {
    const dataDir = tempDir();
    const db = new BetterSqlite3(path.join(dataDir, CENTRAL_DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(await central(['register-key', '--appliance', 'uto-lane-1', '--key', makeAppliance().publicKeyBase64, '--data', dataDir])).toMatchObject({
      code: 78,
      stderr: expect.stringMatching(/schema version 99, newer than this central knows/),
    });
    const junk = path.join(tempDir(), 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    expect(await central(['serve', '--port', '0', '--data', tempDir(), '--tls-cert', junk, '--tls-key', junk])).toMatchObject({
      code: 78,
      stderr: expect.stringContaining('TLS certificate, key or client CA cannot be used'),
    });
  });

  it('prints its usage on --help', async () => {
    expect(await central(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('sahman central register-key --appliance ID --key BASE64') });
  });
});

describe('sahman central serve', () => {
  it('serves until stopped, announcing its address and key', async () => {
    const dataDir = tempDir();
    const appliance = makeAppliance();
    await central(['register-key', '--appliance', appliance.applianceId, '--key', appliance.publicKeyBase64, '--data', dataDir]);
    const stop = new AbortController();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const running = runCentral(['--port', '0', '--data', dataDir], { stdout, stderr }, { signal: stop.signal });
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/central public key: /);
    const [listening, keyLine] = out.split('\n');
    const url = /^central listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(listening ?? '')?.[1];
    expect(url).toBeDefined();
    expect(keyLine).toBe(`central public key: ${(await central(['key', '--data', dataDir])).stdout.trim()}`);
    expect(await postBatch(url ?? '', appliance, batchOf([crossingItem(1)], 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 1 } });
    stop.abort();
    expect(await running).toBe(0);
    await expect(getSigned(url ?? '', appliance, `${paths.reconcile(appliance.applianceId)}?day=2026-11-28`)).rejects.toThrow();
  });

  it('stops cleanly on SIGTERM as a process of its own, keeping what it acknowledged', async () => {
    const dataDir = tempDir();
    const appliance = makeAppliance();
    await central(['register-key', '--appliance', appliance.applianceId, '--key', appliance.publicKeyBase64, '--data', dataDir]);
    const runner = path.join(tempDir(), 'run-central.mts');
    writeFileSync(
      runner,
      `import { runCentral } from ${JSON.stringify(path.join(ROOT, 'sync/central/central-cli.ts'))};\nprocess.exitCode = await runCentral(process.argv.slice(2), process);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', runner, 'serve', '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => out + err, { timeout: 20_000 }).toMatch(/central public key: /);
    const url = /central listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1] ?? '';
    expect(await postBatch(url, appliance, batchOf([crossingItem(1), auditItem(2)], 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 2 } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('central stopped');
    const exported = jsonLines((await central(['export', '--data', dataDir])).stdout);
    expect(exported).toHaveLength(2);
  });
});
