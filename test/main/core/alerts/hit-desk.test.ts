import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { PersonAction, PersonHit } from '../../../../main/common/contract/alert-lists.js';
import { assessmentHits, withVersions } from '../../../../main/common/alerts/assessment-hits.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { HitDesk } from '../../../../main/core/alerts/hit-desk.js';
import { openStore } from '../../../../main/core/store/open-store.js';
import { purgeDelivered } from '../../../../main/core/retention/retention-purge.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const log = pino({ level: 'silent' });
const ASSESSMENT = '01a22400-0000-7000-8000-0000000000a1';

/** A generated listed person (never a real one) matched with a score and its explanation. */
function personHit(id: string, action: PersonAction, score: number): PersonHit {
  return {
    entry: { id, surname: 'TESTOVA', givenNames: 'ANNA', aliases: [], birthDate: '1980-01', nationality: 'UTO', sex: 'F', category: 'national-warrant', action },
    score,
    explanation: {
      name: 'primary',
      parts: [{ listed: 'TESTOVA', presented: 'TESTOVA', how: 'exact', similarity: 1 }],
      swapped: false,
      birthDate: 'partial',
      differs: [],
      summary: 'surname exact, birth month agrees',
    },
  };
}

async function desk(dataDir = tempDir()) {
  const store = await openStore({ dataDir, log, integrityBudgetMs: 5_000 });
  const audit = new AuditTrail(store.db, 'uto-test-lane');
  return { dataDir, store, audit, desk: new HitDesk(store.db, audit, 2, log) };
}

describe('the hit desk over person hits', () => {
  it('holds an arrest hit to refer and an inform hit only until acknowledged; audits each hit with its score, never a name', async () => {
    const { desk: hits, store } = await desk();
    const found = withVersions(assessmentHits({ documentHits: [], personHits: [personHit('P-1', 'inform', 0.91), personHit('P-2', 'arrest', 0.88)] }), [
      { list: 'person-list', version: 5, entryId: 'P-1', how: 'match' },
      { list: 'person-list', version: 5, entryId: 'P-2', how: 'match' },
    ]);
    expect(found.map(({ id, action, version }) => ({ id, action, version }))).toEqual([
      { id: 'person-list:P-1', action: 'inform', version: 5 },
      { id: 'person-list:P-2', action: 'arrest', version: 5 },
    ]);
    const at = new Date('2026-12-07T08:00:00Z');
    hits.raise(ASSESSMENT, found, 'uto-guard-1', at);
    expect(() => {
      hits.allow(ASSESSMENT, 'refer');
    }).toThrow(/acknowledge/);
    expect(hits.acknowledge(ASSESSMENT, 'uto-guard-1', at).hold).toBe('refer');
    expect(() => {
      hits.allow(ASSESSMENT, 'admit');
    }).toThrow(/second line/);
    hits.allow(ASSESSMENT, 'refer');

    const queue = hits.openHits(10);
    expect(queue.map((open) => open.hit.subject.kind === 'person' && [open.state, open.hit.subject.hit.score, open.hit.subject.hit.explanation.summary])).toEqual([
      ['at-lane', 0.91, 'surname exact, birth month agrees'],
      ['at-lane', 0.88, 'surname exact, birth month agrees'],
    ]);
    const trail = auditEvents(store.db).filter((event) => event.action === 'alert-hit');
    expect(trail.map((event) => event.details)).toEqual([
      { assessmentId: ASSESSMENT, list: 'person-list', version: 5, entryId: 'P-1', action: 'inform', score: 0.91 },
      { assessmentId: ASSESSMENT, list: 'person-list', version: 5, entryId: 'P-2', action: 'arrest', score: 0.88 },
    ]);
    expect(JSON.stringify(auditEvents(store.db))).not.toContain('TESTOVA');
    await store.close();
  });

  it('lets any outcome through an acknowledged inform hit, and keeps undecided hits in the queue across a restart', async () => {
    const first = await desk();
    const inform = withVersions(assessmentHits({ documentHits: [], personHits: [personHit('P-3', 'inform', 0.8)] }), []);
    // No ref named it: still a hit, with the version unknown.
    expect(inform[0]?.version).toBe(0);
    first.desk.raise(ASSESSMENT, inform, null, new Date());
    first.desk.acknowledge(ASSESSMENT, 'uto-guard-1', new Date());
    first.desk.allow(ASSESSMENT, 'admit');
    await first.store.close();

    const second = await desk(first.dataDir);
    const [open] = second.desk.openHits(10);
    expect(open).toMatchObject({ assessmentId: ASSESSMENT, state: 'undecided', lane: 2, acknowledged: { officerId: 'uto-guard-1' }, hit: { id: 'person-list:P-3', action: 'inform' } });
    const reviewed = second.desk.review({ assessmentId: ASSESSMENT, hitId: 'person-list:P-3', finding: 'false-match', note: '' }, 'uto-super-1', new Date());
    expect(reviewed.state).toBe('undecided');
    expect(second.desk.openHits(10)).toEqual([]);
    await second.store.close();
  });

  it('forgets what the screen showed once a hit is closed, and the retention purge removes closed hits but never open ones', async () => {
    const { desk: hits, store, audit } = await desk();
    const old = new Date('2026-01-01T00:00:00Z');
    const raise = (assessmentId: string, entryId: string) => {
      hits.raise(assessmentId, withVersions(assessmentHits({ documentHits: [], personHits: [personHit(entryId, 'inform', 0.7)] }), []), 'uto-guard-1', old);
      hits.acknowledge(assessmentId, 'uto-guard-1', old);
    };
    const admitted = '01a22400-0000-7000-8000-0000000000b1';
    const referred = '01a22400-0000-7000-8000-0000000000b2';
    raise(admitted, 'P-4');
    raise(referred, 'P-5');
    store.db.transaction(() => {
      hits.decided(admitted, '01a22400-0000-7000-8000-0000000000c1', 'admit', 'uto-guard-1');
      hits.decided(referred, '01a22400-0000-7000-8000-0000000000c2', 'refer', 'uto-guard-1');
    })();
    hits.forget(admitted);
    hits.forget(referred);
    expect(store.db.prepare('SELECT assessment_id, shown IS NULL AS forgotten FROM alert_hits ORDER BY assessment_id').all()).toEqual([
      { assessment_id: admitted, forgotten: 1 },
      { assessment_id: referred, forgotten: 0 },
    ]);
    const counts = await purgeDelivered(store.db, audit, 30, new Date('2026-12-01T00:00:00Z'));
    expect(counts.alertHits).toBe(1);
    expect(hits.openHits(10).map((open) => [open.assessmentId, open.state])).toEqual([[referred, 'referred']]);
    await store.close();
  });
});
