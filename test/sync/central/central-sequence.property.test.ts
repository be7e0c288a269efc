import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchAck, ErrorBody, type SyncItem } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { makeAppliance, postBatch } from './signed-client.js';
import { batchOf, crossingItem, mixedItem } from './specimen-items.js';

/**
 * Whatever order batches arrive in, however often, and however they overlap,
 * central holds every seq from 1 to its last exactly once, and says so.
 */
describe("central's sequence under any delivery order", () => {
  it('never holds a duplicate or a gap, and acknowledges exactly what it holds', async () => {
    const central = await startTestCentral();
    const TOTAL = 40;
    // Built once: resending a seq must resend the same item, or it would be a digest mismatch.
    const stream: SyncItem[] = Array.from({ length: TOTAL }, (_, index) => (index % 9 === 4 ? { ...crossingItem(index + 1), record: { ...crossingItem(index + 1).record, lane: -0.5 } } : mixedItem(index + 1)));
    const invalidSeqs = stream.filter((_, index) => index % 9 === 4).map((item) => item.seq);
    const range = fc.tuple(fc.integer({ min: 1, max: TOTAL }), fc.integer({ min: 1, max: 12 })).map(([from, length]) => ({ from, to: Math.min(TOTAL, from + length - 1) }));
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(range, { minLength: 1, maxLength: 25 }), async (deliveries) => {
        // A fresh key per run: a new sequence in the same central.
        const appliance = makeAppliance(`uto-prop-${String(++run)}`);
        central.registerKey(appliance.applianceId, appliance.publicKeyBase64);
        let held = 0;
        // Every planned delivery, then whatever finishes the stream, in order.
        const finish = [{ from: 1, to: TOTAL }];
        for (const { from, to } of [...deliveries, ...finish]) {
          const answer = await postBatch(central.url, appliance, batchOf(stream.slice(from - 1, to), from));
          if (from > held + 1) {
            expect(answer.status).toBe(409);
            expect(ErrorBody.parse(answer.body)).toEqual({ error: 'gap', message: expect.any(String), ackedThroughSeq: held });
          } else {
            expect(answer.status).toBe(200);
            held = Math.max(held, to);
            const ack = BatchAck.parse(answer.body);
            expect(ack.ackedThroughSeq).toBe(held);
            expect(ack.rejected.map((item) => item.seq)).toEqual(invalidSeqs.filter((seq) => seq >= from && seq <= to));
          }
          const seqs = central.central.store.db
            .prepare('SELECT i.seq FROM items i JOIN appliance_keys k ON k.id = i.key_ref WHERE k.appliance_id = ? ORDER BY i.seq')
            .pluck()
            .all(appliance.applianceId);
          expect(seqs).toEqual(Array.from({ length: held }, (_, index) => index + 1));
        }
        expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual(stream.map((item) => item.seq).filter((seq) => !invalidSeqs.includes(seq)));
        expect(central.items(appliance.applianceId).map((item) => item.record)).toEqual(stream.filter((item) => !invalidSeqs.includes(item.seq)).map((item) => item.record));
      }),
      { numRuns: 25 },
    );
    expect(central.alarms()).toEqual([]);
  }, 120_000);

  it('refuses, whatever the order, a held seq resent with other content, and stores nothing of that batch', async () => {
    const central = await startTestCentral();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), async (held, back, ahead) => {
        const appliance = makeAppliance(`uto-tamper-${String(++run)}`);
        central.registerKey(appliance.applianceId, appliance.publicKeyBase64);
        const stream = Array.from({ length: held + ahead }, (_, index) => mixedItem(index + 1));
        await postBatch(central.url, appliance, batchOf(stream.slice(0, held), 1));
        const from = Math.max(1, held - back);
        const tampered = stream.slice(from - 1);
        tampered[0] = crossingItem(from);
        const answer = await postBatch(central.url, appliance, batchOf(tampered, from));
        expect(answer).toMatchObject({ status: 409, body: { error: 'digest_mismatch', ackedThroughSeq: held } });
        expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual(Array.from({ length: held }, (_, index) => index + 1));
      }),
      { numRuns: 30 },
    );
    expect(central.alarms()).toHaveLength(30);
  }, 120_000);
});
