/**
 * How close a straight step comes to the shoreline: the least distance from the segment to every
 * shoreline edge (to the edges, not only their vertices), with the two closest points. Internal to
 * the coastline module; `Coastline.closestShore` is its public face.
 *
 * Hand-written kernel (the optimiser asks it for every leg line of thousands of candidate areas):
 * only the cells within `radius` of the segment's box are visited, water and land cells cost one
 * read, and nothing allocates but the answer.
 */
import { CELL_LAND, CELL_WATER, segmentCrossesEdge, type ShoreGrid } from './shore_grid.js';

/** The closest approach of a segment to the shore, in cell units of the grid. */
export interface ShoreApproachCells {
  /** Distance in cell units of latitude (the metric scales u by `uScale`). */
  readonly distance: number;
  /** Fraction along the segment of its closest point. */
  readonly t: number;
  /** The closest shoreline point, cell units. */
  readonly shoreU: number;
  readonly shoreV: number;
}

/**
 * The closest approach of the segment (u0, v0)→(u1, v1) to the shoreline edges within `radius`
 * (cell units of latitude), in the local metric x = u × uScale, y = v; null when no edge is that
 * close. A segment that crosses an edge has distance 0 there. Land cells are not tested: the
 * caller checks whether the segment starts on land (a segment wholly inside land meets no edge).
 */
export function closestShoreCells(grid: ShoreGrid, u0: number, v0: number, u1: number, v1: number,
  radius: number, uScale: number): ShoreApproachCells | null {
  const { nx, ny, cellState, cellEdgeStart, cellEdges } = grid;
  const pu = grid.polylines.u, pv = grid.polylines.v;
  const radiusU = radius / uScale;
  const i0 = Math.max(0, Math.floor(Math.min(u0, u1) - radiusU)), i1 = Math.min(nx - 1, Math.floor(Math.max(u0, u1) + radiusU));
  const j0 = Math.max(0, Math.floor(Math.min(v0, v1) - radius)), j1 = Math.min(ny - 1, Math.floor(Math.max(v0, v1) + radius));
  // the segment in the metric
  const ax = u0 * uScale, ay = v0, bx = u1 * uScale, by = v1;
  const dx = bx - ax, dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let best = radius, bestT = 0, bestX = 0, bestY = 0, found = false;
  const consider = (d: number, t: number, shoreX: number, shoreY: number): void => {
    if (d < best || (!found && d <= best)) { best = d; found = true; bestT = t; bestX = shoreX; bestY = shoreY; }
  };
  /** A shoreline vertex against the segment. */
  const vertexToSegment = (px: number, py: number): void => {
    const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
    consider(Math.hypot(px - ax - t * dx, py - ay - t * dy), t, px, py);
  };
  /** An end of the segment (at fraction t) against the edge C + w F. */
  const endToEdge = (px: number, py: number, t: number, cx: number, cy: number, fx: number, fy: number, edgeSquared: number): void => {
    const w = Math.min(1, Math.max(0, ((px - cx) * fx + (py - cy) * fy) / edgeSquared));
    const wx = cx + w * fx, wy = cy + w * fy;
    consider(Math.hypot(px - wx, py - wy), t, wx, wy);
  };
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const k = j * nx + i;
      const s = cellState[k];
      if (s === CELL_WATER || s === CELL_LAND) continue;
      for (let q = cellEdgeStart[k]; q < cellEdgeStart[k + 1]; q++) {
        const e = cellEdges[q];
        const cx = pu[e] * uScale, cy = pv[e], ex = pu[e + 1] * uScale, ey = pv[e + 1];
        if (segmentCrossesEdge(ax, ay, bx, by, cx, cy, ex, ey)) {
          // the crossing point: distance 0
          const fx = ex - cx, fy = ey - cy;
          const denominator = dx * fy - dy * fx;
          const t = denominator === 0 ? 0 : ((cx - ax) * fy - (cy - ay) * fx) / denominator;
          const tt = Math.min(1, Math.max(0, t));
          consider(0, tt, ax + tt * dx, ay + tt * dy);
          continue;
        }
        // two segments that do not cross are closest at an end of one of them
        vertexToSegment(cx, cy);
        vertexToSegment(ex, ey);
        const fx = ex - cx, fy = ey - cy;
        const edgeSquared = fx * fx + fy * fy;
        if (edgeSquared === 0) continue;
        endToEdge(ax, ay, 0, cx, cy, fx, fy, edgeSquared);
        endToEdge(bx, by, 1, cx, cy, fx, fy, edgeSquared);
      }
    }
  }
  return found ? { distance: best, t: bestT, shoreU: bestX / uScale, shoreV: bestY } : null;
}
