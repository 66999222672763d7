// Records kept column by column in typed arrays, so a served workspace of a million conversations
// (eight million messages) costs tens of bytes per record, mostly off the JavaScript heap, instead
// of a few hundred bytes per object. Pages are decoded back into fresh objects when served.

/** Codes of a row's value in a column; dictionary codes follow. */
const absentCode = 0;
const nullCode = 1;
const numberCode = 2;
/** A sequential id (`prefix` + zero-padded base-36 counter) kept as its counter in `numbers`. */
const sequentialIdCode = 3;
const firstDictionaryCode = 4;

/** The ids of the generator (IdSequence): a prefix ending with `-`, then a base-36 counter. */
const sequentialIdPattern = /^(.*-)([0-9a-z]{1,10})$/;

type Codes = Uint8Array | Uint16Array | Uint32Array;

class Column {
  readonly name: string;
  codes: Codes;
  /** Numbers and id counters; Uint32 while every one fits, Float64 from the first that does not. */
  numbers: Uint32Array | Float64Array | null = null;
  readonly dictionary: unknown[] = [];
  readonly #primitiveCodes = new Map<string | boolean, number>();
  readonly #jsonCodes = new Map<string, number>();
  /** undefined until the column's first string; null when that string was no sequential id. */
  #idPrefix: string | null | undefined = undefined;
  #idWidth = 0;

  constructor(name: string, capacity: number) {
    this.name = name;
    this.codes = new Uint8Array(capacity);
  }

  /** Reallocates to `capacity` rows (more to grow, fewer to trim), keeping the rows below it. */
  resize(capacity: number): void {
    this.codes = resized(this.codes, capacity);
    if (this.numbers !== null) this.numbers = resized(this.numbers, capacity);
  }

  set(row: number, value: unknown): void {
    if (value === undefined) return;
    if (value === null) {
      this.codes[row] = nullCode;
    } else if (typeof value === 'number') {
      this.#setNumber(row, value, numberCode);
    } else if (typeof value === 'string') {
      const counter = this.#sequentialCounter(value);
      if (counter >= 0) this.#setNumber(row, counter, sequentialIdCode);
      else this.#setCode(row, this.#primitiveCode(value));
    } else if (typeof value === 'boolean') {
      this.#setCode(row, this.#primitiveCode(value));
    } else {
      this.#setCode(row, this.#jsonCode(value));
    }
  }

  get(row: number): unknown {
    const code = this.codes[row];
    switch (code) {
      case absentCode:
        return undefined;
      case nullCode:
        return null;
      case numberCode:
        return (this.numbers as Uint32Array | Float64Array)[row];
      case sequentialIdCode:
        return (this.#idPrefix as string) + (this.numbers as Uint32Array | Float64Array)[row].toString(36).padStart(this.#idWidth, '0');
      default:
        return this.dictionary[code - firstDictionaryCode];
    }
  }

  #setNumber(row: number, value: number, code: number): void {
    const fitsUint32 = value >>> 0 === value && !Object.is(value, -0);
    if (this.numbers === null) {
      this.numbers = fitsUint32 ? new Uint32Array(this.codes.length) : new Float64Array(this.codes.length);
    } else if (!fitsUint32 && this.numbers instanceof Uint32Array) {
      this.numbers = Float64Array.from(this.numbers);
    }
    this.numbers[row] = value;
    this.codes[row] = code;
  }

  #setCode(row: number, code: number): void {
    if (code > maxCodeOf(this.codes)) this.#widen(code);
    this.codes[row] = code;
  }

  #widen(code: number): void {
    const codes = code <= 0xffff ? new Uint16Array(this.codes.length) : new Uint32Array(this.codes.length);
    codes.set(this.codes);
    this.codes = codes;
  }

  /** The counter of a sequential id of this column's shape, else -1 (the string is kept whole). */
  #sequentialCounter(value: string): number {
    if (this.#idPrefix === undefined) {
      const match = sequentialIdPattern.exec(value);
      this.#idPrefix = match === null ? null : match[1];
      this.#idWidth = match === null ? 0 : match[2].length;
    }
    const prefix = this.#idPrefix;
    if (prefix === null || value.length !== prefix.length + this.#idWidth || !value.startsWith(prefix)) return -1;
    // Lower-case base-36 digits of a fixed width spell each counter one way only: no round trip needed.
    let counter = 0;
    for (let index = prefix.length; index < value.length; index++) {
      const code = value.charCodeAt(index);
      const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1;
      if (digit < 0) return -1;
      counter = counter * 36 + digit;
    }
    return counter;
  }

  #primitiveCode(value: string | boolean): number {
    let code = this.#primitiveCodes.get(value);
    if (code === undefined) {
      code = firstDictionaryCode + this.dictionary.length;
      this.dictionary.push(value);
      this.#primitiveCodes.set(value, code);
    }
    return code;
  }

  /** Arrays and objects (tags, team ids) repeat a lot: one frozen copy per distinct JSON text. */
  #jsonCode(value: unknown): number {
    const text = JSON.stringify(value);
    let code = this.#jsonCodes.get(text);
    if (code === undefined) {
      code = firstDictionaryCode + this.dictionary.length;
      this.dictionary.push(deepFreeze(JSON.parse(text)));
      this.#jsonCodes.set(text, code);
    }
    return code;
  }
}

function resized<T extends Codes | Float64Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array.subarray(0, Math.min(capacity, array.length)));
  return copy;
}

function maxCodeOf(codes: Codes): number {
  return codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : 0xffffffff;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}

/**
 * An append-only table of JSON-like records. A row reads back as a fresh object with the same
 * fields and values (arrays and objects inside it are shared and frozen); field order is the order
 * in which the table first met each field.
 */
export class RecordTable {
  readonly #columns: Column[] = [];
  readonly #columnsByName = new Map<string, Column>();
  #capacity = 1024;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends a record; returns its row. */
  push(record: Readonly<Record<string, unknown>>): number {
    const row = this.#length;
    if (row === this.#capacity) {
      this.#capacity *= 2;
      for (const column of this.#columns) column.resize(this.#capacity);
    }
    for (const name of Object.keys(record)) this.#column(name).set(row, record[name]);
    this.#length = row + 1;
    return row;
  }

  /** Releases the room reserved for more rows; the table stays appendable. */
  trim(): void {
    this.#capacity = Math.max(1, this.#length);
    for (const column of this.#columns) column.resize(this.#capacity);
  }

  /** The record of `row`, as a new object. */
  row(row: number): Record<string, unknown> {
    this.#check(row);
    const record: Record<string, unknown> = {};
    for (const column of this.#columns) {
      const value = column.get(row);
      if (value !== undefined) record[column.name] = value;
    }
    return record;
  }

  /** One field of `row` (undefined when the record has no such field). */
  value(row: number, field: string): unknown {
    this.#check(row);
    return this.#columnsByName.get(field)?.get(row);
  }

  #column(name: string): Column {
    let column = this.#columnsByName.get(name);
    if (column === undefined) {
      column = new Column(name, this.#capacity);
      this.#columns.push(column);
      this.#columnsByName.set(name, column);
    }
    return column;
  }

  #check(row: number): void {
    if (!(Number.isInteger(row) && row >= 0 && row < this.#length)) throw new RangeError(`no row ${row} in a table of ${this.#length}`);
  }
}
