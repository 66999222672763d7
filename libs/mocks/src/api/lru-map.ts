/** A Map that keeps its `capacity` most recently used entries (Map iteration order is insertion order). */
export class LruMap<K, V> {
  readonly #capacity: number;
  readonly #entries = new Map<K, V>();

  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`capacity must be a whole number ≥ 1, got ${capacity}`);
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value of `key`, made the most recently used; `create`d (evicting the least recent) when missing. */
  getOrCreate(key: K, create: () => V): V {
    const existing = this.#entries.get(key);
    if (existing !== undefined || this.#entries.has(key)) {
      this.#entries.delete(key);
      this.#entries.set(key, existing as V);
      return existing as V;
    }
    // Evict first: a workspace being generated should not coexist with one too many.
    while (this.#entries.size >= this.#capacity) this.#entries.delete(this.#entries.keys().next().value as K);
    const value = create();
    this.#entries.set(key, value);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
