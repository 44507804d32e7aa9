/**
 * Search-and-rescue regions (SRR) as polygons in longitude/latitude, and the questions the rules
 * ask of them: which RCC's region holds a point, and when a timed track crosses from one region
 * into another. Edges are straight lines in longitude/latitude (the polygons are drawn that way in
 * the config); regions must not cross the antimeridian.
 */
import type { LonLatDeg } from '../geo/lon_lat.js';

/** A ring of [lonDeg, latDeg] vertices; closing the ring is optional. */
export type RingDeg = readonly (readonly [number, number])[];

/** A polygon: an outer ring, then optional holes. */
export type PolygonDeg = readonly RingDeg[];

/** An SRR: one or more polygons, with a flag for regions that are only illustrative. */
export interface SrrRegion {
  readonly polygons: readonly PolygonDeg[];
  /** True when the polygons are NOT an official SRR boundary (examples, exercises). */
  readonly illustrative: boolean;
}

/** A position at a time (seconds since 1970-01-01T00:00Z). */
export interface TimedPosition extends LonLatDeg {
  readonly timeS: number;
}

/** Even-odd test of a point against one ring (ray cast toward +longitude). */
function inRing(ring: RingDeg, lonDeg: number, latDeg: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > latDeg) !== (yj > latDeg) && lonDeg < ((xj - xi) * (latDeg - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the region (inside an outer ring and outside its holes). */
export function srrContains(region: SrrRegion, point: LonLatDeg): boolean {
  return region.polygons.some((polygon) =>
    polygon.length > 0 && inRing(polygon[0], point.lonDeg, point.latDeg) &&
    !polygon.slice(1).some((hole) => inRing(hole, point.lonDeg, point.latDeg)));
}

/** The first region (in the order given) that holds the point, or undefined. */
export function regionAt<T extends { readonly srr: SrrRegion }>(regions: readonly T[], point: LonLatDeg): T | undefined {
  return regions.find((r) => srrContains(r.srr, point));
}

/** A crossing of a timed track from one region's owner to another's. */
export interface RegionCrossing<T> {
  readonly from: T | undefined;
  readonly to: T | undefined;
  /** Where and when the track crosses (interpolated linearly between track points). */
  readonly at: TimedPosition;
}

/** Linear interpolation between two timed positions, fraction f in [0, 1]. */
export function interpolateTimed(a: TimedPosition, b: TimedPosition, f: number): TimedPosition {
  return { lonDeg: a.lonDeg + (b.lonDeg - a.lonDeg) * f, latDeg: a.latDeg + (b.latDeg - a.latDeg) * f, timeS: a.timeS + (b.timeS - a.timeS) * f };
}

/**
 * Every change of region along a timed track, in time order. Between two track points whose
 * regions differ, the crossing is found by bisection to 1e-9 of the leg (well under a metre).
 * A leg that leaves a region and comes back between two points is not seen; give points at
 * least every few nautical miles.
 */
export function regionCrossings<T extends { readonly srr: SrrRegion }>(regions: readonly T[], track: readonly TimedPosition[]): RegionCrossing<T>[] {
  const crossings: RegionCrossing<T>[] = [];
  for (let k = 1; k < track.length; k++) {
    const a = track[k - 1];
    const b = track[k];
    let ra = regionAt(regions, a);
    const rb = regionAt(regions, b);
    let lo = 0;
    // Walk the leg: each bisection finds the first change after `lo`; repeat while regions differ.
    while (ra !== rb) {
      let hi = 1;
      for (let i = 0; i < 40; i++) {
        const mid = (lo + hi) / 2;
        if (regionAt(regions, interpolateTimed(a, b, mid)) === ra) lo = mid;
        else hi = mid;
      }
      const at = interpolateTimed(a, b, hi);
      const next = regionAt(regions, at);
      crossings.push({ from: ra, to: next, at });
      ra = next;
      lo = hi;
    }
  }
  return crossings;
}
