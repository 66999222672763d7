import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

const draws = (random: Random, count: number): number[] => Array.from({ length: count }, () => random.next());

describe('Random', () => {
  it('repeats its sequence for a seed and changes it with the seed, both 32-bit halves included', () => {
    expect(draws(new Random(7), 50)).toEqual(draws(new Random(7), 50));
    expect(draws(new Random(7), 50)).not.toEqual(draws(new Random(8), 50));
    expect(draws(new Random(1), 50)).not.toEqual(draws(new Random(2 ** 32 + 1), 50));
    expect(draws(new Random(-1), 50)).not.toEqual(draws(new Random(1), 50));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => new Random(0.5)).toThrow(RangeError);
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
    expect(() => new Random(2 ** 53)).toThrow(RangeError);
  });

  it('draws uniform floats in [0, 1) and integers in their ranges', () => {
    const random = new Random(1);
    const values = draws(random, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 2);
    const buckets = new Array<number>(10).fill(0);
    for (let index = 0; index < 100_000; index++) buckets[random.below(10)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    for (let index = 0; index < 1000; index++) {
      const value = random.between(3, 5);
      expect(value === 3 || value === 4 || value === 5).toBe(true);
    }
  });

  it('draws normals with mean 0 and variance 1, and log-normals around their median', () => {
    const random = new Random(2);
    const normals = Array.from({ length: 100_000 }, () => random.normal());
    const mean = normals.reduce((sum, value) => sum + value, 0) / normals.length;
    const variance = normals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / normals.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    expect(normals.filter((value) => value < -1.96).length / normals.length).toBeCloseTo(0.025, 2);
    expect(normals.filter((value) => value > 2.576).length / normals.length).toBeCloseTo(0.005, 2);
    const logNormals = Array.from({ length: 20_001 }, () => random.logNormal(60_000, 1.2)).sort((a, b) => a - b);
    expect(logNormals[10_000] / 60_000).toBeGreaterThan(0.95);
    expect(logNormals[10_000] / 60_000).toBeLessThan(1.05);
    const exponentials = Array.from({ length: 100_000 }, () => random.exponential(3));
    expect(exponentials.reduce((sum, value) => sum + value, 0) / exponentials.length).toBeCloseTo(3, 1);
  });

  it('pins the first draws of seed 1, so a change of generator cannot pass unnoticed', () => {
    const random = new Random(1);
    const first = [random.nextUint32(), random.nextUint32(), random.nextUint32()];
    expect(first).toEqual(firstDrawsOfSeedOne);
  });
});

// Recorded from this implementation; the demo workspaces of every seed depend on them.
const firstDrawsOfSeedOne = [2394492981, 3760571750, 4204461904];
