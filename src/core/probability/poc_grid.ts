import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM } from '../geo/units.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { weightedDatum } from './datum.js';
import { fromLocal, localFrame, projectInto, type LocalFrame } from './local_frame.js';
import { inclusionMask, releasedOnly, type StatusFilter, type WeightedCloud } from './particle_cloud.js';

/**
 * Probability of containment (POC) per cell of a square grid in a local metric frame. Cells are
 * equal in area in the frame, so sorting cells by POC sorts them by probability density.
 * Flat row-major: the cell in column i (west to east), row j (south to north) is `poc[j * nx + i]`
 * and spans x in [x0M + i cellSizeM, x0M + (i+1) cellSizeM], likewise for y.
 */
export interface PocGrid {
  readonly frame: LocalFrame;
  /** West edge of column 0 in the frame, metres. */
  readonly x0M: number;
  /** South edge of row 0 in the frame, metres. */
  readonly y0M: number;
  readonly cellSizeM: number;
  readonly nx: number;
  readonly ny: number;
  /** POC per cell; sums to 1 over the grid (unless no weight was counted). */
  readonly poc: Float64Array;
  /** Sum of the weights of the particles counted, before normalisation. */
  readonly countedWeight: number;
  /** True when the cell size had to grow to keep the grid within `maxCells`. */
  readonly cellSizeLimited: boolean;
}

/** Options of pocGrid; every field has a default. */
export interface PocGridOptions {
  /** Cell size, NM; default automatic: the 90 % containment area spans about `cellsAcross90` cells (its square root). */
  readonly cellSizeNm?: number;
  /** Automatic cell size target: cells across the square root of the 90 % area; default 50. */
  readonly cellsAcross90?: number;
  /** Frame of the grid; default the equirectangular frame about the weighted datum. */
  readonly frame?: LocalFrame;
  /** Which particles count, by status; default all but 'not released'. */
  readonly include?: StatusFilter;
  /** Largest number of cells; the cell size grows to stay within it. Default 4,000,000. */
  readonly maxCells?: number;
  /** Empty cells kept round the particles so contours close inside the grid; default 2. */
  readonly marginCells?: number;
}

/**
 * Bin weighted particles into a POC grid (IAMSAR Vol. II: probability map). POC per cell is the
 * counted weight in the cell divided by the total counted weight, so it sums to 1.
 * Automatic cell size: a first grid of 128 cells across the particles' extent gives the 90 %
 * containment area A90 (smallest set of cells); the cell becomes sqrt(A90) / 50 and the step is
 * repeated (at most 4 times) until the size settles within 10 %.
 * @example const grid = pocGrid(snapshotCloud, { cellSizeNm: 0.5 });
 */
export function pocGrid(cloud: WeightedCloud, options: PocGridOptions = {}): PocGrid {
  const include = options.include ?? releasedOnly;
  const mask = inclusionMask(cloud, include);
  for (let i = 0; i < cloud.count; i++) if (mask[i] && !(cloud.weight[i] > 0)) mask[i] = 0;
  const frame = options.frame ?? localFrame(weightedDatum(cloud, include));
  const n = cloud.count;
  const xM = new Float64Array(n);
  const yM = new Float64Array(n);
  projectInto(frame, cloud.lonDeg, cloud.latDeg, n, xM, yM);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, counted = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    counted++;
    if (xM[i] < minX) minX = xM[i];
    if (xM[i] > maxX) maxX = xM[i];
    if (yM[i] < minY) minY = yM[i];
    if (yM[i] > maxY) maxY = yM[i];
  }
  if (counted === 0) throw new InvalidInputError('cloud', 'no particle with a positive weight is counted');
  const maxCells = options.maxCells ?? 4_000_000;
  const margin = options.marginCells ?? 2;
  const extentM = Math.max(maxX - minX, maxY - minY, 1);
  const bounds = { minX, maxX, minY, maxY };
  if (options.cellSizeNm !== undefined) {
    if (!(options.cellSizeNm > 0)) throw new InvalidInputError('cellSizeNm', `${options.cellSizeNm} is not a positive size`);
    return binCloud(cloud, mask, xM, yM, frame, bounds, options.cellSizeNm * METRES_PER_NM, margin, maxCells);
  }
  const across = options.cellsAcross90 ?? 50;
  let cellM = extentM / 128;
  let grid = binCloud(cloud, mask, xM, yM, frame, bounds, cellM, margin, maxCells);
  for (let pass = 0; pass < 4; pass++) {
    const a90 = containmentCellCount(grid.poc, 0.9) * grid.cellSizeM * grid.cellSizeM;
    const next = Math.max(Math.sqrt(a90) / across, extentM / 1e5, 1e-3);
    if (Math.abs(next - cellM) < 0.1 * cellM) break;
    cellM = next;
    grid = binCloud(cloud, mask, xM, yM, frame, bounds, cellM, margin, maxCells);
  }
  return grid;
}

function binCloud(cloud: WeightedCloud, mask: Uint8Array, xM: Float64Array, yM: Float64Array, frame: LocalFrame,
  b: { minX: number; maxX: number; minY: number; maxY: number }, cellM: number, margin: number, maxCells: number): PocGrid {
  let cellSizeM = cellM;
  let nx = 0, ny = 0, limited = false;
  for (;;) {
    nx = Math.floor((b.maxX - b.minX) / cellSizeM) + 1 + 2 * margin;
    ny = Math.floor((b.maxY - b.minY) / cellSizeM) + 1 + 2 * margin;
    if (nx * ny <= maxCells) break;
    cellSizeM *= Math.sqrt((nx * ny) / maxCells) * 1.01;
    limited = true;
  }
  const x0M = b.minX - margin * cellSizeM;
  const y0M = b.minY - margin * cellSizeM;
  const poc = new Float64Array(nx * ny);
  let total = 0;
  const inv = 1 / cellSizeM;
  for (let k = 0; k < cloud.count; k++) {
    if (mask[k] === 0) continue;
    const i = Math.min(nx - 1, Math.floor((xM[k] - x0M) * inv));
    const j = Math.min(ny - 1, Math.floor((yM[k] - y0M) * inv));
    const w = cloud.weight[k];
    poc[j * nx + i] += w;
    total += w;
  }
  const norm = 1 / total;
  for (let c = 0; c < poc.length; c++) poc[c] *= norm;
  return { frame, x0M, y0M, cellSizeM, nx, ny, poc, countedWeight: total, cellSizeLimited: limited };
}

/**
 * The smallest number of cells whose POC sums to at least `containment` (cells taken from the
 * most to the least probable), and the POC of the last cell taken and of the first cell left out.
 */
export function containmentCells(poc: Float64Array, containment: number): { count: number; lastTaken: number; firstLeft: number } {
  if (!(containment > 0 && containment <= 1)) throw new InvalidInputError('containment', `${containment} is not in (0, 1]`);
  const sorted = Float64Array.from(poc).sort();
  let sum = 0;
  let total = 0;
  for (let k = 0; k < sorted.length; k++) total += sorted[k];
  const target = containment * total * (1 - 1e-12);
  for (let k = sorted.length - 1; k >= 0; k--) {
    sum += sorted[k];
    if (sum >= target) return { count: sorted.length - k, lastTaken: sorted[k], firstLeft: k > 0 ? sorted[k - 1] : 0 };
  }
  return { count: sorted.length, lastTaken: sorted[0], firstLeft: 0 };
}

function containmentCellCount(poc: Float64Array, containment: number): number {
  return containmentCells(poc, containment).count;
}

/** Centre of the cell in column i, row j, as a position. */
export function cellCentre(grid: PocGrid, i: number, j: number): LonLatDeg {
  return fromLocal(grid.frame, grid.x0M + (i + 0.5) * grid.cellSizeM, grid.y0M + (j + 0.5) * grid.cellSizeM);
}
