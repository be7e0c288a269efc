/**
 * The only policy the kiosk UI runs under: scripts, styles and connections from
 * its own origin, images also as data: URLs, nothing else (no inline script,
 * no eval, no frames, no remote hosts). Sent as a header on every app:// response.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
