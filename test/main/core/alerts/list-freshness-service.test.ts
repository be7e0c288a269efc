import path from 'node:path';
import { filter, firstValueFrom, timeout, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { AlertListsFreshness, PersonListEntry } from '../../../../main/common/contract/alert-lists.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { ListFreshnessService } from '../../../../main/core/alerts/list-freshness-service.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { migrations } from '../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { startTestCentral } from '../../../rigs/central.js';
import { publishAlertLists, SPECIMEN_STOLEN as STOLEN } from '../../../rigs/document-list.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { laneSyncingTo } from '../../../rigs/syncing-lane.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { fakeWallClock } from '../../../rigs/world-clock.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

const HOUR = 3_600_000;

const SOUGHT: PersonListEntry = { id: 'UTO-W-2026-0077', surname: 'NOBODY', givenNames: 'NEVER', aliases: [], birthDate: '1950-01-01', nationality: 'UTO', sex: 'M', category: 'national-warrant', action: 'refer' };

function freshnessWhere(client: RpcClient, predicate: (freshness: AlertListsFreshness) => boolean): Promise<AlertListsFreshness> {
  return firstValueFrom(client.stream('alerts.freshness', {}).pipe(filter(predicate), timeout(15_000)));
}

describe('the alert lists\' freshness, as the core tells the status bar', () => {
  it('says a list never received is unavailable, for both lists, and the check says the lists are missing', async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-1', pin: '271828', roles: ['guard'] }]);
    const { client: guard } = await connectClient(appliance.host.port, appliance.host.token);
    await guard.call('auth.login', { officerId: 'uto-guard-1', pin: '271828' });

    const freshness = await firstValueFrom(guard.stream('alerts.freshness', {}));
    expect(freshness.maxAgeMs).toBe(24 * HOUR);
    expect(freshness.lists).toEqual([
      { kind: 'document-list', version: 0, vouchedAt: null, ageMs: null, state: 'unavailable' },
      { kind: 'person-list', version: 0, vouchedAt: null, ageMs: null, state: 'unavailable' },
    ]);
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(assessment.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'unavailable', reason: 'no-lists' });
  });

  it('ages a list from the signedAt central last put on it: stale beyond alerts.maxListAgeHours while central is away, the checks still run, and its next poll clears it', async () => {
    fakeWallClock();
    const central = await startTestCentral();
    publishAlertLists(central, [STOLEN], [SOUGHT]);
    const { appliance, guard } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 }, { listFreshness: { intervalMs: 50 } });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const fresh = await freshnessWhere(guard, (f) => f.lists.every((list) => list.state === 'fresh'));
    expect(fresh.lists.map((list) => [list.kind, list.version])).toEqual([
      ['document-list', 1],
      ['person-list', 1],
    ]);

    // Central goes away, and 74 hours pass: nothing vouches for the lists any more.
    await central.close();
    vi.setSystemTime(Date.now() + 74 * HOUR);
    const stale = await freshnessWhere(guard, (f) => f.lists.every((list) => list.state === 'stale'));
    for (const list of stale.lists) {
      expect(list.version).toBe(1);
      expect(list.ageMs).toBeGreaterThanOrEqual(74 * HOUR);
      expect(list.ageMs).toBeLessThan(75 * HOUR);
    }

    // Stale is a warning, not a stop: the listed document is still found, and the lane still records.
    const listed = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(listed.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'alert', reason: 'document-listed' });
    expect(listed.documentHits).toEqual([{ entry: STOLEN, how: 'exact' }]);
    await guard.call('capture.acknowledgeHits', { assessmentId: listed.id });
    const recorded = await guard.call('capture.record', { assessmentId: listed.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['alert-list-hit'] } });
    expect(recorded.seq).toBeGreaterThan(0);

    // Central comes back with nothing new: its next poll signs that version 1 is still its latest, as of now.
    await startTestCentral({ dataDir: central.dataDir, port: central.port });
    const vouched = await freshnessWhere(guard, (f) => f.lists.every((list) => list.state === 'fresh'));
    for (const list of vouched.lists) {
      expect(list.version).toBe(1);
      expect(list.ageMs).toBeLessThan(HOUR);
    }
  });
});

describe('the freshness service over its own database', () => {
  function service(now: () => number) {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations);
    db.prepare("INSERT INTO reference_versions (kind, version, applied_at) VALUES ('document-list', 4, ?)").run(now());
    return new ListFreshnessService(db, { maxListAgeHours: 2, now, intervalMs: 60_000 });
  }

  it('turns a list stale as the clock passes the age, emitting on the change and not on every look', async () => {
    const start = Date.parse('2026-12-07T08:00:00Z');
    let now = start;
    const freshness = service(() => now);
    freshness.vouched('document-list', 4, new Date(start).toISOString());
    const seen = firstValueFrom(freshness.freshness$.pipe(toArray()));
    freshness.refresh();
    now = start + 2 * HOUR;
    freshness.refresh();
    now = start + 2 * HOUR + 1;
    freshness.refresh();
    freshness.refresh();
    // A vouch for another version than the one held does not make the held one fresh.
    freshness.vouched('document-list', 5, new Date(now).toISOString());
    freshness.close();
    const states = (await seen).map((f) => [f.lists[0]?.state, f.lists[0]?.ageMs]);
    expect(states).toEqual([
      ['fresh', 0],
      ['fresh', 2 * HOUR],
      ['stale', 2 * HOUR + 1],
    ]);
  });

  it('ignores a vouch for a kind that is not an alert list', () => {
    const now = Date.parse('2026-12-07T08:00:00Z');
    const freshness = service(() => now);
    freshness.vouched('visa-rules', 9, new Date(now).toISOString());
    expect(freshness.current().lists.map((list) => list.kind)).toEqual(['document-list', 'person-list']);
    freshness.close();
  });
});
