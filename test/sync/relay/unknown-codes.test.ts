import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { canonicalJson } from '../../../main/common/json/canonical-json.js';
import { readStoredCrossing, storedBody } from '../../../main/core/capture/stored-records.js';
import { openDatabase } from '../../../main/core/db/open-database.js';
import { enqueue } from '../../../main/core/outbox/outbox.js';
import { DATABASE_FILE_NAME } from '../../../main/core/store/open-store.js';
import { startTestCentral } from '../../rigs/central.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';
import { deliveredAll, laneSyncingTo, recordCrossings } from '../../rigs/syncing-lane.js';

/** The columns capture writes for a crossing, read back to write another beside it. */
const CrossingRow = z.object({ lane: z.number(), direction: z.string(), document_key: z.string(), officer_id: z.string(), body: z.instanceof(Uint8Array) });

describe('a record written by a newer release', () => {
  it('reaches central with a check and a decision reason no release of central has heard of, stored as written and never dead-lettered', async () => {
    // No key registered yet: the relay waits while the lane's database gets a record from a newer release.
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    const template = await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['further-checks'] } });

    // What a newer release's core wrote before the lane went back to this one: a crossing with a check and a
    // reason this release lacks. Written as a new row, because a row the relay has read may already be in a batch.
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME));
    const row = CrossingRow.parse(db.prepare('SELECT lane, direction, document_key, officer_id, body FROM crossings WHERE seq = ?').get(template.seq));
    const stored = readStoredCrossing(row.body);
    if (!stored.ok) throw new Error(stored.problem);
    const at = new Date();
    const newer = db
      .transaction(() => {
        const seq = enqueue(db, 'crossing', at);
        const record = {
          ...stored.record,
          id: randomUUID(),
          seq,
          recordedAt: at.toISOString(),
          checks: [...stored.record.checks, { code: 'face-match', outcome: 'pass' as const, reason: 'matched' }],
          decision: { outcome: 'refer' as const, reasons: ['further-checks', 'humanitarian-grounds'] },
        };
        db.prepare('INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          seq,
          record.id,
          at.getTime(),
          row.lane,
          row.direction,
          'refer',
          row.document_key,
          row.officer_id,
          storedBody(record),
        );
        return record;
      })
      .immediate();
    db.close();
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    const later = await recordCrossings(guard, 1);

    const status = await deliveredAll(supervisor, later);
    expect(status.alarms.deadLetters).toBe(0);
    expect(await supervisor.call('sync.deadLetters', {})).toEqual([]);
    expect(central.rejected(applianceId)).toEqual([]);
    const held = [...central.central.store.items.held({ applianceId })].find((item) => item.seq === newer.seq);
    // Central holds the exact canonical text the lane stored and digested, new codes and all.
    expect(held?.item).toBe(canonicalJson({ kind: 'crossing', record: newer, seq: newer.seq }));
    expect(central.items(applianceId).find((item) => item.seq === newer.seq)?.record).toMatchObject({
      checks: expect.arrayContaining([{ code: 'face-match', outcome: 'pass', reason: 'matched' }]) as unknown,
      decision: { reasons: ['further-checks', 'humanitarian-grounds'] },
    });
    // The lane itself still reads the record back: its supervisor's queue shows the referral with the reason as given.
    expect(await supervisor.call('referrals.queue', {})).toMatchObject([
      { id: template.id, reasons: ['further-checks'] },
      { id: newer.id, reasons: ['further-checks', 'humanitarian-grounds'] },
    ]);
  });
});
