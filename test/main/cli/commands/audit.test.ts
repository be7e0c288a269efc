import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../../main/core/app/core.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { builtCli } from '../../../rigs/built-cli.js';
import { editAuditBody } from '../../../rigs/audit-rows.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { addOfficers } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';
import { startWebSocketHost } from '../../../../main/core/hosts/websocket/ws-host.js';

function verify(dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [builtCli, 'audit', 'verify', '--data', dataDir], { encoding: 'utf8', timeout: 15_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An appliance whose officers signed in and out a few times, then shut down (which signs a checkpoint). */
async function applianceWithHistory(): Promise<string> {
  const dataDir = tempDir();
  const core = await startCore({ dataDir, host: 'embedded' });
  const host = await startWebSocketHost({ core, port: 0, rendererDir: dataDir });
  await addOfficers(dataDir, [{ id: 'uto-guard-9', pin: '192837', roles: ['guard'] }]);
  const { client } = await connectClient(host.port, host.token);
  for (let i = 0; i < 3; i++) {
    await client.call('auth.login', { officerId: 'uto-guard-9', pin: '192837' });
    await client.call('auth.logout', {});
  }
  client.close();
  await host.close();
  await core.close();
  return dataDir;
}

describe('sahman audit verify', () => {
  it('exits 0 on an untouched trail, and 1 naming the event when a row was edited in SQLite', async () => {
    const dataDir = await applianceWithHistory();
    expect(verify(dataDir)).toMatchObject({ status: 0, stdout: 'intact: 7 events, 1 signed checkpoint\n' });

    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    editAuditBody(db, 5, (text) => text.replace('"logout"', '"login"'));
    db.close();
    expect(verify(dataDir)).toMatchObject({ status: 1, stdout: expect.stringMatching(/^BROKEN at event 5: /) });
  });

  it('exits 2 when there is no data to read', () => {
    expect(verify(tempDir())).toMatchObject({ status: 2, stderr: expect.stringContaining('no database') });
  });
});
