import { InvalidInputError } from '../errors.js';
import { lonFromDeg, type GridLocator } from './grid_locator.js';
import type { BoundsDeg } from './vector_field.js';

/** Largest lookup table (entries), so a fine grid cannot take unbounded memory. */
const MAX_TABLE_ENTRIES = 4_000_000;
/** How far outside [0, 1] a cell coordinate may fall and still count as inside (rounding). */
const CELL_EPS = 1e-7;

/** Options of {@link CurvilinearGrid}. */
export interface CurvilinearGridOptions {
  /** Lookup-table spacing in degrees of latitude; default half the median cell size. */
  readonly tableStepDeg?: number;
  /** Refine each table lookup by one Newton step in the grid cell (default true): exact bilinear inversion. */
  readonly refine?: boolean;
  /** What the grid is, for summaries (default "curvilinear"). */
  readonly kind?: string;
  /**
   * The exact fractional (i, j) of a position, when the grid comes from a map projection
   * (project, then scale the projected x/y). The table is then filled from it instead of from the
   * lon/lat bilinear cells, and `refine` defaults to false (a Newton step would pull the answer back
   * to the lon/lat cell, which is not the projected grid's straight-sided cell).
   */
  readonly indexOf?: (lonDeg: number, latDeg: number) => readonly [number, number];
}

/**
 * A curvilinear grid given by the longitude and latitude (degrees) of every node, row-major
 * `[j * nx + i]`: ocean-model grids (ROMS) and projected grids whose node positions were computed
 * by a projection. The grid may not span 360° of longitude.
 *
 * Locating a position inverts the bilinear map of a grid cell. A lookup table on a regular
 * lon/lat mesh (about half the grid spacing) holds the exact fractional (i, j) of its nodes,
 * obtained by Newton inversion of the cell containing each; a particle interpolates the table
 * bilinearly, then (by default) takes one Newton step in its cell, which makes the answer the
 * exact inverse. The per-particle code is hand-written because it is the drift's hot loop.
 *
 * @example new CurvilinearGrid(lon2dDeg, lat2dDeg, 31, 21, { kind: 'ROMS curvilinear' })
 */
export class CurvilinearGrid implements GridLocator {
  readonly bounds: BoundsDeg;
  readonly description: string;
  /** Node longitudes unwrapped into one continuous 360° window, and latitudes (degrees). */
  private readonly lonDeg: Float64Array;
  private readonly latDeg: Float64Array;
  private readonly lonMinDeg: number;
  private readonly lonWindowWestDeg: number;
  private readonly latMinDeg: number;
  private readonly tableDLonDeg: number;
  private readonly tableDLatDeg: number;
  private readonly tnx: number;
  private readonly tny: number;
  private readonly tableI: Float32Array;
  private readonly tableJ: Float32Array;
  private readonly refine: boolean;
  /** Result of the last {@link invertCell} (cell coordinates), kept here so nothing allocates. */
  private cellA = 0;
  private cellB = 0;

  constructor(
    lonDeg: ArrayLike<number>, latDeg: ArrayLike<number>,
    readonly nx: number, readonly ny: number, options: CurvilinearGridOptions = {},
  ) {
    if (nx < 2 || ny < 2) {
      throw new InvalidInputError('grid', `a curvilinear grid needs at least 2 × 2 nodes, got ${nx} × ${ny}`);
    }
    const n = nx * ny;
    if (lonDeg.length !== n || latDeg.length !== n) {
      throw new InvalidInputError('grid', `expected ${n} node positions (${nx} × ${ny}), got ${lonDeg.length} longitudes and ${latDeg.length} latitudes`);
    }
    this.refine = options.refine ?? options.indexOf === undefined;
    // Unwrap longitudes into [ref - 180, ref + 180) around the first finite node.
    let ref = NaN;
    for (let k = 0; k < n && ref !== ref; k++) if (Number.isFinite(lonDeg[k]) && Number.isFinite(latDeg[k])) ref = lonDeg[k];
    if (ref !== ref) throw new InvalidInputError('grid', 'no node has a finite longitude and latitude');
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    let lonMin = Infinity, lonMax = -Infinity, latMin = Infinity, latMax = -Infinity;
    for (let k = 0; k < n; k++) {
      const okNode = Number.isFinite(lonDeg[k]) && Number.isFinite(latDeg[k]);
      lon[k] = okNode ? lonFromDeg(lonDeg[k], ref - 180) : NaN;
      lat[k] = okNode ? latDeg[k] : NaN;
      if (!okNode) continue;
      if (lon[k] < lonMin) lonMin = lon[k];
      if (lon[k] > lonMax) lonMax = lon[k];
      if (lat[k] < latMin) latMin = lat[k];
      if (lat[k] > latMax) latMax = lat[k];
    }
    this.lonDeg = lon;
    this.latDeg = lat;
    this.lonMinDeg = lonMin;
    this.lonWindowWestDeg = lonMin - (360 - (lonMax - lonMin)) / 2;
    this.latMinDeg = latMin;
    this.bounds = { westDeg: wrap180(lonMin), eastDeg: wrap180(lonMax), southDeg: latMin, northDeg: latMax };

    const cellDeg = medianCellSizeDeg(lon, lat, nx, ny);
    const cosLat = Math.max(0.05, Math.cos(((latMin + latMax) / 2) * Math.PI / 180));
    let stepLat = options.tableStepDeg ?? cellDeg / 2;
    let stepLon = stepLat / cosLat;
    let tnx = Math.ceil((lonMax - lonMin) / stepLon) + 2;
    let tny = Math.ceil((latMax - latMin) / stepLat) + 2;
    if (tnx * tny > MAX_TABLE_ENTRIES) {
      const grow = Math.sqrt((tnx * tny) / MAX_TABLE_ENTRIES);
      stepLat *= grow;
      stepLon *= grow;
      tnx = Math.ceil((lonMax - lonMin) / stepLon) + 2;
      tny = Math.ceil((latMax - latMin) / stepLat) + 2;
    }
    this.tableDLonDeg = stepLon;
    this.tableDLatDeg = stepLat;
    this.tnx = tnx;
    this.tny = tny;
    this.tableI = new Float32Array(tnx * tny).fill(NaN);
    this.tableJ = new Float32Array(tnx * tny).fill(NaN);
    if (options.indexOf) this.fillTableFrom(options.indexOf); else this.fillTable();
    this.description = `${options.kind ?? 'curvilinear'} ${nx} × ${ny}, ` +
      `${fmt(this.bounds.westDeg)}..${fmt(this.bounds.eastDeg)}°E ${fmt(latMin)}..${fmt(latMax)}°N, ` +
      `cells about ${fmt(cellDeg * 111.2)} km`;
  }

  /** Fill the lookup table from an exact index function (projected grids). */
  private fillTableFrom(indexOf: (lonDeg: number, latDeg: number) => readonly [number, number]): void {
    const { tnx, tny } = this;
    const maxI = this.nx - 1, maxJ = this.ny - 1;
    for (let tj = 0; tj < tny; tj++) {
      const pLat = this.latMinDeg + tj * this.tableDLatDeg;
      for (let ti = 0; ti < tnx; ti++) {
        const [fi, fj] = indexOf(this.lonMinDeg + ti * this.tableDLonDeg, pLat);
        if (fi >= -CELL_EPS && fi <= maxI + CELL_EPS && fj >= -CELL_EPS && fj <= maxJ + CELL_EPS) {
          this.tableI[tj * tnx + ti] = Math.min(Math.max(fi, 0), maxI);
          this.tableJ[tj * tnx + ti] = Math.min(Math.max(fj, 0), maxJ);
        }
      }
    }
  }

  /** Fill the lookup table: every table node inside a cell gets that cell's exact inverse. */
  private fillTable(): void {
    const { nx, ny, lonDeg: lon, latDeg: lat, tnx, tny } = this;
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const k = j * nx + i;
        const lo0 = lon[k], lo1 = lon[k + 1], lo2 = lon[k + nx], lo3 = lon[k + nx + 1];
        const la0 = lat[k], la1 = lat[k + 1], la2 = lat[k + nx], la3 = lat[k + nx + 1];
        if (!(lo0 === lo0 && lo1 === lo1 && lo2 === lo2 && lo3 === lo3)) continue;
        const tiMin = Math.max(0, Math.ceil((Math.min(lo0, lo1, lo2, lo3) - this.lonMinDeg) / this.tableDLonDeg));
        const tiMax = Math.min(tnx - 1, Math.floor((Math.max(lo0, lo1, lo2, lo3) - this.lonMinDeg) / this.tableDLonDeg));
        const tjMin = Math.max(0, Math.ceil((Math.min(la0, la1, la2, la3) - this.latMinDeg) / this.tableDLatDeg));
        const tjMax = Math.min(tny - 1, Math.floor((Math.max(la0, la1, la2, la3) - this.latMinDeg) / this.tableDLatDeg));
        for (let tj = tjMin; tj <= tjMax; tj++) {
          const pLat = this.latMinDeg + tj * this.tableDLatDeg;
          for (let ti = tiMin; ti <= tiMax; ti++) {
            const t = tj * tnx + ti;
            if (this.tableI[t] === this.tableI[t]) continue;
            const pLon = this.lonMinDeg + ti * this.tableDLonDeg;
            if (this.invertCell(i, j, pLon, pLat)) {
              this.tableI[t] = i + this.cellA;
              this.tableJ[t] = j + this.cellB;
            }
          }
        }
      }
    }
  }

  /**
   * Newton inversion of cell (i, j)'s bilinear map at (lon, lat); true when the point lies in the
   * cell, with the cell coordinates in `cellA`, `cellB`. Allocates nothing.
   */
  private invertCell(i: number, j: number, pLon: number, pLat: number): boolean {
    const nx = this.nx;
    const k = j * nx + i;
    const lon = this.lonDeg, lat = this.latDeg;
    const x0 = lon[k], x1 = lon[k + 1], x2 = lon[k + nx], x3 = lon[k + nx + 1];
    const y0 = lat[k], y1 = lat[k + 1], y2 = lat[k + nx], y3 = lat[k + nx + 1];
    if (!(x0 === x0 && x1 === x1 && x2 === x2 && x3 === x3)) return false;
    let a = 0.5, b = 0.5;
    for (let it = 0; it < 12; it++) {
      const fx = x0 + (x1 - x0) * a + (x2 - x0) * b + (x0 - x1 - x2 + x3) * a * b - pLon;
      const fy = y0 + (y1 - y0) * a + (y2 - y0) * b + (y0 - y1 - y2 + y3) * a * b - pLat;
      const dxa = (x1 - x0) + (x0 - x1 - x2 + x3) * b, dxb = (x2 - x0) + (x0 - x1 - x2 + x3) * a;
      const dya = (y1 - y0) + (y0 - y1 - y2 + y3) * b, dyb = (y2 - y0) + (y0 - y1 - y2 + y3) * a;
      const det = dxa * dyb - dxb * dya;
      if (det === 0 || det !== det) return false;
      const da = (fx * dyb - fy * dxb) / det;
      const db = (fy * dxa - fx * dya) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
    }
    if (a < -CELL_EPS || a > 1 + CELL_EPS || b < -CELL_EPS || b > 1 + CELL_EPS) return false;
    this.cellA = a < 0 ? 0 : a > 1 ? 1 : a;
    this.cellB = b < 0 ? 0 : b > 1 ? 1 : b;
    return true;
  }

  locateBatch(
    lonDeg: Float64Array, latDeg: Float64Array, count: number, skip: Uint8Array,
    outI: Float64Array, outJ: Float64Array,
  ): void {
    const tI = this.tableI, tJ = this.tableJ, tnx = this.tnx;
    const lonMin = this.lonMinDeg, latMin = this.latMinDeg;
    const invDLon = 1 / this.tableDLonDeg, invDLat = 1 / this.tableDLatDeg;
    // Particle longitudes go into the 360° window centred on the grid's longitude span.
    const west = this.lonWindowWestDeg;
    const maxU = tnx - 1, maxV = this.tny - 1;
    const nx = this.nx, maxI = nx - 1, maxJ = this.ny - 1;
    const lon = this.lonDeg, lat = this.latDeg;
    const refine = this.refine;
    for (let k = 0; k < count; k++) {
      if (skip[k] !== 0) continue;
      let pLon = lonDeg[k] - west;
      if (pLon < 0 || pLon >= 360) pLon -= 360 * Math.floor(pLon / 360);
      pLon += west;
      const pLat = latDeg[k];
      const u = (pLon - lonMin) * invDLon;
      const v = (pLat - latMin) * invDLat;
      if (!(u >= 0 && v >= 0 && u < maxU && v < maxV)) { outI[k] = NaN; continue; }
      const iu = u | 0, iv = v | 0;
      const wu = u - iu, wv = v - iv;
      const t = iv * tnx + iu;
      const i00 = tI[t], i10 = tI[t + 1], i01 = tI[t + tnx], i11 = tI[t + tnx + 1];
      let fi = (i00 * (1 - wu) + i10 * wu) * (1 - wv) + (i01 * (1 - wu) + i11 * wu) * wv;
      if (fi !== fi) {
        // Near the grid's edge: search the cells around any valid table node exactly.
        this.locateNearEdge(pLon, pLat, t, outI, outJ, k);
        continue;
      }
      let fj = (tJ[t] * (1 - wu) + tJ[t + 1] * wu) * (1 - wv) + (tJ[t + tnx] * (1 - wu) + tJ[t + tnx + 1] * wu) * wv;
      if (refine) {
        let i0 = fi | 0; if (i0 > maxI - 1) i0 = maxI - 1;
        let j0 = fj | 0; if (j0 > maxJ - 1) j0 = maxJ - 1;
        const c = j0 * nx + i0;
        const x0 = lon[c], x1 = lon[c + 1], x2 = lon[c + nx], x3 = lon[c + nx + 1];
        const y0 = lat[c], y1 = lat[c + 1], y2 = lat[c + nx], y3 = lat[c + nx + 1];
        const a = fi - i0, b = fj - j0;
        const xab = x0 - x1 - x2 + x3, yab = y0 - y1 - y2 + y3;
        const fx = x0 + (x1 - x0) * a + (x2 - x0) * b + xab * a * b - pLon;
        const fy = y0 + (y1 - y0) * a + (y2 - y0) * b + yab * a * b - pLat;
        const dxa = (x1 - x0) + xab * b, dxb = (x2 - x0) + xab * a;
        const dya = (y1 - y0) + yab * b, dyb = (y2 - y0) + yab * a;
        const det = dxa * dyb - dxb * dya;
        if (det !== 0 && det === det) {
          fi -= (fx * dyb - fy * dxb) / det;
          fj -= (fy * dxa - fx * dya) / det;
        }
        if (fi < 0) fi = 0; else if (fi > maxI) fi = maxI;
        if (fj < 0) fj = 0; else if (fj > maxJ) fj = maxJ;
      }
      outI[k] = fi;
      outJ[k] = fj;
    }
  }

  /** Exact search of the 3 × 3 cells around a valid table node next to table index `t`. */
  private locateNearEdge(pLon: number, pLat: number, t: number, outI: Float64Array, outJ: Float64Array, k: number): void {
    const tnx = this.tnx;
    let guess = this.tableI[t];
    let guessJ = this.tableJ[t];
    for (let o = 1; o <= 3 && guess !== guess; o++) {
      const s = t + (o === 1 ? 1 : o === 2 ? tnx : tnx + 1);
      guess = this.tableI[s];
      guessJ = this.tableJ[s];
    }
    outI[k] = NaN;
    if (guess !== guess) return;
    const ci = Math.min(Math.floor(guess), this.nx - 2);
    const cj = Math.min(Math.floor(guessJ), this.ny - 2);
    for (let dj = -1; dj <= 1; dj++) {
      const j = cj + dj;
      if (j < 0 || j > this.ny - 2) continue;
      for (let di = -1; di <= 1; di++) {
        const i = ci + di;
        if (i < 0 || i > this.nx - 2) continue;
        if (this.invertCell(i, j, pLon, pLat)) {
          outI[k] = i + this.cellA;
          outJ[k] = j + this.cellB;
          return;
        }
      }
    }
  }
}

/** Median over (a sample of) cells of the shorter cell side, in degrees of latitude. */
function medianCellSizeDeg(lon: Float64Array, lat: Float64Array, nx: number, ny: number): number {
  const cells = (nx - 1) * (ny - 1);
  const stride = Math.max(1, Math.floor(cells / 20_000));
  const sizes: number[] = [];
  for (let c = 0; c < cells; c += stride) {
    const j = Math.floor(c / (nx - 1));
    const i = c % (nx - 1);
    const k = j * nx + i;
    const cosLat = Math.cos((lat[k] * Math.PI) / 180);
    const si = Math.hypot((lon[k + 1] - lon[k]) * cosLat, lat[k + 1] - lat[k]);
    const sj = Math.hypot((lon[k + nx] - lon[k]) * cosLat, lat[k + nx] - lat[k]);
    const s = Math.min(si, sj);
    if (s > 0) sizes.push(s);
  }
  if (sizes.length === 0) throw new InvalidInputError('grid', 'all grid cells are degenerate (no node positions differ)');
  sizes.sort((x, y) => x - y);
  return sizes[sizes.length >> 1];
}

function wrap180(lonDeg: number): number {
  const w = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return w === -180 && lonDeg > 0 ? 180 : w;
}

function fmt(x: number): string {
  return Number(x.toFixed(3)).toString();
}
