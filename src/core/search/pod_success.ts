/**
 * Probability of success and cumulative detection (IAMSAR Vol. II: POS = POC x POD; with
 * particles, POS = sum over particles of weight x POD, each particle carrying its share of POC).
 */
import { InvalidInputError } from '../errors.js';
import { releasedOnly, type StatusFilter } from '../probability/particle_cloud.js';

/**
 * POS of a search: sum of weight_i x POD_i over the particles counted by `include` (default: all
 * but 'not released'). Weights are taken as they are (they sum to 1 over all particles).
 * @example probabilityOfSuccess(weights, result.pod) // 0.59
 */
export function probabilityOfSuccess(weight: Float64Array, pod: Float64Array, status?: Uint8Array,
  include: StatusFilter = releasedOnly): number {
  checkLengths(weight.length, pod.length, 'pod');
  let pos = 0;
  for (let i = 0; i < weight.length; i++) {
    if (status !== undefined && !include(status[i])) continue;
    pos += weight[i] * pod[i];
  }
  return pos;
}

/**
 * Cumulative POD per particle over several searches, taken as independent:
 * 1 - prod_k (1 - POD_k) (IAMSAR Vol. II, cumulative POD).
 * @example cumulativePod([day1.pod, day2.pod])
 */
export function cumulativePod(pods: readonly Float64Array[]): Float64Array {
  if (pods.length === 0) throw new InvalidInputError('pods', 'no search given');
  const n = pods[0].length;
  const miss = new Float64Array(n).fill(1);
  pods.forEach((pod, k) => {
    checkLengths(n, pod.length, `pods[${k}]`);
    for (let i = 0; i < n; i++) miss[i] *= 1 - pod[i];
  });
  for (let i = 0; i < n; i++) miss[i] = 1 - miss[i];
  return miss;
}

function checkLengths(expected: number, actual: number, field: string): void {
  if (actual !== expected) throw new InvalidInputError(field, `has ${actual} entries for ${expected} particles`);
}
