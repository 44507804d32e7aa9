import type { BoundsDeg } from '../environment/vector_field.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { nearestShorePoints, type ShoreCandidate } from './nearest_shore.js';
import { closestShoreCells } from './shore_distance.js';
import { CELL_LAND, CELL_WATER, segmentCrossesEdge, type ShoreGrid } from './shore_grid.js';

/**
 * How far past the nearest shoreline a point moved off land is put, metres: enough to be clear of
 * the shoreline's numerical edge, far below the accuracy of any reported position.
 */
export const WATER_NUDGE_M = 10;

/** The shoreline candidates `nearestWater` tries before it gives up (the first nearly always works). */
const MAX_WATER_CANDIDATES = 64;

/** Grid statistics of a coastline, for summaries and memory estimates. */
export interface CoastlineStats {
  readonly cellsPerDeg: number;
  readonly cellCount: number;
  readonly waterCells: number;
  readonly landCells: number;
  readonly mixedCells: number;
  readonly shorelinePoints: number;
  /** Bytes held by the index's typed arrays. */
  readonly bytes: number;
}

/**
 * A land mask with stranding: answers "is this point land?" and "where does this straight step
 * first meet the shore?" for drift particles, built from shoreline polylines (GSHHG bins or generic
 * rings; see `coastlineFromBins`, `coastlineFromRings`).
 *
 * Points outside `bounds` are water: a loaded coastline region may be smaller than the drift
 * domain, and a particle there simply never strands. Longitudes may be given in any 360° convention
 * (−180..180 or 0..360); a step is taken the short way round (|Δlon| ≤ 180°).
 */
export class Coastline {
  /** What a user reads in summaries, e.g. "GSHHG f 2.3.7, 127-135E 33-41N". */
  readonly label: string;
  /** The region the shoreline data cover (degrees); outside it everything is water. */
  readonly bounds: BoundsDeg;
  /** Cells per degree of the index grid (cell side 1/cellsPerDeg degree). */
  readonly cellsPerDeg: number;

  private readonly westDeg: number;
  private readonly southDeg: number;
  /** Longitudes are wrapped into [westDeg + wrapBaseDeg, westDeg + wrapBaseDeg + 360). */
  private readonly wrapBaseDeg: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly state: Uint8Array;
  private readonly edgeStart: Int32Array;
  private readonly edges: Int32Array;
  private readonly pu: Float64Array;
  private readonly pv: Float64Array;
  /** The index itself (read by the prebuilt-index writer, src/io/coastline/coastline_index_file.ts). */
  readonly grid: ShoreGrid;
  /**
   * The cells where a step shorter than half a cell certainly stays in water (the cell and its
   * eight neighbours all water), read by the drift kernel before firstShoreCrossing (Shoreline's
   * ClearWaterCells): at sea nearly every particle-step is decided by this one byte.
   */
  readonly clearWater: { westDeg: number; southDeg: number; cellsPerDeg: number; nx: number; ny: number; clear: Uint8Array };

  /** Use `coastlineFromBins` or `coastlineFromRings`; this takes a finished index. */
  constructor(label: string, bounds: BoundsDeg, grid: ShoreGrid) {
    this.label = label;
    this.bounds = bounds;
    this.cellsPerDeg = grid.cellsPerDeg;
    this.westDeg = bounds.westDeg;
    this.southDeg = bounds.southDeg;
    // Centre the 360° window on the grid, so points just west of it stay west of it.
    this.wrapBaseDeg = grid.nx / grid.cellsPerDeg / 2 - 180;
    this.nx = grid.nx;
    this.ny = grid.ny;
    this.state = grid.cellState;
    this.edgeStart = grid.cellEdgeStart;
    this.edges = grid.cellEdges;
    this.pu = grid.polylines.u;
    this.pv = grid.polylines.v;
    this.grid = grid;
    this.clearWater = { westDeg: this.westDeg, southDeg: this.southDeg, cellsPerDeg: this.cellsPerDeg, nx: this.nx, ny: this.ny, clear: clearWaterCells(this.state, this.nx, this.ny) };
  }

  /** Whether the point (degrees) is land; false outside `bounds`. Hand-written kernel (hot path). */
  isLand(lonDeg: number, latDeg: number): boolean {
    let x = lonDeg - this.westDeg - this.wrapBaseDeg;
    if (x < 0 || x >= 360) x -= 360 * Math.floor(x / 360);
    const u = (x + this.wrapBaseDeg) * this.cellsPerDeg;
    const v = (latDeg - this.southDeg) * this.cellsPerDeg;
    if (!(u >= 0 && u < this.nx && v >= 0 && v < this.ny)) return false;
    const s = this.state[(v | 0) * this.nx + (u | 0)];
    if (s < 2) return s === CELL_LAND;
    return this.isLandCell(u, v);
  }

  /**
   * For a straight step from (lon0, lat0) to (lon1, lat1) in degrees, the fraction t ∈ [0, 1] of
   * the step where it first meets the shore, or −1 when the whole step stays in water. Returns 0
   * when the start is already on land. Every shoreline edge along the step is tested, so a step
   * across a small islet strands even when both ends are at sea.
   *
   * Hand-written kernel (hot path: every active particle, every time step). The common case, both
   * ends in all-water cells that are the same or neighbouring cells, costs a few comparisons and
   * two to four array reads, and nothing allocates.
   */
  firstShoreCrossing(lon0Deg: number, lat0Deg: number, lon1Deg: number, lat1Deg: number): number {
    // Fast path, without longitude wrapping: when both ends are in the grid as given and in
    // neighbouring cells, the step is short and needs no wrapping (the general path wraps).
    const cpd = this.cellsPerDeg;
    const nx = this.nx;
    const ny = this.ny;
    const u0 = (lon0Deg - this.westDeg) * cpd;
    const v0 = (lat0Deg - this.southDeg) * cpd;
    const u1 = (lon1Deg - this.westDeg) * cpd;
    const v1 = (lat1Deg - this.southDeg) * cpd;
    if (u0 >= 0 && u0 < nx && v0 >= 0 && v0 < ny && u1 >= 0 && u1 < nx && v1 >= 0 && v1 < ny) {
      const i0 = u0 | 0;
      const j0 = v0 | 0;
      const i1 = u1 | 0;
      const j1 = v1 | 0;
      const st = this.state;
      if (st[j0 * nx + i0] === CELL_WATER && st[j1 * nx + i1] === CELL_WATER) {
        const di = i1 - i0;
        const dj = j1 - j0;
        if (dj === 0 && (di === 0 || di === 1 || di === -1)) return -1;
        if (di === 0 && (dj === 1 || dj === -1)) return -1;
        // A diagonal neighbour: the step also passes through one of the two side cells.
        if ((di === 1 || di === -1) && (dj === 1 || dj === -1) &&
          st[j0 * nx + i1] === CELL_WATER && st[j1 * nx + i0] === CELL_WATER) return -1;
      }
    }
    return this.generalCrossing(lon0Deg, lat0Deg, lon1Deg, lat1Deg);
  }

  /**
   * The water nearest to a point: the point itself when it is in water; for a point on land, a
   * point WATER_NUDGE_M past the nearest shoreline (or the edge of `bounds`, beyond which all is
   * water) when that is within `maxDistanceM`; otherwise null. Distances are on the model sphere
   * in a local equirectangular metric (within 0.1 % up to 50 km). The shoreline's nearest points
   * are tried in order of distance, each stepped past the shore away from the point and then along
   * both normals of its edge, until one lands in water. Longitude keeps the caller's convention.
   * The water found may be a lake of the shoreline data (GSHHG level 2), if that is nearer than
   * the sea.
   */
  nearestWater(lonDeg: number, latDeg: number, maxDistanceM: number): { lonDeg: number; latDeg: number; distanceM: number } | null {
    if (!this.isLand(lonDeg, latDeg)) return { lonDeg, latDeg, distanceM: 0 };
    if (!(maxDistanceM > 0)) return null;
    const cpd = this.cellsPerDeg;
    let x = lonDeg - this.westDeg - this.wrapBaseDeg;
    if (x < 0 || x >= 360) x -= 360 * Math.floor(x / 360);
    const u = (x + this.wrapBaseDeg) * cpd;
    const v = (latDeg - this.southDeg) * cpd;
    const cellM = ((Math.PI / 180) * EARTH_RADIUS_M) / cpd;   // the north-south side of a cell
    const uScale = Math.cos((latDeg * Math.PI) / 180);
    const radius = maxDistanceM / cellM;
    const nudge = WATER_NUDGE_M / cellM;
    const candidates: ShoreCandidate[] = nearestShorePoints(this.grid, u, v, radius, uScale);
    // beyond the grid's edges everything is water (a grid all round the globe has no east/west edge)
    const sides: ShoreCandidate[] = [
      { distance: v, u, v: 0, normalX: 0, normalY: -1 },
      { distance: this.ny - v, u, v: this.ny, normalX: 0, normalY: 1 },
    ];
    if (this.nx < 360 * cpd) {
      sides.push({ distance: u * uScale, u: 0, v, normalX: -1, normalY: 0 }, { distance: (this.nx - u) * uScale, u: this.nx, v, normalX: 1, normalY: 0 });
    }
    for (const side of sides) if (side.distance <= radius) candidates.push(side);
    candidates.sort((a, b) => a.distance - b.distance);
    for (const c of candidates.slice(0, MAX_WATER_CANDIDATES)) {
      const awayX = (c.u - u) * uScale, awayY = c.v - v;
      const away = Math.hypot(awayX, awayY);
      const directions = away > 0 ? [awayX / away, awayY / away, c.normalX, c.normalY, -c.normalX, -c.normalY] : [c.normalX, c.normalY, -c.normalX, -c.normalY];
      for (let d = 0; d < directions.length; d += 2) {
        const tu = c.u + (nudge * directions[d]) / uScale, tv = c.v + nudge * directions[d + 1];
        const distanceM = Math.hypot((tu - u) * uScale, tv - v) * cellM;
        if (distanceM > maxDistanceM + WATER_NUDGE_M) continue;
        const lon = lonDeg + (tu - u) / cpd, lat = latDeg + (tv - v) / cpd;
        if (!this.isLand(lon, lat)) return { lonDeg: lon, latDeg: lat, distanceM };
      }
    }
    return null;
  }

  /**
   * How close the straight step from (lon0, lat0) to (lon1, lat1) comes to the shore: the least
   * distance, metres, from the step to any shoreline edge within `maxDistanceM` (to the edges, not
   * their vertices), the fraction along the step where it is closest and the shore point there;
   * distance 0 where the step is on land or crosses the shore; null when no shore is that close.
   * Distances are on the model sphere in a local equirectangular metric at the step's mean
   * latitude (within 0.1 % up to 50 km); the caller may measure the pair geodesically.
   */
  closestShore(lon0Deg: number, lat0Deg: number, lon1Deg: number, lat1Deg: number, maxDistanceM: number):
    { distanceM: number; fraction: number; shoreLonDeg: number; shoreLatDeg: number } | null {
    for (const [lon, lat, fraction] of [[lon0Deg, lat0Deg, 0], [lon1Deg, lat1Deg, 1]] as const) {
      if (this.isLand(lon, lat)) return { distanceM: 0, fraction, shoreLonDeg: lon, shoreLatDeg: lat };
    }
    const cpd = this.cellsPerDeg;
    let x0 = lon0Deg - this.westDeg - this.wrapBaseDeg;
    if (x0 < 0 || x0 >= 360) x0 -= 360 * Math.floor(x0 / 360);
    x0 += this.wrapBaseDeg;
    let dLon = lon1Deg - lon0Deg;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    const cellM = ((Math.PI / 180) * EARTH_RADIUS_M) / cpd;
    const uScale = Math.cos((((lat0Deg + lat1Deg) / 2) * Math.PI) / 180);
    const u0 = x0 * cpd, v0 = (lat0Deg - this.southDeg) * cpd;
    const u1 = u0 + dLon * cpd, v1 = v0 + (lat1Deg - lat0Deg) * cpd, radius = maxDistanceM / cellM;
    // no cell with shoreline edges within reach: closestShoreCells would find none (the optimiser asks
    // this for every leg line of thousands of candidate areas, most far from land)
    if (!this.edgesNear(Math.min(u0, u1) - radius / uScale, Math.max(u0, u1) + radius / uScale, Math.min(v0, v1) - radius, Math.max(v0, v1) + radius)) return null;
    const r = closestShoreCells(this.grid, u0, v0, u1, v1, radius, uScale);
    if (r === null) return null;
    return {
      distanceM: r.distance * cellM, fraction: r.t,
      shoreLonDeg: lon0Deg + (r.shoreU - u0) / cpd, shoreLatDeg: this.southDeg + r.shoreV / cpd,
    };
  }

  /** Shoreline.mayBeNearLand: the point on land, or a cell holding shoreline edges in the box of `radiusM` about it. */
  mayBeNearLand(lonDeg: number, latDeg: number, radiusM: number): boolean {
    if (this.isLand(lonDeg, latDeg)) return true;
    const cpd = this.cellsPerDeg;
    let x = lonDeg - this.westDeg - this.wrapBaseDeg;
    if (x < 0 || x >= 360) x -= 360 * Math.floor(x / 360);
    const u = (x + this.wrapBaseDeg) * cpd, v = (latDeg - this.southDeg) * cpd;
    const radius = radiusM / (((Math.PI / 180) * EARTH_RADIUS_M) / cpd);
    // the box's east-west half width at its poleward side, where a degree of longitude is shortest
    const poleward = Math.min(89.9, Math.abs(latDeg) + radius / cpd);
    const uRadius = radius / Math.cos((poleward * Math.PI) / 180);
    return this.edgesNear(u - uRadius, u + uRadius, v - radius, v + radius);
  }

  /**
   * Whether any cell holding shoreline edges (neither all water nor all land) may lie in the box
   * u in [uLo, uHi], v in [vLo, vHi] (cell units): false only when none does. A summed-area table of
   * such cells over blocks of EDGE_BLOCK_TARGET-bounded size, built on first use; the blocks that
   * cover the box are counted, so the answer errs only towards "may".
   */
  private edgesNear(uLo: number, uHi: number, vLo: number, vHi: number): boolean {
    if (!(uLo <= uHi && vLo <= vHi)) return true;   // NaN: let the full search decide
    const { nx, ny } = this;
    const i0 = Math.max(0, Math.floor(uLo) - 1), i1 = Math.min(nx - 1, Math.floor(uHi) + 1);
    const j0 = Math.max(0, Math.floor(vLo) - 1), j1 = Math.min(ny - 1, Math.floor(vHi) + 1);
    if (i0 > i1 || j0 > j1) return false;   // the box is off the grid: no edge there
    const t = this.edgeTable ?? (this.edgeTable = edgeCellTable(this.state, nx, ny));
    const b = t.block, w = t.width;
    const bi0 = (i0 / b) | 0, bi1 = ((i1 / b) | 0) + 1, bj0 = (j0 / b) | 0, bj1 = ((j1 / b) | 0) + 1;
    const count = t.sum[bj1 * w + bi1] - t.sum[bj0 * w + bi1] - t.sum[bj1 * w + bi0] + t.sum[bj0 * w + bi0];
    return count > 0;
  }

  private edgeTable: EdgeCellTable | null = null;

  /** Counts of water, land and mixed cells and the memory the index holds. */
  stats(): CoastlineStats {
    let water = 0;
    let land = 0;
    for (let k = 0; k < this.state.length; k++) {
      if (this.state[k] === CELL_WATER) water++;
      else if (this.state[k] === CELL_LAND) land++;
    }
    const g = this.grid;
    const bytes = g.cellState.byteLength + g.cellEdgeStart.byteLength + g.cellEdges.byteLength +
      g.polylines.u.byteLength + g.polylines.v.byteLength + g.polylines.start.byteLength;
    return {
      cellsPerDeg: this.cellsPerDeg, cellCount: this.state.length, waterCells: water, landCells: land,
      mixedCells: this.state.length - water - land, shorelinePoints: g.polylines.u.length, bytes,
    };
  }

  /** Number of shoreline polylines (rings or GSHHG bin segments) in the index. */
  get shorelineCount(): number {
    return this.grid.polylines.start.length - 1;
  }

  /** Shoreline polyline k as [lon, lat] pairs in degrees (for maps; allocates). */
  shoreline(k: number): Array<[number, number]> {
    const { start } = this.grid.polylines;
    const out: Array<[number, number]> = [];
    for (let p = start[k]; p < start[k + 1]; p++) {
      out.push([this.westDeg + this.pu[p] / this.cellsPerDeg, this.southDeg + this.pv[p] / this.cellsPerDeg]);
    }
    return out;
  }

  /** Land state of a point in cell units, inside the grid. */
  private isLandCell(u: number, v: number): boolean {
    const i = Math.min(this.nx - 1, Math.floor(u));
    const j = Math.min(this.ny - 1, Math.floor(v));
    const k = j * this.nx + i;
    const s = this.state[k];
    if (s < 2) return s === CELL_LAND;
    // Mixed cell: the centre's state, flipped by each edge crossed on the way to the point.
    const cu = i + 0.5;
    const cv = j + 0.5;
    let land = s & 1;
    const pu = this.pu;
    const pv = this.pv;
    for (let q = this.edgeStart[k]; q < this.edgeStart[k + 1]; q++) {
      const e = this.edges[q];
      if (segmentCrossesEdge(cu, cv, u, v, pu[e], pv[e], pu[e + 1], pv[e + 1])) land ^= 1;
    }
    return land === 1;
  }

  /** The general case of `firstShoreCrossing`: wrap longitudes, then walk the cells. */
  private generalCrossing(lon0Deg: number, lat0Deg: number, lon1Deg: number, lat1Deg: number): number {
    const cpd = this.cellsPerDeg;
    let x0 = lon0Deg - this.westDeg - this.wrapBaseDeg;
    if (x0 < 0 || x0 >= 360) x0 -= 360 * Math.floor(x0 / 360);
    x0 += this.wrapBaseDeg;
    let dLon = lon1Deg - lon0Deg;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    return this.walkCells(x0 * cpd, (lat0Deg - this.southDeg) * cpd, dLon * cpd, (lat1Deg - lat0Deg) * cpd);
  }

  /**
   * The general case of `firstShoreCrossing`, in cell units: clip the step to the grid, then walk
   * the cells it passes through in order (Amanatides & Woo 1987 traversal), testing the edges of
   * each mixed cell, until a crossing is found before the current cell's exit.
   */
  private walkCells(u0: number, v0: number, du: number, dv: number): number {
    const nx = this.nx;
    const ny = this.ny;
    if (!Number.isFinite(u0 + v0 + du + dv)) return -1;
    // Liang-Barsky clip of P(t) = (u0 + t du, v0 + t dv), t in [0, 1], to [0, nx] x [0, ny].
    let tA = 0;
    let tB = 1;
    for (let side = 0; side < 4; side++) {
      const p = side === 0 ? -du : side === 1 ? du : side === 2 ? -dv : dv;
      const q = side === 0 ? u0 : side === 1 ? nx - u0 : side === 2 ? v0 : ny - v0;
      if (p === 0) {
        if (q < 0) return -1;
      } else if (p < 0) {
        tA = Math.max(tA, q / p);
      } else {
        tB = Math.min(tB, q / p);
      }
    }
    if (tA > tB) return -1;
    const uA = u0 + tA * du;
    const vA = v0 + tA * dv;
    // Entering the grid from outside (where all is water): stop at the grid's edge if land is there.
    if (tA > 0 && this.isLandCell(Math.min(Math.max(uA, 0), nx - 1e-9), Math.min(Math.max(vA, 0), ny - 1e-9))) return tA;

    let i = Math.min(nx - 1, Math.max(0, Math.floor(uA)));
    let j = Math.min(ny - 1, Math.max(0, Math.floor(vA)));
    const stepI = du > 0 ? 1 : du < 0 ? -1 : 0;
    const stepJ = dv > 0 ? 1 : dv < 0 ? -1 : 0;
    let tMaxU = du > 0 ? (i + 1 - u0) / du : du < 0 ? (i - u0) / du : Infinity;
    let tMaxV = dv > 0 ? (j + 1 - v0) / dv : dv < 0 ? (j - v0) / dv : Infinity;
    const tDeltaU = du !== 0 ? Math.abs(1 / du) : Infinity;
    const tDeltaV = dv !== 0 ? Math.abs(1 / dv) : Infinity;
    let tEnter = tA;
    let best = Infinity;
    // In the first cell (when the step starts inside the grid) the same pass over the cell's edges
    // also decides whether the start itself is on land.
    let first = tA === 0;
    const pu = this.pu;
    const pv = this.pv;
    for (;;) {
      const tExit = Math.min(tMaxU, tMaxV, tB);
      const k = j * nx + i;
      const s = this.state[k];
      if (s === CELL_LAND) return first ? 0 : Math.min(best, tEnter);
      if (s !== CELL_WATER) {
        let parity = s & 1;
        const cu = i + 0.5;
        const cv = j + 0.5;
        for (let q = this.edgeStart[k]; q < this.edgeStart[k + 1]; q++) {
          const e = this.edges[q];
          const au = pu[e];
          const av = pv[e];
          const bu = pu[e + 1];
          const bv = pv[e + 1];
          if (first && segmentCrossesEdge(cu, cv, u0, v0, au, av, bu, bv)) parity ^= 1;
          // Sides of the edge's ends against the step's line: both strictly on one side, no crossing.
          const oa = du * (av - v0) - dv * (au - u0);
          const ob = du * (bv - v0) - dv * (bu - u0);
          if ((oa > 0 && ob > 0) || (oa < 0 && ob < 0)) continue;
          // Sides of the step's ends against the edge's line; it changes linearly along the step.
          const eu = bu - au;
          const ev = bv - av;
          const o0 = eu * (v0 - av) - ev * (u0 - au);
          const o1 = eu * (v0 + dv - av) - ev * (u0 + du - au);
          if ((o0 > 0 && o1 > 0) || (o0 < 0 && o1 < 0) || o0 === o1) continue;
          const t = o0 / (o0 - o1);
          if (t < best) best = t;
        }
        if (first && parity === 1) return 0;
      }
      first = false;
      if (best <= tExit) return best;
      if (tExit >= tB) break;
      if (tMaxU < tMaxV) { i += stepI; tEnter = tMaxU; tMaxU += tDeltaU; } else { j += stepJ; tEnter = tMaxV; tMaxV += tDeltaV; }
      if (i < 0 || i >= nx || j < 0 || j >= ny) break;
    }
    return best <= 1 ? best : -1;
  }
}

/** Summed-area table of the cells with shoreline edges, over square blocks of `block` cells. */
interface EdgeCellTable {
  readonly block: number;
  /** Blocks per row plus one. */
  readonly width: number;
  /** sum[bj * width + bi]: cells with edges in the blocks west of bi and south of bj. */
  readonly sum: Int32Array;
}

/** At most about this many blocks in an edge-cell table (4 MB), so a large grid gets larger blocks. */
const EDGE_BLOCK_TARGET = 1 << 20;

function edgeCellTable(state: Uint8Array, nx: number, ny: number): EdgeCellTable {
  const block = Math.max(1, Math.ceil(Math.sqrt((nx * ny) / EDGE_BLOCK_TARGET)));
  const bx = Math.ceil(nx / block), by = Math.ceil(ny / block), width = bx + 1;
  const sum = new Int32Array((by + 1) * width);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const s = state[j * nx + i];
      if (s !== CELL_WATER && s !== CELL_LAND) sum[(((j / block) | 0) + 1) * width + ((i / block) | 0) + 1]++;
    }
  }
  for (let bj = 1; bj <= by; bj++) {
    for (let bi = 1; bi <= bx; bi++) sum[bj * width + bi] += sum[(bj - 1) * width + bi] + sum[bj * width + bi - 1] - sum[(bj - 1) * width + bi - 1];
  }
  return { block, width, sum };
}

/**
 * 1 for each cell that is water with all eight neighbours water (cells on the grid's edge: 0). A
 * step from such a cell moving less than half a cell each way ends in the same or a neighbouring
 * cell, both water, and passes only through water cells: firstShoreCrossing's fast path returns
 * −1 for it, so the answer is the same bit for bit.
 */
function clearWaterCells(state: Uint8Array, nx: number, ny: number): Uint8Array {
  // separable: a cell whose row neighbours are water too (one pass), then those of the rows above and below
  const rowWater = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 1, k = j * nx + 1; i < nx - 1; i++, k++) {
      if (state[k - 1] === CELL_WATER && state[k] === CELL_WATER && state[k + 1] === CELL_WATER) rowWater[k] = 1;
    }
  }
  const clear = new Uint8Array(nx * ny);
  for (let k = nx; k < (ny - 1) * nx; k++) clear[k] = rowWater[k - nx] & rowWater[k] & rowWater[k + nx];
  return clear;
}
