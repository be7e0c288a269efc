import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/electron/security/content-security-policy.js';

test('the CSP is exactly the one the architecture requires', () => {
  expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'");
});

test('the CSP allows no inline script, eval or remote source', () => {
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
});
