import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { createAppRequestHandler } from './app-request-handler.js';

/**
 * Declares app:// as a standard, secure scheme. Must run before the app is
 * ready. "standard" gives the page a real origin and relative-URL resolution;
 * "secure" makes it a secure context. It gets no CSP bypass, no CORS, no
 * service workers.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer over app:// in the default session. Call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
