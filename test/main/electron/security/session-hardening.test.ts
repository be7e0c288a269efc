import { beforeEach, describe, expect, test } from 'vitest';
import { BLOCKED_REQUEST_URL_PATTERNS, hardenSession, type HardenableSession } from '../../../../main/electron/security/session-hardening.js';
import { FakeSession, fakeEvent } from '../fake-electron.js';

let session: FakeSession;
beforeEach(() => {
  session = new FakeSession();
  // The fake implements exactly the members the module uses; Electron's overloaded types are not worth restating.
  hardenSession(session as unknown as HardenableSession);
});

describe('session hardening', () => {
  test.each(['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'fullscreen', 'openExternal', 'unknown'])(
    'denies a %s permission request',
    (permission) => {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://sahman/index.html' });
      expect(answers).toEqual([false]);
    },
  );

  test.each(['media', 'hid', 'serial', 'usb', 'clipboard-sanitized-write'])('denies a %s permission check, even from the app origin', (permission) => {
    expect(session.permissionCheckHandler?.({}, permission, 'app://sahman', {})).toBe(false);
  });

  test('denies device access (WebHID, WebUSB, WebSerial) and screen capture', () => {
    expect(session.devicePermissionHandler?.({ deviceType: 'hid', origin: 'app://sahman' })).toBe(false);
    const streams: unknown[] = [];
    session.displayMediaRequestHandler?.({}, (answer) => streams.push(answer));
    expect(streams).toEqual([null]);
  });

  test('cancels downloads', () => {
    const event = fakeEvent();
    session.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  test('cancels network and file:// requests', () => {
    expect(session.webRequest.blocked?.filter.urls).toEqual([...BLOCKED_REQUEST_URL_PATTERNS]);
    expect(BLOCKED_REQUEST_URL_PATTERNS).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']));
    const answers: unknown[] = [];
    session.webRequest.blocked?.listener({ url: 'https://example.com/' }, (response) => answers.push(response));
    expect(answers).toEqual([{ cancel: true }]);
  });
});
