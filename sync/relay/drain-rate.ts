/** How far back the drain rate looks: long enough to span a few batches, short enough to follow a link that slows. */
const WINDOW_MS = 30_000;

/**
 * The relay's real delivery rate, from the delivery mark's progress over the
 * last half minute, and the backlog's peak since it was last empty: what the
 * supervisor's progress bar and time to drain are computed from.
 */
export class DrainRate {
  private samples: { atMs: number; delivered: number }[] = [];
  private peak = 0;

  /** Notes the delivery mark and the backlog at `atMs`. */
  observe(atMs: number, delivered: number, backlog: number): void {
    this.peak = backlog === 0 ? 0 : Math.max(this.peak, backlog);
    const last = this.samples.at(-1);
    const worthKeeping = last === undefined ? true : last.delivered !== delivered || atMs - last.atMs > 1_000;
    if (worthKeeping) this.samples.push({ atMs, delivered });
    while ((this.samples[0]?.atMs ?? atMs) < atMs - WINDOW_MS && this.samples.length > 2) this.samples.shift();
  }

  /** Items a second over the window; null until two samples a second apart show progress. */
  perSecond(atMs: number): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined || last.delivered <= first.delivered) return null;
    const spanMs = Math.max(atMs, last.atMs) - first.atMs;
    if (spanMs < 1_000) return null;
    return ((last.delivered - first.delivered) * 1000) / spanMs;
  }

  /** The largest backlog since it was last empty (0 while empty). */
  get backlogPeak(): number {
    return this.peak;
  }
}
