/**
 * The highest coverage factor a plan may ask of a unit. Closer tracks than the coverage at which
 * parallel tracks already find nearly everything buy almost nothing (and turned areas into thin
 * barriers before the units' turns set a closest spacing: 0.07 NM for a destroyer). "Nearly
 * everything" is a POD, MAX_POD: the inverse cube law's at C = 2, erf(sqrt(pi)) = 0.988
 * (detection.ts). Each law reaches it at its own coverage:
 * - inverse cube (IAMSAR's ideal conditions): C = 2;
 * - exponential (IAMSAR's normal conditions, 1 - e^-C): C = -ln(1 - MAX_POD) = 4.41. At C = 2 it
 *   finds only 0.865, so a cap of 2 there held plans far below Koopman/Stone's bound for no reason
 *   of its own (bench/RESULTS.md, issue 12: one rectangle at C 3.7 holds 94.8 % of the six-unit
 *   cloud, at C <= 2 86.3 %). IAMSAR's own optimal coverage factor for normal conditions
 *   (optimal_search_factor.ts) passes 2 at a relative effort Z_r of about 19 (3.25 at 50) and
 *   reaches 4.41 at about 95: the old cap held the baseline below IAMSAR's method itself.
 * The unit's turns (minimumSpacingOf, allocation_unit.ts: 2 r in order, closestSpacingOf: r interleaved) still bound its spacing from below.
 */
import { parallelTrackPod, type DetectionLaw } from '../detection.js';

/** The inverse cube law's coverage cap, and the one such plans have always had. */
export const MAX_COVERAGE = 2;

/** The POD beyond which closer tracks buy almost nothing: the inverse cube's at C = MAX_COVERAGE, 0.988. */
export const MAX_POD = parallelTrackPod('inverse-cube', MAX_COVERAGE);

/**
 * The highest coverage factor C = W / S a plan may ask for under `law`: the one at which its parallel
 * tracks reach MAX_POD, 2 (inverse cube) or 4.41 (exponential).
 * @example lawMaxCoverage('exponential') // 4.407
 */
export function lawMaxCoverage(law: DetectionLaw): number {
  return law === 'inverse-cube' ? MAX_COVERAGE : -Math.log(1 - MAX_POD);
}
