import { Subject, firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { RpcClient } from '../../../../main/common/rpc/client.js';
import { RpcError } from '../../../../main/common/contract/rpc-errors.js';
import { ClientMessage } from '../../../../main/common/contract/rpc-wire.js';

/** A scripted core: the test reads what the client sent and answers by hand, including nonsense. */
function scriptedCore() {
  const inbound$ = new Subject<string>();
  const sent: ClientMessage[] = [];
  const client = new RpcClient({
    send: (text) => sent.push(ClientMessage.parse(JSON.parse(text))),
    messages$: inbound$.asObservable(),
    close: () => {
      inbound$.complete();
    },
  });
  const answer = (message: unknown): void => {
    inbound$.next(typeof message === 'string' ? message : JSON.stringify(message));
  };
  return { client, sent, answer, drop: () => inbound$.complete() };
}

describe('the RPC client', () => {
  it('resolves a call with the result, checked against the contract', async () => {
    const core = scriptedCore();
    const pending = core.client.call('system.ping', {});
    expect(core.sent).toEqual([{ type: 'call', id: 1, method: 'system.ping', params: {} }]);
    core.answer({ type: 'result', id: 1, result: { at: 1234 } });
    await expect(pending).resolves.toEqual({ at: 1234 });
  });

  it('rejects a result that breaks the contract instead of passing it on', async () => {
    const core = scriptedCore();
    const pending = core.client.call('system.ping', {});
    core.answer({ type: 'result', id: 1, result: { at: 'yesterday' } });
    await expect(pending).rejects.toMatchObject({ code: 'internal' });
  });

  it('turns an error answer into a typed RpcError', async () => {
    const core = scriptedCore();
    const pending = core.client.call('system.info', {});
    core.answer({ type: 'error', id: 1, error: { code: 'forbidden', message: 'needs supervisor' } });
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'needs supervisor' });
  });

  it('carries an error answer\'s details, and keeps keys it does not know yet', async () => {
    const core = scriptedCore();
    const wrong = core.client.call('auth.login', { officerId: 'uto-guard', pin: '000000' });
    core.answer({ type: 'error', id: 1, error: { code: 'invalid_credentials', message: 'wrong officer id or PIN', details: { triesLeft: 3, later: 'kept' } } });
    await expect(wrong).rejects.toMatchObject({ code: 'invalid_credentials', details: { triesLeft: 3, later: 'kept' } });
    const plain = core.client.call('system.info', {});
    core.answer({ type: 'error', id: 2, error: { code: 'forbidden', message: 'needs supervisor' } });
    expect(await plain.catch((caught: unknown) => caught)).toHaveProperty('details', undefined);
  });

  it('ignores unreadable messages and answers to ids it never sent', async () => {
    const core = scriptedCore();
    const pending = core.client.call('system.ping', {});
    core.answer('{not json');
    core.answer({ type: 'result', id: 99, result: { at: 1 } });
    core.answer({ type: 'mystery', id: 1 });
    core.answer({ type: 'result', id: 1, result: { at: 5 } });
    await expect(pending).resolves.toEqual({ at: 5 });
  });

  it('carries a stream as an observable and says unsubscribe when the subscriber leaves', async () => {
    const core = scriptedCore();
    const events = firstValueFrom(core.client.stream('diagnostics.linkTest', { count: 2 }).pipe(toArray()));
    expect(core.sent[0]).toEqual({ type: 'subscribe', id: 1, stream: 'diagnostics.linkTest', params: { count: 2 } });
    core.answer({ type: 'event', id: 1, event: { seq: 0, payload: '' } });
    core.answer({ type: 'event', id: 1, event: { seq: 1, payload: '' } });
    core.answer({ type: 'complete', id: 1 });
    await expect(events).resolves.toEqual([
      { seq: 0, payload: '' },
      { seq: 1, payload: '' },
    ]);

    const subscription = core.client.stream('system.uptime', { intervalMs: 1000 }).subscribe();
    subscription.unsubscribe();
    expect(core.sent.at(-1)).toEqual({ type: 'unsubscribe', id: 2 });
  });

  it('ends a stream with an error when an event breaks the contract', async () => {
    const core = scriptedCore();
    const events = firstValueFrom(core.client.stream('system.uptime', { intervalMs: 1000 }).pipe(toArray()));
    core.answer({ type: 'event', id: 1, event: { uptimeMs: -1, at: 'now' } });
    await expect(events).rejects.toMatchObject({ code: 'internal' });
    expect(core.sent.at(-1)).toEqual({ type: 'unsubscribe', id: 1 });
  });

  it('fails pending calls and open streams with "unavailable" when the link drops, and later calls at once', async () => {
    const core = scriptedCore();
    const call = core.client.call('system.ping', {});
    const stream = firstValueFrom(core.client.stream('system.uptime', { intervalMs: 1000 }));
    core.drop();
    await expect(call).rejects.toMatchObject({ code: 'unavailable' });
    await expect(stream).rejects.toMatchObject({ code: 'unavailable' });
    await expect(core.client.call('system.ping', {})).rejects.toMatchObject({ code: 'unavailable' });
  });
});
