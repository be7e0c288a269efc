import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { runSahman } from '../../../rigs/cli-in-process.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

async function applianceWithCrossings() {
  const appliance = await startInProcessAppliance();
  await addOfficers(appliance.dataDir, [
    { id: 'uto-guard-1', pin: '121212', roles: ['guard', 'supervisor'] },
  ]);
  const { client } = await connectClient(appliance.host.port, appliance.host.token);
  await client.call('auth.login', { officerId: 'uto-guard-1', pin: '121212' });
  const ids: string[] = [];
  for (const surname of ['ERIKSSON', 'O<BRIEN', 'PLUS']) {
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, surname, optionalData: '' } });
    const recorded = await client.call('capture.record', {
      assessmentId: assessment.id,
      direction: 'entry',
      decision: { outcome: 'admit', reasons: ['documents-in-order'] },
    });
    ids.push(recorded.id);
  }
  await client.call('crossings.void', { crossingId: ids[1] ?? '', reason: 'recorded under the wrong traveller' });
  client.close();
  return { appliance, ids };
}

describe('sahman export', () => {
  it('writes every record of the period as JSON lines, voids included, and audits the export', async () => {
    const { appliance, ids } = await applianceWithCrossings();
    const { code, stdout } = await runSahman(['export', '--data', appliance.dataDir]);
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { kind: string; id: string; voidedId?: string });
    expect(records.map((record) => record.kind)).toEqual(['crossing', 'crossing', 'crossing', 'void']);
    expect(records.slice(0, 3).map((record) => record.id)).toEqual(ids);
    expect(records[3]?.voidedId).toBe(ids[1]);

    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const last = auditEvents(db).at(-1);
    db.close();
    expect(last).toMatchObject({ action: 'export', details: { format: 'jsonl', records: 4 } });
  });

  it('writes CSV, one crossing a row, marking voided crossings', async () => {
    const { appliance, ids } = await applianceWithCrossings();
    const { code, stdout } = await runSahman(['export', '--data', appliance.dataDir, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['id', 'seq', 'recordedAt', 'lane']);
    expect(rows).toHaveLength(3);
    const voidedRow = rows.find((row) => row.startsWith(ids[1] ?? '?'));
    expect(voidedRow?.split(',')[header?.split(',').indexOf('voidedBy') ?? -1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.find((row) => row.startsWith(ids[0] ?? '?'))?.endsWith(',')).toBe(true);
  });

  it('keeps to the period asked for, and refuses a bad period or format with exit 2', async () => {
    const { appliance } = await applianceWithCrossings();
    const future = await runSahman(['export', '--data', appliance.dataDir, '--since', '2099-01-01', '--until', '2099-02-01']);
    expect(future).toMatchObject({ code: 0, stdout: '' });
    expect(await runSahman(['export', '--data', appliance.dataDir, '--format', 'xlsx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('xlsx') });
    expect(await runSahman(['export', '--data', appliance.dataDir, '--since', 'yesterday'])).toMatchObject({ code: 2 });
    expect(await runSahman(['export', '--data', appliance.dataDir, '--since', '2026-02-01', '--until', '2026-01-01'])).toMatchObject({ code: 2 });
  });
});
