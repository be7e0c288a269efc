import { backoffDelayMs } from '../../common/backoff/backoff.js';

/** How long to wait before starting the core again after it died. */
export interface RestartPolicyOptions {
  /** Delay before the first restart. */
  readonly initialDelayMs: number;
  /** Ceiling for the delay, jitter included. */
  readonly maxDelayMs: number;
  /** Growth factor per consecutive failure. */
  readonly multiplier: number;
  /** Spread applied to each delay, as a fraction: 0.2 means ±20 %. */
  readonly jitterRatio: number;
  /** A core that served this long after 'ready' counts as healthy: its next crash starts the backoff afresh. */
  readonly healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitterRatio: 0.2,
  healthyAfterMs: 60_000,
};

/**
 * The delay before restart number `attempt` (1-based): exponential, jittered so
 * a crash that recurs on a timer does not lock step with it, and capped.
 * `random` returns a number in [0, 1).
 */
export function restartDelayMs(attempt: number, options: RestartPolicyOptions, random: () => number): number {
  return backoffDelayMs({ initialMs: options.initialDelayMs, maxMs: options.maxDelayMs, multiplier: options.multiplier, jitterRatio: options.jitterRatio }, attempt, random);
}

export interface PlannedRestart {
  /** 1-based count of consecutive failures, shown to the guard. */
  readonly attempt: number;
  readonly delayMs: number;
}

/**
 * Counts consecutive failures. A core that ran healthily for `healthyAfterMs`
 * after 'ready' resets the count, so a crash once a week restarts quickly
 * instead of inheriting last week's backoff.
 */
export class RestartPolicy {
  private consecutiveFailures = 0;

  constructor(
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Plans the restart after the core exited at `exitedAt`. `readyAt` is when it
   * last reported 'ready', or undefined if it died before that.
   */
  planAfterExit(exitedAt: number, readyAt: number | undefined): PlannedRestart {
    if (readyAt !== undefined && exitedAt - readyAt >= this.options.healthyAfterMs) {
      this.consecutiveFailures = 0;
    }
    this.consecutiveFailures += 1;
    const attempt = this.consecutiveFailures;
    return { attempt, delayMs: restartDelayMs(attempt, this.options, this.random) };
  }
}
