/** Percentile of samples (nearest rank), e.g. 0.5 for the median. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

export const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
