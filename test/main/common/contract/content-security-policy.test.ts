import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/common/contract/content-security-policy.js';

test('the CSP holds every directive the architecture requires, and the lock-down ones', () => {
  const directives = CONTENT_SECURITY_POLICY.split(';').map((directive) => directive.trim());
  expect(directives).toEqual([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]);
});

test('the CSP allows no inline script, eval or remote source', () => {
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
});
