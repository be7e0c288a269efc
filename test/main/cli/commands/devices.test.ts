import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { devicesCommand } from '../../../../main/cli/commands/devices.js';
import { startPtyPair } from '../../../rigs/socat.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { runCommand } from './support/in-process.js';

function dataDirWithReaders(readers: { id: string; spec: string }[]): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-test-lane'), readers }));
  return dir;
}

describe('sahman devices', () => {
  it('lists the buses and the configured readers as JSON, with which device each uses', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const data = dataDirWithReaders([
      { id: 'lane-1-passport', spec: pair.serialSpec('framing=desko') },
      { id: 'spare', spec: 'serial:/dev/sahman/nothing-plugged' },
      { id: 'ocr', spec: 'hid:0db5:0160?decoder=accessis' },
    ]);
    const { code, stdout } = await runCommand(devicesCommand, ['--json', '--data', data]);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as { serial: unknown[]; hid: unknown[]; readers: { id: string; present: boolean; devices: string[] }[]; configPath: string };
    expect(listing.configPath).toBe(path.join(data, 'config.json'));
    expect(listing.readers.map((reader) => [reader.id, reader.present, reader.devices])).toEqual([
      ['lane-1-passport', true, [pair.hostPath]],
      ['spare', false, []],
      ['ocr', false, []],
    ]);
    expect(Array.isArray(listing.serial) && Array.isArray(listing.hid)).toBe(true);
  });

  it('prints tables a technician can read', async () => {
    const data = dataDirWithReaders([{ id: 'spare', spec: 'serial:/dev/sahman/nothing-plugged' }, { id: 'demo', spec: 'sim:?interval=5' }]);
    const { code, stdout } = await runCommand(devicesCommand, ['--data', data]);
    expect(code).toBe(0);
    expect(stdout).toContain('Serial ports');
    expect(stdout).toContain('HID devices');
    expect(stdout).toMatch(/spare\s+serial:\/dev\/sahman\/nothing-plugged\s+absent/);
    expect(stdout).toMatch(/demo\s+sim:\?interval=5\s+present/);
  });

  it('reads a missing default config as no readers, and writes nothing', async () => {
    const data = tempDir();
    const { code, stdout } = await runCommand(devicesCommand, ['--data', data]);
    expect(code).toBe(0);
    expect(stdout).toContain('Configured readers (no config file yet)');
    expect(existsSync(path.join(data, 'config.json'))).toBe(false);
  });

  it('exits 78 on an invalid or missing --config file, naming it', async () => {
    const data = tempDir();
    const invalid = path.join(data, 'bad.json');
    writeFileSync(invalid, JSON.stringify({ version: 1, readers: 'all' }));
    expect(await runCommand(devicesCommand, ['--config', invalid])).toMatchObject({ code: 78, stderr: expect.stringContaining('bad.json') });
    expect(await runCommand(devicesCommand, ['--config', path.join(data, 'none.json')])).toMatchObject({ code: 78, stderr: expect.stringContaining('does not exist') });
  });

  it('refuses unknown options with exit 2', async () => {
    expect(await runCommand(devicesCommand, ['--colour'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--colour') });
  });
});
