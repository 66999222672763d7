// ECMA-262 leaves Math.exp and Math.log "implementation-approximated": two engines, or two Node
// releases, may disagree in the last bit, and a floor() of a sampled duration may then move by 1 ms.
// The generator promises byte-identical output for the same options wherever it runs, so its
// distributions use these versions, built only from + − × ÷, which IEEE 754 rounds the same everywhere.

/** ln 2 split Cody–Waite style (fdlibm's constants): k·ln2High is exact for the k used here. */
const ln2High = 6.93147180369123816490e-1;
const ln2Low = 1.90821492927058770002e-10;

const minExponent = -1074;
const maxExponent = 1023;

const powersOfTwo = buildPowersOfTwo();

/** 1/n! for n = 0..17: enough terms for e^r with |r| ≤ ln2/2 to round correctly in most cases. */
const inverseFactorials = buildInverseFactorials(17);

/** The largest |x| accepted by {@link deterministicExp}; beyond it the scaling by 2^k would leave the normal range. */
export const expInputLimit = 700;

/** Natural logarithm, reproducible bit for bit on every IEEE 754 engine. */
export function deterministicLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  // Split x = m·2^k with m in [√½, √2]; Math.log2 only gives a first guess, the loops make (m, k)
  // exact, so an engine whose log2 is off by one still ends with the same pair.
  let k = Math.floor(Math.log2(x));
  if (k < minExponent) k = minExponent;
  if (k > maxExponent) k = maxExponent;
  let m = x / powersOfTwo[k - minExponent];
  while (m >= 2) {
    m /= 2;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  }
  // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172: the odd series converges by a factor 0.03 a term.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let series = 1 / 25;
  for (let n = 23; n >= 1; n -= 2) series = series * s2 + 1 / n;
  return k * ln2High + (k * ln2Low + 2 * s * series);
}

/** e^x, reproducible bit for bit on every IEEE 754 engine; x is clamped to ±{@link expInputLimit}. */
export function deterministicExp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const clamped = x > expInputLimit ? expInputLimit : x < -expInputLimit ? -expInputLimit : x;
  // e^x = 2^k · e^r with |r| ≤ ln2/2, so the Taylor series of e^r needs few terms.
  const k = Math.round(clamped / Math.LN2);
  const r = clamped - k * ln2High - k * ln2Low;
  let series = inverseFactorials[inverseFactorials.length - 1];
  for (let n = inverseFactorials.length - 2; n >= 0; n--) series = series * r + inverseFactorials[n];
  return series * powersOfTwo[k - minExponent];
}

function buildPowersOfTwo(): Float64Array {
  const powers = new Float64Array(maxExponent - minExponent + 1);
  // Halving and doubling are exact, so every entry is the exact power of two.
  powers[-minExponent] = 1;
  for (let k = 1; k <= maxExponent; k++) powers[k - minExponent] = powers[k - 1 - minExponent] * 2;
  for (let k = -1; k >= minExponent; k--) powers[k - minExponent] = powers[k + 1 - minExponent] / 2;
  return powers;
}

function buildInverseFactorials(maxTerm: number): Float64Array {
  const coefficients = new Float64Array(maxTerm + 1);
  let factorial = 1;
  for (let n = 0; n <= maxTerm; n++) {
    if (n > 0) factorial *= n;
    coefficients[n] = 1 / factorial;
  }
  return coefficients;
}
