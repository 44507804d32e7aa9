/**
 * Detection models: lateral-range curves scaled by the sweep width W, and the POD of parallel
 * tracks at coverage C = W / S. Two laws:
 *
 * Inverse cube (Koopman 1946/1980, "Search and Screening", ch. 3; IAMSAR Vol. II's "ideal
 * conditions" POD curve): the instantaneous sighting rate of a target at horizontal range r is
 * gamma(r) = K / r^3 (the solid angle a wake or hull subtends seen from height h falls as h / r^3).
 * Integrated along a straight pass at speed v and lateral range x:
 *   int gamma dt = (K / v) int dy / (x^2 + y^2)^(3/2) = 2 K / (v x^2),
 * so p(x) = 1 - exp(-a / x^2) with a = 2 K / v. The sweep width is the integral of p over x:
 *   W = int (1 - exp(-a / x^2)) dx = 2 sqrt(pi a)   (substitute u = sqrt(a) / x),
 * hence a = W^2 / (4 pi), K = W^2 v / (8 pi), and p(x) = 1 - exp(-W^2 / (4 pi x^2)).
 * Parallel tracks at spacing S: sum_k 1/(x + kS)^2 = pi^2 / (S^2 sin^2(pi x / S)), and the mean
 * over x is Koopman's POD = erf(sqrt(pi) C / 2): 0.79 at C = 1.
 *
 * Exponential ("random search"; Koopman 1946/1980, ch. 2 and 3; Washburn, "Search and Detection",
 * 2.3 and 2.5; IAMSAR Vol. II's "normal conditions" curve POD = 1 - exp(-C)): Koopman derives
 * 1 - exp(-W L / A) by cutting the track into small independent pieces scattered at random over
 * the area, and shows that parallel sweeps whose cross-track position is uncertain by about a
 * track spacing or more approach it. A per-particle computation needs a rate in space, so the law
 * is made explicit that way (the spread is our modelling choice, stated here, not a published
 * figure): the sensor's rate is a Gaussian gamma(r) = c exp(-r^2 / (2 sigma^2)) with sigma = 2 W
 * and c = W v / (2 pi sigma^2). A straight pass at speed v and lateral range x deposits the exposure
 *   e(x) = (W / (sigma sqrt(2 pi))) exp(-x^2 / (2 sigma^2)),   int e dx = W,
 * so exposures of passes add up to the coverage C = W / S and parallel tracks give 1 - exp(-C).
 * Parallel tracks at spacing S = W / C (Poisson summation): sum_k e(x + kS) = C (1 + 2 sum_m
 * exp(-2 pi^2 m^2 sigma^2 / S^2) cos(2 pi m x / S)), a ripple of 2 exp(-8 pi^2 C^2) = 1.4 % at
 * C = 0.25 and below 1e-8 from C = 0.5; the mean of exp(-exposure) is e^-C (1 + (C ripple)^2 / 4 + ...),
 * so POD = 1 - exp(-C) to 1e-5 for every C >= 0.25.
 * One pass alone: its lateral-range curve 1 - exp(-e(x)) integrates to
 *   sigma sqrt(2 pi) sum_{n>=1} (-1)^(n+1) a^n / (n! sqrt n),  a = W / (sigma sqrt(2 pi)) = 0.199,
 * that is 0.933 W. No additive exposure can give both laws exactly: 1 - exp(-e) < e, so a curve
 * that sweeps W in one pass deposits more than W of exposure and dense tracks would exceed
 * 1 - exp(-C); the random-search law itself says one pass over a strip of width B detects
 * 1 - exp(-W / B) < W / B. We keep the parallel law exact and err low (conservative) on a lone pass;
 * the spread sigma -> infinity is Koopman's limit (a pass sweeps about W (1 - 0.141 W / sigma)).
 * The former sigma = W / 2 gave 0.381 at C = 0.5 (ripple 58 %) and 0.77 W for one pass.
 */
import { InvalidInputError } from '../errors.js';

/** Which lateral-range law turns exposure into detection. */
export type DetectionLaw = 'inverse-cube' | 'exponential';

/** The default law: Koopman's inverse cube (SAROPS and IAMSAR's "ideal" curve use it). */
export const DEFAULT_DETECTION_LAW: DetectionLaw = 'inverse-cube';

/** The exponential law's Gaussian rate has standard deviation sigma = this x W (see the file header). */
export const EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH = 2;

/**
 * Error function, |error| < 1.5e-7 (Abramowitz and Stegun 1964, formula 7.1.26); hand-written
 * because it sits in the per-particle loop of the exponential law.
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-ax * ax);
  return sign * y;
}

/**
 * Exposure (integrated detection rate, dimensionless) of one infinite straight pass at lateral
 * range x for a target that keeps still: POD = 1 - exp(-exposure).
 * Inverse cube: W^2 / (4 pi x^2); exponential: (W / (sigma sqrt(2 pi))) exp(-x^2 / (2 sigma^2)), sigma = 2 W (see file header).
 */
export function passExposure(law: DetectionLaw, lateralRangeNm: number, sweepWidthNm: number): number {
  checkSweepWidth(sweepWidthNm);
  const x = Math.abs(lateralRangeNm);
  if (law === 'inverse-cube') return x === 0 ? Infinity : (sweepWidthNm * sweepWidthNm) / (4 * Math.PI * x * x);
  const sigma = EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH * sweepWidthNm;
  return (sweepWidthNm / (sigma * Math.sqrt(2 * Math.PI))) * Math.exp(-(x * x) / (2 * sigma * sigma));
}

/**
 * Lateral-range curve: POD of one infinite straight pass at lateral range x (NM) for a target
 * that keeps still, 1 - exp(-passExposure). Inverse cube: p(x) = 1 - exp(-W^2 / (4 pi x^2)),
 * whose integral over x is W (Koopman).
 * @example lateralRangePod('inverse-cube', 0.5, 1) // 1 - exp(-1/pi) = 0.273
 */
export function lateralRangePod(law: DetectionLaw, lateralRangeNm: number, sweepWidthNm: number): number {
  return -Math.expm1(-passExposure(law, lateralRangeNm, sweepWidthNm));
}

/**
 * Mean POD of infinitely many parallel tracks at coverage C = W / S over a uniform target
 * distribution: inverse cube erf(sqrt(pi) C / 2) (Koopman; IAMSAR Vol. II "ideal" curve),
 * exponential 1 - exp(-C) (random search; IAMSAR "normal" curve).
 * @example parallelTrackPod('inverse-cube', 1) // 0.7899
 */
export function parallelTrackPod(law: DetectionLaw, coverage: number): number {
  if (!(coverage >= 0)) throw new InvalidInputError('coverage', `${coverage} is not a coverage factor >= 0`);
  return law === 'inverse-cube' ? erf((Math.sqrt(Math.PI) / 2) * coverage) : -Math.expm1(-coverage);
}

function checkSweepWidth(sweepWidthNm: number): void {
  if (!(sweepWidthNm > 0) || !Number.isFinite(sweepWidthNm)) {
    throw new InvalidInputError('sweepWidthNm', `${sweepWidthNm} is not a positive sweep width`);
  }
}
