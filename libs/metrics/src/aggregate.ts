import type { Agg } from '@parley/model';

// Duration aggregates (snapshot.md §3, D19): mean rounded half away from zero with exact integer
// arithmetic, nearest-rank median and p90 found by selection (O(n)), never by a full sort.

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

/**
 * The Agg of values[from..to). Reorders that range in place (selection), so pass a scratch copy.
 */
export function aggregateRange(values: Float64Array, from: number, to: number): Agg {
  const count = to - from;
  if (count <= 0) return emptyAgg();
  const meanMs = roundedMean(exactSum(values, from, to), count);
  const medianIndex = from + nearestRank(50, count) - 1;
  const p90Index = from + nearestRank(90, count) - 1;
  select(values, from, to - 1, medianIndex);
  // Everything after the median is ≥ it: the p90 lies in that part.
  if (p90Index > medianIndex) select(values, medianIndex + 1, to - 1, p90Index);
  return { count, meanMs, medianMs: values[medianIndex], p90Ms: values[p90Index] };
}

export function aggregate(values: Float64Array, count = values.length): Agg {
  return aggregateRange(values, 0, count);
}

/**
 * Aggs per group: values[i] belongs to group groups[i] (0 ≤ group < groupCount). Values are
 * gathered group by group (a counting sort), then each group is aggregated on its own range.
 */
export function aggregateByGroup(values: Float64Array, groups: Uint32Array, count: number, groupCount: number): Agg[] {
  const offsets = new Uint32Array(groupCount + 1);
  for (let i = 0; i < count; i++) offsets[groups[i] + 1]++;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, groupCount);
  const gathered = new Float64Array(count);
  for (let i = 0; i < count; i++) gathered[cursor[groups[i]]++] = values[i];
  const result: Agg[] = [];
  for (let g = 0; g < groupCount; g++) result.push(aggregateRange(gathered, offsets[g], offsets[g + 1]));
  return result;
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
