import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { resolveAppRequestPath } from '../../../../main/electron/protocol/app-path.js';

const root = path.resolve('/srv/sahman/dist/renderer');

function fileFor(url: string): string | undefined {
  const resolution = resolveAppRequestPath(root, url);
  return resolution.kind === 'file' ? resolution.filePath : undefined;
}

function statusFor(url: string): number | undefined {
  const resolution = resolveAppRequestPath(root, url);
  return resolution.kind === 'refused' ? resolution.status : undefined;
}

describe('app:// path resolution', () => {
  test('maps the origin root to index.html', () => {
    expect(fileFor('app://sahman/')).toBe(path.join(root, 'index.html'));
    expect(fileFor('app://sahman')).toBe(path.join(root, 'index.html'));
  });

  test('maps nested paths inside the renderer directory, ignoring query and fragment', () => {
    expect(fileFor('app://sahman/index.html')).toBe(path.join(root, 'index.html'));
    expect(fileFor('app://sahman/assets/index-D1x2.js?v=3#frag')).toBe(path.join(root, 'assets', 'index-D1x2.js'));
  });

  test('decodes percent-encoded names that stay inside', () => {
    expect(fileFor('app://sahman/assets/my%20font.woff2')).toBe(path.join(root, 'assets', 'my font.woff2'));
  });

  test.each([
    ['app://sahman/../../etc/passwd'],
    ['app://sahman/assets/../../../etc/passwd'],
  ])('keeps literal dot segments, normalised by the URL parser, inside the root: %s', (url) => {
    const file = fileFor(url);
    expect(file === undefined || file.startsWith(root + path.sep)).toBe(true);
  });

  test.each([
    ['encoded dot-dot', 'app://sahman/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded slash inside a segment', 'app://sahman/..%2f..%2fetc%2fpasswd'],
    ['encoded backslash', 'app://sahman/..%5c..%5cwindows%5cwin.ini'],
    ['literal backslash', 'app://sahman/assets\\..\\..\\secret'],
    ['double-encoded dot-dot after one decode still a dot segment', 'app://sahman/%252e%252e/x'],
    ['absolute path smuggled in a segment', 'app://sahman/%2fetc%2fpasswd'],
    ['Windows drive letter', 'app://sahman/C:%5cWindows%5cwin.ini'],
    ['NUL byte', 'app://sahman/index.html%00.png'],
    ['empty segment', 'app://sahman/assets//index.js'],
    ['directory with trailing slash', 'app://sahman/assets/'],
    ['dot-file', 'app://sahman/.env'],
  ])('refuses %s', (_label, url) => {
    const resolution = resolveAppRequestPath(root, url);
    if (resolution.kind === 'file') {
      // Only acceptable if it is a harmless literal name inside the root.
      expect(resolution.filePath.startsWith(root + path.sep)).toBe(true);
      expect(path.basename(resolution.filePath)).not.toMatch(/^\.\.?$/);
    } else {
      expect([400, 403, 404]).toContain(resolution.status);
    }
  });

  test('refuses encoded separators, absolute names and NUL outright; dot segments are dropped, never climbed', () => {
    // "%2e%2e" as a whole segment is a dot segment to the URL parser (as to Chromium): removed, never climbed.
    expect(fileFor('app://sahman/%2e%2e/secret')).toBe(path.join(root, 'secret'));
    expect(statusFor('app://sahman/..%2fsecret')).toBe(403);
    expect(statusFor('app://sahman/a%5c..%5c..%5csecret')).toBe(403);
    expect(statusFor('app://sahman/%2fetc%2fpasswd')).toBe(403);
    expect(statusFor('app://sahman/x%00')).toBe(403);
  });

  test('refuses malformed percent-encoding', () => {
    expect(statusFor('app://sahman/%E0%A4%A')).toBe(400);
  });

  test.each(['app://other/index.html', 'https://sahman/index.html', 'file:///etc/passwd', 'app://sahman:1/index.html', 'garbage'])(
    'refuses other origins: %s',
    (url) => {
      expect(statusFor(url)).toBe(404);
    },
  );

  test('never resolves outside the root, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%5c', '%2f', '', 'assets', 'index.html', 'C:', '%00', '~', '%252e'),
      fc.string({ maxLength: 6 }).map((text) => encodeURIComponent(text)),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolution = resolveAppRequestPath(root, `app://sahman/${segments.join('/')}`);
        if (resolution.kind === 'refused') return true;
        const relative = path.relative(root, resolution.filePath);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      }),
      { numRuns: 2000 },
    );
  });
});
