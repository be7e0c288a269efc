import { EMPTY } from 'rxjs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { verifyAuditTrail } from '../../../../main/core/audit/verify-audit-trail.js';
import { OfficerStore } from '../../../../main/core/auth/officer-store.js';
import { CaptureService } from '../../../../main/core/capture/capture-service.js';
import { VoidService } from '../../../../main/core/capture/void-service.js';
import { ReferralDesk } from '../../../../main/core/second-line/referral-desk.js';
import { loadOrCreateApplianceKey } from '../../../../main/core/keys/appliance-key.js';
import { markDeliveredThrough } from '../../../../main/core/outbox/outbox.js';
import { purgeDelivered } from '../../../../main/core/retention/retention-purge.js';
import { OutboxRelayStore } from '../../../../main/core/sync/outbox-relay-store.js';
import { openStore } from '../../../../main/core/store/open-store.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const log = pino({ level: 'silent' });

/** Thirty crossings five days apart, each followed by a signed checkpoint, as the core's timer would sign them. */
async function laneWithHistory(referred: ReadonlySet<number> = new Set()) {
  const dataDir = tempDir();
  const store = await openStore({ dataDir, log, integrityBudgetMs: 5_000 });
  const config = { ...defaultConfig('uto-retention'), readers: [] };
  const key = loadOrCreateApplianceKey(dataDir);
  const audit = new AuditTrail(store.db, config.applianceId);
  new OfficerStore(store.db).create({ id: 'uto-guard-1', displayName: 'Guard', roles: ['guard'], pinHash: 'x', mustChangePin: false }, new Date(START));
  let clock = START;
  const capture = new CaptureService({ db: store.db, audit, config, visaRules: new Map(), scans$: EMPTY, log, now: () => new Date(clock) });
  const recorded: { id: string; seq: number; day: number }[] = [];
  for (let i = 0; i < 30; i++) {
    clock = START + i * 5 * DAY_MS;
    const assessment = capture.manualEntry({ ...SPECIMEN_PASSPORT, documentNumber: `U${String(i).padStart(8, '0')}` }, 'TD3', 'uto-guard-1');
    const { id, seq } = capture.record({ assessmentId: assessment.id, direction: 'entry', decision: referred.has(i) ? { outcome: 'refer', reasons: ['further-checks'] } : { outcome: 'admit', reasons: ['documents-in-order'] }, notes: '' }, 'uto-guard-1');
    recorded.push({ id, seq, day: i * 5 });
    audit.checkpoint(key, new Date(clock + 1));
  }
  capture.close();
  const verify = () => verifyAuditTrail(store.db, config.applianceId, key.publicKeyBase64);
  return { store, audit, key, config, recorded, verify };
}

describe('the retention purge', () => {
  it('removes only what central acknowledged and what is older than the period, and the trail still verifies', async () => {
    const { store, audit, recorded, verify } = await laneWithHistory();
    const { db } = store;
    // A supervisor voided the crossing of day 10 long after: the void is recent, so the crossing it names stays.
    const voided = recorded[2];
    if (voided === undefined) throw new Error('no crossing to void');
    new VoidService(db, audit, 'uto-retention').void(voided.id, 'recorded on the wrong lane by mistake', 'uto-guard-1');
    const deliveredUpTo = recorded[8];
    if (deliveredUpTo === undefined) throw new Error('no crossing 8');
    markDeliveredThrough(db, deliveredUpTo.seq, new Date());
    const eventsBefore = auditEvents(db).length;

    // Day 150, 90 days' retention: crossings before day 60 are old; those after the 9th are not delivered.
    const counts = await purgeDelivered(db, audit, 90, new Date(START + 150 * DAY_MS));

    const kept = new Set(db.prepare('SELECT id FROM crossings').pluck().all());
    for (const crossing of recorded) {
      const purgeable = crossing.seq <= deliveredUpTo.seq && crossing.day < 60 && crossing !== voided;
      expect(kept.has(crossing.id), `crossing of day ${String(crossing.day)}`).toBe(!purgeable);
    }
    expect(counts).toMatchObject({ crossings: 8, voids: 0, resolutions: 0 });
    expect(counts.auditEvents).toBeGreaterThan(0);
    expect(auditEvents(db).length).toBeLessThan(eventsBefore);
    expect(verify()).toMatchObject({ intact: true });
    // The purge is itself on the trail, with what it removed.
    expect(auditEvents(db).at(-1)).toMatchObject({ action: 'retention-purge', details: { crossings: 8, deliveredThroughSeq: deliveredUpTo.seq } });
    await store.close();
  });

  it('removes an old referral with its resolution, and keeps one whose resolution is recent', async () => {
    const { store, audit, recorded, verify } = await laneWithHistory(new Set([0, 5]));
    const { db } = store;
    const desk = new ReferralDesk(db, audit, 'uto-retention', 20);
    const early = recorded[0];
    const late = recorded[5];
    if (early === undefined || late === undefined) throw new Error('no referrals');
    // Day 0's referral was resolved the next day; day 25's only on day 140, within the period.
    const resolve = (id: string, day: number) => {
      const at = new Date(START + day * DAY_MS);
      desk.take(id, 'uto-guard-1', at);
      return desk.resolve({ referralId: id, outcome: 'admitted', reason: 'papers in order after interview', notes: '' }, 'uto-guard-1', at);
    };
    resolve(early.id, 1);
    const recent = resolve(late.id, 140);
    markDeliveredThrough(db, recent.seq, new Date());
    const counts = await purgeDelivered(db, audit, 90, new Date(START + 150 * DAY_MS));
    expect(counts.resolutions).toBe(1);
    const kept = new Set(db.prepare('SELECT id FROM crossings').pluck().all());
    expect(kept.has(early.id)).toBe(false);
    // The resolution names the referral, so the referral stays as long as it does.
    expect(kept.has(late.id)).toBe(true);
    expect(db.prepare('SELECT referral_id FROM resolutions').pluck().all()).toEqual([late.id]);
    expect(verify()).toMatchObject({ intact: true });
    await store.close();
  });

  it('keeps an item central rejected until it is requeued, however old', async () => {
    const { store, audit, recorded, verify } = await laneWithHistory();
    const rejected = recorded[1];
    const last = recorded.at(-1);
    if (rejected === undefined || last === undefined) throw new Error('nothing recorded');
    // Central's answer, recorded the way the relay records it: everything held, one crossing rejected.
    new OutboxRelayStore(store.db).acknowledge({ ackedThroughSeq: last.seq + 10, rejected: [{ seq: rejected.seq, reason: 'record: invalid' }] }, new Date());
    await purgeDelivered(store.db, audit, 1, new Date(START + 1000 * DAY_MS));
    expect(store.db.prepare('SELECT id FROM crossings').pluck().all()).toEqual([rejected.id]);
    expect(verify()).toMatchObject({ intact: true });
    await store.close();
  });

  it('never removes an undelivered record, however old', async () => {
    const { store, audit, verify } = await laneWithHistory();
    const counts = await purgeDelivered(store.db, audit, 1, new Date(START + 1000 * DAY_MS));
    expect(counts).toEqual({ crossings: 0, voids: 0, resolutions: 0, auditEvents: 0, outboxRows: 0, alertHits: 0, auditAnchor: 0 });
    expect(store.db.prepare('SELECT count(*) FROM crossings').pluck().get()).toBe(30);
    expect(verify()).toMatchObject({ intact: true });
    await store.close();
  });

  it('leaves a trail that keeps growing and verifying after everything delivered was purged', async () => {
    const { store, audit, key, recorded, verify, config } = await laneWithHistory();
    const last = recorded.at(-1);
    if (last === undefined) throw new Error('nothing recorded');
    markDeliveredThrough(store.db, Number.MAX_SAFE_INTEGER, new Date());
    await purgeDelivered(store.db, audit, 1, new Date(START + 1000 * DAY_MS));
    expect(store.db.prepare('SELECT count(*) FROM crossings').pluck().get()).toBe(0);
    expect(verify()).toMatchObject({ intact: true });

    const capture = new CaptureService({ db: store.db, audit, config, visaRules: new Map(), scans$: EMPTY, log, now: () => new Date(START + 1001 * DAY_MS) });
    const assessment = capture.manualEntry(SPECIMEN_PASSPORT, 'TD3', 'uto-guard-1');
    const next = capture.record({ assessmentId: assessment.id, direction: 'exit', decision: { outcome: 'admit', reasons: ['documents-in-order'] }, notes: '' }, 'uto-guard-1');
    // A seq is never handed out twice, even when every older row is gone.
    expect(next.seq).toBeGreaterThan(last.seq);
    audit.checkpoint(key, new Date(START + 1001 * DAY_MS + 1));
    expect(verify()).toMatchObject({ intact: true });
    capture.close();
    await store.close();
  });
});
