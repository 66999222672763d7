// Dictionary-coded strings: each distinct value once, rows hold small integer codes.

/** Code 0 is null/absent. The empty string gets a code of its own (rows print it as stored) but is "none" like null (D8). */
export const noneCode = 0;

export class Dictionary {
  /** values[code]; values[0] is null. */
  readonly values: (string | null)[] = [null];
  #codes = new Map<string, number>();
  #emptyCode = -1;

  /**
   * The code of a stored value. Ids, sources and names are strings; any other value (a number
   * where an id belongs) names nothing and is coded as none.
   */
  code(value: unknown): number {
    if (typeof value !== 'string') return noneCode;
    const text = value;
    let code = this.#codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.#codes.set(text, code);
      if (text === '') this.#emptyCode = code;
    }
    return code;
  }

  /** The code of a value already present, or -1. */
  find(value: string): number {
    return this.#codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  /** True for the codes that mean "none": null/absent and "". */
  isNone(code: number): boolean {
    return code === noneCode || (code > 0 && code === this.#emptyCode);
  }

  /** The group key of a code: null for none (D8). */
  key(code: number): string | null {
    return this.isNone(code) ? null : this.values[code];
  }

  static from(values: readonly (string | null)[]): Dictionary {
    const dictionary = new Dictionary();
    for (let code = 1; code < values.length; code++) dictionary.code(values[code]);
    return dictionary;
  }
}
