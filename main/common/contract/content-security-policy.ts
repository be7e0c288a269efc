/**
 * The only policy the UI runs under, in the kiosk (app:// responses) and when
 * served by `sahman serve`: scripts, styles, fonts (the bundled Armenian font)
 * and connections from its own origin, images also as data: URLs; no inline script, eval, frames, remote
 * hosts, base or form targets.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
