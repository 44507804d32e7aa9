import { InvalidInputError } from '../errors.js';

/**
 * The weighted particle positions the probability maps and the search code read: columns (struct
 * of arrays), one entry per particle, as the drift model writes them.
 */

/**
 * Weighted particle positions at one time. `weight` sums to 1 over all particles (scenario
 * weight / particles of the scenario); `status` holds the drift model's status codes
 * (0 active, 1 stranded, 2 outside forcing, 3 not released: see core/drift/particles.ts).
 */
export interface WeightedCloud {
  readonly count: number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  readonly weight: Float64Array;
  readonly status?: Uint8Array;
}

/**
 * Which particles count as possible locations of the object, by status code. A stranded particle
 * is still a possible location; a particle not yet released is not.
 */
export type StatusFilter = (status: number) => boolean;

/** Status code of a particle whose release time has not come (core/drift ParticleStatus.notReleased). */
export const NOT_RELEASED_STATUS = 3;

/** The default filter: every particle except those not yet released. */
export const releasedOnly: StatusFilter = (status) => status !== NOT_RELEASED_STATUS;

/**
 * Per-particle inclusion mask (1 = counted) from a cloud's status column and a filter; with no
 * status column every particle counts. Also checks that the columns have `count` entries.
 */
export function inclusionMask(cloud: WeightedCloud, include: StatusFilter = releasedOnly, field = 'cloud'): Uint8Array {
  checkCloud(cloud, field);
  const mask = new Uint8Array(cloud.count);
  const status = cloud.status;
  for (let i = 0; i < cloud.count; i++) mask[i] = status === undefined || include(status[i]) ? 1 : 0;
  return mask;
}


/** Throw InvalidInputError naming the column when a cloud's columns are shorter than `count`. */
export function checkCloud(cloud: WeightedCloud, field = 'cloud'): void {
  const { count } = cloud;
  if (!Number.isInteger(count) || count < 0) throw new InvalidInputError(`${field}.count`, `${count} is not a count`);
  for (const name of ['lonDeg', 'latDeg', 'weight', 'status'] as const) {
    const column = cloud[name];
    if (column !== undefined && column.length < count) {
      throw new InvalidInputError(`${field}.${name}`, `has ${column.length} entries for ${count} particles`);
    }
  }
}
