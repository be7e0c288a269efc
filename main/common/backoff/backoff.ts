/**
 * The one retry delay of the appliance: exponential growth from a first delay, a cap, and a
 * symmetric jitter. The jitter matters because lanes fail together (central goes down for every
 * appliance, a USB hub drops every reader): without it they would all retry in the same instant.
 */
export interface BackoffPolicy {
  /** The delay before the first retry, before jitter. */
  readonly initialMs: number;
  /** The ceiling, jitter included: a fix shows up within this long. */
  readonly maxMs: number;
  /** Growth per consecutive failure (2 by default). */
  readonly multiplier?: number;
  /** Spread of each delay as a fraction: 0.2 means ±20 % (0.2 by default). */
  readonly jitterRatio?: number;
}

/** Keeps 2 ** attempt finite for attempt counts that run for days. */
const MAX_EXPONENT = 64;

/**
 * The delay before retry number `attempt` (1-based: the first retry after one failure). `random`
 * returns a number in [0, 1); the result is a whole number of milliseconds in [0, maxMs].
 */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const multiplier = policy.multiplier ?? 2;
  const jitterRatio = policy.jitterRatio ?? 0.2;
  const exponent = Math.min(MAX_EXPONENT, Math.max(0, Math.floor(attempt) - 1));
  const base = Math.min(policy.maxMs, policy.initialMs * multiplier ** exponent);
  const jittered = base * (1 - jitterRatio + 2 * jitterRatio * random());
  return Math.round(Math.min(policy.maxMs, Math.max(0, jittered)));
}
