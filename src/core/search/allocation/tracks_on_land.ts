/**
 * Would a unit searching this rectangle with this pattern sail over land? A quick test for the
 * optimiser (thousands of candidate areas), on the lines the pattern's legs lie on, laid out in
 * the local frame instead of by geodesics (the same lines to metres at these sizes).
 */
import type { Shoreline } from '../../drift/request.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { fromLocal, type LocalFrame } from '../../probability/local_frame.js';
import type { FrameRectangle } from './frame_rectangle.js';
import type { AreaPattern } from './track_spacing_fit.js';

/**
 * True when a leg line of the pattern meets land. PS: tracks along the rectangle's length, S apart
 * and S/2 inside its sides, and the two end lines the cross legs lie on; CS: the same across its
 * width; SS: every line S apart in both directions (the square's legs lie on them; a superset, so
 * an expanding square is never sent over land, sometimes kept off a little more than needed).
 */
export function tracksMeetLand(rect: FrameRectangle, pattern: AreaPattern, trackSpacingNm: number, frame: LocalFrame, shoreline: Shoreline): boolean {
  const sM = trackSpacingNm * METRES_PER_NM;
  const ux = Math.sin(rect.bearingRad), uy = Math.cos(rect.bearingRad);   // along
  const vx = uy, vy = -ux;                                                  // across
  /** Lines parallel to `axis` ('along' or 'across'), S apart, S/2 inside, plus their two end lines. */
  const linesMeetLand = (axis: 'along' | 'across'): boolean => {
    const [lx, ly, lHalf, ox, oy, oHalf] = axis === 'along'
      ? [ux, uy, rect.alongHalfM, vx, vy, rect.acrossHalfM]
      : [vx, vy, rect.acrossHalfM, ux, uy, rect.alongHalfM];
    const reach = Math.max(lHalf - sM / 2, 0), spread = Math.max(oHalf - sM / 2, 0);
    const crosses = (x0: number, y0: number, x1: number, y1: number): boolean => {
      const a = fromLocal(frame, x0, y0), b = fromLocal(frame, x1, y1);
      return shoreline.firstShoreCrossing(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg) >= 0;
    };
    for (let o = -spread; o <= spread + 1e-6; o += sM) {
      const cx = rect.cxM + o * ox, cy = rect.cyM + o * oy;
      if (crosses(cx - reach * lx, cy - reach * ly, cx + reach * lx, cy + reach * ly)) return true;
    }
    for (const end of [-reach, reach]) {   // the cross legs between tracks
      const cx = rect.cxM + end * lx, cy = rect.cyM + end * ly;
      if (crosses(cx - spread * ox, cy - spread * oy, cx + spread * ox, cy + spread * oy)) return true;
    }
    return false;
  };
  if (pattern === 'PS') return linesMeetLand('along');
  if (pattern === 'CS') return linesMeetLand('across');
  return linesMeetLand('along') || linesMeetLand('across');
}
