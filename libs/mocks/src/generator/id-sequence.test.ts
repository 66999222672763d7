import { describe, expect, it } from 'vitest';
import { IdSequence } from './id-sequence.js';

describe('IdSequence', () => {
  it('counts from 1 in padded base 36 behind its prefix', () => {
    const ids = new IdSequence('c-', 1000);
    expect([ids.next(), ids.next(), ids.next()]).toEqual(['c-0001', 'c-0002', 'c-0003']);
    expect(ids.count).toBe(3);
    expect(ids.format(36)).toBe('c-0010');
  });

  it('keeps string order equal to creation order up to its expected count', () => {
    const ids = new IdSequence('m-', 50_000, 3);
    const generated = Array.from({ length: 50_000 }, () => ids.next());
    expect([...generated].sort()).toEqual(generated);
  });

  it('stays unique past its expected count', () => {
    const ids = new IdSequence('a-', 10, 1);
    const generated = Array.from({ length: 2000 }, () => ids.next());
    expect(new Set(generated).size).toBe(2000);
  });
});
