// Append-only typed columns for building tables without one object per row.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

export class GrowableColumn<T extends TypedArray> {
  #make: TypedArrayConstructor<T>;
  #data: T;
  length = 0;

  constructor(make: TypedArrayConstructor<T>, initialCapacity = 1024) {
    this.#make = make;
    this.#data = new make(initialCapacity);
  }

  /** A column holding a copy of `values` (restoring a builder's state). */
  static of<T extends TypedArray>(make: TypedArrayConstructor<T>, values: ArrayLike<number>): GrowableColumn<T> {
    const column = new GrowableColumn(make, Math.max(1024, values.length));
    column.#data.set(values);
    column.length = values.length;
    return column;
  }

  push(value: number): number {
    if (this.length === this.#data.length) this.#grow();
    this.#data[this.length] = value;
    return this.length++;
  }

  set(index: number, value: number): void {
    this.#data[index] = value;
  }

  get(index: number): number {
    return this.#data[index];
  }

  /** The filled part without copying: valid until the next push or set. */
  view(): T {
    return this.#data.subarray(0, this.length) as T;
  }

  /** The filled part, trimmed to length (a copy, so the builder can be dropped). */
  finish(): T {
    return this.#data.slice(0, this.length) as T;
  }

  #grow(): void {
    const next = new this.#make(Math.max(1024, this.#data.length * 2));
    next.set(this.#data);
    this.#data = next;
  }
}

export const float64Column = (capacity?: number) => new GrowableColumn(Float64Array, capacity);
export const uint32Column = (capacity?: number) => new GrowableColumn(Uint32Array, capacity);
export const int32Column = (capacity?: number) => new GrowableColumn(Int32Array, capacity);
export const uint8Column = (capacity?: number) => new GrowableColumn(Uint8Array, capacity);

/** Applies a row permutation to a typed column: result[i] = column[order[i]]. */
export function permute<T extends TypedArray>(column: T, order: Uint32Array): T {
  const out = new (column.constructor as TypedArrayConstructor<T>)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]];
  return out;
}
