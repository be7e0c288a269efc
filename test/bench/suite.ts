/**
 * A benchmark suite measures one area and returns its figures as plain JSON.
 * Each suite runs in its own Node process (started with --expose-gc), so that
 * one suite's heap and JIT state do not colour another's.
 */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchFigures>;
}

/** Figures are plain JSON; each target a suite checks is reported as {value, target, met}. */
export type BenchFigures = Record<string, unknown>;

export interface TargetCheck {
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
}

export function atMost(value: number, limit: number, unit: string): TargetCheck {
  return { value, target: `<= ${String(limit)} ${unit}`, met: value <= limit };
}

export function atLeast(value: number, floor: number, unit: string): TargetCheck {
  return { value, target: `>= ${String(floor)} ${unit}`, met: value >= floor };
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(sample: readonly number[]): number {
  return percentile(sample, 50);
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
