import path from 'node:path';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { readStoredCrossing } from '../../../../main/core/capture/stored-records.js';
import { verifyAuditTrail } from '../../../../main/core/audit/verify-audit-trail.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { addOfficers } from '../../../rigs/officers.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

const TYPED_PASSPORT = SPECIMEN_PASSPORT;

async function guardAt(config: Parameters<typeof startInProcessAppliance>[0] = {}) {
  const appliance = await startInProcessAppliance(config);
  await addOfficers(appliance.dataDir, [{ id: 'uto-guard-1', pin: '271828', roles: ['guard'] }]);
  const { client } = await connectClient(appliance.host.port, appliance.host.token);
  await client.call('auth.login', { officerId: 'uto-guard-1', pin: '271828' });
  return { appliance, client };
}

function storedCrossings(dataDir: string) {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const crossings = db
    .prepare('SELECT body FROM crossings ORDER BY seq')
    .pluck()
    .all()
    .map((body) => {
      const stored = readStoredCrossing(body);
      if (!stored.ok) throw new Error(stored.problem);
      return stored.record;
    });
  const outbox = db.prepare('SELECT seq, kind, seq > (SELECT delivered_through_seq FROM delivery) AS pending FROM outbox ORDER BY seq').all();
  const audit = auditEvents(db);
  db.close();
  return { crossings, outbox, audit };
}

describe('recording a crossing', () => {
  it('checks a typed document like a scanned one, and records the decision with its outbox row and audit event', async () => {
    const { appliance, client } = await guardAt();
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(assessment.document).toMatchObject({ source: { method: 'manual' }, valid: true, fields: { documentNumber: 'L898902C3' } });
    expect(Object.fromEntries(assessment.checks.map((check) => [check.code, check.outcome]))).toEqual({
      mrz: 'pass',
      expiry: 'pass',
      minor: 'pass',
      visa: 'unavailable',
      'direction-sequence': 'pass',
      'duplicate-scan': 'pass',
      clock: 'pass',
      'alert-list': 'unavailable',
    });

    const recorded = await client.call('capture.record', {
      assessmentId: assessment.id,
      direction: 'entry',
      decision: { outcome: 'admit', reasons: ['documents-in-order'] },
    });
    const { crossings, outbox, audit } = storedCrossings(appliance.dataDir);
    expect(crossings).toHaveLength(1);
    expect(crossings[0]).toMatchObject({ id: recorded.id, seq: recorded.seq, direction: 'entry', officerId: 'uto-guard-1', decision: { outcome: 'admit' }, lane: 1 });
    expect(outbox).toContainEqual({ seq: recorded.seq, kind: 'crossing', pending: 1 });
    // The scan and the decision are two audit events, linked by the assessment; neither holds the traveller's data.
    expect(audit.slice(-2)).toMatchObject([
      { action: 'scan', officerId: 'uto-guard-1', details: { assessmentId: assessment.id, source: 'manual', format: 'TD3', mrzValid: true } },
      { action: 'decision', officerId: 'uto-guard-1', details: { recordId: recorded.id, assessmentId: assessment.id, outcome: 'admit' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('L898902C3');
    // An assessment is decided once.
    await expect(
      client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    client.close();
    await appliance.core.close();
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(verifyAuditTrail(db, appliance.core.config.applianceId, appliance.core.key.publicKeyBase64)).toMatchObject({ intact: true });
    db.close();
  });

  it('takes the expiry warning and the rescan window from the config file', async () => {
    const { client } = await guardAt({ checks: { expiringWithinDays: 365, rescanWindowSeconds: 0 } });
    const soon = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const fields = { ...TYPED_PASSPORT, expiryDate: soon };
    await client.call('capture.manualEntry', { format: 'TD3', fields });
    const again = await client.call('capture.manualEntry', { format: 'TD3', fields });
    expect(again.checks.find((check) => check.code === 'expiry')).toMatchObject({ outcome: 'notice', reason: 'expiring-soon' });
    expect(again.checks.find((check) => check.code === 'duplicate-scan')).toMatchObject({ outcome: 'pass' });
    client.close();
  });

  it('flags an exit with no entry, a rescan, and gives the length of stay on the exit after an entry', async () => {
    const { appliance, client } = await guardAt({ directionDefault: 'exit' });
    const first = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    await client.call('capture.record', { assessmentId: first.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    const second = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(second.checks.find((check) => check.code === 'duplicate-scan')).toMatchObject({ outcome: 'notice', reason: 'rescanned' });
    expect(second.checks.find((check) => check.code === 'direction-sequence')).toMatchObject({ outcome: 'pass' });
    await client.call('capture.record', { assessmentId: second.id, direction: 'exit', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    const third = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(third.checks.find((check) => check.code === 'direction-sequence')).toMatchObject({ outcome: 'alert', reason: 'no-entry' });
    const { crossings } = storedCrossings(appliance.dataDir);
    expect(crossings.map((crossing) => [crossing.direction, crossing.lengthOfStayDays])).toEqual([
      ['entry', undefined],
      ['exit', 0],
    ]);
    client.close();
  });

  it('refuses malformed payloads with typed errors, and records nothing', async () => {
    const { appliance, client } = await guardAt();
    await expect(client.call('capture.manualEntry', { format: 'TD3', fields: { ...TYPED_PASSPORT, surname: 'eriksson' } })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('fields.surname'),
    });
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    const bad = [
      { assessmentId: assessment.id, direction: 'sideways', decision: { outcome: 'admit', reasons: ['documents-in-order'] } },
      { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'wave-through', reasons: ['documents-in-order'] } },
      { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: [] } },
      { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] }, notes: 'x'.repeat(501) },
      { assessmentId: 'not-a-uuid', direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } },
    ];
    for (const params of bad) {
      // Sent as unknown: these are exactly what the contract must refuse.
      await expect(client.call('capture.record', params as never)).rejects.toMatchObject({ code: 'invalid_params' });
    }
    expect(storedCrossings(appliance.dataDir).crossings).toEqual([]);
    client.close();
  });

  it('assesses each document a reader delivers, for the signed-in guard', async () => {
    const { appliance, client } = await guardAt({ readers: [{ id: 'sim', spec: 'sim:?interval=0.05&seed=3' }] });
    const assessment = await firstValueFrom(client.stream('capture.assessments', {}));
    expect(assessment.document.source).toEqual({ method: 'reader', readerId: 'sim' });
    expect(assessment.checks.map((check) => check.code)).toContain('expiry');
    client.close();
    await appliance.core.close();
    // The reader's scan is audited as the reader's: the officer is named by the decision that follows.
    expect(storedCrossings(appliance.dataDir).audit).toContainEqual(
      expect.objectContaining({ action: 'scan', officerId: null, details: expect.objectContaining({ assessmentId: assessment.id, source: 'sim' }) }),
    );
  });
});
