// Shared pieces of the benchmarks: a metric's shape, and timing a function over enough repetitions.

/** Metric is one figure a benchmark reports, keyed by a stable name in bench/results.json. */
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/** timeIt runs `work` once to warm up, then `runs` times, and returns the median wall time in ms. */
export function timeIt(work: () => void, runs = 5): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** round keeps three significant figures, which is all a benchmark on a shared machine can claim. */
export function round(n: number): number {
  return Number(n.toPrecision(3));
}
