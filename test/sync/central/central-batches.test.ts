import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itemDigest } from '../../../sync/protocol/digests.js';
import { BatchAck, ErrorBody, type SyncItem } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { makeAppliance, postBatch } from './signed-client.js';
import { auditItem, batchOf, crossingItem, mixedItem, voidItem } from './specimen-items.js';

async function centralWithAppliance() {
  const appliance = makeAppliance();
  const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
  return { appliance, central };
}

function items(from: number, to: number): SyncItem[] {
  return Array.from({ length: to - from + 1 }, (_, index) => mixedItem(from + index));
}

describe("central's batch endpoint", () => {
  it('keeps every item of a batch and acknowledges through its last seq', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 12);
    const answer = await postBatch(central.url, appliance, batchOf(sent, 1));
    expect(answer.status).toBe(200);
    expect(BatchAck.parse(answer.body)).toEqual({ ackedThroughSeq: 12, rejected: [] });
    expect(answer.headers.date).toEqual(expect.any(String));
    expect(central.items(appliance.applianceId)).toEqual(sent.map((item) => ({ seq: item.seq, kind: item.kind, record: item.record })));
  });

  it('keeps text exactly, ASCII or not, in a small batch and in ones of over a megabyte', async () => {
    const { appliance, central } = await centralWithAppliance();
    const withNotes = (seq: number, notes: string): SyncItem => {
      const item = crossingItem(seq);
      return { ...item, record: { ...item.record, notes } };
    };
    const padded = (from: number, special?: string) =>
      Array.from({ length: 2_000 }, (_, index) => withNotes(from + index, index === 1_000 && special !== undefined ? special : 'n'.repeat(400)));
    // Past a megabyte, an ASCII batch is decoded another way than one with a single non-ASCII item.
    const batches = [[withNotes(1, 'Ереван → Ճամբար, naïve café 😀')], padded(2), padded(2_002, 'Սահման – border')];
    const sent: SyncItem[] = [];
    for (const batch of batches) {
      const from = sent.length + 1;
      expect(await postBatch(central.url, appliance, batchOf(batch, from))).toMatchObject({ status: 200, body: { ackedThroughSeq: from + batch.length - 1 } });
      sent.push(...batch);
    }
    expect(central.items(appliance.applianceId)).toEqual(sent.map((item) => ({ seq: item.seq, kind: item.kind, record: item.record })));
  });

  it('answers a batch sent twice the same way and keeps it once', async () => {
    const { appliance, central } = await centralWithAppliance();
    const batch = batchOf([crossingItem(1), { seq: 2, kind: 'crossing', record: { seq: 2 } }, auditItem(3)], 1);
    const first = await postBatch(central.url, appliance, batch);
    const second = await postBatch(central.url, appliance, batch);
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(BatchAck.parse(first.body).rejected.map((item) => item.seq)).toEqual([2]);
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 3]);
    expect(central.rejected(appliance.applianceId).map((item) => item.seq)).toEqual([2]);
  });

  it('answers a later batch that overlaps what it holds by keeping only the new seqs', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 10);
    await postBatch(central.url, appliance, batchOf(sent.slice(0, 6), 1));
    const answer = await postBatch(central.url, appliance, batchOf(sent.slice(3), 4));
    expect(answer).toMatchObject({ status: 200, body: { ackedThroughSeq: 10, rejected: [] } });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('answers an old batch whose ack was lost with the highest seq it holds', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 8);
    const first = batchOf(sent.slice(0, 4), 1);
    await postBatch(central.url, appliance, first);
    await postBatch(central.url, appliance, batchOf(sent.slice(4), 5));
    expect(await postBatch(central.url, appliance, first)).toMatchObject({ status: 200, body: { ackedThroughSeq: 8, rejected: [] } });
  });

  it('refuses a batch that leaves a gap with 409 and where to resume, keeping nothing of it', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 3);
    await postBatch(central.url, appliance, batchOf(sent, 1));
    const answer = await postBatch(central.url, appliance, batchOf(items(5, 6), 5));
    expect(answer.status).toBe(409);
    expect(ErrorBody.parse(answer.body)).toMatchObject({ error: 'gap', ackedThroughSeq: 3 });
    expect(await postBatch(central.url, appliance, batchOf(sent.slice(1, 2), 2))).toMatchObject({ status: 200, body: { ackedThroughSeq: 3 } });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 2, 3]);
    const fresh = makeAppliance('uto-lane-2');
    central.registerKey(fresh.applianceId, fresh.publicKeyBase64);
    expect(await postBatch(central.url, fresh, batchOf(items(2, 3), 2))).toMatchObject({ status: 409, body: { error: 'gap', ackedThroughSeq: 0 } });
  });

  it('refuses a held seq that comes back with different content, raises an alarm and keeps nothing of that batch', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 4);
    await postBatch(central.url, appliance, batchOf(sent, 1));
    const altered = [...sent.slice(2), ...items(5, 6)];
    altered[0] = crossingItem(3);
    const answer = await postBatch(central.url, appliance, batchOf(altered, 3));
    expect(answer.status).toBe(409);
    expect(ErrorBody.parse(answer.body)).toMatchObject({ error: 'digest_mismatch', ackedThroughSeq: 4 });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 2, 3, 4]);
    expect(central.alarms()).toEqual([expect.objectContaining({ kind: 'digest_mismatch', applianceId: appliance.applianceId, keyId: appliance.keyId, seq: 3 })]);
    expect(central.log.join('\n')).toMatch(/ALARM digest mismatch appliance=uto-lane-1 .*seq=3/);
    // The log names ids and seqs, never a traveller.
    expect(central.log.join('\n')).not.toMatch(/ERIKSSON|L898902C3/);
  });

  it('rejects an invalid item on its own, with the path and why, and moves on', async () => {
    const { appliance, central } = await centralWithAppliance();
    const bad = crossingItem(2);
    const broken = { ...bad, record: { ...bad.record, lane: 'one' } };
    const wrongSeq = { ...crossingItem(3), record: { ...crossingItem(3).record, seq: 9 } };
    const answer = await postBatch(central.url, appliance, batchOf([crossingItem(1), broken, wrongSeq, auditItem(4)], 1));
    expect(answer.status).toBe(200);
    const ack = BatchAck.parse(answer.body);
    expect(ack.ackedThroughSeq).toBe(4);
    expect(ack.rejected).toEqual([
      { seq: 2, reason: expect.stringMatching(/^record\.lane: .*number/) },
      { seq: 3, reason: expect.stringMatching(/^record\.seq: /) },
    ]);
    expect(ack.rejected.every((item) => item.reason.length <= 300)).toBe(true);
    expect(await postBatch(central.url, appliance, batchOf(items(5, 5), 5))).toMatchObject({ status: 200, body: { ackedThroughSeq: 5, rejected: [] } });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 4, 5]);
  });

  it('rejects an item that has no canonical form (a lone surrogate) instead of stalling on it', async () => {
    const { appliance, central } = await centralWithAppliance();
    const lone = crossingItem(2);
    const batch = batchOf([crossingItem(1), { ...lone, record: { ...lone.record, notes: 'half a pair \ud800' } }, auditItem(3)], 1);
    const answer = await postBatch(central.url, appliance, batch);
    expect(answer).toMatchObject({ status: 200, body: { ackedThroughSeq: 3, rejected: [{ seq: 2, reason: expect.stringContaining('canonical') }] } });
    expect(await postBatch(central.url, appliance, batch)).toMatchObject({ status: 200, body: answer.body });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 3]);
  });

  it('keeps a resent item that supersedes the seq it was first sent under', async () => {
    const { appliance, central } = await centralWithAppliance();
    const first = crossingItem(1);
    const rejected = { ...first, record: { ...first.record, notes: 'x'.repeat(501) } };
    await postBatch(central.url, appliance, batchOf([rejected], 1));
    const resent: SyncItem = { seq: 2, kind: 'crossing', record: first.record, supersedes: 1 };
    expect(await postBatch(central.url, appliance, batchOf([resent], 2))).toMatchObject({ status: 200, body: { ackedThroughSeq: 2, rejected: [] } });
    expect(central.items(appliance.applianceId)).toEqual([{ seq: 2, kind: 'crossing', record: first.record }]);
  });

  it('keeps each key of an appliance on its own sequence', async () => {
    const { appliance, central } = await centralWithAppliance();
    const rebuilt = makeAppliance(appliance.applianceId);
    central.registerKey(rebuilt.applianceId, rebuilt.publicKeyBase64);
    await postBatch(central.url, appliance, batchOf(items(1, 3), 1));
    const again = [crossingItem(1), voidItem(2, randomUUID())];
    expect(await postBatch(central.url, rebuilt, batchOf(again, 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 2 } });
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1, 2, 3, 1, 2]);
    expect(central.alarms()).toEqual([]);
  });

  it.each([
    ['a broken batch id', { batchId: 'nope', fromSeq: 1, toSeq: 1, records: [{ seq: 1 }] }, /^batchId: /],
    ['no records', { batchId: randomUUID(), fromSeq: 1, toSeq: 1, records: [] }, /^records: /],
    ['a seq missing', { batchId: randomUUID(), fromSeq: 1, toSeq: 3, records: [{ seq: 1 }, { seq: 3 }] }, /^records: records must be every seq/],
    ['seqs out of order', { batchId: randomUUID(), fromSeq: 1, toSeq: 2, records: [{ seq: 2 }, { seq: 1 }] }, /^records\.0\.seq: /],
    ['a record without a seq', { batchId: randomUUID(), fromSeq: 1, toSeq: 1, records: [{ kind: 'crossing' }] }, /^records\.0\.seq: /],
    ['an unknown field', { batchId: randomUUID(), fromSeq: 1, toSeq: 1, records: [{ seq: 1 }], extra: true }, /extra/],
    ['not an object', [1, 2, 3], /^\(body\): /],
  ])('refuses %s with 400 invalid_batch naming the path', async (_name, batch, message) => {
    const { appliance, central } = await centralWithAppliance();
    const answer = await postBatch(central.url, appliance, batch);
    expect(answer.status).toBe(400);
    expect(ErrorBody.parse(answer.body)).toEqual({ error: 'invalid_batch', message: expect.stringMatching(message) });
    expect(central.items(appliance.applianceId)).toEqual([]);
  });

  it('refuses a body that is not gzip, not JSON, or not declared as gzip', async () => {
    const { appliance, central } = await centralWithAppliance();
    const plain = Buffer.from(JSON.stringify(batchOf(items(1, 1), 1)));
    expect(await postBatch(central.url, appliance, null, { body: plain })).toMatchObject({ status: 400, body: { error: 'invalid_batch', message: 'the body is not valid gzip' } });
    expect(await postBatch(central.url, appliance, null, { body: plain, headers: {} })).toMatchObject({ status: 400, body: { error: 'invalid_batch' } });
    const { gzipSync } = await import('node:zlib');
    expect(await postBatch(central.url, appliance, null, { body: gzipSync('{"batchId": ERIKSSON') })).toMatchObject({
      status: 400,
      body: { error: 'invalid_batch', message: 'the body is not JSON' },
    });
  });

  it('digests what it holds exactly as the appliance does', async () => {
    const { appliance, central } = await centralWithAppliance();
    const sent = items(1, 3);
    await postBatch(central.url, appliance, batchOf(sent, 1));
    const stored = [...central.central.store.items.held({ applianceId: appliance.applianceId })];
    const digests = central.central.store.db.prepare('SELECT digest FROM items ORDER BY seq').pluck().all();
    expect(digests).toEqual(sent.map(itemDigest));
    expect(stored.map((held) => JSON.parse(held.item) as unknown)).toEqual(sent);
  });
});
