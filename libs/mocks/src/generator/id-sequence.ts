/**
 * Short readable ids: a prefix and a base-36 counter, zero-padded to a width fixed up front so that
 * string order (how `(at, id)` ties and contact-type ties are broken, snapshot.md §3) is creation order.
 * A counter that outgrows the width just gets longer: ids stay unique, only the order guarantee ends.
 */
export class IdSequence {
  readonly #prefix: string;
  readonly #width: number;
  readonly #padding: readonly string[];
  #next = 1;

  constructor(prefix: string, expectedCount: number, minimumWidth = 4) {
    this.#prefix = prefix;
    this.#width = Math.max(minimumWidth, base36Digits(Math.max(1, Math.ceil(expectedCount))));
    this.#padding = Array.from({ length: this.#width + 1 }, (_, zeros) => '0'.repeat(zeros));
  }

  /** The id of the next counter value. */
  next(): string {
    return this.format(this.#next++);
  }

  /** How many ids were handed out. */
  get count(): number {
    return this.#next - 1;
  }

  /** The id of counter value `n` (1-based), so a caller can keep numbers instead of strings. */
  format(n: number): string {
    const digits = n.toString(36);
    const missing = this.#width - digits.length;
    return missing > 0 ? this.#prefix + this.#padding[missing] + digits : this.#prefix + digits;
  }
}

function base36Digits(value: number): number {
  return value.toString(36).length;
}
