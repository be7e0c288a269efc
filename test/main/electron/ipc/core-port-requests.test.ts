import { beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { BridgeChannel } from '../../../../main/common/contract/core-bridge.js';
import { handleCorePortRequests } from '../../../../main/electron/ipc/core-port-requests.js';
import { FakeWebContents, fakeElectron, fakeIpcEvent, resetFakeElectron } from '../fake-electron.js';

vi.mock('electron', () => import('../fake-electron.js'));

let accepted: unknown[];
let stopListening: () => void;
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  resetFakeElectron();
  accepted = [];
  stopListening = handleCorePortRequests((sender) => accepted.push(sender));
  stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  return () => {
    stderr.mockRestore();
  };
});

function request(senderFrame: { url: string; parent: unknown } | null, ...args: unknown[]): FakeWebContents {
  const sender = new FakeWebContents();
  fakeElectron.ipcMain.emit(BridgeChannel.requestPort, fakeIpcEvent(sender, senderFrame), ...args);
  return sender;
}

describe('core port requests from pages', () => {
  test('listens on the contract channel', () => {
    expect(fakeElectron.ipcMain.listenerCount(BridgeChannel.requestPort)).toBe(1);
  });

  test('accepts a request from the main frame of app://sahman', () => {
    const sender = request({ url: 'app://sahman/index.html', parent: null });
    expect(accepted).toEqual([sender]);
  });

  test.each(['https://evil.example/', 'file:///tmp/index.html', 'app://evil/index.html', 'about:blank'])('ignores a request from %s', (url) => {
    request({ url, parent: null });
    expect(accepted).toEqual([]);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  test('ignores a request from a subframe, even on the app origin', () => {
    request({ url: 'app://sahman/index.html', parent: { url: 'app://sahman/index.html', parent: null } });
    expect(accepted).toEqual([]);
  });

  test('ignores a request whose frame is gone', () => {
    request(null);
    expect(accepted).toEqual([]);
  });

  test('ignores a request that carries a payload', () => {
    request({ url: 'app://sahman/index.html', parent: null }, { clientId: 'spoofed' });
    expect(accepted).toEqual([]);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('unexpected payload'));
  });

  test('stops listening when asked', () => {
    stopListening();
    expect(fakeElectron.ipcMain.listenerCount(BridgeChannel.requestPort)).toBe(0);
  });
});
