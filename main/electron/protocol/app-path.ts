import path from 'node:path';
import { isAppOriginUrl } from './app-origin.js';

/** Where an app:// request maps to on disk, or why it is refused. */
export type AppPathResolution =
  | { readonly kind: 'file'; readonly filePath: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

const INDEX_FILE = 'index.html';

/**
 * Characters that must never appear in a decoded path segment: separators for
 * either platform (an encoded "/" or "\" would smuggle in extra segments), NUL,
 * and ":" (Windows drive letters and alternate data streams).
 */
const FORBIDDEN_SEGMENT_CHARACTERS = /[/\\\0:]/;

/**
 * Maps an app://sahman/... URL to a file inside `rootDir` (the built renderer).
 * Every segment is decoded once and checked on its own, so encoded escapes
 * ("%2e%2e", "..%2f", "%5c") cannot climb out, and the joined result is checked
 * again against the root as a second, independent guard.
 */
export function resolveAppRequestPath(rootDir: string, requestUrl: string): AppPathResolution {
  if (!isAppOriginUrl(requestUrl)) {
    return { kind: 'refused', status: 404, reason: 'not the app origin' };
  }
  const { pathname } = new URL(requestUrl);
  // Chromium always gives a standard scheme a path; Node's URL leaves it empty for "app://sahman".
  const rawSegments = pathname === '/' || pathname === '' ? [INDEX_FILE] : pathname.slice(1).split('/');

  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
    }
    // Empty segments ("//", a trailing "/") and dot-files (".", "..", ".env") are never part of the build.
    if (segment === '' || segment.startsWith('.') || FORBIDDEN_SEGMENT_CHARACTERS.test(segment)) {
      return { kind: 'refused', status: 403, reason: 'forbidden path segment' };
    }
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'refused', status: 403, reason: 'outside the renderer directory' };
  }
  return { kind: 'file', filePath };
}
