import type { BoundsDeg } from './vector_field.js';

/**
 * Maps positions (degrees) to fractional grid indices of an nx × ny node grid, in batches.
 * Column index i runs along the fastest-varying axis of the row-major data (`j * nx + i`).
 */
export interface GridLocator {
  /** Nodes along i (columns) and j (rows). Both at least 2. */
  readonly nx: number;
  readonly ny: number;
  /** The geographic extent of the nodes. */
  readonly bounds: BoundsDeg;
  /** One line for summaries, e.g. "regular lon/lat 61 × 51, 0.1° × 0.1°". */
  readonly description: string;
  /**
   * For each index `k < count` with `skip[k] === 0`, write the fractional indices
   * (0 ≤ i ≤ nx - 1, 0 ≤ j ≤ ny - 1) into `outI[k]`, `outJ[k]`, or NaN into `outI[k]` when the
   * position lies outside the grid. Indices with `skip[k] !== 0` are left untouched.
   * Allocates nothing.
   */
  locateBatch(
    lonDeg: Float64Array, latDeg: Float64Array, count: number, skip: Uint8Array,
    outI: Float64Array, outJ: Float64Array,
  ): void;
}

/** Bring a longitude into [refDeg, refDeg + 360). */
export function lonFromDeg(lonDeg: number, refDeg: number): number {
  let d = lonDeg - refDeg;
  if (d < 0 || d >= 360) d -= 360 * Math.floor(d / 360);
  return refDeg + d;
}
