/**
 * Bayesian update after an unsuccessful search (Koopman; Stone, "Theory of Optimal Search";
 * SAROPS): the object was not found, so each possible location keeps the probability
 * P(here) x P(missed | here) = w_i (1 - POD_i), renormalised to the total that remains.
 */
import { InvalidInputError } from '../errors.js';

/** New weights after a search that did not find the object, and how much probability it removed. */
export interface BayesUpdate {
  /** Posterior weights, summing to the prior total (1 for a normalised cloud). */
  readonly weight: Float64Array;
  /** Sum of w_i (1 - POD_i) before renormalising: the prior probability of missing, 1 - POS. */
  readonly missProbability: number;
}

/**
 * Multiply each weight by (1 - POD) and renormalise so the weights keep their prior sum.
 * A particle with weight 0 stays 0; a negative weight or a POD outside [0, 1] is refused.
 * Throws InvalidInputError when the search is certain to have found the object (every weight
 * meets POD = 1): there is nothing left to renormalise, so the case needs rethinking, not a number.
 * @example afterUnsuccessfulSearch(Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(0.8, 0.5, 0)).weight
 *          // [2/9, 3/9, 4/9]: worked by hand in bayes.test.ts
 */
export function afterUnsuccessfulSearch(weight: Float64Array, pod: Float64Array): BayesUpdate {
  if (pod.length !== weight.length) throw new InvalidInputError('pod', `has ${pod.length} entries for ${weight.length} weights`);
  const n = weight.length;
  const out = new Float64Array(n);
  let prior = 0, kept = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i], p = pod[i];
    if (!(w >= 0)) throw new InvalidInputError(`weight[${i}]`, `${w} is not a weight >= 0`);
    if (!(p >= 0 && p <= 1)) throw new InvalidInputError(`pod[${i}]`, `${p} is not a probability`);
    out[i] = w * (1 - p);
    prior += w;
    kept += out[i];
  }
  if (!(kept > 0)) throw new InvalidInputError('pod', 'the search detects every possible location with certainty: nothing is left to update');
  const scale = prior / kept;
  for (let i = 0; i < n; i++) out[i] *= scale;
  return { weight: out, missProbability: kept / prior };
}
