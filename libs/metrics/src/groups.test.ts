import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupsFromCounts, groupsFromMap, largestRemainderTenths } from './groups.js';

// Groups of snapshot.md §3 (D8, D9): count > 0 only, count desc then key asc (UTF-16 code units)
// with null after every string; percents in tenths: floor(count * 1000 / total) each, the leftover
// tenths one each to the largest remainders count * 1000 mod total, ties to the earlier group.

describe('largestRemainderTenths', () => {
  it.each([
    // 1000/3 = 333 r1 each; 999 -> 1 left, to the first
    [[1, 1, 1], 3, [334, 333, 333]],
    // 4000/7 = 571 r3, 1000/7 = 142 r6 (x3); 571 + 426 = 997 -> 3 left, to the three r6
    [[4, 1, 1, 1], 7, [571, 143, 143, 143]],
    // 3000/7 = 428 r4, 2000/7 = 285 r5 (x2); 998 -> 2 left, to the two r5
    [[3, 2, 2], 7, [428, 286, 286]],
    // 2000/3 = 666 r2, 1000/3 = 333 r1; 999 -> 1 left, to r2
    [[2, 1], 3, [667, 333]],
    // the order given is the group order: r1 first, r2 second -> the second gets it
    [[1, 2], 3, [333, 667]],
    // 1000/6 = 166 r4 each; 996 -> 4 left, to the first four (ties to the earlier)
    [[1, 1, 1, 1, 1, 1], 6, [167, 167, 167, 167, 166, 166]],
    // 1000/7 = 142 r6 each; 994 -> 6 left
    [[1, 1, 1, 1, 1, 1, 1], 7, [143, 143, 143, 143, 143, 143, 142]],
    // 3000/11 = 272 r8 (x3), 2000/11 = 181 r9; 997 -> 3 left: r9 first, then the first two r8
    [[3, 3, 3, 2], 11, [273, 273, 272, 182]],
    [[1, 1], 2, [500, 500]],
    [[5], 5, [1000]],
    [[1, 998, 1], 1000, [1, 998, 1]],
    // 1000/1001 = 0 r1000, 1000000/1001 = 999 r1; 999 -> 1 left, to r1000
    [[1, 1000], 1001, [1, 999]],
  ])('%j of %d -> %j', (counts, total, tenths) => {
    expect(largestRemainderTenths(counts, total)).toStrictEqual(tenths);
  });

  it('total 0 gives zeros', () => {
    expect(largestRemainderTenths([0, 0], 0)).toStrictEqual([0, 0]);
    expect(largestRemainderTenths([], 0)).toStrictEqual([]);
  });

  it('property: the tenths sum to exactly 1000, each floor or floor + 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (counts) => {
        const total = counts.reduce((sum, count) => sum + count, 0);
        const tenths = largestRemainderTenths(counts, total);
        expect(tenths.reduce((sum, value) => sum + value, 0)).toBe(1000);
        tenths.forEach((value, i) => {
          const floor = Math.floor((counts[i] * 1000) / total);
          expect(value === floor || value === floor + 1).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('groupsFromMap', () => {
  it('sorts by count desc, then key asc, null last, and drops zero counts', () => {
    const counts = new Map<string | null, number>([
      [null, 3],
      ['b', 3],
      ['zero', 0],
      ['a', 3],
      ['B', 2],
    ]);
    // total 11: 3000/11 = 272 r8 (a, b, null), 2000/11 = 181 r9 (B); 997 -> 3 left: B, then a, b
    expect(groupsFromMap(counts)).toStrictEqual([
      { key: 'a', count: 3, percent: 27.3 },
      { key: 'b', count: 3, percent: 27.3 },
      { key: null, count: 3, percent: 27.2 },
      { key: 'B', count: 2, percent: 18.2 },
    ]);
  });

  it('compares keys by UTF-16 code units, not by locale', () => {
    // 'B' (0x42) < 'a' (0x61); a locale order would put 'a' first
    expect(groupsFromMap(new Map([['a', 1], ['B', 1]])).map((g) => g.key)).toStrictEqual(['B', 'a']);
    // U+1F600 is the surrogate pair D83D DE00: its first unit 0xD83D < 0xFF5E, so it sorts before U+FF5E
    // (code point order would say the opposite)
    expect(groupsFromMap(new Map([['\uFF5E', 1], ['\u{1F600}', 1]])).map((g) => g.key)).toStrictEqual(['\u{1F600}', '\uFF5E']);
    // '' is a string key like any other here (groupsFromCounts maps it to null through keyOf)
    expect(groupsFromMap(new Map<string | null, number>([[null, 1], ['', 1], ['a', 1]])).map((g) => g.key)).toStrictEqual(['', 'a', null]);
  });

  it('percents: halves and thirds', () => {
    expect(groupsFromMap(new Map([['x', 1], ['y', 1]]))).toStrictEqual([
      { key: 'x', count: 1, percent: 50 },
      { key: 'y', count: 1, percent: 50 },
    ]);
    // 1000/3 = 333 r1 each: the first in group order gets the extra tenth
    expect(groupsFromMap(new Map([['c', 1], ['a', 1], ['b', 1]]))).toStrictEqual([
      { key: 'a', count: 1, percent: 33.4 },
      { key: 'b', count: 1, percent: 33.3 },
      { key: 'c', count: 1, percent: 33.3 },
    ]);
    // 4, 1, 1, 1 of 7 -> 571, 143, 143, 143 tenths
    expect(groupsFromMap(new Map([['d', 1], ['big', 4], ['e', 1], ['f', 1]]))).toStrictEqual([
      { key: 'big', count: 4, percent: 57.1 },
      { key: 'd', count: 1, percent: 14.3 },
      { key: 'e', count: 1, percent: 14.3 },
      { key: 'f', count: 1, percent: 14.3 },
    ]);
  });

  it('no counts, or only zeros -> []', () => {
    expect(groupsFromMap(new Map())).toStrictEqual([]);
    expect(groupsFromMap(new Map([['a', 0]]))).toStrictEqual([]);
  });

  it('property: the percents always add up to 100.0 exactly, in tenths', () => {
    const keyed = fc.uniqueArray(fc.tuple(fc.option(fc.string({ maxLength: 3 }), { nil: null }), fc.integer({ min: 1, max: 100_000 })), {
      minLength: 1,
      maxLength: 40,
      selector: ([key]) => key,
    });
    fc.assert(
      fc.property(keyed, (entries) => {
        const groups = groupsFromMap(new Map(entries));
        const tenths = groups.map((g) => Math.round(g.percent * 10));
        expect(tenths.reduce((sum, value) => sum + value, 0)).toBe(1000);
        // each percent is a whole number of tenths, printed as tenths / 10
        groups.forEach((g, i) => expect(g.percent).toBe(tenths[i] / 10));
        expect(groups.length).toBe(entries.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('groupsFromCounts', () => {
  it('merges codes whose keys are equal (every none code is null)', () => {
    // code:   0     1    2          3    4    5
    // key:    null  'b'  null ("")  'x'  'a'  'B'
    // count:  1     3    2          0    3    2
    const keys: (string | null)[] = [null, 'b', null, 'x', 'a', 'B'];
    const groups = groupsFromCounts(Uint32Array.of(1, 3, 2, 0, 3, 2), (code) => keys[code]);
    // null = 1 + 2 = 3; 'x' has no count and is left out; total 11 as in groupsFromMap's first test
    expect(groups).toStrictEqual([
      { key: 'a', count: 3, percent: 27.3 },
      { key: 'b', count: 3, percent: 27.3 },
      { key: null, count: 3, percent: 27.2 },
      { key: 'B', count: 2, percent: 18.2 },
    ]);
  });

  it('merges two codes with the same non-null key', () => {
    const keys = ['same', 'other', 'same'];
    // same = 1 + 2 = 3, other = 1: 750 / 250 tenths
    expect(groupsFromCounts([1, 1, 2], (code) => keys[code])).toStrictEqual([
      { key: 'same', count: 3, percent: 75 },
      { key: 'other', count: 1, percent: 25 },
    ]);
  });

  it('asks for keys of counted codes only; no counts -> []', () => {
    const asked: number[] = [];
    groupsFromCounts([0, 2, 0, 1], (code) => {
      asked.push(code);
      return String(code);
    });
    expect(asked).toStrictEqual([1, 3]);
    expect(groupsFromCounts(new Uint32Array(4), () => 'never')).toStrictEqual([]);
  });
});
