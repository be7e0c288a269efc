import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { OfficerAccount } from '../../../../main/common/contract/officers.js';
import { officersCommand } from '../../../../main/cli/commands/officers.js';
import { startCore } from '../../../../main/core/app/core.js';
import { officerAccountEvents } from '../../../rigs/audit-rows.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { connectClient } from '../../../rigs/ws-rpc.js';
import { runCommand, type Output } from './support/in-process.js';

function officers(dataDir: string, ...argv: string[]): Promise<Output> {
  return runCommand(officersCommand, [...argv, '--data', dataDir]);
}

function oneTimePinIn(stdout: string): string {
  const pin = /One-time PIN: (\d{8})\n/.exec(stdout)?.[1];
  if (pin === undefined) throw new Error(`no one-time PIN in: ${stdout}`);
  return pin;
}

/** A data folder whose appliance started once (so it has its first technician) and is not running. */
async function stoppedDataFolder(): Promise<string> {
  const dataDir = tempDir();
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-cli-lane'), readers: [] }));
  const core = await startCore({ dataDir, host: 'serve' });
  await core.close();
  return dataDir;
}

describe('sahman officers', () => {
  it('adds an officer on a running appliance, prints the one-time PIN once, lists, and audits the local console', async () => {
    const appliance = await startInProcessAppliance();
    const added = await officers(appliance.dataDir, 'add', 'uto-guard-1', '--name', 'Officer Utopia One', '--roles', 'supervisor,guard');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const pin = oneTimePinIn(added.stdout);
    expect(added.stdout.split(pin)).toHaveLength(2);

    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    expect(await client.call('auth.login', { officerId: 'uto-guard-1', pin })).toMatchObject({ roles: ['guard', 'supervisor'], mustChangePin: true });
    client.close();

    const listed = await officers(appliance.dataDir, 'list');
    const [header, ...rows] = listed.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'ROLES', 'STATE', 'PIN', 'LOCKED UNTIL', 'CREATED']);
    expect(rows.map((row) => row.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['technician', 'Technician', 'technician', 'active', 'one-time'],
      ['uto-guard-1', 'Officer Utopia One', 'guard,supervisor', 'active', 'one-time'],
    ]);
    const json = OfficerAccount.array().parse(JSON.parse((await officers(appliance.dataDir, 'list', '--json')).stdout));
    expect(json.map((officer) => officer.id)).toEqual(['technician', 'uto-guard-1']);

    expect(officerAccountEvents(appliance.dataDir)).toMatchObject([
      { action: 'officer-create', officerId: null, details: { console: 'local', osUser: os.userInfo().username, targetOfficerId: 'uto-guard-1', roles: 'guard,supervisor' } },
    ]);
  });

  it('sets roles on a stopped appliance, and never disables or strips the last active technician', async () => {
    const dataDir = await stoppedDataFolder();
    const lastTechnician = 'sahman officers: technician is the last active technician; make another officer a technician first\n';
    expect(await officers(dataDir, 'disable', 'technician')).toEqual({ code: 1, stdout: '', stderr: lastTechnician });
    expect(await officers(dataDir, 'set-roles', 'technician', 'guard')).toEqual({ code: 1, stdout: '', stderr: lastTechnician });

    expect((await officers(dataDir, 'add', 'uto-tech-2', '--name', 'Officer Utopia Two', '--roles', 'technician')).code).toBe(0);
    expect(await officers(dataDir, 'set-roles', 'technician', 'guard,supervisor')).toMatchObject({ code: 0, stdout: 'technician: guard,supervisor\n' });
    expect(await officers(dataDir, 'disable', 'uto-tech-2')).toMatchObject({ code: 1, stderr: expect.stringContaining('uto-tech-2 is the last active technician') });
    expect(await officers(dataDir, 'disable', 'technician')).toMatchObject({ code: 0, stdout: 'technician: inactive\n' });
    expect(await officers(dataDir, 'enable', 'technician')).toMatchObject({ code: 0, stdout: 'technician: active\n' });

    expect(officerAccountEvents(dataDir).map(({ action, officerId, details }) => [action, officerId, details.targetOfficerId, details.roles, details.console])).toEqual([
      ['officer-create', null, 'uto-tech-2', 'technician', 'local'],
      ['officer-update', null, 'technician', 'guard,supervisor', 'local'],
      ['officer-deactivate', null, 'technician', undefined, 'local'],
      ['officer-reactivate', null, 'technician', undefined, 'local'],
    ]);
  });

  it('resets a forgotten PIN: the locked-out technician signs in with the new one and must change it', async () => {
    const appliance = await startInProcessAppliance({}, { authPolicy: { maxFailures: 2, lockoutMs: 3_600_000, idleLockMs: 600_000 } });
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    for (let attempt = 0; attempt < 2; attempt++) await client.call('auth.login', { officerId: 'technician', pin: '000000' }).catch(() => undefined);

    const reset = await officers(appliance.dataDir, 'reset-pin', 'technician');
    expect(reset.code).toBe(0);
    const pin = oneTimePinIn(reset.stdout);
    expect(await client.call('auth.login', { officerId: 'technician', pin })).toMatchObject({ id: 'technician', mustChangePin: true });
    client.close();
    expect(officerAccountEvents(appliance.dataDir)).toMatchObject([{ action: 'pin-reset', officerId: null, details: { console: 'local', targetOfficerId: 'technician' } }]);
    expect(JSON.stringify(officerAccountEvents(appliance.dataDir))).not.toContain(pin);
  });

  it('says what is wrong with bad input in one line, with a non-zero exit and no stack trace', async () => {
    const dataDir = await stoppedDataFolder();
    const cases: [string[], string, RegExp][] = [
      [['reset-pin', 'uto-nobody'], dataDir, /^no officer with the id uto-nobody$/],
      [['set-roles', 'technician', 'guard,admin'], dataDir, /^unknown role "admin": the roles are guard, supervisor, technician$/],
      [['add', 'uto-guard-3', '--name', 'Officer Utopia Three', '--roles', 'guard,guard'], dataDir, /^roles: .*each role once$/],
      [['add', 'Not An Id', '--name', 'Officer Utopia Four', '--roles', 'guard'], dataDir, /^officer id: /],
      [['add', 'uto-guard-5', '--roles', 'guard'], dataDir, /^give the name the screens show/],
      [['add', 'technician', '--name', 'Officer Utopia Six', '--roles', 'guard'], dataDir, /^an officer with the id technician already exists/],
      [['list'], path.join(dataDir, 'missing'), /^no data folder at /],
      [['list'], tempDir(), /^no database at /],
    ];
    for (const [argv, folder, message] of cases) {
      const outcome = await officers(folder, ...argv);
      expect(outcome.code, argv.join(' ')).not.toBe(0);
      expect(outcome.stdout, argv.join(' ')).toBe('');
      const lines = outcome.stderr.trimEnd().split('\n');
      expect(lines, argv.join(' ')).toHaveLength(1);
      expect(lines[0]?.replace(/^sahman officers: /, ''), argv.join(' ')).toMatch(message);
    }
  });
});
