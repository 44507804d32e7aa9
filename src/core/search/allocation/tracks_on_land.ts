/**
 * Would a unit searching this rectangle with this pattern come within its clearance of land? A
 * quick test for the optimiser (thousands of candidate areas), on the lines the pattern's legs lie
 * on (not the route's legs one by one, nor its arcs), each asked of the coastline's cell index for
 * its closest approach to a shoreline edge; an area with no shore within reach of its lines is clear
 * at once.
 *
 * The turns: a unit flies every turn fly-by, inside the corner (turns.ts), so its track leaves the
 * leg lines only in the 90-degree turns of these patterns, by at most r (1 - 1/√2) < 0.3 r at the
 * middle of an arc; the lines are therefore kept `clearance + 0.3 r` from land, and the track as
 * flown is `clearance` from it.
 */
import type { Shoreline } from '../../drift/request.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { fromLocal, type LocalFrame } from '../../probability/local_frame.js';
import type { FrameRectangle } from './frame_rectangle.js';
import type { AreaPattern } from './track_spacing_fit.js';

/** How far a fly-by 90-degree turn of radius r leaves its legs' lines, as a fraction of r (1 - 1/√2, rounded up). */
export const TURN_BULGE_PER_RADIUS = 0.3;

/**
 * True when a leg line of the pattern meets land or comes within `clearanceM` of it. PS: tracks
 * along the rectangle's length, S apart and S/2 inside its sides, and the two end lines the cross
 * legs lie on; CS: the same across its width; SS: the lines its legs lie on (squareMeetsLand).
 *
 * The lines are laid in the allocation's frame, a spherical equirectangular one about the cloud. Its
 * lines part from the ones the route is laid on (area_route.ts: the area's own plotting sheet,
 * patterns/local_plane.ts) by a few parts in a thousand of their distance from the area's centre:
 * metres near the frame's origin, up to a tenth of a mile at the far side of an area tens of miles
 * from it. The route's own closest approach, measured after (route_clearance.ts), says where that
 * leaves a unit inside its clearance.
 */
export function tracksMeetLand(rect: FrameRectangle, pattern: AreaPattern, trackSpacingNm: number, frame: LocalFrame, shoreline: Shoreline,
  clearanceM = 0): boolean {
  const sM = trackSpacingNm * METRES_PER_NM;
  const centre = fromLocal(frame, rect.cxM, rect.cyM);
  // no shore within reach of any line (the half diagonal, a spacing past the sides, a tenth more for
  // the frame's parting): clear, without laying the lines
  const reachM = (Math.hypot(rect.alongHalfM, rect.acrossHalfM) + sM) * 1.1 + clearanceM + 1;
  if (shoreline.mayBeNearLand && !shoreline.mayBeNearLand(centre.lonDeg, centre.latDeg, reachM)) return false;
  /** Does the line between two points of the frame (metres) come within the clearance of land? */
  const near = (x0: number, y0: number, x1: number, y1: number): boolean => {
    const a = fromLocal(frame, x0, y0), b = fromLocal(frame, x1, y1);
    if (clearanceM > 0) return shoreline.closestShore(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg, clearanceM) !== null;
    return shoreline.firstShoreCrossing(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg) >= 0;
  };
  const ux = Math.sin(rect.bearingRad), uy = Math.cos(rect.bearingRad);   // along
  const vx = uy, vy = -ux;                                                  // across
  if (pattern === 'SS') return squareMeetsLand(rect, sM, ux, uy, vx, vy, near);
  /** Lines parallel to `axis` ('along' or 'across'), S apart, S/2 inside, plus their two end lines. */
  const linesMeetLand = (axis: 'along' | 'across'): boolean => {
    const [lx, ly, lHalf, ox, oy, oHalf] = axis === 'along'
      ? [ux, uy, rect.alongHalfM, vx, vy, rect.acrossHalfM]
      : [vx, vy, rect.acrossHalfM, ux, uy, rect.alongHalfM];
    const reach = Math.max(lHalf - sM / 2, 0);
    // the ladder's tracks (parallel_tracks.ts): ceil(extent / S), the first S/2 inside the start
    // side; when S does not divide the extent the last one lies past the far side's S/2, on the
    // side away from the start, which depends on the way in: both are tested
    const n = Math.max(1, Math.ceil((2 * oHalf) / sM - 1e-9));
    const exact = Math.abs(n * sM - 2 * oHalf) < 1e-6 * Math.max(sM, 1);
    let spread = 0;
    for (let k = 0; k < n; k++) {
      for (const side of exact ? [1] : [1, -1]) {
        const o = side * (-oHalf + sM / 2 + k * sM);
        spread = Math.max(spread, Math.abs(o));
        const cx = rect.cxM + o * ox, cy = rect.cyM + o * oy;
        if (near(cx - reach * lx, cy - reach * ly, cx + reach * lx, cy + reach * ly)) return true;
      }
    }
    for (const end of [-reach, reach]) {   // the cross legs between tracks
      const cx = rect.cxM + end * lx, cy = rect.cyM + end * ly;
      if (near(cx - spread * ox, cy - spread * oy, cx + spread * ox, cy + spread * oy)) return true;
    }
    return false;
  };
  return linesMeetLand(pattern === 'PS' ? 'along' : 'across');
}

/**
 * The expanding square's lines (area_route.ts: the CSP at the centre, the first leg along the
 * bearing u, right turns toward v, k squares of side L/k = S). Its legs lie on the lines S apart
 * through the CSP, not on a ladder's S/2 inside the sides: after 2k legs the spiral spans
 * -floor(k/2) S to ceil(k/2) S from the CSP along and across (the last legs of an odd count reach
 * S/2 past the area's sides). Every such line over that whole span is tested: a superset of the legs.
 */
function squareMeetsLand(rect: FrameRectangle, sM: number, ux: number, uy: number, vx: number, vy: number,
  near: (x0: number, y0: number, x1: number, y1: number) => boolean): boolean {
  const squares = Math.max(1, Math.round((2 * rect.alongHalfM) / sM));
  const low = -Math.floor(squares / 2) * sM, high = Math.ceil(squares / 2) * sM;
  const { cxM: cx, cyM: cy } = rect;
  for (let o = low; o <= high + 1e-6 * sM; o += sM) {
    if (near(cx + o * vx + low * ux, cy + o * vy + low * uy, cx + o * vx + high * ux, cy + o * vy + high * uy)) return true;    // legs along u
    if (near(cx + o * ux + low * vx, cy + o * uy + low * vy, cx + o * ux + high * vx, cy + o * uy + high * vy)) return true;    // legs along v
  }
  return false;
}

/** The leg lines' clearance for a unit: its clearance from land and the bulge of its turns (file comment), metres. */
export function lineClearanceM(clearanceNm: number, turnRadiusNm: number): number {
  return (clearanceNm + TURN_BULGE_PER_RADIUS * turnRadiusNm) * METRES_PER_NM;
}

/**
 * The largest part of `rect` whose pattern keeps its clearance: the rectangle cut back from one of
 * its four sides (the one that keeps the most area; an SS square cut to a smaller square, its side
 * opposite the cut kept) in steps of a twentieth, the track spacing
 * re-chosen for each cut by `spacingFor`; null when no cut to a fifth of a side clears it. The
 * IAMSAR baseline's strips are clipped this way, by the same rule the optimiser's areas obey.
 */
export function clipClearOfLand(rect: FrameRectangle, pattern: AreaPattern, spacingFor: (r: FrameRectangle) => number | null,
  frame: LocalFrame, shoreline: Shoreline, clearanceM: number): FrameRectangle | null {
  const clear = (r: FrameRectangle): boolean => {
    const s = spacingFor(r);
    return s !== null && !tracksMeetLand(r, pattern, s, frame, shoreline, clearanceM);
  };
  if (clear(rect)) return rect;
  const ux = Math.sin(rect.bearingRad), uy = Math.cos(rect.bearingRad);
  const vx = uy, vy = -ux;
  let best: FrameRectangle | null = null;
  for (const [axis, sign] of [['along', 1], ['along', -1], ['across', 1], ['across', -1]] as const) {
    for (let keep = 0.95; keep >= 0.2 - 1e-9; keep -= 0.05) {
      const half = axis === 'along' ? rect.alongHalfM : rect.acrossHalfM;
      const shift = sign * half * (1 - keep);   // the side at -sign stays where it was
      const [dx, dy] = axis === 'along' ? [ux, uy] : [vx, vy];
      // an expanding square stays a square: cut back across as well, about its centre line
      const r: FrameRectangle = {
        ...rect, cxM: rect.cxM - shift * dx, cyM: rect.cyM - shift * dy,
        ...(pattern === 'SS' ? { alongHalfM: half * keep, acrossHalfM: half * keep }
          : axis === 'along' ? { alongHalfM: half * keep } : { acrossHalfM: half * keep }),
      };
      if (clear(r)) {
        if (!best || r.alongHalfM * r.acrossHalfM > best.alongHalfM * best.acrossHalfM) best = r;
        break;
      }
    }
  }
  return best;
}
