import type { Session } from 'electron';

/** The parts of a session this module configures; a narrow type keeps it checkable without Electron. */
export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'on'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * Schemes the page never needs: it is served from app:// and reaches the core
 * through a MessagePort. Cancelled at the network layer as well as by the CSP.
 */
export const BLOCKED_REQUEST_URL_PATTERNS: readonly string[] = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'];

/**
 * The kiosk UI needs no browser permission: devices are reached through the
 * core, never through WebHID/WebSerial/camera APIs in the page. So every
 * request and every check is denied, whatever the origin asks for, downloads
 * are cancelled and requests to the network or file:// are dropped.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    callback(null);
  });
  session.on('will-download', (event) => {
    event.preventDefault();
  });
  session.webRequest.onBeforeRequest({ urls: [...BLOCKED_REQUEST_URL_PATTERNS] }, (_details, callback) => {
    callback({ cancel: true });
  });
}
