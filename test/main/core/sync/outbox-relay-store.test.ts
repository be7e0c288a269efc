import { deflateRawSync } from 'node:zlib';
import { pino } from 'pino';
import { EMPTY } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../main/common/contract/config.js';
import { canonicalJson } from '../../../../main/common/json/canonical-json.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { OfficerStore } from '../../../../main/core/auth/officer-store.js';
import { CaptureService } from '../../../../main/core/capture/capture-service.js';
import { openStore } from '../../../../main/core/store/open-store.js';
import { AUDIT_DICTIONARY_V1 } from '../../../../main/core/store/body-dictionaries.js';
import { OutboxRelayStore } from '../../../../main/core/sync/outbox-relay-store.js';
import { SyncItem } from '../../../../sync/protocol/wire.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const log = pino({ level: 'silent' });

/** A lane that recorded one crossing: its scan event, the crossing and its decision event. */
async function laneWithOneCrossing() {
  const store = await openStore({ dataDir: tempDir(), log, integrityBudgetMs: 5_000 });
  const config = { ...defaultConfig('uto-canonical-lane'), readers: [] };
  new OfficerStore(store.db).create({ id: 'uto-guard-1', displayName: 'Guard', roles: ['guard'], pinHash: 'x', mustChangePin: false }, new Date());
  const capture = new CaptureService({ db: store.db, audit: new AuditTrail(store.db, config.applianceId), config, visaRules: new Map(), scans$: EMPTY, log });
  const assessment = capture.manualEntry(SPECIMEN_PASSPORT, 'TD3', 'uto-guard-1');
  capture.record({ assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['further-checks'] }, notes: 'Sent to the second line' }, 'uto-guard-1');
  capture.close();
  return store;
}

describe("the relay's view of the outbox", () => {
  it('gives each item as valid canonical JSON, so that central digests it without reordering', async () => {
    const store = await laneWithOneCrossing();
    const items = new OutboxRelayStore(store.db).readPending(0, 100, 1 << 20);
    expect(items.map((item) => item.kind)).toEqual(['audit', 'crossing', 'audit']);
    for (const item of items) {
      const parsed: unknown = JSON.parse(item.json);
      expect(SyncItem.parse(parsed).seq).toBe(item.seq);
      expect(item.json).toBe(canonicalJson(parsed));
    }
    await store.close();
  });

  it('sends an audit event stored deflated by an earlier version as it sends a plain one, and a damaged one with a null record', async () => {
    const store = await laneWithOneCrossing();
    const relayStore = new OutboxRelayStore(store.db);
    const before = relayStore.readPending(0, 100, 1 << 20);
    const [scanEvent, , decisionEvent] = before;
    if (scanEvent === undefined || decisionEvent === undefined) throw new Error('the lane recorded less than expected');
    const text = JSON.stringify((JSON.parse(scanEvent.json) as { record: unknown }).record);
    const deflated = Buffer.concat([Buffer.of(2), deflateRawSync(Buffer.from(text), { dictionary: AUDIT_DICTIONARY_V1 })]);
    store.db.prepare('UPDATE audit_events SET body = ? WHERE seq = ?').run(deflated, scanEvent.seq);
    store.db.prepare("UPDATE audit_events SET body = x'007b2276223a' WHERE seq = ?").run(decisionEvent.seq);

    const after = relayStore.readPending(0, 100, 1 << 20);
    expect(after[0]).toEqual(scanEvent);
    expect(after[2]).toEqual({ seq: decisionEvent.seq, kind: 'audit', json: `{"kind":"audit","record":null,"seq":${String(decisionEvent.seq)}}` });
    await store.close();
  });
});
