import type { ListFreshness } from '../contract/alert-lists.js';

/** What the appliance knows of one alert list: its version, and when central last vouched for it (ms since 1970). */
export interface ListVouch {
  readonly version: number;
  readonly vouchedAtMs: number;
}

/**
 * One list's freshness at nowMs. A list is stale only once it is older than
 * maxAgeMs (exactly maxAgeMs is still fresh). Central's clock signs the vouch and
 * the appliance's clock reads it; a vouch that seems to come from the future
 * (clock skew) counts as age 0 rather than a negative age.
 */
export function listFreshness(kind: string, vouch: ListVouch | undefined, nowMs: number, maxAgeMs: number): ListFreshness {
  if (vouch === undefined || vouch.version === 0) return { kind, version: 0, vouchedAt: null, ageMs: null, state: 'unavailable' };
  const ageMs = Math.max(0, nowMs - vouch.vouchedAtMs);
  return { kind, version: vouch.version, vouchedAt: new Date(vouch.vouchedAtMs).toISOString(), ageMs, state: ageMs > maxAgeMs ? 'stale' : 'fresh' };
}
