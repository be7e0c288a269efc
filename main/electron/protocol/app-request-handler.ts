import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../../common/contract/content-security-policy.js';
import { resolveAppRequestPath } from './app-path.js';
import { contentTypeFor } from './content-type.js';

export type AppRequestHandler = (request: Request) => Promise<Response>;

/** Reads a file's bytes; injectable so the handler stays independent of where the build lives (plain dir or asar). */
export type FileReader = (filePath: string) => Promise<Uint8Array>;

/** Headers every app:// response carries, errors included, so no document ever loads without the CSP. */
function securityHeaders(): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The files change only with an app update; revalidating keeps an update from mixing old and new assets.
    'Cache-Control': 'no-cache',
  });
}

function refusal(status: number): Response {
  const headers = securityHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(null, { status, headers });
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

const defaultFileReader: FileReader = (filePath) => readFile(filePath);

/**
 * Serves the built renderer for the app:// scheme: read-only (GET/HEAD), only
 * files inside `rendererDir`, each with the CSP header. Nothing here touches
 * file:// or the network.
 */
export function createAppRequestHandler(rendererDir: string, readFileBytes: FileReader = defaultFileReader): AppRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405);
    }
    const resolution = resolveAppRequestPath(rendererDir, request.url);
    if (resolution.kind === 'refused') {
      return refusal(resolution.status);
    }
    let body: Uint8Array;
    try {
      body = await readFileBytes(resolution.filePath);
    } catch (error) {
      if (isMissingFileError(error)) return refusal(404);
      throw error;
    }
    const headers = securityHeaders();
    headers.set('Content-Type', contentTypeFor(resolution.filePath));
    headers.set('Content-Length', String(body.byteLength));
    // Copy into a plain ArrayBuffer-backed view: a Node Buffer may sit on a shared pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
