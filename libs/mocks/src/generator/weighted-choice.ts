import type { Random } from './random.js';

/** A fixed discrete distribution; a linear scan beats a binary search for the ≤ 12 entries used here. */
export class WeightedChoice<T> {
  readonly #values: readonly T[];
  readonly #cumulative: Float64Array;
  readonly #total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted choice needs at least one entry');
    this.#values = entries.map(([value]) => value);
    this.#cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], index) => {
      if (!(weight >= 0)) throw new RangeError(`weights must be non-negative, got ${weight}`);
      total += weight;
      this.#cumulative[index] = total;
    });
    if (total <= 0) throw new RangeError('a weighted choice needs a positive total weight');
    this.#total = total;
  }

  pick(random: Random): T {
    return this.#values[this.pickIndex(random)];
  }

  pickIndex(random: Random): number {
    const target = random.next() * this.#total;
    const cumulative = this.#cumulative;
    const last = cumulative.length - 1;
    for (let index = 0; index < last; index++) if (target < cumulative[index]) return index;
    return last;
  }
}
