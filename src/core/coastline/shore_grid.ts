/**
 * The spatial index behind `Coastline`: a regular grid of square cells in degrees (1/64° by
 * default) over the coastline's bounds, each cell all-water, all-land or mixed. A mixed cell keeps
 * the list of shoreline edges that touch it and the land/water state of its centre, so any point
 * inside it is decided by counting edge crossings on the short line from the centre to the point.
 *
 * Coordinates inside the grid are in cell units: u = (lon − west) × cellsPerDeg,
 * v = (lat − south) × cellsPerDeg. Shorelines are polylines in those units; an edge is named by the
 * index of its first point (it runs from point e to point e + 1 of the same polyline).
 *
 * Internal to the coastline module (not re-exported by its index).
 */

/** Cell states: bit 1 set = mixed (edges in the cell), bit 0 = land at the cell centre. */
export const CELL_WATER = 0;
export const CELL_LAND = 1;
export const CELL_MIXED_WATER_CENTRE = 2;
export const CELL_MIXED_LAND_CENTRE = 3;

/** Tolerance (cell units) by which an edge's box is widened when listing the cells it touches. */
const TOUCH_EPS = 1e-9;

/** Shoreline polylines in cell units, stored flat. */
export interface ShorePolylines {
  /** Point coordinates in cell units (u east, v north from the grid's south-west corner). */
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** Polyline k holds points start[k] .. start[k + 1] − 1; length = polyline count + 1. */
  readonly start: Int32Array;
}

/** A finished grid: the arrays `Coastline` queries. */
export interface ShoreGrid {
  readonly nx: number;
  readonly ny: number;
  readonly cellsPerDeg: number;
  /** One of the CELL_* codes per cell, row-major from the south-west: index j * nx + i. */
  readonly cellState: Uint8Array;
  /** Edges of cell k are cellEdges[cellEdgeStart[k] .. cellEdgeStart[k + 1] − 1]. */
  readonly cellEdgeStart: Int32Array;
  readonly cellEdges: Int32Array;
  readonly polylines: ShorePolylines;
}

/** Growable flat store of polylines in cell units, used while reading a source. */
export class PolylineBuilder {
  private u = new Float64Array(1024);
  private v = new Float64Array(1024);
  private n = 0;
  private readonly starts: number[] = [0];

  /** Append one point to the polyline being built. */
  push(u: number, v: number): void {
    if (this.n === this.u.length) {
      const bigU = new Float64Array(this.n * 2);
      const bigV = new Float64Array(this.n * 2);
      bigU.set(this.u);
      bigV.set(this.v);
      this.u = bigU;
      this.v = bigV;
    }
    this.u[this.n] = u;
    this.v[this.n] = v;
    this.n++;
  }

  /** Close the current polyline (a polyline with fewer than 2 points is dropped). */
  endPolyline(): void {
    const first = this.starts[this.starts.length - 1];
    if (this.n - first < 2) this.n = first;
    else this.starts.push(this.n);
  }

  /** Number of finished polylines. */
  get polylineCount(): number {
    return this.starts.length - 1;
  }

  /** The polylines so far, trimmed to size. */
  finish(): ShorePolylines {
    return { u: this.u.slice(0, this.n), v: this.v.slice(0, this.n), start: Int32Array.from(this.starts) };
  }
}

/** Call `visit(e)` for every edge (first point index) of the polylines. */
export function forEachEdge(lines: ShorePolylines, visit: (edge: number) => void): void {
  for (let k = 0; k + 1 < lines.start.length; k++) {
    for (let e = lines.start[k]; e < lines.start[k + 1] - 1; e++) visit(e);
  }
}

/**
 * Call `visit(cell)` once for every grid cell the edge's closed segment touches (slightly widened,
 * so an edge lying on a cell boundary marks the cells on both sides).
 */
function forEachTouchedCell(
  u0: number, v0: number, u1: number, v1: number, nx: number, ny: number, visit: (cell: number) => void,
): void {
  const uMin = Math.min(u0, u1) - TOUCH_EPS;
  const uMax = Math.max(u0, u1) + TOUCH_EPS;
  const vLo = Math.min(v0, v1);
  const vHi = Math.max(v0, v1);
  const c0 = Math.max(0, Math.floor(uMin));
  const c1 = Math.min(nx - 1, Math.floor(uMax));
  const du = u1 - u0;
  for (let c = c0; c <= c1; c++) {
    let va = vLo;
    let vb = vHi;
    if (Math.abs(du) > 1e-12) {
      const ua = Math.max(uMin, c);
      const ub = Math.min(uMax, c + 1);
      const wa = v0 + ((ua - u0) * (v1 - v0)) / du;
      const wb = v0 + ((ub - u0) * (v1 - v0)) / du;
      va = Math.max(vLo, Math.min(wa, wb));
      vb = Math.min(vHi, Math.max(wa, wb));
    }
    const r0 = Math.max(0, Math.floor(va - TOUCH_EPS));
    const r1 = Math.min(ny - 1, Math.floor(vb + TOUCH_EPS));
    for (let r = r0; r <= r1; r++) visit(r * nx + c);
  }
}

/**
 * Build the grid from shoreline polylines and the land state of every cell centre
 * (`centreLand[j * nx + i]`, 1 = land). Cells touched by no edge take their centre's state.
 */
export function buildShoreGrid(
  lines: ShorePolylines, nx: number, ny: number, cellsPerDeg: number, centreLand: Uint8Array,
): ShoreGrid {
  const cellCount = nx * ny;
  const counts = new Int32Array(cellCount + 1);
  const { u, v } = lines;
  forEachEdge(lines, (e) => {
    forEachTouchedCell(u[e], v[e], u[e + 1], v[e + 1], nx, ny, (cell) => { counts[cell + 1]++; });
  });
  for (let k = 0; k < cellCount; k++) counts[k + 1] += counts[k];
  const cellEdgeStart = counts;
  const cellEdges = new Int32Array(cellEdgeStart[cellCount]);
  const fill = cellEdgeStart.slice(0, cellCount);
  forEachEdge(lines, (e) => {
    forEachTouchedCell(u[e], v[e], u[e + 1], v[e + 1], nx, ny, (cell) => { cellEdges[fill[cell]++] = e; });
  });
  const cellState = new Uint8Array(cellCount);
  for (let k = 0; k < cellCount; k++) {
    const mixed = cellEdgeStart[k + 1] > cellEdgeStart[k];
    cellState[k] = (mixed ? CELL_MIXED_WATER_CENTRE : CELL_WATER) | (centreLand[k] & 1);
  }
  return { nx, ny, cellsPerDeg, cellState, cellEdgeStart, cellEdges, polylines: lines };
}

/**
 * Whether the segment A→B crosses the edge C→D. Hand-written kernel (hot path): orientation signs
 * with a fixed tie-break (a zero orientation counts as the positive side), so a line through a
 * shared vertex of two consecutive edges counts one crossing or none, never two.
 */
export function segmentCrossesEdge(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number,
): boolean {
  const abx = bx - ax;
  const aby = by - ay;
  const oc = abx * (cy - ay) - aby * (cx - ax);
  const od = abx * (dy - ay) - aby * (dx - ax);
  if (oc >= 0 === od >= 0) return false;
  const cdx = dx - cx;
  const cdy = dy - cy;
  const oa = cdx * (ay - cy) - cdy * (ax - cx);
  const ob = cdx * (by - cy) - cdy * (bx - cx);
  return oa >= 0 !== ob >= 0;
}

/**
 * The u coordinates where the horizontal line v = vRow crosses the edges of `lines` (half-open
 * rule: an edge crosses when exactly one end lies strictly above the line), sorted ascending.
 * `edges` restricts the search to a list of edge ids (all edges when null).
 */
export function rowCrossings(lines: ShorePolylines, vRow: number, edges: Int32Array | null): Float64Array {
  const { u, v } = lines;
  const found: number[] = [];
  const test = (e: number): void => {
    const va = v[e];
    const vb = v[e + 1];
    if (va > vRow !== vb > vRow) found.push(u[e] + ((vRow - va) * (u[e + 1] - u[e])) / (vb - va));
  };
  if (edges) for (let k = 0; k < edges.length; k++) test(edges[k]);
  else forEachEdge(lines, test);
  return Float64Array.from(found).sort();
}
