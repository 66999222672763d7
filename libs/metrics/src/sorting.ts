import { compareStrings } from '@parley/model';

// Sorting row indices by integer keys without a comparator per comparison: a stable LSD radix sort
// on 16-bit digits, then comparator sorts only inside runs of equal keys (ties by id).

const digit = 65536;

/** Row indices ordered by key ascending; equal keys keep their input order. Keys must be integers (NaN last). */
export function stableArgsort(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let min = Infinity;
  let max = -Infinity;
  let nanCount = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key !== key) nanCount++;
    else {
      if (key < min) min = key;
      if (key > max) max = key;
    }
  }
  if (nanCount === n) return order;
  const range = max - min;
  if (!Number.isSafeInteger(range)) {
    // Extreme spreads (adversarial instants near ±8.64e15) are rare: sort with a comparator.
    return order.sort((a, b) => compareKeys(keys[a], keys[b]) || a - b);
  }
  const passes = range < digit ? 1 : range < digit * digit ? 2 : range < digit * digit * digit ? 3 : 4;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(digit + 1);
  // NaN keys sort last: give them the largest digit at every pass via `range + 1`.
  const shifted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    shifted[i] = key !== key ? range + 1 : key - min;
  }
  const passesNeeded = nanCount > 0 && range + 1 >= digit ** passes ? passes + 1 : passes;
  let divisor = 1;
  for (let pass = 0; pass < passesNeeded; pass++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(Math.floor(shifted[order[i]] / divisor) % digit) + 1]++;
    for (let d = 0; d < digit; d++) counts[d + 1] += counts[d];
    for (let i = 0; i < n; i++) {
      const row = order[i];
      next[counts[Math.floor(shifted[row] / divisor) % digit]++] = row;
    }
    [order, next] = [next, order];
    divisor *= digit;
  }
  return order;
}

function compareKeys(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}

/**
 * Re-sorts, inside `order`, every run of equal keys by id (ascending, or descending when `descending`),
 * so the result is ordered by (key, id).
 */
export function breakTiesById(order: Uint32Array, keys: Float64Array, ids: readonly string[], descending = false): void {
  const n = order.length;
  let start = 0;
  while (start < n) {
    const key = keys[order[start]];
    let end = start + 1;
    while (end < n && sameKey(keys[order[end]], key)) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end));
      run.sort((a, b) => (descending ? compareStrings(ids[b], ids[a]) : compareStrings(ids[a], ids[b])));
      order.set(run, start);
    }
    start = end;
  }
}

function sameKey(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** Counting sort of item indices by group (0 ≤ group < groupCount), stable. Returns offsets (groupCount + 1) and order. */
export function groupIndices(groupOf: ArrayLike<number>, groupCount: number, include?: (item: number) => boolean): { offsets: Uint32Array; order: Uint32Array } {
  const offsets = new Uint32Array(groupCount + 1);
  const n = groupOf.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (include && !include(i)) continue;
    offsets[groupOf[i] + 1]++;
    total++;
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, groupCount);
  const order = new Uint32Array(total);
  for (let i = 0; i < n; i++) {
    if (include && !include(i)) continue;
    order[cursor[groupOf[i]]++] = i;
  }
  return { offsets, order };
}

/** Sorts order[start..end) by (at, id): insertion sort for the short, usual case. */
export function sortSegmentByTime(order: Uint32Array, start: number, end: number, at: Float64Array, ids: readonly string[]): void {
  const length = end - start;
  if (length < 2) return;
  const before = (a: number, b: number) => at[a] < at[b] || (at[a] === at[b] && ids[a] < ids[b]);
  if (length <= 32) {
    for (let i = start + 1; i < end; i++) {
      const item = order[i];
      let j = i - 1;
      while (j >= start && before(item, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = item;
    }
    return;
  }
  const segment = Array.from(order.subarray(start, end));
  segment.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  order.set(segment, start);
}
