import { contours } from 'd3-contour';
import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM } from '../geo/units.js';
import { fromLocal } from './local_frame.js';
import { containmentCells, type PocGrid } from './poc_grid.js';

/** Containment levels drawn by default (IAMSAR practice: 50 %, 90 %, 95 %). */
export const DEFAULT_CONTAINMENT_LEVELS: readonly number[] = [0.5, 0.9, 0.95];

/** GeoJSON (RFC 7946) position: [lonDeg, latDeg]. */
export type GeoJsonPosition = [number, number];

/** One containment contour as a GeoJSON Feature with a MultiPolygon (exterior rings counter-clockwise). */
export interface ContainmentFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'MultiPolygon'; readonly coordinates: GeoJsonPosition[][][] };
  readonly properties: {
    /** Probability the set holds at least, in (0, 1]. */
    readonly containment: number;
    /** POC actually held by the cells of the set (>= containment). */
    readonly heldPoc: number;
    /** Per-cell POC threshold the contour is drawn at. */
    readonly thresholdPoc: number;
    /** Cells in the smallest set. */
    readonly cellCount: number;
    /** Area of those cells, square NM. */
    readonly cellAreaNm2: number;
    /** Area enclosed by the drawn polygons (holes removed) in the grid's frame, square NM. */
    readonly polygonAreaNm2: number;
  };
}

/** A GeoJSON FeatureCollection of containment contours, one Feature per level. */
export interface ContainmentCollection {
  readonly type: 'FeatureCollection';
  readonly features: ContainmentFeature[];
}

/**
 * Containment contours of a POC grid: for each level p the smallest set of cells holding
 * probability >= p (cells sorted by POC, taken from the most probable), outlined with d3-contour's
 * marching squares on the grid at a threshold half-way between the POC of the last cell taken and
 * the first left out (linear smoothing puts the line near the cell edges between them).
 * @example containmentContours(pocGrid(cloud)) // 50, 90 and 95 % polygons
 */
export function containmentContours(grid: PocGrid, levels: readonly number[] = DEFAULT_CONTAINMENT_LEVELS): ContainmentCollection {
  const generator = contours().size([grid.nx, grid.ny]);
  const values = Array.from(grid.poc);
  const cellNm2 = (grid.cellSizeM / METRES_PER_NM) ** 2;
  const features = levels.map((containment, k): ContainmentFeature => {
    if (!(containment > 0 && containment <= 1)) throw new InvalidInputError(`levels[${k}]`, `${containment} is not in (0, 1]`);
    const set = containmentCells(grid.poc, containment);
    const threshold = set.lastTaken > set.firstLeft ? 0.5 * (set.lastTaken + set.firstLeft) : set.lastTaken * (1 - 1e-9);
    let held = 0;
    for (let c = 0; c < grid.poc.length; c++) if (grid.poc[c] >= threshold) held += grid.poc[c];
    const multi = generator.contour(values, threshold);
    let polygonAreaM2 = 0;
    const coordinates = multi.coordinates.map((polygon) => polygon.map((ring, r) => {
      const xy = ring.map(([gx, gy]) => [grid.x0M + gx * grid.cellSizeM, grid.y0M + gy * grid.cellSizeM] as const);
      let area = signedAreaM2(xy);
      if ((r === 0) !== area > 0) { xy.reverse(); area = -area; }
      polygonAreaM2 += area;
      return xy.map(([x, y]): GeoJsonPosition => { const p = fromLocal(grid.frame, x, y); return [p.lonDeg, p.latDeg]; });
    }));
    return {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates },
      properties: {
        containment, heldPoc: held, thresholdPoc: threshold, cellCount: set.count,
        cellAreaNm2: set.count * cellNm2, polygonAreaNm2: polygonAreaM2 / METRES_PER_NM ** 2,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

function signedAreaM2(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let k = 0, n = ring.length; k < n; k++) {
    const [x0, y0] = ring[k];
    const [x1, y1] = ring[(k + 1) % n];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}
