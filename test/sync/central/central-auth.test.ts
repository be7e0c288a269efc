import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ErrorBody, MAX_BODY_BYTES, MAX_CLOCK_SKEW_MS, paths } from '../../../sync/protocol/wire.js';
import { startTestCentral } from '../../rigs/central.js';
import { getSigned, makeAppliance, postBatch, signedRequest } from './signed-client.js';
import { batchOf, crossingItem } from './specimen-items.js';

async function centralWithAppliance(now?: () => Date) {
  const appliance = makeAppliance();
  const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64, ...(now === undefined ? {} : { now }) });
  return { appliance, central };
}

const batch = () => batchOf([crossingItem(1)], 1);

function errorOf(answer: { status: number; body: unknown }) {
  return { status: answer.status, error: ErrorBody.parse(answer.body).error };
}

describe("central's request authentication", () => {
  it('refuses a request without its signing headers', async () => {
    const { appliance, central } = await centralWithAppliance();
    expect(errorOf(await postBatch(central.url, appliance, batch(), { unsigned: true }))).toEqual({ status: 401, error: 'bad_signature' });
    const noSignature = await postBatch(central.url, appliance, batch(), { headers: { 'content-encoding': 'gzip', 'sahman-signature': '' } });
    expect(errorOf(noSignature)).toEqual({ status: 401, error: 'bad_signature' });
    expect(errorOf(await postBatch(central.url, appliance, batch(), { timestamp: 'yesterday' }))).toEqual({ status: 401, error: 'bad_signature' });
    expect(central.items(appliance.applianceId)).toEqual([]);
  });

  it('refuses a timestamp further than the allowed skew from its clock, either way', async () => {
    const { appliance, central } = await centralWithAppliance();
    const late = new Date(Date.now() - MAX_CLOCK_SKEW_MS - 5000).toISOString();
    const early = new Date(Date.now() + MAX_CLOCK_SKEW_MS + 5000).toISOString();
    const within = new Date(Date.now() - MAX_CLOCK_SKEW_MS + 5000).toISOString();
    expect(errorOf(await postBatch(central.url, appliance, batch(), { timestamp: late }))).toEqual({ status: 401, error: 'clock_skew' });
    expect(errorOf(await postBatch(central.url, appliance, batch(), { timestamp: early }))).toEqual({ status: 401, error: 'clock_skew' });
    expect(await postBatch(central.url, appliance, batch(), { timestamp: within })).toMatchObject({ status: 200 });
  });

  it("judges skew by central's own clock, and says so in the Date header", async () => {
    const centralClock = new Date('2026-11-28T10:00:00.000Z');
    const { appliance, central } = await centralWithAppliance(() => centralClock);
    const answer = await postBatch(central.url, appliance, batch());
    expect(errorOf(answer)).toEqual({ status: 401, error: 'clock_skew' });
    expect(Date.parse(String(answer.headers.date))).toBeGreaterThan(0);
    expect(await postBatch(central.url, appliance, batch(), { timestamp: '2026-11-28T10:02:00.000Z' })).toMatchObject({ status: 200 });
  });

  it('refuses a key that is not registered for this appliance', async () => {
    const { appliance, central } = await centralWithAppliance();
    const stranger = makeAppliance(appliance.applianceId);
    const refused = await postBatch(central.url, stranger, batch());
    expect(errorOf(refused)).toEqual({ status: 401, error: 'unknown_key' });
    // Refused on its headers, its body unread: central hangs up rather than read a stranger's body to the end.
    expect(refused.headers.connection).toBe('close');
    const other = makeAppliance('uto-lane-9');
    central.registerKey(other.applianceId, other.publicKeyBase64);
    // A key registered for another appliance does not open this one.
    expect(errorOf(await postBatch(central.url, { ...other, applianceId: appliance.applianceId }, batch()))).toEqual({ status: 401, error: 'unknown_key' });
  });

  it('refuses a signature that does not cover what was sent', async () => {
    const { appliance, central } = await centralWithAppliance();
    const stranger = makeAppliance(appliance.applianceId);
    const forged = { ...appliance, privateKey: stranger.privateKey };
    expect(errorOf(await postBatch(central.url, forged, batch()))).toEqual({ status: 401, error: 'bad_signature' });
    expect(errorOf(await postBatch(central.url, appliance, batch(), { signedApplianceId: 'uto-lane-2' }))).toEqual({ status: 401, error: 'bad_signature' });
    expect(errorOf(await postBatch(central.url, appliance, batch(), { headers: { 'content-encoding': 'gzip', 'sahman-signature': randomBytes(64).toString('base64') } }))).toEqual({
      status: 401,
      error: 'bad_signature',
    });
    expect(central.items(appliance.applianceId)).toEqual([]);
  });

  it('refuses a body changed after it was signed', async () => {
    const { appliance, central } = await centralWithAppliance();
    const body = gzipSync(JSON.stringify(batch()));
    const tampered = gzipSync(JSON.stringify(batchOf([crossingItem(1)], 1)));
    const timestamp = new Date().toISOString();
    const signedFor = await import('../../../sync/protocol/signing.js');
    const { sign } = await import('node:crypto');
    const signature = sign(null, signedFor.requestSigningPayload(appliance.applianceId, timestamp, body), appliance.privateKey).toString('base64');
    const answer = await signedRequest(central.url, appliance, {
      method: 'POST',
      path: paths.batches(appliance.applianceId),
      body: tampered,
      timestamp,
      headers: { 'content-encoding': 'gzip', 'sahman-signature': signature },
    });
    expect(errorOf(answer)).toEqual({ status: 401, error: 'bad_signature' });
  });

  it('checks headers, then the clock, then the key, then the signature', async () => {
    const { appliance, central } = await centralWithAppliance();
    const stranger = makeAppliance(appliance.applianceId);
    const stale = new Date(Date.now() - 2 * MAX_CLOCK_SKEW_MS).toISOString();
    expect(errorOf(await postBatch(central.url, stranger, batch(), { timestamp: stale }))).toEqual({ status: 401, error: 'clock_skew' });
    expect(errorOf(await postBatch(central.url, stranger, batch(), { signedApplianceId: 'someone-else' }))).toEqual({ status: 401, error: 'unknown_key' });
    expect(errorOf(await postBatch(central.url, stranger, batch(), { unsigned: true, headers: { 'sahman-timestamp': stale } }))).toEqual({ status: 401, error: 'bad_signature' });
  });

  it('authenticates GET requests over an empty body', async () => {
    const { appliance, central } = await centralWithAppliance();
    expect(await getSigned(central.url, appliance, `${paths.reconcile(appliance.applianceId)}?day=2026-11-28`)).toMatchObject({ status: 200 });
    expect(errorOf(await getSigned(central.url, makeAppliance(appliance.applianceId), `${paths.reconcile(appliance.applianceId)}?day=2026-11-28`))).toEqual({
      status: 401,
      error: 'unknown_key',
    });
  });
});

describe("central's other refusals", () => {
  it('answers an unknown route or method with 404, in the protocol shape', async () => {
    const { appliance, central } = await centralWithAppliance();
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/v1/appliances'],
      ['POST', `/v1/appliances/${appliance.applianceId}/unknown`],
      ['GET', paths.batches(appliance.applianceId)],
      ['POST', paths.deltas(appliance.applianceId)],
      ['GET', '/v1/appliances/%E0%A4%A/reconcile'],
      ['GET', '/v2/appliances/uto-lane-1/deltas'],
    ] as const) {
      const response = await request(`${central.url}${path}`, { method });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(ErrorBody.parse(await response.body.json())).toEqual({ error: 'not_found' });
      expect(response.headers.date).toEqual(expect.any(String));
    }
  });

  it('refuses a body over the limit, compressed or once inflated', async () => {
    const { appliance, central } = await centralWithAppliance();
    const huge = randomBytes(MAX_BODY_BYTES + 1);
    expect(errorOf(await postBatch(central.url, appliance, null, { body: huge }))).toEqual({ status: 413, error: 'too_large' });
    // A gzip bomb: a few KB that would inflate past the limit.
    const bomb = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(errorOf(await postBatch(central.url, appliance, null, { body: bomb }))).toEqual({ status: 413, error: 'too_large' });
    // And the server is still there.
    expect(await postBatch(central.url, appliance, batch())).toMatchObject({ status: 200 });
  });

  it('stops reading a body sent without a length as soon as it passes the limit', async () => {
    const { appliance, central } = await centralWithAppliance();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += chunk.length;
        this.push(sent > 4 * MAX_BODY_BYTES ? null : chunk);
      },
    });
    const timestamp = new Date().toISOString();
    const answer = await request(`${central.url}${paths.batches(appliance.applianceId)}`, {
      method: 'POST',
      body: endless,
      headers: { 'content-encoding': 'gzip', 'sahman-timestamp': timestamp, 'sahman-key-id': appliance.keyId, 'sahman-signature': 'c2lnbmF0dXJl' },
    }).then(
      async (response) => ({ status: response.statusCode, body: await response.body.json() }),
      (error: unknown) => error,
    );
    // Either the 413 arrives, or the connection is cut mid-upload; central never reads the whole body.
    if (!(answer instanceof Error)) expect(answer).toEqual({ status: 413, body: { error: 'too_large', message: expect.any(String) } });
    expect(sent).toBeLessThan(4 * MAX_BODY_BYTES);
    expect(await postBatch(central.url, appliance, batch())).toMatchObject({ status: 200 });
  });

  it('shrugs off a client that hangs up mid-body', async () => {
    const { appliance, central } = await centralWithAppliance();
    const { connect } = await import('node:net');
    const url = new URL(central.url);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const head = [
      `POST ${paths.batches(appliance.applianceId)} HTTP/1.1`,
      `Host: ${url.host}`,
      'Content-Encoding: gzip',
      'Content-Length: 100000',
      `sahman-timestamp: ${new Date().toISOString()}`,
      `sahman-key-id: ${appliance.keyId}`,
      'sahman-signature: c2lnbmF0dXJl',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${'x'.repeat(500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await postBatch(central.url, appliance, batch())).toMatchObject({ status: 200 });
    expect(central.log).toEqual([]);
  });

  it('answers an unexpected failure with 500 internal, no stack, and keeps serving', async () => {
    const { appliance, central } = await centralWithAppliance();
    central.central.store.db.exec('DROP TABLE health_reports');
    const health = { at: new Date().toISOString(), backlog: 0, oldestUndeliveredAgeMs: null, readers: [] };
    const answer = await signedRequest(central.url, appliance, { method: 'POST', path: paths.health(appliance.applianceId), body: Buffer.from(JSON.stringify(health)) });
    expect(answer).toEqual(expect.objectContaining({ status: 500, body: { error: 'internal' } }));
    expect(central.log.join('\n')).toMatch(/internal error on health for appliance=uto-lane-1: SqliteError/);
    expect(await postBatch(central.url, appliance, batch())).toMatchObject({ status: 200 });
  });
});
