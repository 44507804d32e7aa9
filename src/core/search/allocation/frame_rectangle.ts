/**
 * A search rectangle in a local metric frame (core/probability/local_frame.ts), the form the
 * allocation works in: centre, half extents along and across a bearing. Overlap is tested with
 * the separating axis theorem (two convex polygons are disjoint iff their projections on some
 * edge normal are disjoint; for rectangles the four edge directions suffice).
 */
import type { LonLatDeg } from '../../geo/lon_lat.js';
import { METRES_PER_NM, degToRad, radToDeg } from '../../geo/units.js';
import { fromLocal, localFrame, localXM, localYM, type LocalFrame } from '../../probability/local_frame.js';

/** A rectangle in a local frame: x east, y north, metres; `alongHalfM` runs along `bearingRad` (true, from north). */
export interface FrameRectangle {
  readonly cxM: number;
  readonly cyM: number;
  /** Half extent along the bearing, metres. */
  readonly alongHalfM: number;
  /** Half extent across the bearing, metres. */
  readonly acrossHalfM: number;
  /** True bearing of the "along" axis, radians. */
  readonly bearingRad: number;
}

/** A search area on the Earth, as the pattern generators take it (length along orientationDeg). */
export interface AreaOnEarth {
  readonly centre: LonLatDeg;
  /** Along orientationDeg, NM. */
  readonly lengthNm: number;
  /** Across orientationDeg, NM. */
  readonly widthNm: number;
  /** True bearing of the length axis, degrees in [0, 360). */
  readonly orientationDeg: number;
}

/** The four corners (x, y metres), in order round the rectangle. */
export function rectangleCorners(r: FrameRectangle): [number, number][] {
  const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad); // along
  const vx = uy, vy = -ux; // across (to the right of along)
  const out: [number, number][] = [];
  for (const [su, sv] of [[-1, -1], [-1, 1], [1, 1], [1, -1]]) {
    out.push([r.cxM + su * r.alongHalfM * ux + sv * r.acrossHalfM * vx, r.cyM + su * r.alongHalfM * uy + sv * r.acrossHalfM * vy]);
  }
  return out;
}

/**
 * True when two rectangles share interior area (separating axis theorem). Rectangles that only
 * touch, or overlap by less than `toleranceM` along some axis, do not overlap.
 * @example rectanglesOverlap(a, { ...a, cxM: a.cxM + 2 * a.acrossHalfM }) // false for bearing 0: they share an edge
 */
export function rectanglesOverlap(a: FrameRectangle, b: FrameRectangle, toleranceM = 1): boolean {
  const ca = rectangleCorners(a), cb = rectangleCorners(b);
  for (const r of [a, b]) {
    const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
    for (const [ax, ay] of [[ux, uy], [uy, -ux]]) {
      let minA = Infinity, maxA = -Infinity, minB = Infinity, maxB = -Infinity;
      for (const [x, y] of ca) { const p = x * ax + y * ay; if (p < minA) minA = p; if (p > maxA) maxA = p; }
      for (const [x, y] of cb) { const p = x * ax + y * ay; if (p < minB) minB = p; if (p > maxB) maxB = p; }
      if (maxA <= minB + toleranceM || maxB <= minA + toleranceM) return false;
    }
  }
  return true;
}

/** The rectangle on the Earth (centre from the frame; sizes in NM; bearing in [0, 360)). */
export function rectangleOnEarth(frame: LocalFrame, r: FrameRectangle): AreaOnEarth {
  return {
    centre: fromLocal(frame, r.cxM, r.cyM),
    lengthNm: (2 * r.alongHalfM) / METRES_PER_NM,
    widthNm: (2 * r.acrossHalfM) / METRES_PER_NM,
    orientationDeg: ((radToDeg(r.bearingRad) % 360) + 360) % 360,
  };
}

/** The area put into the frame. */
export function rectangleInFrame(frame: LocalFrame, area: AreaOnEarth): FrameRectangle {
  return {
    cxM: localXM(frame, area.centre.lonDeg), cyM: localYM(frame, area.centre.latDeg),
    alongHalfM: (area.lengthNm * METRES_PER_NM) / 2, acrossHalfM: (area.widthNm * METRES_PER_NM) / 2,
    bearingRad: degToRad(area.orientationDeg),
  };
}

/**
 * The four corners of an area on the Earth, counter-clockwise on the map (SW, SE, NE, NW for a
 * north-up area, as RFC 7946 rings go), through a local frame at the area's centre.
 */
export function areaCorners(area: AreaOnEarth): LonLatDeg[] {
  const frame = localFrame(area.centre);
  return rectangleCorners(rectangleInFrame(frame, area)).map(([x, y]) => fromLocal(frame, x, y));
}
