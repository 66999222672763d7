import type { TimingPolicy } from './bench-config.js';
import { collectGarbage } from './memory.js';

// Warm-up runs, then timed runs with performance.now(): at least policy.minRuns, more (up to
// maxRuns) while the timed total stays under targetTotalMs. Slow queries (a warm-up run over a
// second) get a single warm-up run.

export interface TimedSeries<A> {
  samplesMs: number[];
  medianMs: number;
  p95Ms: number;
  /** The answer of the last timed run. */
  answer: A;
}

/** Nearest-rank percentile of samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)];
}

/** Times `run`. A synchronous result is timed as is; a promise is awaited inside the timing. */
export async function timeRuns<A>(run: () => A | Promise<A>, policy: TimingPolicy): Promise<TimedSeries<A>> {
  collectGarbage();
  for (let i = 0; i < policy.warmupRuns; i++) {
    const start = performance.now();
    const result = run();
    if (result instanceof Promise) await result;
    if (performance.now() - start > 1_000) break;
  }
  const samplesMs: number[] = [];
  let total = 0;
  let answer: A | undefined;
  while (samplesMs.length < policy.minRuns || (samplesMs.length < policy.maxRuns && total < policy.targetTotalMs)) {
    const start = performance.now();
    const result = run();
    answer = result instanceof Promise ? await result : result;
    const elapsed = performance.now() - start;
    samplesMs.push(elapsed);
    total += elapsed;
  }
  return { samplesMs, medianMs: percentile(samplesMs, 50), p95Ms: percentile(samplesMs, 95), answer: answer as A };
}
