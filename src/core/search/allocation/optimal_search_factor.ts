/**
 * IAMSAR's optimal search factor and optimal coverage factor for a point datum, from the relative
 * effort Z_r = Z / E^2 (IAMSAR Manual Vol. II, chapter 4 "Optimal search effort allocation" and
 * its figures "Optimal search factors for point datums" and "Optimal coverage factors", each with
 * a curve for ideal and one for normal search conditions; the worksheet "Search effort allocation"
 * of Vol. II appendix D walks through the same steps).
 *
 * The figures are the solution of a one-dimensional problem, which is computed here instead of
 * read off a digitised graph (Frost, "The Theory of Search: A Simplified Explanation", USCG 1996,
 * ch. 6, derives the curves this way):
 * - the object's position is circular normal about the datum, E being the radius holding 50 % of
 *   it (the "probable error"), so sigma = E / sqrt(2 ln 2);
 * - the search area is the square of side 2 R, R = fs E, about the datum: its POC is
 *   erf(fs sqrt(ln 2))^2 (each axis' normal within +-R);
 * - the effort Z spread evenly over it gives the coverage C = Z / A = Z_r / (4 fs^2), and the POD
 *   of parallel tracks at coverage C: erf(sqrt(pi) C / 2) for ideal search conditions (Koopman's
 *   inverse cube), 1 - e^-C for normal search conditions (random search, the exponential law);
 * - fs maximises POS = POC x POD.
 * POS(fs) is unimodal (POC rises and POD falls with fs), so a golden-section search finds it.
 */
import { InvalidInputError } from '../../errors.js';
import { parallelTrackPod, erf, type DetectionLaw } from '../detection.js';

/** IAMSAR's two search conditions: ideal (inverse cube POD curve) and normal (exponential). */
export type SearchConditions = 'ideal' | 'normal';

/** The search conditions of a detection law (IAMSAR's ideal curve is the inverse cube, the normal one the exponential). */
export function searchConditionsOf(law: DetectionLaw): SearchConditions {
  return law === 'inverse-cube' ? 'ideal' : 'normal';
}

/** The optimum for one relative effort. */
export interface OptimalSearchFactor {
  /** Optimal search factor fs_o: the optimum search radius is fs_o x E. */
  readonly searchFactor: number;
  /** Optimal coverage factor C_o = Z_r / (4 fs_o^2). */
  readonly coverage: number;
  /** POC of the square (2 fs_o E)^2 for a circular normal position of probable error E. */
  readonly poc: number;
  /** POD at C_o, and POS = POC x POD. */
  readonly pod: number;
  readonly pos: number;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The optimal search factor for relative effort `relativeEffort` = Z / E^2 (Z in NM^2, E in NM).
 * @example optimalSearchFactor(4, 'ideal') // fs 1.02, C 0.96, POS 0.46: a square of side 2.04 E
 */
export function optimalSearchFactor(relativeEffort: number, conditions: SearchConditions): OptimalSearchFactor {
  if (!(Number.isFinite(relativeEffort) && relativeEffort > 0)) throw new InvalidInputError('relativeEffort', `must be a number > 0, got ${String(relativeEffort)}`);
  const law: DetectionLaw = conditions === 'ideal' ? 'inverse-cube' : 'exponential';
  const sqrtLn2 = Math.sqrt(Math.LN2);
  const pos = (fs: number): number => erf(fs * sqrtLn2) ** 2 * parallelTrackPod(law, relativeEffort / (4 * fs * fs));
  // fs between 0.01 and 10: at fs = 10 the square holds all but 1e-30 of the position
  let lo = 0.01, hi = 10;
  let a = hi - GOLDEN * (hi - lo), b = lo + GOLDEN * (hi - lo), pa = pos(a), pb = pos(b);
  while (hi - lo > 1e-7) {
    if (pa > pb) { hi = b; b = a; pb = pa; a = hi - GOLDEN * (hi - lo); pa = pos(a); }
    else { lo = a; a = b; pa = pb; b = lo + GOLDEN * (hi - lo); pb = pos(b); }
  }
  const fs = 0.5 * (lo + hi);
  const coverage = relativeEffort / (4 * fs * fs);
  const poc = erf(fs * sqrtLn2) ** 2, pod = parallelTrackPod(law, coverage);
  return { searchFactor: fs, coverage, poc, pod, pos: poc * pod };
}
