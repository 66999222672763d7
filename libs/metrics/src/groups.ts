import type { Group } from '@parley/model';
import { compareStrings } from '@parley/model';

// Groups of snapshot.md §3 (D8, D9): count > 0 only, count desc then key asc with null last,
// percentages in tenths by largest remainder so they add up to exactly 100.

/** Groups from per-code counts; codes whose key is equal (every "none" code → null) are merged. */
export function groupsFromCounts(counts: ArrayLike<number>, keyOf: (code: number) => string | null): Group[] {
  const merged = new Map<string | null, number>();
  for (let code = 0; code < counts.length; code++) {
    const count = counts[code];
    if (count === 0) continue;
    const key = keyOf(code);
    merged.set(key, (merged.get(key) ?? 0) + count);
  }
  return groupsFromMap(merged);
}

export function groupsFromMap(counts: Map<string | null, number>): Group[] {
  const entries = [...counts].filter(([, count]) => count > 0);
  entries.sort(([keyA, countA], [keyB, countB]) => countB - countA || compareKeys(keyA, keyB));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const tenths = largestRemainderTenths(entries.map(([, count]) => count), total);
  return entries.map(([key, count], index) => ({ key, count, percent: tenths[index] / 10 }));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

/**
 * floor(count·1000/total) each; the leftover tenths go one each to the largest remainders, ties to
 * the earlier group (counts must already be in group order).
 */
export function largestRemainderTenths(counts: readonly number[], total: number): number[] {
  if (total === 0) return counts.map(() => 0);
  const tenths = counts.map((count) => Math.floor((count * 1000) / total));
  let leftover = 1000 - tenths.reduce((sum, value) => sum + value, 0);
  const byRemainder = counts
    .map((count, index) => ({ index, remainder: (count * 1000) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; leftover > 0; i++, leftover--) tenths[byRemainder[i].index]++;
  return tenths;
}
