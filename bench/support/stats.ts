/**
 * Small, dependency-free statistics for benchmarks. Percentiles use the nearest-rank method: the
 * p-th percentile of n sorted samples is the sample at rank ceil(p / 100 × n) (1-based), so it is
 * always a value that was actually observed.
 */

/** Sorts a copy ascending (numeric, not lexicographic). */
export function sortedAsc(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Nearest-rank percentile, `p` in (0, 100]. Pass `sorted` when the samples are already sorted ascending. */
export function percentile(samples: readonly number[], p: number, sorted = false): number {
  if (samples.length === 0) throw new RangeError('percentile of an empty sample');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const values = sorted ? samples : sortedAsc(samples);
  const rank = Math.ceil((p / 100) * values.length);
  return values[Math.min(values.length, Math.max(1, rank)) - 1] as number;
}

/** The nearest-rank median (p50): an observed value, the lower middle for an even count. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('mean of an empty sample');
  return samples.reduce((sum, v) => sum + v, 0) / samples.length;
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** The usual latency summary of a sample. */
export function summarize(samples: readonly number[]): Summary {
  const values = sortedAsc(samples);
  return {
    n: values.length,
    min: values[0] as number,
    p50: percentile(values, 50, true),
    p90: percentile(values, 90, true),
    p95: percentile(values, 95, true),
    p99: percentile(values, 99, true),
    max: values[values.length - 1] as number,
    mean: mean(values),
  };
}
