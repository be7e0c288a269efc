import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { firstValueFrom, take, toArray } from 'rxjs';
import type WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../../../main/common/contract/rpc-wire.js';
import { RpcError } from '../../../../../main/common/contract/rpc-errors.js';
import { startInProcessAppliance } from '../../../../rigs/in-process-appliance.js';
import { connectClient, nextMessage, openSocket, whenOpen } from '../../../../rigs/ws-rpc.js';

interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function httpGet(port: number, path: string, host = `127.0.0.1:${String(port)}`): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code: number) => resolve(code)));
}

async function openRaw(port: number, token: string): Promise<WebSocket> {
  const socket = openSocket(port, { token, origin: `http://127.0.0.1:${String(port)}` });
  await whenOpen(socket);
  return socket;
}

describe('sahman serve: the WebSocket host', () => {
  it('serves the contract to a client presenting the token, with streams as observables', async () => {
    const { host } = await startInProcessAppliance({ lane: 7 });
    const { client } = await connectClient(host.port, host.token);
    const info = await client.call('system.info', {});
    expect(info).toMatchObject({ lane: 7, host: 'serve', crossingPoint: { code: 'UTO-DEMO' }, protocolVersion: 1 });
    const ticks = await firstValueFrom(client.stream('system.uptime', { intervalMs: 100 }).pipe(take(3), toArray()));
    expect(ticks).toHaveLength(3);
    const [first, , last] = ticks;
    expect(last?.uptimeMs).toBeGreaterThan(first?.uptimeMs ?? Infinity);
    client.close();
  });

  it('refuses a missing or wrong token with 401 before the upgrade', async () => {
    const { host } = await startInProcessAppliance();
    await expect(whenOpen(openSocket(host.port))).rejects.toThrow('HTTP 401');
    await expect(whenOpen(openSocket(host.port, { token: 'not-the-token' }))).rejects.toThrow('HTTP 401');
    await expect(whenOpen(openSocket(host.port, { token: `${host.token}x` }))).rejects.toThrow('HTTP 401');
  });

  it('refuses a page from another origin, and a Host that is not loopback (DNS rebinding)', async () => {
    const { host } = await startInProcessAppliance();
    await expect(whenOpen(openSocket(host.port, { token: host.token, origin: 'http://evil.example' }))).rejects.toThrow('HTTP 403');
    await expect(
      whenOpen(openSocket(host.port, { token: host.token, host: `rebind.example:${String(host.port)}` })),
    ).rejects.toThrow('HTTP 421');
    expect((await httpGet(host.port, '/', `rebind.example:${String(host.port)}`)).status).toBe(421);
  });

  it('answers invalid JSON, unknown methods and invalid params with typed errors and keeps the link open', async () => {
    const { host } = await startInProcessAppliance();
    const socket = await openRaw(host.port, host.token);
    const answers: unknown[] = [];
    for (const message of [
      '{"type":"call","id":1,',
      JSON.stringify({ type: 'call', id: 2, method: 'no.such.method' }),
      JSON.stringify({ type: 'call', id: 3, method: 'system.info', params: { unexpected: true } }),
      JSON.stringify({ type: 'subscribe', id: 4, stream: 'diagnostics.linkTest', params: { count: -5 } }),
      JSON.stringify({ type: 'launch', id: 5 }),
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ type: 'call', id: 6, method: 'system.ping' }),
    ]) {
      const answer = nextMessage(socket);
      socket.send(message);
      answers.push(await answer);
    }
    expect(answers).toEqual([
      { type: 'error', id: null, error: { code: 'invalid_json', message: expect.any(String) } },
      { type: 'error', id: 2, error: { code: 'unknown_method', message: expect.stringContaining('no.such.method') } },
      { type: 'error', id: 3, error: { code: 'invalid_params', message: expect.stringContaining('unexpected') } },
      { type: 'error', id: 4, error: { code: 'invalid_params', message: expect.stringContaining('count') } },
      { type: 'error', id: 5, error: { code: 'invalid_message', message: expect.any(String) } },
      { type: 'error', id: null, error: { code: 'invalid_message', message: expect.any(String) } },
      { type: 'result', id: 6, result: { at: expect.any(Number) } },
    ]);
    socket.close();
  });

  it('closes a connection that sends more than 1 MiB with 1009, and keeps serving the others', async () => {
    const { host } = await startInProcessAppliance();
    const bystander = await connectClient(host.port, host.token);
    const offender = await openRaw(host.port, host.token);
    const closed = closeCode(offender);
    offender.send(JSON.stringify({ type: 'call', id: 1, method: 'system.ping', params: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    await expect(bystander.client.call('system.ping', {})).resolves.toMatchObject({ at: expect.any(Number) });
    bystander.client.close();
  });

  it('survives a flood of garbage from one client while another keeps working', async () => {
    const { host } = await startInProcessAppliance();
    const bystander = await connectClient(host.port, host.token);
    const attacker = await openRaw(host.port, host.token);
    let errors = 0;
    attacker.on('message', () => (errors += 1));
    const garbage = ['', 'null', '{}', '{"type":"call"}', '\u0000\u0001\u0002', '{"type":"subscribe","id":{},"stream":1}', '"x"', '1e309'];
    for (let i = 0; i < 500; i++) attacker.send(garbage[i % garbage.length] ?? '');
    attacker.send(Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    await expect(bystander.client.call('system.info', {})).resolves.toMatchObject({ applianceId: 'uto-test-lane' });
    await expect.poll(() => errors).toBe(501);
    bystander.client.close();
    attacker.close();
  });

  it('delivers a long event stream in order and without loss, then completes', async () => {
    const { host } = await startInProcessAppliance();
    const { client } = await connectClient(host.port, host.token);
    const events = await firstValueFrom(client.stream('diagnostics.linkTest', { count: 20_000, payloadBytes: 16 }).pipe(toArray()));
    expect(events).toHaveLength(20_000);
    expect(events.every((event, index) => event.seq === index)).toBe(true);
    client.close();
  });

  it('stops a stream when the client unsubscribes, and refuses a second stream under the same id', async () => {
    const { host } = await startInProcessAppliance();
    const socket = await openRaw(host.port, host.token);
    const messages: { type: string; id: unknown }[] = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as { type: string; id: unknown }));
    socket.send(JSON.stringify({ type: 'subscribe', id: 9, stream: 'system.uptime', params: { intervalMs: 100 } }));
    socket.send(JSON.stringify({ type: 'subscribe', id: 9, stream: 'system.uptime', params: { intervalMs: 100 } }));
    await expect.poll(() => messages.filter((m) => m.type === 'event').length).toBeGreaterThanOrEqual(2);
    expect(messages).toContainEqual(expect.objectContaining({ type: 'error', id: 9, error: expect.objectContaining({ code: 'duplicate_id' }) }));
    socket.send(JSON.stringify({ type: 'unsubscribe', id: 9 }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const seen = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(messages.length).toBe(seen);
    socket.close();
  });

  it('fails pending calls with a typed error when the link drops', async () => {
    const { host } = await startInProcessAppliance();
    const { client, socket } = await connectClient(host.port, host.token);
    socket.terminate();
    await expect(client.call('system.ping', {})).rejects.toBeInstanceOf(RpcError);
  });

  it('serves the UI with the strict CSP, and nothing outside the renderer folder', async () => {
    const { host } = await startInProcessAppliance();
    const page = await httpGet(host.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await httpGet(host.port, '/assets/app.js')).headers['content-type']).toContain('text/javascript');
    for (const path of ['/../config.json', '/%2e%2e/config.json', '/..%2fconfig.json', '/assets/../../config.json', '/%00', '/.hidden', '/nope.js']) {
      expect((await httpGet(host.port, path)).status, path).toBe(404);
    }
  });
});
