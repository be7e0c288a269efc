import { describe, expect, it } from 'vitest';
import { dayDigest, itemDigest } from '../../../sync/protocol/digests.js';
import { ReconcileDay, paths } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { getSigned, makeAppliance, postBatch, signedRequest } from './signed-client.js';
import { auditItem, batchOf, crossingItem } from './specimen-items.js';

async function centralWithAppliance() {
  const appliance = makeAppliance();
  const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
  return { appliance, central };
}

describe("central's reconciliation", () => {
  it("counts and digests a UTC day of one key's items, kept and rejected, in seq order", async () => {
    const { appliance, central } = await centralWithAppliance();
    const lateOn27 = new Date('2026-11-27T23:59:59.999Z');
    const on28 = (hour: number) => new Date(Date.UTC(2026, 10, 28, hour));
    const rejected = { ...crossingItem(3, on28(9)), record: { ...crossingItem(3, on28(9)).record, lane: 'one' } };
    const sent = [crossingItem(1, lateOn27), auditItem(2, on28(0)), rejected, crossingItem(4, on28(23)), auditItem(5, new Date('2026-11-29T00:00:00.000Z'))];
    expect(await postBatch(central.url, appliance, batchOf(sent, 1))).toMatchObject({ status: 200, body: { ackedThroughSeq: 5, rejected: [{ seq: 3 }] } });

    const day = async (date: string) => ReconcileDay.parse((await getSigned(central.url, appliance, `${paths.reconcile(appliance.applianceId)}?day=${date}`)).body);
    // The rejected item is digested as sent, just as the appliance digests what it sent.
    const digestOf = (item: unknown) => itemDigest(item as Parameters<typeof itemDigest>[0]);
    expect(await day('2026-11-28')).toEqual({ day: '2026-11-28', count: 3, digest: dayDigest([sent[1], sent[2], sent[3]].map(digestOf)) });
    expect(await day('2026-11-27')).toEqual({ day: '2026-11-27', count: 1, digest: dayDigest([digestOf(sent[0])]) });
    expect(await day('2026-11-30')).toEqual({ day: '2026-11-30', count: 0, digest: dayDigest([]) });
  });

  it("answers for the requesting key only: a rebuilt appliance's new key has its own days", async () => {
    const { appliance, central } = await centralWithAppliance();
    const rebuilt = makeAppliance(appliance.applianceId);
    central.registerKey(rebuilt.applianceId, rebuilt.publicKeyBase64);
    await postBatch(central.url, appliance, batchOf([crossingItem(1), crossingItem(2)], 1));
    const mine = ReconcileDay.parse((await getSigned(central.url, rebuilt, `${paths.reconcile(appliance.applianceId)}?day=2026-11-28`)).body);
    expect(mine.count).toBe(0);
  });

  it.each(['', '?day=28-11-2026', '?day=2026-02-30', '?day=today'])('refuses a malformed day %j with 400', async (query) => {
    const { appliance, central } = await centralWithAppliance();
    expect(await getSigned(central.url, appliance, `${paths.reconcile(appliance.applianceId)}${query}`)).toMatchObject({ status: 400, body: { error: 'invalid_batch' } });
  });
});

describe("central's health channel", () => {
  const report = (backlog: number) => ({ at: new Date().toISOString(), backlog, oldestUndeliveredAgeMs: backlog === 0 ? null : 1200, readers: [{ id: 'r1', state: 'ready' }] });

  it('keeps the latest report of each appliance and answers 204', async () => {
    const { appliance, central } = await centralWithAppliance();
    const send = (body: unknown) => signedRequest(central.url, appliance, { method: 'POST', path: paths.health(appliance.applianceId), body: Buffer.from(JSON.stringify(body)), headers: { 'content-type': 'application/json' } });
    expect(await send(report(40))).toMatchObject({ status: 204, body: undefined });
    expect(await send(report(0))).toMatchObject({ status: 204 });
    expect(central.central.store.health.latest(appliance.applianceId)).toMatchObject({ keyId: appliance.keyId, report: { backlog: 0, oldestUndeliveredAgeMs: null } });
    expect(central.central.store.db.prepare('SELECT count(*) FROM health_reports').pluck().get()).toBe(1);
  });

  it('refuses an invalid or gzip\'d report with 400, keeping the previous one', async () => {
    const { appliance, central } = await centralWithAppliance();
    const path = paths.health(appliance.applianceId);
    await signedRequest(central.url, appliance, { method: 'POST', path, body: Buffer.from(JSON.stringify(report(3))) });
    expect(await signedRequest(central.url, appliance, { method: 'POST', path, body: Buffer.from(JSON.stringify({ ...report(1), backlog: -1 })) })).toMatchObject({
      status: 400,
      body: { error: 'invalid_batch', message: expect.stringContaining('backlog') },
    });
    const { gzipSync } = await import('node:zlib');
    expect(
      await signedRequest(central.url, appliance, { method: 'POST', path, body: gzipSync(JSON.stringify(report(1))), headers: { 'content-encoding': 'gzip' } }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_batch' } });
    expect(central.central.store.health.latest(appliance.applianceId)?.report.backlog).toBe(3);
  });
});
