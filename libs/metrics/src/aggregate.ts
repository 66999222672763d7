import type { Agg } from '@parley/model';

// Duration aggregates (snapshot.md §3, D19): mean rounded half away from zero with exact integer
// arithmetic, exact nearest-rank median and p90 found in linear time, never by a full sort.

export const emptyAgg = (): Agg => ({ count: 0, meanMs: null, medianMs: null, p90Ms: null });

/** sum / count rounded to the nearest integer, halves away from zero, exactly. */
export function roundedMean(sum: number | bigint, count: number): number {
  if (typeof sum === 'number' && Number.isSafeInteger(sum)) {
    const remainder = sum % count;
    const quotient = (sum - remainder) / count;
    return 2 * Math.abs(remainder) >= count ? quotient + Math.sign(sum) : quotient;
  }
  const big = BigInt(sum);
  const n = BigInt(count);
  const magnitude = big < 0n ? -big : big;
  const rounded = (2n * magnitude + n) / (2n * n);
  return Number(big < 0n ? -rounded : rounded);
}

/** Sum of values[from..to), exact: float while it is provably safe, BigInt otherwise. */
export function exactSum(values: Float64Array, from: number, to: number): number | bigint {
  let sum = 0;
  let maxMagnitude = 0;
  for (let i = from; i < to; i++) {
    const value = values[i];
    sum += value;
    const magnitude = value < 0 ? -value : value;
    if (magnitude > maxMagnitude) maxMagnitude = magnitude;
  }
  if (maxMagnitude * (to - from) <= Number.MAX_SAFE_INTEGER) return sum;
  let big = 0n;
  for (let i = from; i < to; i++) big += BigInt(values[i]);
  return big;
}

/** 1-based nearest rank of percentile p over n values. */
export function nearestRank(p: number, n: number): number {
  return Math.ceil((p * n) / 100);
}

// Exact nearest-rank percentiles by histogram: a first pass counts values per logarithmic bucket
// (32 per power of two), which tells the bucket holding each wanted rank; a second pass keeps only
// the values of those buckets, a small slice that is sorted. Two linear passes, no reordering.

const subBucketBits = 5;
const subBuckets = 1 << subBucketBits;
/** Buckets 0..31 hold 0..31 exactly; then 32 per power of two up to 2^54 (durations reach 1.728e16). */
export const bucketCount = subBuckets + (54 - subBucketBits) * subBuckets;
const twoTo32 = 4294967296;

/** Monotone bucket of a non-negative integer (values ≥ 0 only). */
export function bucketOf(value: number): number {
  if (value < subBuckets) return value;
  let exponent: number;
  let top: number;
  if (value < twoTo32) {
    exponent = 31 - Math.clz32(value);
    top = (value >>> (exponent - subBucketBits)) & (subBuckets - 1);
  } else {
    exponent = 63 - Math.clz32(Math.floor(value / twoTo32));
    top = Math.floor(value / 2 ** (exponent - subBucketBits)) & (subBuckets - 1);
  }
  return subBuckets + (exponent - subBucketBits) * subBuckets + top;
}

/** An upper bound (exclusive) of the values in a bucket. */
export function bucketUpperBound(bucket: number): number {
  if (bucket < subBuckets) return bucket + 1;
  const exponent = Math.floor((bucket - subBuckets) / subBuckets) + subBucketBits;
  const top = (bucket - subBuckets) % subBuckets;
  return (subBuckets + top + 1) * 2 ** (exponent - subBucketBits);
}

/** Puts the k-th smallest of values[lo..hi] at index k, smaller before, larger after (Hoare/median of three). */
export function select(values: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    if (hi - lo < 16) {
      insertionSort(values, lo, hi);
      return;
    }
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot, guarding against sorted input.
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function insertionSort(values: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= lo && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}
