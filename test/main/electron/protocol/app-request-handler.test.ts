import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAppRequestHandler, type AppRequestHandler } from '../../../../main/electron/protocol/app-request-handler.js';
import { CONTENT_SECURITY_POLICY } from '../../../../main/common/contract/content-security-policy.js';

let workDir: string;
let rendererDir: string;
let handle: AppRequestHandler;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'sahman-app-protocol-'));
  rendererDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sahman</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'export const x = 1;');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(rendererDir, 'assets', 'data.bin'), new Uint8Array([1, 2, 3]));
  // A file next to the renderer dir that must stay out of reach.
  await writeFile(path.join(workDir, 'secret.txt'), 'do not serve');
  handle = createAppRequestHandler(rendererDir);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  return handle(new Request(url, { method }));
}

describe('the app:// request handler', () => {
  test('serves index.html with the CSP and a correct content type', async () => {
    const response = await get('app://sahman/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Sahman</title>');
  });

  test('serves the origin root as index.html', async () => {
    const response = await get('app://sahman/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sahman</title>');
  });

  test.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s, with the CSP', async (file, contentType, body) => {
    const response = await get(`app://sahman/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(body);
  });

  test('serves unknown types as opaque bytes (never sniffed)', async () => {
    const response = await get('app://sahman/assets/data.bin');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  test('answers HEAD with headers only', async () => {
    const response = await get('app://sahman/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('36');
    expect(await response.text()).toBe('');
  });

  test.each(['POST', 'PUT', 'DELETE'])('refuses %s: the UI is read-only', async (method) => {
    const response = await get('app://sahman/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  test.each([
    'app://sahman/..%2fsecret.txt',
    'app://sahman/assets/..%2f..%2fsecret.txt',
    'app://sahman/%2e%2e%2fsecret.txt',
    'app://sahman/..%5csecret.txt',
    `app://sahman/${encodeURIComponent(path.join(os.tmpdir(), 'x'))}`,
  ])('never serves what lies outside the renderer dir: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('do not serve');
  });

  test('keeps dot segments inside the renderer dir', async () => {
    const response = await get('app://sahman/assets/../../secret.txt');
    expect(response.status).toBe(404);
  });

  test('answers 404 for a missing file and for a directory', async () => {
    expect((await get('app://sahman/missing.js')).status).toBe(404);
    expect((await get('app://sahman/assets')).status).toBe(404);
  });

  test('answers 404 for another host', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  test('reads through the injected reader (asar or plain directory alike)', async () => {
    const read: string[] = [];
    const viaReader = createAppRequestHandler('/virtual/app.asar/dist/renderer', (filePath) => {
      read.push(filePath);
      return Promise.resolve(new TextEncoder().encode('from asar'));
    });
    const response = await viaReader(new Request('app://sahman/index.html'));
    expect(await response.text()).toBe('from asar');
    expect(read).toEqual([path.resolve('/virtual/app.asar/dist/renderer/index.html')]);
  });

  test('lets unexpected read errors surface instead of pretending the file is missing', async () => {
    const failing = createAppRequestHandler(rendererDir, () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })));
    await expect(failing(new Request('app://sahman/index.html'))).rejects.toThrow('EIO');
  });
});
