import { deterministicExp, deterministicLog } from './deterministic-math.js';

const twoToThe32 = 4294967296;

// Coefficients of Acklam's inverse normal CDF (central region a/b, tails c/d).
const [a1, a2, a3, a4, a5, a6] = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const [b1, b2, b3, b4, b5] = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const [c1, c2, c3, c4, c5, c6] = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const [d1, d2, d3, d4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const lowTail = 0.02425;

/**
 * A small seeded generator (sfc32, seeded through splitmix32): fast, 128 bits of state, so 5M
 * conversations × ~100 draws stay far from its period. Never Math.random: the demo workspace must be a
 * pure function of its options.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    // Both halves of the seed count, so seeds 1 and 2^32 + 1 differ.
    const low = seed >>> 0;
    const high = Math.floor(seed / twoToThe32) >>> 0;
    let state = (low ^ mix32(high + 0x632be5ab)) | 0;
    state = (state + 0x9e3779b9) | 0;
    this.#a = mix32(state);
    state = (state + 0x9e3779b9) | 0;
    this.#b = mix32(state);
    state = (state + 0x9e3779b9) | 0;
    this.#c = mix32(state);
    state = (state + 0x9e3779b9) | 0;
    this.#d = mix32(state);
    // The first outputs of sfc32 still show the seed's structure; discard them.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /** An integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (((this.#c << 21) | (this.#c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / twoToThe32;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /**
   * A standard normal draw by inverting the normal CDF (Acklam's rational approximation, relative
   * error < 1.2e-9): one uniform per draw, no rejection loop, and in the central 95% only + − × ÷.
   */
  normal(): number {
    const p = (this.nextUint32() + 0.5) / twoToThe32;
    if (p < lowTail) {
      const q = Math.sqrt(-2 * deterministicLog(p));
      return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
    }
    if (p > 1 - lowTail) {
      const q = Math.sqrt(-2 * deterministicLog(1 - p));
      return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
    }
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
      (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
    );
  }

  /** A log-normal draw given by its median and the σ of its logarithm (waiting times are log-normal). */
  logNormal(median: number, sigma: number): number {
    return median * deterministicExp(sigma * this.normal());
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -mean * deterministicLog(1 - this.next());
  }
}

/** splitmix32's finaliser: a bijection of 32-bit integers that spreads every input bit. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
