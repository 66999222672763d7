import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakTiesById, groupIndices, sortSegmentByTime, stableArgsort } from './sorting.js';

const f64 = (...values: number[]) => Float64Array.from(values);
const argsort = (...keys: number[]) => [...stableArgsort(Float64Array.from(keys))];

describe('stableArgsort', () => {
  it('orders indices by key', () => {
    expect(argsort(3, 1, 2)).toStrictEqual([1, 2, 0]);
    expect(argsort()).toStrictEqual([]);
    expect(argsort(7)).toStrictEqual([0]);
  });

  it('keeps equal keys in input order', () => {
    // keys 2 1 2 1 2: the 1s (indices 1, 3) then the 2s (0, 2, 4)
    expect(argsort(2, 1, 2, 1, 2)).toStrictEqual([1, 3, 0, 2, 4]);
    expect(argsort(5, 5, 5)).toStrictEqual([0, 1, 2]);
  });

  it('puts NaN last, in input order', () => {
    expect(argsort(NaN, 2, NaN, 1)).toStrictEqual([3, 1, 0, 2]);
    expect(argsort(NaN, NaN, NaN)).toStrictEqual([0, 1, 2]);
    // range 65535 = 2^16 - 1: one 16-bit digit holds the keys but not the NaN marker (range + 1)
    expect(argsort(NaN, 65535, 0)).toStrictEqual([2, 1, 0]);
    expect(argsort(65535, NaN, 0, 65534)).toStrictEqual([2, 3, 0, 1]);
    // range 2^32 - 1 and 2^48 - 1: the same edge for two and three digits
    expect(argsort(NaN, 2 ** 32 - 1, 5, 0)).toStrictEqual([3, 2, 1, 0]);
    expect(argsort(2 ** 48 - 1, NaN, 0, 2 ** 48 - 2)).toStrictEqual([2, 3, 0, 1]);
  });

  it('handles negative keys', () => {
    // -10 (2), -5 (0), -5 (4), 0 (3), 3 (1)
    expect(argsort(-5, 3, -10, 0, -5)).toStrictEqual([2, 0, 4, 3, 1]);
    expect(argsort(-1, -65536, -65537)).toStrictEqual([2, 1, 0]);
  });

  it('handles keys spread beyond 2^48 (four digits) and beyond 2^53 (comparator)', () => {
    // -2^50 (3), 0 (1), 1 (4), 2^50 - 1 (2), 2^50 (0)
    expect(argsort(2 ** 50, 0, 2 ** 50 - 1, -(2 ** 50), 1)).toStrictEqual([3, 1, 4, 2, 0]);
    // epoch-ms instants from 1970 to year 275760: range 8.64e15 < 2^53
    expect(argsort(8.64e15, 0, 8.64e15 - 1, 1)).toStrictEqual([1, 3, 2, 0]);
    // range 1.728e16 > 2^53: sorted with a comparator, still stable, NaN last
    expect(argsort(8.64e15, -8.64e15, NaN, 0, 8.64e15, -8.64e15)).toStrictEqual([1, 5, 3, 0, 4, 2]);
    // keys near 2^53 with a small range: 2^53 - 1 (2), 2^53 (0), 2^53 + 2 (1)
    expect(argsort(2 ** 53, 2 ** 53 + 2, 2 ** 53 - 1)).toStrictEqual([2, 0, 1]);
  });

  it('property: equals Array.prototype.sort by (key, index), NaN last', () => {
    const span = fc.constantFrom(0, 3, 2 ** 16 - 1, 2 ** 16, 2 ** 32 - 1, 2 ** 32, 2 ** 48 - 1, 2 ** 48, 2 ** 52, 2 ** 53);
    const keysArbitrary = fc
      .record({ base: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), span, withNaN: fc.boolean() })
      .chain(({ base, span, withNaN }) => {
        const key = fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 1000 }).map((x) => base + Math.floor((x / 1000) * span)) },
          { weight: 2, arbitrary: fc.constantFrom(base, base + span) },
          { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }).map((x) => base + x) },
        );
        return fc.array(withNaN ? fc.oneof({ weight: 4, arbitrary: key }, { weight: 1, arbitrary: fc.constant(NaN) }) : key, { maxLength: 200 });
      });
    const wide = fc.array(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(NaN, 8.64e15, -8.64e15, -(2 ** 53 - 1))), { maxLength: 100 });
    const compare = (keys: number[]) => (a: number, b: number) => {
      const [x, y] = [keys[a], keys[b]];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || a - b;
      return x < y ? -1 : x > y ? 1 : a - b;
    };
    fc.assert(
      fc.property(fc.oneof(keysArbitrary, wide), (keys) => {
        const expected = keys.map((_, i) => i).sort(compare(keys));
        expect([...stableArgsort(Float64Array.from(keys))]).toStrictEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('breakTiesById', () => {
  // keys 2 1 2 1, ids d b a c; stable order by key: 1 (b), 3 (c), 0 (d), 2 (a)
  const keys = f64(2, 1, 2, 1);
  const ids = ['d', 'b', 'a', 'c'];

  it('ascending: each run of equal keys by id', () => {
    const order = Uint32Array.of(1, 3, 0, 2);
    breakTiesById(order, keys, ids);
    // run key 1: b, c; run key 2: a (2), d (0)
    expect([...order]).toStrictEqual([1, 3, 2, 0]);
  });

  it('descending: each run of equal keys by id, largest first (keys stay ascending)', () => {
    const order = Uint32Array.of(1, 3, 0, 2);
    breakTiesById(order, keys, ids, true);
    expect([...order]).toStrictEqual([3, 1, 0, 2]);
  });

  it('compares ids by UTF-16 code units; NaN keys form one run', () => {
    const order = Uint32Array.of(0, 1, 2, 3, 4, 5);
    // keys: 5 5 | 7 7 | NaN NaN
    // ids:  a B | \uFF5E \u{1F600} | z y
    breakTiesById(order, f64(5, 5, 7, 7, NaN, NaN), ['a', 'B', '\uFF5E', '\u{1F600}', 'z', 'y']);
    // 'B' < 'a'; '\u{1F600}' (D83D DE00) < '\uFF5E'; 'y' < 'z'
    expect([...order]).toStrictEqual([1, 0, 3, 2, 5, 4]);
  });

  it('leaves runs of one alone and works on an empty order', () => {
    const order = Uint32Array.of(2, 0, 1);
    breakTiesById(order, f64(2, 3, 1), ['z', 'y', 'x']);
    expect([...order]).toStrictEqual([2, 0, 1]);
    const empty = new Uint32Array(0);
    breakTiesById(empty, f64(), []);
    expect([...empty]).toStrictEqual([]);
  });
});

describe('groupIndices', () => {
  it('counting sort of items by group, stable, with offsets', () => {
    // items 0..4 in groups 2 0 2 1 0 -> group 0: 1, 4; group 1: 3; group 2: 0, 2; group 3: none
    const { offsets, order } = groupIndices([2, 0, 2, 1, 0], 4);
    expect([...offsets]).toStrictEqual([0, 2, 3, 5, 5]);
    expect([...order]).toStrictEqual([1, 4, 3, 0, 2]);
  });

  it('leaves out items the filter rejects', () => {
    const { offsets, order } = groupIndices(Int32Array.of(2, 0, 2, 1, 0), 4, (item) => item !== 4);
    expect([...offsets]).toStrictEqual([0, 1, 2, 4, 4]);
    expect([...order]).toStrictEqual([1, 3, 0, 2]);
  });

  it('no items', () => {
    const { offsets, order } = groupIndices([], 2);
    expect([...offsets]).toStrictEqual([0, 0, 0]);
    expect([...order]).toStrictEqual([]);
  });
});

describe('sortSegmentByTime', () => {
  it('short segment: by (at, id), only inside [start, end)', () => {
    // items:  0      1      2      3      4      5
    // at:     9      30     10     20     10     0
    // id:     a      b      z      c      y      d
    const at = f64(9, 30, 10, 20, 10, 0);
    const ids = ['a', 'b', 'z', 'c', 'y', 'd'];
    const order = Uint32Array.of(0, 1, 2, 3, 4, 5);
    sortSegmentByTime(order, 1, 5, at, ids);
    // segment 1..4: (30 b) (10 z) (20 c) (10 y) -> (10 y) (10 z) (20 c) (30 b)
    expect([...order]).toStrictEqual([0, 4, 2, 3, 1, 5]);
  });

  it('short segment: ties on time broken by UTF-16 id order; segments of 0 and 1 untouched', () => {
    const at = f64(5, 5, 5, 5);
    const ids = ['a', '\uFF5E', 'B', '\u{1F600}'];
    const order = Uint32Array.of(0, 1, 2, 3);
    sortSegmentByTime(order, 0, 4, at, ids);
    // first code units: 'B' 0x42 < 'a' 0x61 < U+1F600's 0xD83D < 0xFF5E
    expect([...order]).toStrictEqual([2, 0, 3, 1]);
    const single = Uint32Array.of(1, 0);
    sortSegmentByTime(single, 1, 2, at, ids);
    sortSegmentByTime(single, 0, 0, at, ids);
    expect([...single]).toStrictEqual([1, 0]);
  });

  /**
   * 2n items built in their sorted order first: sorted entry p has time floor(p / 2) * 1000 and, for
   * each time, two ids whose order is a UTF-16 trap ('B' before 'a'; U+1F600 before U+FF5E). Item i holds
   * sorted entry (k * i) mod 2n for a k coprime with 2n, so item i = (kInverse * p) mod 2n is the p-th.
   */
  function scrambled(pairs: number, k: number, kInverse: number) {
    const n = 2 * pairs;
    const pairIds = (t: number): [string, string] => (t % 2 === 0 ? [`B${t}`, `a${t}`] : [`\u{1F600}${t}`, `\uFF5E${t}`]);
    const at = new Float64Array(n + 2);
    const ids = new Array<string>(n + 2);
    for (let i = 0; i < n; i++) {
      const p = (k * i) % n;
      at[i] = Math.floor(p / 2) * 1000;
      ids[i] = pairIds(Math.floor(p / 2))[p % 2];
    }
    // two items outside the segment, which must not move
    at[n] = 0;
    ids[n] = '0';
    at[n + 1] = 0;
    ids[n + 1] = '1';
    const order = Uint32Array.from([n + 1, ...Array.from({ length: n }, (_, i) => i), n]);
    const expected = [n + 1, ...Array.from({ length: n }, (_, p) => (kInverse * p) % n), n];
    return { at, ids, order, expected, n };
  }

  it('short segment (10 items) built in sorted order and scrambled', () => {
    // 2n = 10, k = 3, 3 * 7 = 21 = 2 * 10 + 1 -> inverse 7
    const { at, ids, order, expected, n } = scrambled(5, 3, 7);
    sortSegmentByTime(order, 1, n + 1, at, ids);
    expect([...order]).toStrictEqual(expected);
  });

  it('long segment (40 items, past the insertion-sort cutoff of 32) built in sorted order and scrambled', () => {
    // 2n = 40, k = 17, 17 * 33 = 561 = 14 * 40 + 1 -> inverse 33
    const { at, ids, order, expected, n } = scrambled(20, 17, 33);
    sortSegmentByTime(order, 1, n + 1, at, ids);
    expect([...order]).toStrictEqual(expected);
    // spot checks: sorted entries 0, 1 (time 0: 'B0', 'a0') are items 0 and 33; entries 2, 3 (time 1000: U+1F600 then U+FF5E) are items 26, 19
    expect([...order.subarray(1, 5)]).toStrictEqual([0, 33, 26, 19]);
    expect([ids[26], ids[19]]).toStrictEqual(['\u{1F600}1', '\uFF5E1']);
  });
});
