import { describe, expect, it } from 'vitest';
import { deterministicExp, deterministicLog } from './deterministic-math.js';

describe('deterministicLog', () => {
  it('agrees with Math.log to within a few ulps over the whole range', () => {
    for (const x of [1e-300, 5e-324, 1e-10, 0.001, 0.1, 0.5, Math.SQRT1_2, 0.999999, 1, 1.000001, Math.SQRT2, 2, 3, Math.E, 10, 12345.678, 1e10, 1e300]) {
      const expected = Math.log(x);
      expect(Math.abs(deterministicLog(x) - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(expected)));
    }
  });

  it('is exact at 1 and handles the edges', () => {
    expect(deterministicLog(1)).toBe(0);
    expect(deterministicLog(0)).toBe(-Infinity);
    expect(deterministicLog(Infinity)).toBe(Infinity);
    expect(deterministicLog(-1)).toBeNaN();
    expect(deterministicLog(Number.NaN)).toBeNaN();
  });
});

describe('deterministicExp', () => {
  it('agrees with Math.exp to within a few ulps', () => {
    for (const x of [-700, -50, -5, -1, -0.3, -1e-9, 0, 1e-9, 0.3, 0.5, 1, 2.5, 5, 20, 300, 700]) {
      const expected = Math.exp(x);
      expect(Math.abs(deterministicExp(x) - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * expected);
    }
  });

  it('is exact at 0, inverts the log, and clamps beyond ±700', () => {
    expect(deterministicExp(0)).toBe(1);
    for (const x of [0.01, 1, 42, 1e6]) expect(deterministicExp(deterministicLog(x)) / x).toBeCloseTo(1, 13);
    expect(deterministicExp(1000)).toBe(deterministicExp(700));
    expect(deterministicExp(-1000)).toBe(deterministicExp(-700));
    expect(deterministicExp(Number.NaN)).toBeNaN();
  });
});
