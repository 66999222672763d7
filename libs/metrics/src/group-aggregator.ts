import type { Agg } from '@parley/model';
import { bucketCount, bucketOf, bucketUpperBound, emptyAgg, nearestRank, roundedMean, select } from './aggregate.js';

/** Bucket marker of a negative value (only inconsistent data has them). */
export const negativeBucket = 0xffff;

/** The histogram bucket of any duration: negative ones get negativeBucket. */
export function durationBucket(value: number): number {
  return value < 0 ? negativeBucket : bucketOf(value);
}

/**
 * Exact Aggs for many groups from values fed twice: `add` in a first pass (counts, sums and a
 * logarithmic histogram per group), then `plan`, then `keep` in a second pass with the same values
 * (only those in the buckets holding each group's median and p90 ranks are stored), then `result`.
 * A group with a negative value keeps all its values and is selected exactly.
 */
export class GroupAggregator {
  readonly groupCount: number;
  #counts: Float64Array;
  #sums: Float64Array;
  #maxMagnitude: Float64Array;
  #histogram: Uint32Array;
  #hasNegative: Uint8Array;
  #negativeCounts: Uint32Array;
  #wanted: Int32Array;
  #rankInBucket: Int32Array;
  #offsets = new Uint32Array(1);
  #cursor = new Uint32Array(0);
  #kept = new Float64Array(0);

  constructor(groupCount: number) {
    this.groupCount = groupCount;
    this.#counts = new Float64Array(groupCount);
    this.#sums = new Float64Array(groupCount);
    this.#maxMagnitude = new Float64Array(groupCount);
    this.#histogram = new Uint32Array(groupCount * bucketCount);
    this.#hasNegative = new Uint8Array(groupCount);
    this.#negativeCounts = new Uint32Array(groupCount);
    this.#wanted = new Int32Array(groupCount * 2);
    this.#rankInBucket = new Int32Array(groupCount * 2);
  }

  add(group: number, value: number, bucket: number): void {
    // Two updates on the hot path; counts and magnitudes are read off the histogram in plan().
    this.#sums[group] += value;
    if (bucket === negativeBucket) this.#addNegative(group, value);
    else this.#histogram[group * bucketCount + bucket]++;
  }

  #addNegative(group: number, value: number): void {
    this.#hasNegative[group] = 1;
    this.#negativeCounts[group]++;
    if (-value > this.#maxMagnitude[group]) this.#maxMagnitude[group] = -value;
  }

  /** After the first pass: where each group's ranks fall, and room for the values to keep. */
  plan(): void {
    const slots = new Uint32Array(this.groupCount * 2);
    for (let group = 0; group < this.groupCount; group++) {
      let n = this.#negativeCounts[group];
      const base = group * bucketCount;
      let top = -1;
      for (let bucket = 0; bucket < bucketCount; bucket++) {
        const inBucket = this.#histogram[base + bucket];
        if (inBucket === 0) continue;
        n += inBucket;
        top = bucket;
      }
      this.#counts[group] = n;
      // The largest value is below the upper edge of the highest non-empty bucket.
      if (top >= 0) this.#maxMagnitude[group] = Math.max(this.#maxMagnitude[group], bucketUpperBound(top));
      if (n === 0) continue;
      if (this.#maxMagnitude[group] * n > Number.MAX_SAFE_INTEGER) this.#exactSums.set(group, 0n);
      if (this.#hasNegative[group]) {
        slots[group * 2] = n;
        this.#wanted[group * 2] = -1;
        continue;
      }
      const ranks = [nearestRank(50, n), nearestRank(90, n)];
      let seen = 0;
      let target = 0;
      for (let bucket = 0; bucket < bucketCount && target < 2; bucket++) {
        const inBucket = this.#histogram[base + bucket];
        while (target < 2 && seen + inBucket >= ranks[target]) {
          this.#wanted[group * 2 + target] = bucket;
          this.#rankInBucket[group * 2 + target] = ranks[target] - seen - 1;
          // Both ranks in one bucket share the median's slice.
          if (target === 0 || bucket !== this.#wanted[group * 2]) slots[group * 2 + target] = inBucket;
          target++;
        }
        seen += inBucket;
      }
    }
    this.#offsets = new Uint32Array(slots.length + 1);
    for (let k = 0; k < slots.length; k++) this.#offsets[k + 1] = this.#offsets[k] + slots[k];
    this.#cursor = this.#offsets.slice(0, slots.length);
    this.#kept = new Float64Array(this.#offsets[slots.length]);
  }

  keep(group: number, value: number, bucket: number): void {
    const exact = this.#exactSums.get(group);
    if (exact !== undefined) this.#exactSums.set(group, exact + BigInt(value));
    const median = this.#wanted[group * 2];
    if (median < 0 || bucket === median) this.#kept[this.#cursor[group * 2]++] = value;
    else if (bucket === this.#wanted[group * 2 + 1]) this.#kept[this.#cursor[group * 2 + 1]++] = value;
  }

  count(group: number): number {
    return this.#counts[group];
  }

  result(group: number): Agg {
    const n = this.#counts[group];
    if (n === 0) return emptyAgg();
    const mean = roundedMean(this.#exactSums.get(group) ?? this.#sums[group], n);
    const kept = this.#kept;
    const offsets = this.#offsets;
    if (this.#hasNegative[group]) {
      const from = offsets[group * 2];
      const to = offsets[group * 2 + 1];
      const medianIndex = from + nearestRank(50, n) - 1;
      const p90Index = from + nearestRank(90, n) - 1;
      select(kept, from, to - 1, medianIndex);
      if (p90Index > medianIndex) select(kept, medianIndex + 1, to - 1, p90Index);
      return { count: n, meanMs: mean, medianMs: kept[medianIndex], p90Ms: kept[p90Index] };
    }
    const percentile = (target: number): number => {
      const slot = target === 1 && this.#wanted[group * 2 + 1] === this.#wanted[group * 2] ? group * 2 : group * 2 + target;
      const from = offsets[slot];
      const index = from + this.#rankInBucket[group * 2 + target];
      select(kept, from, offsets[slot + 1] - 1, index);
      return kept[index];
    };
    return { count: n, meanMs: mean, medianMs: percentile(0), p90Ms: percentile(1) };
  }

  /** Groups whose float sum may not be exact (|values| near 8.64e15) are summed again in BigInt during `keep`. */
  #exactSums = new Map<number, bigint>();
}

/** Aggs per group: values[i] belongs to group groups[i] (0 ≤ group < groupCount), for i < count. */
export function aggregateByGroup(values: Float64Array, groups: Uint32Array, count: number, groupCount: number): Agg[] {
  const aggregator = new GroupAggregator(groupCount);
  for (let i = 0; i < count; i++) aggregator.add(groups[i], values[i], durationBucket(values[i]));
  aggregator.plan();
  for (let i = 0; i < count; i++) aggregator.keep(groups[i], values[i], durationBucket(values[i]));
  return Array.from({ length: groupCount }, (_, group) => aggregator.result(group));
}

/** The Agg of values[0..count). */
export function aggregate(values: Float64Array, count = values.length): Agg {
  const aggregator = new GroupAggregator(1);
  for (let i = 0; i < count; i++) aggregator.add(0, values[i], durationBucket(values[i]));
  aggregator.plan();
  for (let i = 0; i < count; i++) aggregator.keep(0, values[i], durationBucket(values[i]));
  return aggregator.result(0);
}

/** The Agg of values[from..to). */
export function aggregateRange(values: Float64Array, from: number, to: number): Agg {
  return aggregate(values.subarray(from, to));
}
