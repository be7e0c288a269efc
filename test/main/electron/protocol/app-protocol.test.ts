import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from '../../../../main/electron/protocol/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../main/common/contract/content-security-policy.js';
import { fakeElectron, resetFakeElectron } from '../fake-electron.js';

vi.mock('electron', () => import('../fake-electron.js'));

let rendererDir: string;
beforeEach(async () => {
  resetFakeElectron();
  rendererDir = await mkdtemp(path.join(os.tmpdir(), 'sahman-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

describe('the app:// protocol registration', () => {
  test('declares app as a standard, secure scheme with no CSP bypass, CORS or service workers', () => {
    registerAppSchemeAsPrivileged();
    expect(fakeElectron.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  test('serves the renderer dir through protocol.handle, with the CSP header', async () => {
    serveAppProtocol(rendererDir);
    const handler = fakeElectron.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler?.(new Request('app://sahman/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler?.(new Request('app://sahman/..%2f..%2fetc%2fpasswd')))?.status).toBe(403);
  });
});
