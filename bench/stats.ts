export type Timing = { runs: number; medianMs: number; p99Ms: number };

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/**
 * Times `run` `runs` times after `warmup` untimed calls; `reset` runs between
 * timed calls, outside the timing (to undo what the operation changed). With
 * `budgetMs`, stops once the budget is spent (after at least 20 timed runs).
 */
export async function measure(
  run: () => Promise<unknown>,
  options: { runs: number; warmup?: number; reset?: () => Promise<unknown>; budgetMs?: number },
): Promise<Timing> {
  const samples: number[] = [];
  const deadline = performance.now() + (options.budgetMs ?? Infinity);
  for (let i = 0; i < (options.warmup ?? 20) + options.runs; i++) {
    // Past the budget only hopeless operations (hundreds of ms each) stop early; the run count says so.
    if (performance.now() > deadline && samples.length >= 20) break;
    if (options.reset) await options.reset();
    const started = performance.now();
    await run();
    const elapsed = performance.now() - started;
    if (i >= (options.warmup ?? 20)) samples.push(elapsed);
  }
  return summarize(samples);
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
