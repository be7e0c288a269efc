import { describe, expect, test } from 'vitest';
import { isTrustedSenderFrame } from '../../../../main/electron/security/ipc-sender.js';

const mainFrame = (url: string) => ({ url, parent: null });

describe('IPC sender validation', () => {
  test('accepts the main frame of the app:// page', () => {
    expect(isTrustedSenderFrame(mainFrame('app://sahman/index.html'))).toBe(true);
    expect(isTrustedSenderFrame(mainFrame('app://sahman/'))).toBe(true);
  });

  test('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });

  test('refuses a subframe, even one on the app origin', () => {
    expect(isTrustedSenderFrame({ url: 'app://sahman/index.html', parent: mainFrame('app://sahman/index.html') })).toBe(false);
  });

  test.each(['https://evil.example/', 'file:///home/user/index.html', 'app://evil/index.html', 'app://sahman:1/', 'about:blank', 'data:text/html,hi', ''])(
    'refuses a main frame on %s',
    (url) => {
      expect(isTrustedSenderFrame(mainFrame(url))).toBe(false);
    },
  );
});
