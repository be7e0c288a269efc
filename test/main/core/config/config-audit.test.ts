import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../main/common/contract/audit.js';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { startCore } from '../../../../main/core/app/core.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { tempDir } from '../../../rigs/temp-dir.js';

function configChanges(dataDir: string): AuditEvent[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const events = auditEvents(db);
  db.close();
  return events.filter((event) => event.action === 'config-change');
}

async function startAndStop(dataDir: string): Promise<void> {
  const core = await startCore({ dataDir, host: 'embedded' });
  await core.close();
}

describe('a change to the configuration file', () => {
  it('is audited at the next start, naming the settings that changed, and only when something changed', async () => {
    const dataDir = tempDir();
    const configPath = path.join(dataDir, 'config.json');
    const config = { ...defaultConfig('uto-audit-lane'), readers: [] };
    writeFileSync(configPath, JSON.stringify(config));
    await startAndStop(dataDir);
    const [first] = configChanges(dataDir);
    expect(first).toMatchObject({ officerId: null, details: { previousDigest: null } });

    // Restarting on the same settings, even written out differently, is no change.
    writeFileSync(configPath, JSON.stringify(config, null, 4));
    await startAndStop(dataDir);
    expect(configChanges(dataDir)).toHaveLength(1);

    writeFileSync(configPath, JSON.stringify({ ...config, lane: 7, directionDefault: 'exit' }));
    await startAndStop(dataDir);
    const changes = configChanges(dataDir);
    expect(changes).toHaveLength(2);
    expect(changes[1]?.details).toEqual({
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      previousDigest: first?.details.digest,
      changed: 'directionDefault lane',
    });
  });
});
