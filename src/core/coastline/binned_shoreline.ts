import type { BoundsDeg } from '../environment/vector_field.js';

/**
 * Shoreline data in GMT's binned layout (GSHHG, Wessel & Smith 1996): the world cut into square
 * bins; each bin keeps the shoreline pieces inside it and the level at its four corners.
 *
 * Levels (GSHHG): 0 ocean, 1 land, 2 lake, 3 island in lake, 4 pond in island. A segment's level
 * is the level of the polygon it bounds, so a level-1 segment separates ocean from land, a level-2
 * segment land from lake, and so on. Segments are clipped to the bin: an open segment starts and
 * ends on the bin's sides; the bin's sides close the polygons and are not stored.
 */
export interface BinnedShoreline {
  /** What a user reads, e.g. "GSHHG f 2.3.7, 127-135E 33-41N". */
  readonly label: string;
  /** Where the data came from (data set, version, file). */
  readonly source: string;
  /** Side of a bin in degrees (1 for GSHHG full resolution). */
  readonly binSizeDeg: number;
  /** The region the bins cover; every bin inside it is present. */
  readonly bounds: BoundsDeg;
  readonly bins: readonly ShorelineBin[];
}

/** Which side of a bin a segment enters or leaves by; NONE for a closed polygon inside the bin. */
export const BinSide = { SOUTH: 0, EAST: 1, NORTH: 2, WEST: 3, NONE: 4 } as const;

/** One bin: its south-west corner, its corner levels and its shoreline segments. */
export interface ShorelineBin {
  readonly westDeg: number;
  readonly southDeg: number;
  /** Levels at the corners, in the order south-west, south-east, north-east, north-west. */
  readonly cornerLevels: readonly [number, number, number, number];
  readonly segments: readonly ShorelineSegment[];
}

/** A shoreline piece inside one bin. */
export interface ShorelineSegment {
  /** Level of the polygon this segment bounds (1 land, 2 lake, 3 island in lake, 4 pond). */
  readonly level: number;
  /** Side the first point lies on (`BinSide`), NONE when the segment is a closed polygon. */
  readonly entrySide: number;
  /** Side the last point lies on (`BinSide`), NONE when the segment is a closed polygon. */
  readonly exitSide: number;
  /** Points in degrees. */
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
}

/** Whether a GSHHG level counts as land for drift: anything inside a level-1 shoreline. */
export function isLandLevel(level: number): boolean {
  return level >= 1;
}
