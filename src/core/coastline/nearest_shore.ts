import { CELL_WATER, CELL_LAND, type ShoreGrid } from './shore_grid.js';

/** A point of the shoreline near a query point, in cell units, with its distance. */
export interface ShoreCandidate {
  /** Distance from the query point, in cell units of latitude (north-south cell sides). */
  readonly distance: number;
  readonly u: number;
  readonly v: number;
  /** Unit normal of the edge the point lies on (in the local metric: u scaled by `uScale`). */
  readonly normalX: number;
  readonly normalY: number;
}

/**
 * The point of every shoreline edge nearest to (u, v) within `radius`, nearest first, in cell
 * units: a cell's u side is `uScale` (cos latitude) times its v side, so distances are measured
 * with u scaled by `uScale` (a local equirectangular metric, within 0.1 % over 50 km). Only the
 * cells within the radius are visited, and each edge once. Internal to the coastline module.
 */
export function nearestShorePoints(grid: ShoreGrid, u: number, v: number, radius: number, uScale: number): ShoreCandidate[] {
  const { nx, ny, cellState, cellEdgeStart, cellEdges } = grid;
  const pu = grid.polylines.u, pv = grid.polylines.v;
  const radiusU = radius / uScale;
  const i0 = Math.max(0, Math.floor(u - radiusU)), i1 = Math.min(nx - 1, Math.floor(u + radiusU));
  const j0 = Math.max(0, Math.floor(v - radius)), j1 = Math.min(ny - 1, Math.floor(v + radius));
  const seen = new Set<number>();
  const found: ShoreCandidate[] = [];
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const k = j * nx + i;
      const s = cellState[k];
      if (s === CELL_WATER || s === CELL_LAND) continue;
      for (let q = cellEdgeStart[k]; q < cellEdgeStart[k + 1]; q++) {
        const e = cellEdges[q];
        if (seen.has(e)) continue;
        seen.add(e);
        // the closest point of the segment A→B to P, in the metric (x = u × uScale, y = v)
        const ax = pu[e] * uScale, ay = pv[e], bx = pu[e + 1] * uScale, by = pv[e + 1];
        const px = u * uScale, py = v;
        const dx = bx - ax, dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        if (lengthSquared === 0) continue;
        const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        const cx = ax + t * dx, cy = ay + t * dy;
        const distance = Math.hypot(px - cx, py - cy);
        if (distance > radius) continue;
        const length = Math.sqrt(lengthSquared);
        found.push({ distance, u: cx / uScale, v: cy, normalX: -dy / length, normalY: dx / length });
      }
    }
  }
  return found.sort((a, b) => a.distance - b.distance);
}
