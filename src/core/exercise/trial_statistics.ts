/**
 * Statistics of doctrine trials (many simulated exercises per planning method): the detection rate
 * with Wilson's score interval, and the median time to detection with a distribution-free interval
 * from the binomial distribution of order statistics.
 *
 * Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22:
 * for k successes in n trials and z the normal quantile, the interval is
 *   (p + z²/2n ± z sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n),   p = k / n;
 * unlike p ± z sqrt(p(1−p)/n) it stays inside [0, 1] and keeps its coverage near 0 and 1.
 *
 * Median: with the n times sorted, x(1) ≤ … ≤ x(n), the number of them below the true median m is
 * Binomial(n, 1/2), so P(x(l) ≤ m ≤ x(n+1−l)) = 1 − 2 P(B ≤ l − 1) for every continuous
 * distribution (Hollander, Wolfe & Chicken, "Nonparametric Statistical Methods", 3rd ed., §3.6;
 * Conover, "Practical Nonparametric Statistics", §3.2). We take the largest l whose coverage is at
 * least the confidence asked. A run without detection counts as +∞ (its time to detection exceeds
 * any search): the order statistics stay valid (the distribution is the time-to-detection's with
 * an atom at +∞), and a bound or a median at +∞ means "not detected in the time searched".
 */
import { InvalidInputError } from '../errors.js';

/** z of the two-sided 95 % normal interval. */
const Z95 = 1.959963984540054;

/** A proportion with its interval. */
export interface ProportionInterval {
  readonly successes: number;
  readonly trials: number;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson's score interval of a proportion (see the file header); z defaults to the 95 % value.
 * @example wilsonInterval(45, 100) // rate 0.45, low 0.356, high 0.548
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): ProportionInterval {
  if (!Number.isInteger(trials) || trials < 1) throw new InvalidInputError('trials', `${trials} is not a whole number of trials >= 1`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) throw new InvalidInputError('successes', `${successes} is not between 0 and ${trials}`);
  const n = trials, p = successes / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { successes, trials, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A sample median with its distribution-free interval. */
export interface MedianInterval {
  /** Sample median (mean of the two middle values for even n; +∞ when the middle is undetected). */
  readonly median: number;
  /** x(l) and x(n+1−l); null when n is too small for the confidence (then no interval exists). */
  readonly low: number | null;
  readonly high: number | null;
  /** The interval's exact coverage 1 − 2 P(B ≤ l − 1), or null without an interval. */
  readonly coverage: number | null;
  /** The order statistics' ranks l and n + 1 − l (1-based), or null. */
  readonly ranks: readonly [number, number] | null;
}

/**
 * The median of values (Infinity allowed: an undetected run) and its distribution-free interval
 * at `confidence` (default 0.95) from the order statistics (see the file header).
 * @example medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // median 5.5, low 2, high 9 (coverage 0.979)
 */
export function medianInterval(values: readonly number[], confidence = 0.95): MedianInterval {
  const n = values.length;
  if (n === 0) throw new InvalidInputError('values', 'no value to take the median of');
  if (!(confidence > 0 && confidence < 1)) throw new InvalidInputError('confidence', `${confidence} is not in (0, 1)`);
  for (const v of values) if (Number.isNaN(v)) throw new InvalidInputError('values', 'NaN is not a time');
  const x = [...values].sort((a, b) => a - b);
  const median = n % 2 === 1 ? x[(n - 1) / 2] : midpoint(x[n / 2 - 1], x[n / 2]);
  // cdf[k] = P(B <= k), B ~ Binomial(n, 1/2), in logs so that large n does not underflow
  const tail = binomialHalfCdf(n);
  let l = 0;
  for (let cand = 1; cand <= Math.floor((n + 1) / 2); cand++) {
    if (1 - 2 * tail(cand - 1) >= confidence) l = cand;
    else break;
  }
  if (l === 0) return { median, low: null, high: null, coverage: null, ranks: null };
  return { median, low: x[l - 1], high: x[n - l], coverage: 1 - 2 * tail(l - 1), ranks: [l, n + 1 - l] };
}

function midpoint(a: number, b: number): number {
  return a === Infinity || b === Infinity ? Infinity : (a + b) / 2;
}

/** k → P(B <= k) for B ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number): (k: number) => number {
  const cdf = new Float64Array(n + 1);
  let logC = 0, sum = 0;
  const logHalfN = -n * Math.LN2;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    sum += Math.exp(logC + logHalfN);
    cdf[k] = Math.min(1, sum);
  }
  return (k) => (k < 0 ? 0 : cdf[Math.min(k, n)]);
}
