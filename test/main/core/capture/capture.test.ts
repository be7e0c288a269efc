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
import { formatMrz } from '../../../../main/common/icao/index.js';
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
    expect(first.lastEntryAt).toBeNull();
    const entry = await client.call('capture.record', { assessmentId: first.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    const second = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(second.lastEntryAt).toBe(entry.recordedAt);
    expect(second.checks.find((check) => check.code === 'duplicate-scan')).toMatchObject({ outcome: 'notice', reason: 'rescanned' });
    expect(second.checks.find((check) => check.code === 'direction-sequence')).toMatchObject({ outcome: 'pass' });
    await client.call('capture.record', { assessmentId: second.id, direction: 'exit', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    const third = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(third.checks.find((check) => check.code === 'direction-sequence')).toMatchObject({ outcome: 'alert', reason: 'no-entry' });
    // The exit does not move the last entry.
    expect(third.lastEntryAt).toBe(entry.recordedAt);
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

describe('the last entry a card shows', () => {
  it('leaves out refused and voided entries', async () => {
    const { appliance, client } = await guardAt();
    await addOfficers(appliance.dataDir, [{ id: 'uto-supervisor-1', pin: '577215', roles: ['supervisor'] }]);
    const refused = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    await client.call('capture.record', { assessmentId: refused.id, direction: 'entry', decision: { outcome: 'refuse', reasons: ['document-invalid'] } });
    const admitted = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(admitted.lastEntryAt).toBeNull();
    const entry = await client.call('capture.record', { assessmentId: admitted.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    const { client: supervisor } = await connectClient(appliance.host.port, appliance.host.token);
    await supervisor.call('auth.login', { officerId: 'uto-supervisor-1', pin: '577215' });
    await supervisor.call('crossings.void', { crossingId: entry.id, reason: 'recorded in the wrong lane' });
    expect((await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT })).lastEntryAt).toBeNull();
    supervisor.close();
    client.close();
  });
});

describe('recording a decision twice', () => {
  const admit = { direction: 'entry' as const, decision: { outcome: 'admit' as const, reasons: ['documents-in-order' as const] } };

  it('answers the same record and writes nothing more, called again, at once, or over a second connection', async () => {
    const { appliance, client } = await guardAt();
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    const [first, inFlight] = await Promise.all([
      client.call('capture.record', { assessmentId: assessment.id, ...admit }),
      client.call('capture.record', { assessmentId: assessment.id, ...admit }),
    ]);
    const again = await client.call('capture.record', { assessmentId: assessment.id, ...admit });
    // The answer was lost: the guard's screen reconnects and presses again.
    client.close();
    const { client: reconnected } = await connectClient(appliance.host.port, appliance.host.token);
    await reconnected.call('auth.login', { officerId: 'uto-guard-1', pin: '271828' });
    const afterReconnect = await reconnected.call('capture.record', { assessmentId: assessment.id, ...admit });
    expect([inFlight, again, afterReconnect]).toEqual([first, first, first]);
    const { crossings, outbox, audit } = storedCrossings(appliance.dataDir);
    expect(crossings.map((crossing) => crossing.id)).toEqual([first.id]);
    expect(outbox.filter((row) => (row as { kind: string }).kind === 'crossing')).toHaveLength(1);
    expect(audit.filter((event) => event.action === 'decision')).toHaveLength(1);
    reconnected.close();
  });

  it('refuses a different direction or outcome, naming what was recorded', async () => {
    const { appliance, client } = await guardAt();
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    await client.call('capture.record', { assessmentId: assessment.id, ...admit });
    const recordedAs = 'this assessment is already recorded as admit on entry; a supervisor voids it to change the decision';
    await expect(client.call('capture.record', { assessmentId: assessment.id, ...admit, direction: 'exit' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: recordedAs,
    });
    await expect(
      client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['further-checks'] } }),
    ).rejects.toMatchObject({ code: 'invalid_params', message: recordedAs });
    expect(storedCrossings(appliance.dataDir).crossings).toHaveLength(1);
    client.close();
  });

  it('does not hand one guard another guard\'s record', async () => {
    const { appliance, client } = await guardAt();
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-2', pin: '662607', roles: ['guard'] }]);
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    await client.call('capture.record', { assessmentId: assessment.id, ...admit });
    const { client: other } = await connectClient(appliance.host.port, appliance.host.token);
    await other.call('auth.login', { officerId: 'uto-guard-2', pin: '662607' });
    await expect(other.call('capture.record', { assessmentId: assessment.id, ...admit })).rejects.toMatchObject({
      code: 'invalid_params',
      message: 'another officer already recorded this assessment (admit on entry)',
    });
    expect(storedCrossings(appliance.dataDir).crossings).toHaveLength(1);
    other.close();
    client.close();
  });
});

describe('a zone typed by a keyboard-wedge reader', () => {
  const zone = formatMrz(TYPED_PASSPORT, 'TD3');

  it('is judged exactly as a reader\'s scan, and audited as one', async () => {
    const { appliance, client } = await guardAt();
    const typed = await client.call('capture.wedge', { text: `${zone.replace('\n', '\r')}\r` });
    const manual = await client.call('capture.manualEntry', { format: 'TD3', fields: TYPED_PASSPORT });
    expect(typed.document).toMatchObject({ source: { method: 'reader', readerId: 'keyboard-wedge' }, format: 'TD3', valid: true, lines: zone.split('\n') });
    expect(typed.document.fields).toEqual(manual.document.fields);
    // Recordable like any other assessment.
    await client.call('capture.record', { assessmentId: typed.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    expect(storedCrossings(appliance.dataDir).audit).toContainEqual(
      expect.objectContaining({ action: 'scan', officerId: 'uto-guard-1', details: { assessmentId: typed.id, source: 'keyboard-wedge', format: 'TD3', mrzValid: true } }),
    );
    client.close();
  });

  it('repairs what the engine repairs for a reader, and keeps a zone typed as one run', async () => {
    const { client } = await guardAt();
    const [line1 = '', line2 = ''] = zone.split('\n');
    // The birth date's 0 typed as the letter O, as a worn OCR font reads it.
    const misread = `${line1}\n${line2.slice(0, 15)}O${line2.slice(16)}`;
    const repaired = await client.call('capture.wedge', { text: misread });
    expect(repaired.document).toMatchObject({ valid: true, fields: { birthDateIso: '1974-08-12' }, lines: [line1, misread.split('\n')[1]] });
    expect(repaired.document.corrections).not.toEqual([]);
    const joined = await client.call('capture.wedge', { text: `${line1}${line2}` });
    expect(joined.document).toMatchObject({ valid: true, lines: [line1, line2] });
    client.close();
  });

  it('refuses what is not a zone with a typed error, and records nothing', async () => {
    const { appliance, client } = await guardAt();
    for (const text of ['P<UTOERIKSSON<<ANNA<MARIA', '\r\n\r\n', '😀'.repeat(100), `${zone}\n${zone}`, 'x'.repeat(399)]) {
      await expect(client.call('capture.wedge', { text })).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('keyboard-wedge') });
    }
    await expect(client.call('capture.wedge', { text: 'x'.repeat(401) })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(client.call('capture.wedge', { text: '' })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(storedCrossings(appliance.dataDir).audit.filter((event) => event.action === 'scan')).toEqual([]);
    client.close();
  });
});
