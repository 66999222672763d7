import type { Agg } from '@parley/model';
import { bucketCount as valueBuckets, bucketOf, bucketUpperBound, emptyAgg, nearestRank, roundedMean, select } from './aggregate.js';

/** Histogram slots per group: every value bucket, then one slot that counts negative values. */
export const slotsPerGroup = valueBuckets + 1;
/** Bucket of a negative value (only inconsistent data has them). */
export const negativeBucket = valueBuckets;

/** The histogram bucket of any duration. */
export function durationBucket(value: number): number {
  return value < 0 ? negativeBucket : bucketOf(value);
}

/**
 * Exact Aggs for many groups, fed twice. First pass: `sums[g] += value; histogram[g * slotsPerGroup
 * + bucket]++` (the hot loops write those arrays directly; `add` does the same). Then `plan()`
 * finds the buckets holding each group's median and p90 ranks and sets `wanted` for them. Second
 * pass: `keep()` the values whose slot is `wanted`. A group with a negative value wants every
 * slot and is selected exactly from all its values.
 */
export class GroupAggregator {
  readonly groupCount: number;
  readonly sums: Float64Array;
  readonly histogram: Uint32Array;
  /** After plan(): 1 for the (group, bucket) slots whose values the second pass must keep. */
  readonly wanted: Uint8Array;
  #counts: Float64Array;
  #keepAll: Uint8Array;
  #target: Int32Array;
  #rankInBucket: Int32Array;
  #offsets = new Uint32Array(1);
  #cursor = new Uint32Array(0);
  #kept = new Float64Array(0);
  /** Groups whose float sum may be inexact (values near 8.64e15): summed again in BigInt. */
  #huge: Uint8Array;

  constructor(groupCount: number) {
    this.groupCount = groupCount;
    this.sums = new Float64Array(groupCount);
    this.histogram = new Uint32Array(groupCount * slotsPerGroup);
    this.wanted = new Uint8Array(groupCount * slotsPerGroup);
    this.#counts = new Float64Array(groupCount);
    this.#keepAll = new Uint8Array(groupCount);
    this.#huge = new Uint8Array(groupCount);
    this.#target = new Int32Array(groupCount * 2).fill(-1);
    this.#rankInBucket = new Int32Array(groupCount * 2);
  }

  add(group: number, value: number, bucket: number): void {
    this.sums[group] += value;
    this.histogram[group * slotsPerGroup + bucket]++;
  }

  plan(): void {
    const slots = new Uint32Array(this.groupCount * 2);
    for (let group = 0; group < this.groupCount; group++) {
      const base = group * slotsPerGroup;
      let n = 0;
      let top = -1;
      for (let bucket = 0; bucket < slotsPerGroup; bucket++) {
        const inBucket = this.histogram[base + bucket];
        if (inBucket === 0) continue;
        n += inBucket;
        if (bucket < negativeBucket) top = bucket;
      }
      this.#counts[group] = n;
      if (n === 0) continue;
      if (this.histogram[base + negativeBucket] > 0) {
        this.#keepAll[group] = 1;
        this.wanted.fill(1, base, base + slotsPerGroup);
        slots[group * 2] = n;
        continue;
      }
      // Float sums are exact while every value is below the top bucket's edge and n·edge is safe.
      if (bucketUpperBound(top) * n > Number.MAX_SAFE_INTEGER) this.#huge[group] = 1;
      const ranks = [nearestRank(50, n), nearestRank(90, n)];
      let seen = 0;
      let target = 0;
      for (let bucket = 0; bucket < negativeBucket && target < 2; bucket++) {
        const inBucket = this.histogram[base + bucket];
        while (target < 2 && seen + inBucket >= ranks[target]) {
          this.#target[group * 2 + target] = bucket;
          this.#rankInBucket[group * 2 + target] = ranks[target] - seen - 1;
          this.wanted[base + bucket] = 1;
          // Both ranks in one bucket share the median's slice.
          if (target === 0 || bucket !== this.#target[group * 2]) slots[group * 2 + target] = inBucket;
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

  /** Second pass, for values whose slot is wanted (calling it for others is harmless). */
  keep(group: number, value: number, bucket: number): void {
    if (!this.wanted[group * slotsPerGroup + bucket]) return;
    if (this.#keepAll[group] || bucket === this.#target[group * 2]) this.#kept[this.#cursor[group * 2]++] = value;
    else this.#kept[this.#cursor[group * 2 + 1]++] = value;
  }

  count(group: number): number {
    return this.#counts[group];
  }

  result(group: number): Agg {
    const n = this.#counts[group];
    if (n === 0) return emptyAgg();
    const kept = this.#kept;
    const offsets = this.#offsets;
    if (this.#keepAll[group]) {
      const from = offsets[group * 2];
      const to = offsets[group * 2 + 1];
      let sum = 0n;
      for (let i = from; i < to; i++) sum += BigInt(kept[i]);
      const medianIndex = from + nearestRank(50, n) - 1;
      const p90Index = from + nearestRank(90, n) - 1;
      select(kept, from, to - 1, medianIndex);
      if (p90Index > medianIndex) select(kept, medianIndex + 1, to - 1, p90Index);
      return { count: n, meanMs: roundedMean(sum, n), medianMs: kept[medianIndex], p90Ms: kept[p90Index] };
    }
    const percentile = (target: number): number => {
      const slot = target === 1 && this.#target[group * 2 + 1] === this.#target[group * 2] ? group * 2 : group * 2 + target;
      const from = offsets[slot];
      const index = from + this.#rankInBucket[group * 2 + target];
      select(kept, from, offsets[slot + 1] - 1, index);
      return kept[index];
    };
    const mean = roundedMean(this.#huge[group] ? this.#exactSum(group) : this.sums[group], n);
    return { count: n, meanMs: mean, medianMs: percentile(0), p90Ms: percentile(1) };
  }

  /**
   * The exact sum of a group whose float sum may be inexact: the kept values cover only the
   * wanted buckets, so this group's values are summed again from `resum` (set by exactSumSource).
   */
  #exactSum(group: number): bigint {
    if (!this.#resum) throw new Error('GroupAggregator: values near 8.64e15 need exactSumSource()');
    return this.#resum(group);
  }

  #resum: ((group: number) => bigint) | null = null;

  /** How to re-read a group's values for an exact BigInt sum (only used for values near 8.64e15). */
  exactSumSource(resum: (group: number) => bigint): void {
    this.#resum = resum;
  }
}

/** Aggs per group: values[i] belongs to group groups[i] (0 ≤ group < groupCount), for i < count. */
export function aggregateByGroup(values: Float64Array, groups: Uint32Array, count: number, groupCount: number): Agg[] {
  const aggregator = new GroupAggregator(groupCount);
  for (let i = 0; i < count; i++) aggregator.add(groups[i], values[i], durationBucket(values[i]));
  aggregator.plan();
  for (let i = 0; i < count; i++) aggregator.keep(groups[i], values[i], durationBucket(values[i]));
  aggregator.exactSumSource((group) => {
    let sum = 0n;
    for (let i = 0; i < count; i++) if (groups[i] === group) sum += BigInt(values[i]);
    return sum;
  });
  return Array.from({ length: groupCount }, (_, group) => aggregator.result(group));
}

let bucketScratch = new Uint16Array(0);

/** The Agg of values[0..count): one group, buckets computed once and reused by the second pass. */
export function aggregate(values: Float64Array, count = values.length): Agg {
  const aggregator = new GroupAggregator(1);
  if (bucketScratch.length < count) bucketScratch = new Uint16Array(Math.max(count, bucketScratch.length * 2));
  const buckets = bucketScratch;
  const histogram = aggregator.histogram;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    const bucket = value < 0 ? negativeBucket : bucketOf(value);
    buckets[i] = bucket;
    histogram[bucket]++;
    sum += value;
  }
  aggregator.sums[0] = sum;
  aggregator.plan();
  const wanted = aggregator.wanted;
  for (let i = 0; i < count; i++) if (wanted[buckets[i]]) aggregator.keep(0, values[i], buckets[i]);
  aggregator.exactSumSource(() => {
    let exact = 0n;
    for (let i = 0; i < count; i++) exact += BigInt(values[i]);
    return exact;
  });
  return aggregator.result(0);
}

/** The Agg of values[from..to). */
export function aggregateRange(values: Float64Array, from: number, to: number): Agg {
  return aggregate(values.subarray(from, to));
}
