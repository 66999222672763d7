import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAgg, exactSum, nearestRank, roundedMean, select } from './aggregate.js';
import { aggregate, aggregateByGroup, aggregateRange } from './group-aggregator.js';

// Agg = {count, meanMs, medianMs, p90Ms} (snapshot.md §3, D19): mean rounded half away from zero,
// median and p90 at the 1-based nearest rank ceil(p * n / 100) of the ascending values.

const f64 = (...values: number[]) => Float64Array.from(values);

describe('roundedMean', () => {
  it.each([
    [7, 2, 4], // 3.5 -> 4
    [-7, 2, -4], // -3.5 -> -4 (Math.round would give -3)
    [-5, 2, -3], // -2.5 -> -3
    [5, 2, 3], // 2.5 -> 3
    [5, 3, 2], // 1.67 -> 2
    [4, 3, 1], // 1.33 -> 1
    [-1, 3, 0], // -0.33 -> 0
    [-2, 3, -1], // -0.67 -> -1
    [-3, 2, -2], // -1.5 -> -2
    [1, 2, 1], // 0.5 -> 1
    [-1, 2, -1], // -0.5 -> -1
    [0, 5, 0],
    [12, 4, 3],
    [-12, 4, -3],
  ])('%d / %d -> %d', (sum, count, mean) => {
    expect(roundedMean(sum, count)).toBe(mean);
  });

  it('gives +0 (not -0) for small negative means', () => {
    expect(Object.is(roundedMean(-1, 3), 0)).toBe(true);
  });

  it('is exact for BigInt sums beyond 2^53', () => {
    // 2^54 - 3 = 18014398509481981; / 2 = 9007199254740990.5 -> 9007199254740991
    expect(roundedMean(18014398509481981n, 2)).toBe(9007199254740991);
    expect(roundedMean(-18014398509481981n, 2)).toBe(-9007199254740991);
    // 3 * (2^53 - 1) = 27021597764222973; / 3 = 2^53 - 1
    expect(roundedMean(27021597764222973n, 3)).toBe(9007199254740991);
    // 2^60 / 2^10 = 2^50 = 1125899906842624; (2^60 + 512) / 1024 = 2^50 + 0.5 -> 2^50 + 1
    expect(roundedMean(2n ** 60n, 1024)).toBe(1125899906842624);
    expect(roundedMean(2n ** 60n + 512n, 1024)).toBe(1125899906842625);
    // -(2^60 + 511) / 1024 = -(2^50 + 0.499) -> -2^50
    expect(roundedMean(-(2n ** 60n + 511n), 1024)).toBe(-1125899906842624);
    expect(roundedMean(-(2n ** 60n + 512n), 1024)).toBe(-1125899906842625);
  });

  it('takes an unsafe (but integral) number sum exactly too', () => {
    // 2^60 is a double; 2^60 / 1024 = 2^50
    expect(roundedMean(2 ** 60, 1024)).toBe(1125899906842624);
    // 2^60 + 2^10 * 3 = 1152921504606849024 + 3072; / 2048 = 2^49 + 1.5 -> 562949953421314
    expect(roundedMean(2 ** 60 + 3072, 2048)).toBe(562949953421314);
  });

  it('small BigInt sums agree with the half-away rule', () => {
    expect(roundedMean(7n, 2)).toBe(4);
    expect(roundedMean(-7n, 2)).toBe(-4);
    expect(roundedMean(-1n, 3)).toBe(0);
    expect(roundedMean(5n, 3)).toBe(2);
  });
});

describe('exactSum', () => {
  it('sums a range as a number while that is safe', () => {
    expect(exactSum(f64(1, 2, 3, 4), 0, 4)).toBe(10);
    expect(exactSum(f64(1, 2, 3, 4), 1, 3)).toBe(5);
    expect(exactSum(f64(-5, 2), 0, 2)).toBe(-3);
    expect(exactSum(f64(1, 2), 1, 1)).toBe(0);
  });

  it('switches to BigInt when the float sum could lose precision', () => {
    // (2^53 - 1) + (2^53 - 2) = 2^54 - 3 = 18014398509481981 (not a double: odd and above 2^53)
    expect(exactSum(f64(2 ** 53 - 1, 2 ** 53 - 2), 0, 2)).toBe(18014398509481981n);
    expect(exactSum(f64(-(2 ** 53 - 1), -(2 ** 53 - 2)), 0, 2)).toBe(-18014398509481981n);
    // max magnitude 2^52 times 3 values exceeds 2^53 - 1, so the sum is taken in BigInt: 2^52 + 1 + 2 = 4503599627370499
    expect(exactSum(f64(2 ** 52, 1, 2), 0, 3)).toBe(4503599627370499n);
    // 1e15 * 10 values = 1e16 > 2^53: BigInt; sum 1e15 * 10 = 10^16
    expect(exactSum(new Float64Array(10).fill(1e15), 0, 10)).toBe(10n ** 16n);
  });
});

describe('nearestRank', () => {
  it.each([
    [50, 4, 2], // ceil(2) = 2
    [50, 5, 3], // ceil(2.5)
    [50, 1, 1],
    [90, 1, 1], // ceil(0.9)
    [90, 10, 9], // ceil(9)
    [90, 11, 10], // ceil(9.9)
    [90, 20, 18],
    [90, 100, 90],
    [50, 0, 0],
  ])('p%d of %d values is rank %d', (p, n, rank) => {
    expect(nearestRank(p, n)).toBe(rank);
  });
});

describe('aggregate / aggregateRange', () => {
  it('the Agg of nothing is all nulls', () => {
    expect(aggregate(f64())).toStrictEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(emptyAgg()).toStrictEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
    expect(aggregateRange(f64(1, 2, 3), 2, 2)).toStrictEqual(emptyAgg());
  });

  it('one value is its own mean, median and p90', () => {
    expect(aggregate(f64(42))).toStrictEqual({ count: 1, meanMs: 42, medianMs: 42, p90Ms: 42 });
  });

  it('small arrays', () => {
    // 5 values, sorted 1 2 3 4 5: mean 15/5 = 3; median rank ceil(2.5) = 3 -> 3; p90 rank ceil(4.5) = 5 -> 5
    expect(aggregate(f64(5, 1, 4, 2, 3))).toStrictEqual({ count: 5, meanMs: 3, medianMs: 3, p90Ms: 5 });
    // sorted 10 20 30 40: mean 25; median rank 2 -> 20 (no interpolation); p90 rank ceil(3.6) = 4 -> 40
    expect(aggregate(f64(40, 10, 30, 20))).toStrictEqual({ count: 4, meanMs: 25, medianMs: 20, p90Ms: 40 });
    // sorted 1 2: mean 1.5 -> 2; median rank 1 -> 1; p90 rank ceil(1.8) = 2 -> 2
    expect(aggregate(f64(2, 1))).toStrictEqual({ count: 2, meanMs: 2, medianMs: 1, p90Ms: 2 });
    // negative durations (D35): sorted -2 -1: mean -1.5 -> -2; median -2; p90 -1
    expect(aggregate(f64(-1, -2))).toStrictEqual({ count: 2, meanMs: -2, medianMs: -2, p90Ms: -1 });
    // duplicates: sorted 7 7 7 9: mean 30/4 = 7.5 -> 8; median rank 2 -> 7; p90 rank 4 -> 9
    expect(aggregate(f64(7, 9, 7, 7))).toStrictEqual({ count: 4, meanMs: 8, medianMs: 7, p90Ms: 9 });
  });

  it('past the insertion-sort threshold (selection proper)', () => {
    // 20..1: mean 210/20 = 10.5 -> 11; median rank 10 -> 10; p90 rank 18 -> 18
    const descending = f64(...Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(aggregate(descending)).toStrictEqual({ count: 20, meanMs: 11, medianMs: 10, p90Ms: 18 });
    // (37 i mod 100) + 1 for i = 0..99 is a permutation of 1..100 (gcd(37, 100) = 1):
    // mean 5050/100 = 50.5 -> 51; median rank 50 -> 50; p90 rank 90 -> 90
    const scrambled = f64(...Array.from({ length: 100 }, (_, i) => ((37 * i) % 100) + 1));
    expect(aggregate(scrambled)).toStrictEqual({ count: 100, meanMs: 51, medianMs: 50, p90Ms: 90 });
    // 50 zeros and 50 tens, interleaved: mean 5; median rank 50 -> 0; p90 rank 90 -> 10
    const twoValues = f64(...Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 10 : 0)));
    expect(aggregate(twoValues)).toStrictEqual({ count: 100, meanMs: 5, medianMs: 0, p90Ms: 10 });
    // 11 values 0..10 then 10 more of 100: 21 values, sorted 0..10, 100 x10
    // mean (55 + 1000) / 21 = 50.24 -> 50; median rank 11 -> 10; p90 rank ceil(18.9) = 19 -> 100
    const skewed = f64(100, 100, 5, 100, 0, 100, 3, 100, 9, 100, 1, 100, 10, 100, 8, 100, 2, 100, 7, 4, 6);
    expect(aggregate(skewed)).toStrictEqual({ count: 21, meanMs: 50, medianMs: 10, p90Ms: 100 });
  });

  it('means beyond 2^53 are exact', () => {
    // sum (2^53 - 1) + (2^53 - 2) = 2^54 - 3; / 2 = 2^53 - 1.5 -> 2^53 - 1 = 9007199254740991
    expect(aggregate(f64(2 ** 53 - 1, 2 ** 53 - 2))).toStrictEqual({
      count: 2,
      meanMs: 9007199254740991,
      medianMs: 9007199254740990,
      p90Ms: 9007199254740991,
    });
    // three times 2^53 - 1: the float sum would round; the mean is exactly 2^53 - 1
    expect(aggregate(new Float64Array(3).fill(2 ** 53 - 1)).meanMs).toBe(9007199254740991);
  });

  it('durations of 2^53 ms and more (instants span ±8.64e15, so a duration reaches 1.728e16)', () => {
    // sorted 1, 1.7e16: mean (1.7e16 + 1) / 2 = 8.5e15 + 0.5 -> 8500000000000001; median rank 1 -> 1; p90 rank 2 -> 1.7e16
    expect(aggregate(f64(1.7e16, 1))).toStrictEqual({ count: 2, meanMs: 8500000000000001, medianMs: 1, p90Ms: 1.7e16 });
    // sorted 5, 2^53, 2^53 + 2: sum 2^54 + 7 = 18014398509481991; / 3 = 6004799503160663.67 -> 6004799503160664
    // median rank 2 -> 2^53 = 9007199254740992; p90 rank ceil(2.7) = 3 -> 2^53 + 2 = 9007199254740994
    expect(aggregate(f64(2 ** 53, 2 ** 53 + 2, 5))).toStrictEqual({ count: 3, meanMs: 6004799503160664, medianMs: 9007199254740992, p90Ms: 9007199254740994 });
    // the largest possible duration, 8.64e15 - (-8.64e15)
    expect(aggregate(f64(1.728e16))).toStrictEqual({ count: 1, meanMs: 1.728e16, medianMs: 1.728e16, p90Ms: 1.728e16 });
  });

  it('aggregate(values, count) uses the first count values only', () => {
    // 4 and 2: mean 3, median rank 1 -> 2, p90 rank 2 -> 4
    expect(aggregate(f64(4, 2, 1000), 2)).toStrictEqual({ count: 2, meanMs: 3, medianMs: 2, p90Ms: 4 });
  });

  it('aggregateRange works on [from, to) and leaves the rest alone', () => {
    const values = f64(100, 3, 1, 2, -100);
    // 3 1 2: mean 2; median rank 2 -> 2; p90 rank ceil(2.7) = 3 -> 3
    expect(aggregateRange(values, 1, 4)).toStrictEqual({ count: 3, meanMs: 2, medianMs: 2, p90Ms: 3 });
    expect([values[0], values[4]]).toStrictEqual([100, -100]);
    expect([...values.subarray(1, 4)].sort((a, b) => a - b)).toStrictEqual([1, 2, 3]);
  });
});

describe('aggregateByGroup', () => {
  it('one Agg per group, empty groups included', () => {
    const values = f64(5, 1, 9, 3, 7, 2);
    const groups = Uint32Array.of(0, 1, 0, 2, 0, 1);
    // group 0: 5 9 7 -> sorted 5 7 9: mean 7; median rank 2 -> 7; p90 rank ceil(2.7) = 3 -> 9
    // group 1: 1 2: mean 1.5 -> 2; median 1; p90 rank 2 -> 2
    // group 2: 3
    // group 3: nothing
    expect(aggregateByGroup(values, groups, 6, 4)).toStrictEqual([
      { count: 3, meanMs: 7, medianMs: 7, p90Ms: 9 },
      { count: 2, meanMs: 2, medianMs: 1, p90Ms: 2 },
      { count: 1, meanMs: 3, medianMs: 3, p90Ms: 3 },
      { count: 0, meanMs: null, medianMs: null, p90Ms: null },
    ]);
    // the input is gathered, not reordered
    expect([...values]).toStrictEqual([5, 1, 9, 3, 7, 2]);
  });

  it('a group with a duration beyond 2^53 leaves the other groups alone', () => {
    // group 0: 1.7e16 alone; group 1: 27 29 -> mean 28, median rank 1 -> 27, p90 rank 2 -> 29
    expect(aggregateByGroup(f64(1.7e16, 27, 29), Uint32Array.of(0, 1, 1), 3, 2)).toStrictEqual([
      { count: 1, meanMs: 1.7e16, medianMs: 1.7e16, p90Ms: 1.7e16 },
      { count: 2, meanMs: 28, medianMs: 27, p90Ms: 29 },
    ]);
  });

  it('only the first count values take part', () => {
    // values 4 (g0), 6 (g0) | 1000 (g1) not counted
    expect(aggregateByGroup(f64(4, 6, 1000), Uint32Array.of(0, 0, 1), 2, 2)).toStrictEqual([
      { count: 2, meanMs: 5, medianMs: 4, p90Ms: 6 },
      { count: 0, meanMs: null, medianMs: null, p90Ms: null },
    ]);
    expect(aggregateByGroup(f64(), new Uint32Array(0), 0, 0)).toStrictEqual([]);
  });
});

describe('select', () => {
  it('puts the k-th smallest at k on a hand-made array', () => {
    const values = f64(9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 19, 14, 17, 11, 18, 12, 16, 13, 15, 10);
    select(values, 0, 19, 4);
    // sorted 0..19: index 4 holds 4, everything before is < 4, everything after > 4
    expect(values[4]).toBe(4);
    expect([...values.subarray(0, 4)].sort((a, b) => a - b)).toStrictEqual([0, 1, 2, 3]);
  });

  it('property: values[k] is the k-th of a sorted copy and the range is partitioned around it', () => {
    const input = fc
      .array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 300 })
      .chain((array) =>
        fc
          .tuple(fc.nat({ max: array.length - 1 }), fc.nat({ max: array.length - 1 }))
          .chain(([a, b]) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            return fc.record({ array: fc.constant(array), lo: fc.constant(lo), hi: fc.constant(hi), k: fc.integer({ min: lo, max: hi }) });
          }),
      );
    fc.assert(
      fc.property(input, ({ array, lo, hi, k }) => {
        const values = Float64Array.from(array);
        select(values, lo, hi, k);
        const sorted = array.slice(lo, hi + 1).sort((a, b) => a - b);
        expect(values[k]).toBe(sorted[k - lo]);
        for (let i = lo; i < k; i++) expect(values[i]).toBeLessThanOrEqual(values[k]);
        for (let i = k + 1; i <= hi; i++) expect(values[i]).toBeGreaterThanOrEqual(values[k]);
        // the range holds the same values; outside it nothing moved
        expect([...values.subarray(lo, hi + 1)].sort((a, b) => a - b)).toStrictEqual(sorted);
        for (let i = 0; i < lo; i++) expect(values[i]).toBe(array[i]);
        for (let i = hi + 1; i < array.length; i++) expect(values[i]).toBe(array[i]);
      }),
      { numRuns: 500 },
    );
  });
});
