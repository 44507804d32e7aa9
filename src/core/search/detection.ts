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
 * Exponential ("random search", Koopman; IAMSAR's "normal conditions" curve POD = 1 - exp(-C)):
 * Koopman's random-search law assumes the effort is spread at random over the area. A per-particle
 * computation needs a rate in space, so we (our modelling choice, not a published one) give the
 * sensor a Gaussian rate gamma(r) = c exp(-r^2 / (2 sigma^2)) with sigma = W / 2 and
 * c = W v / (2 pi sigma^2): a straight pass deposits an exposure e(x) = (2 / sqrt(2 pi)) exp(-2 x^2 / W^2)
 * whose integral over x is W, so summed over passes the exposure is the coverage C, and
 * POD = 1 - exp(-C). With parallel tracks the exposure ripples by 2 exp(-pi^2 / (2 C^2)) about C
 * (Poisson summation): 1.4 % at C = 1, so the law holds to 1e-4 for C >= 1 and is a little low below.
 * Under this law W is an exposure width: one pass alone detects with at most 1 - exp(-0.80) = 0.55.
 */
import { InvalidInputError } from '../errors.js';

/** Which lateral-range law turns exposure into detection. */
export type DetectionLaw = 'inverse-cube' | 'exponential';

/** The default law: Koopman's inverse cube (SAROPS and IAMSAR's "ideal" curve use it). */
export const DEFAULT_DETECTION_LAW: DetectionLaw = 'inverse-cube';

/** The exponential law's Gaussian rate has standard deviation sigma = this x W. */
export const EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH = 0.5;

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
 * Inverse cube: W^2 / (4 pi x^2); exponential: (2 / sqrt(2 pi)) exp(-2 x^2 / W^2) (see file header).
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
