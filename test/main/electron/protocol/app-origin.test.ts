import { describe, expect, test } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppOriginUrl } from '../../../../main/electron/protocol/app-origin.js';

describe('the app origin', () => {
  test('is app://sahman and the UI starts at its index.html', () => {
    expect(APP_ORIGIN).toBe('app://sahman');
    expect(APP_ENTRY_URL).toBe('app://sahman/index.html');
  });

  test.each(['app://sahman/index.html', 'app://sahman/', 'app://sahman/assets/index-abc.js?x=1#top'])('accepts %s', (url) => {
    expect(isAppOriginUrl(url)).toBe(true);
  });

  test.each([
    'https://sahman/index.html',
    'file:///app/index.html',
    'app://evil/index.html',
    'app://sahman.evil.com/',
    'app://sahman:8080/',
    'app://user:pass@sahman/',
    'app://user@sahman/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppOriginUrl(url)).toBe(false);
  });
});
