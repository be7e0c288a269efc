export interface BackoffPolicy {
  readonly initialMs: number;
  /** The cap: a device that keeps failing to open is retried at least this often, so a fix shows within it. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 2000 };

/**
 * How long to wait after the n-th consecutive failure (0-based): doubling from initialMs, with ±20%
 * jitter so that several readers failing together do not retry in step, and never above maxMs.
 */
export function reconnectDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = policy.initialMs * 2 ** Math.min(Math.max(failures, 0), 30);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(policy.maxMs, jittered));
}
