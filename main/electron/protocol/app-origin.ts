/**
 * The one origin the kiosk UI lives on. A standard, secure custom scheme gives the
 * page a real origin (unlike file://), so CSP 'self', sender checks and
 * postMessage target origins all mean exactly "our bundled UI".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sahman';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on the app origin. WHATWG URL gives non-special schemes an
 * opaque origin ("null") under Node, so compare scheme and authority instead of
 * `URL.origin`; credentials or a port would make it a different origin.
 */
export function isAppOriginUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
