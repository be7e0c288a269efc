import { beforeEach, describe, expect, test } from 'vitest';
import { hardenWebContents, type HardenableWebContents } from '../../../../main/electron/security/web-contents-hardening.js';
import { FakeWebContents } from '../fake-electron.js';

let contents: FakeWebContents;
beforeEach(() => {
  contents = new FakeWebContents();
  hardenWebContents(contents as unknown as HardenableWebContents);
});

describe('web contents hardening', () => {
  test('prevents every main-frame navigation, even to the app origin', () => {
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitPreventable('will-navigate', { url: 'app://sahman/index.html' })).toBe(true);
  });

  test('prevents subframe navigations and leaves the main frame to will-navigate', () => {
    expect(contents.emitPreventable('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.emitPreventable('will-frame-navigate', { url: 'app://sahman/index.html', isMainFrame: true })).toBe(false);
  });

  test('prevents redirects', () => {
    expect(contents.emitPreventable('will-redirect', { url: 'https://evil.example/' })).toBe(true);
  });

  test('prevents attaching a <webview>', () => {
    expect(contents.emitPreventable('will-attach-webview', {})).toBe(true);
  });

  test('denies every window.open', () => {
    expect(contents.windowOpenHandler?.({ url: 'app://sahman/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
