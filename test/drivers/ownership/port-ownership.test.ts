import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimPort, describeHolder, findPortHolder } from '../../../drivers/ownership/port-ownership.js';
import { tempDir } from '../../rigs/temp-dir.js';

const APPLIANCE = { kind: 'appliance', applianceId: 'uto-lane-3', readerId: 'lane-3-passport', device: '/dev/ttyUSB0' } as const;

describe('port ownership records', () => {
  it('tells who holds a device, and forgets it on release', async () => {
    const lockDir = tempDir();
    const claim = await claimPort(lockDir, '/dev/ttyUSB0', APPLIANCE);
    expect(claim.ok).toBe(true);
    const holder = await findPortHolder(lockDir, '/dev/ttyUSB0');
    expect(holder).toMatchObject({ kind: 'appliance', applianceId: 'uto-lane-3', readerId: 'lane-3-passport', pid: process.pid });
    expect(describeHolder(holder ?? APPLIANCE_HOLDER)).toMatch(/^appliance uto-lane-3 \(reader lane-3-passport, pid \d+ on .+\) since /);
    const second = await claimPort(lockDir, '/dev/ttyUSB0', { kind: 'monitor', readerId: 'serial:/dev/ttyUSB0', device: '/dev/ttyUSB0' });
    expect(second).toMatchObject({ ok: false, heldBy: { applianceId: 'uto-lane-3' } });
    if (claim.ok) await claim.release();
    expect(await findPortHolder(lockDir, '/dev/ttyUSB0')).toBeNull();
    expect(readdirSync(lockDir)).toEqual([]);
  });

  it('takes over a record left by a process that is gone', async () => {
    const lockDir = tempDir();
    const claim = await claimPort(lockDir, '/dev/ttyACM0', APPLIANCE);
    if (!claim.ok) throw new Error('first claim failed');
    const [file = ''] = readdirSync(lockDir);
    // A pid that existed and has exited: a crashed appliance's leftover.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const record = JSON.parse(readFileSync(path.join(lockDir, file), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(lockDir, file), JSON.stringify({ ...record, pid: Number(gone.stdout), processStart: null }));
    expect(await findPortHolder(lockDir, '/dev/ttyACM0')).toBeNull();
    const next = await claimPort(lockDir, '/dev/ttyACM0', { kind: 'monitor', readerId: 'serial:/dev/ttyACM0', device: '/dev/ttyACM0' });
    expect(next.ok).toBe(true);
  });
});

const APPLIANCE_HOLDER = { ...APPLIANCE, pid: 0, hostname: '', since: '' };
