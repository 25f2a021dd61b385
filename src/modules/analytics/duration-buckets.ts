/**
 * Response and resolution times are kept as histograms: counts per duration bucket, so a period's
 * distribution is the sum of its days' and percentiles need no samples. A percentile is the
 * nearest-rank sample's bucket, reported as that bucket's upper bound: exact to the second below
 * 10 s, then within one step of this list (steps grow ~25–50%: 1 min below 10 min, 5–10 min below
 * an hour, 15 min–4 h below a day, days beyond). The mean (sum / count) is exact.
 */
const minute = 60;
const hour = 3600;
const day = 86_400;
export const BUCKET_BOUNDS: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30, 45,
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60].map((m) => m * minute),
  ...[1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24].map((h) => h * hour),
  ...[1.5, 2, 3, 4, 5, 6, 7, 10, 14, 21, 30, 60, 90].map((d) => d * day),
];

/** The upper bound (seconds) of the bucket holding a duration; longer than the last bound → the last. */
export function bucketOf(seconds: number): number {
  for (const bound of BUCKET_BOUNDS) if (seconds <= bound) return bound;
  return BUCKET_BOUNDS[BUCKET_BOUNDS.length - 1]!;
}

/** Nearest-rank percentile (0 < p ≤ 1) of a histogram {upperBound → count}; null when empty. */
export function percentileOf(histogram: Map<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const bound of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bound)!;
    if (seen >= rank) return bound;
  }
  return null;
}
