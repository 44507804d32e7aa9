import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { degToRad, radToDeg } from '../geo/units.js';
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
  let sx = 0, sy = 0, sz = 0, sw = 0;
  for (let i = 0; i < cloud.count; i++) {
    if (mask[i] === 0) continue;
    const w = cloud.weight[i];
    if (!(w > 0)) continue;
    const lat = degToRad(cloud.latDeg[i]);
    const lon = degToRad(cloud.lonDeg[i]);
    const c = Math.cos(lat);
    sx += w * c * Math.cos(lon);
    sy += w * c * Math.sin(lon);
    sz += w * Math.sin(lat);
    sw += w;
  }
  if (!(sw > 0)) throw new InvalidInputError('cloud.weight', 'no particle with a positive weight is counted');
  const norm = Math.hypot(sx, sy, sz);
  if (norm < 1e-12 * sw) throw new InvalidInputError('cloud', 'the particles are spread round the globe: no centroid');
  return { lonDeg: radToDeg(Math.atan2(sy, sx)), latDeg: radToDeg(Math.asin(sz / norm)), weight: sw };
}
