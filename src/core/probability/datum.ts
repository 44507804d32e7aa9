import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { weightedCentroid } from '../geo/sphere.js';
import { inclusionMask, releasedOnly, type StatusFilter, type WeightedCloud } from './particle_cloud.js';

/** The datum of a particle cloud: its weighted centre, and the weight that went into it. */
export interface Datum extends LonLatDeg {
  /** Sum of the weights of the particles counted (1 when all are counted and weights sum to 1). */
  readonly weight: number;
}

/**
 * The datum (IAMSAR Vol. II: the most probable position of the object at a time) as the weighted
 * centroid on the sphere: the weighted mean of the particles' unit vectors, normalised back to the
 * sphere. Unlike a mean of degrees it is right across the antimeridian and near the poles.
 * Throws InvalidInputError when no weight is counted or the mean vector vanishes (antipodal cloud).
 * @example weightedDatum(cloud) // { lonDeg: 131.9, latDeg: 37.2, weight: 1 }
 */
export function weightedDatum(cloud: WeightedCloud, include: StatusFilter = releasedOnly): Datum {
  const mask = inclusionMask(cloud, include);
  const datum = weightedCentroid(cloud.lonDeg, cloud.latDeg, cloud.weight, cloud.count, (i) => mask[i] !== 0);
  if (datum) return datum;
  let counted = false;
  for (let i = 0; i < cloud.count && !counted; i++) counted = mask[i] !== 0 && cloud.weight[i] > 0;
  throw counted
    ? new InvalidInputError('cloud', 'the particles are spread round the globe: no centroid')
    : new InvalidInputError('cloud.weight', 'no particle with a positive weight is counted');
}
