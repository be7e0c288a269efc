import type { MessagePortMain } from 'electron';
import { describe, expect, test } from 'vitest';
import { BridgeChannel } from '../../../../main/common/contract/core-bridge.js';
import { webContentsCoreClient } from '../../../../main/electron/ipc/web-contents-client.js';
import { FakeMessagePortMain, FakeWebContents } from '../fake-electron.js';

describe('a window as a core client', () => {
  test('sends the lifecycle on the lifecycle channel and the port as a transfer on the port channel', () => {
    const contents = new FakeWebContents();
    const client = webContentsCoreClient(contents);
    const port = new FakeMessagePortMain('page end');

    client.sendLifecycle({ state: 'restarting', attempt: 2, nextAttemptAt: 5 });
    client.sendPort(port as unknown as MessagePortMain);

    expect(client.id).toBe(contents.id);
    expect(contents.sent).toEqual([{ channel: BridgeChannel.lifecycle, args: [{ state: 'restarting', attempt: 2, nextAttemptAt: 5 }] }]);
    expect(contents.posted).toEqual([{ channel: BridgeChannel.port, message: null, transfer: [port] }]);
  });

  test('is gone once its WebContents is destroyed', () => {
    const contents = new FakeWebContents();
    const client = webContentsCoreClient(contents);
    expect(client.isGone()).toBe(false);
    contents.destroyed = true;
    expect(client.isGone()).toBe(true);
  });
});
