/**
 * The particles as one unit sees them during its search: positions at the mid-search time in a
 * local frame and their displacement from the start to the end of the search (linear between
 * drift outputs), gathered into small grid cells (by mid-search position, with the cell's mean
 * displacement) so that a candidate area is scored over some thousands of cells instead of every
 * particle. The POD model (ours): a parallel sweep or creeping line is a front of tracks crossing
 * the area at a steady pace (tracks run much faster than the object drifts); a cell the front
 * meets while inside the area gets Koopman's mean parallel-track POD at the coverage W / S_eff
 * it sees (S_eff: the track spacing in the drifting cell's frame), any other cell 0, so objects
 * drifting out ahead of the front or in behind it are missed, as they are at sea. For an expanding square (no straight front) a cell gets p times
 * the fraction of SAMPLES times spread over the search at which it lies in the area.
 * Particles of objects with different sweep widths (detection groups: a raft, a person in the
 * water) go into separate cells, and each group is scored at its own coverage W_g / S.
 * Hand-written hot loop (scoreInside): it runs thousands of times per allocation.
 */
import { projectInto, type LocalFrame } from '../../probability/local_frame.js';
import type { PositionSnapshot } from '../pod.js';
import type { FrameRectangle } from './frame_rectangle.js';

/** Cells per standard deviation of the cloud (geometric mean of the two axes), by default. */
export const CELLS_PER_SIGMA = 20;

/** Particle positions (x east, y north, metres in `frame`) at `timeS`, linear between snapshots, clamped to their span. */
export function positionsAt(frame: LocalFrame, snapshots: readonly PositionSnapshot[], timeS: number, n: number): { x: Float64Array; y: Float64Array } {
  let k = 0;
  while (k + 1 < snapshots.length && snapshots[k + 1].timeS <= timeS) k++;
  const a = snapshots[k];
  const x = new Float64Array(n), y = new Float64Array(n);
  projectInto(frame, a.lonDeg, a.latDeg, n, x, y);
  if (k + 1 < snapshots.length && timeS > a.timeS) {
    const b = snapshots[k + 1];
    const f = (timeS - a.timeS) / (b.timeS - a.timeS);
    const xb = new Float64Array(n), yb = new Float64Array(n);
    projectInto(frame, b.lonDeg, b.latDeg, n, xb, yb);
    for (let i = 0; i < n; i++) { x[i] += f * (xb[i] - x[i]); y[i] += f * (yb[i] - y[i]); }
  }
  return { x, y };
}

/**
 * How a pattern's effort moves over its rectangle: a front of tracks progressing across the
 * bearing (PS: tracks along it), along it (CS: tracks across it), or no front (SS: scored by the
 * fraction of the search a cell spends in the area).
 */
export type SweepAxis = 'across' | 'along' | 'fraction';

/**
 * Does a front sweeping the rectangle meet a drifting point while the point is inside? With the
 * search time scaled to [0, 1], the front runs from -progress hw to +progress hw along the sweep
 * axis w (w_f = progress (2 hw tau - hw)); the point is at w0 + dw tau, z0 + dz tau (w0, z0 at the
 * search's start). They meet at tau* = (w0 + progress hw) / (2 hw progress - dw), which must lie in
 * [0, 1] with |z(tau*)| <= hz. Tracks run much faster than the drift, so a point the front meets is
 * searched once at the pattern's coverage.
 */
export function frontMeets(w0: number, dw: number, z0: number, dz: number, hw: number, hz: number, progress: 1 | -1): boolean {
  const den = 2 * hw * progress - dw;
  if (den === 0) return false;
  const tau = (w0 + progress * hw) / den;
  if (!(tau >= 0 && tau <= 1)) return false;
  const z = z0 + dz * tau;
  return z <= hz && z >= -hz;
}

/**
 * Mean parallel-track POD as a function of coverage, tabulated on [0, MAX] for the hot loop
 * (linear interpolation; the POD curves are smooth, error < 1e-5 at this step).
 */
export class PodTable {
  static readonly MAX = 8;
  /** POD at coverage k MAX / steps, k = 0 .. steps, and once more the last (read inline by scoreInside). */
  readonly values: Float64Array;
  /** Table steps per unit of coverage. */
  readonly perUnit: number;
  constructor(pod: (coverage: number) => number, steps = 2048) {
    this.values = Float64Array.from({ length: steps + 2 }, (_, k) => pod(Math.min(k, steps) * (PodTable.MAX / steps)));
    this.perUnit = steps / PodTable.MAX;
  }
  at(coverage: number): number {
    const u = coverage * this.perUnit;
    const k = u | 0;
    if (k >= this.values.length - 2) return this.values[this.values.length - 1];
    return this.values[k] + (u - k) * (this.values[k + 1] - this.values[k]);
  }
}

/**
 * Coverage a drifting point gets from a front of tracks S apart: in the point's frame the tracks
 * are S |2 hw progress - dw| / (2 hw) apart (the front passes it faster when it drifts against
 * the front, slower when with it), so C_eff = C 2 hw / |2 hw progress - dw|.
 */
export function effectiveCoverage(coverage: number, dw: number, hw: number, progress: 1 | -1): number {
  return (coverage * 2 * hw) / Math.abs(2 * hw * progress - dw);
}

/** Times at which a cell is placed during a search (the centres of SAMPLES equal parts of it). */
export const SAMPLES = 5;

const TAUS = Array.from({ length: SAMPLES }, (_, k) => (k + 0.5) / SAMPLES - 0.5);

/** Grid cells of a cloud as gatherCells finds them: `count` cells, sums and particle counts. */
interface GatheredCells {
  readonly count: number;
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly sdx: Float64Array;
  readonly sdy: Float64Array;
  readonly cnt: Float64Array;
  readonly grp: Uint16Array;
}

/** Entries of gatherCells's lookup table at most (4 MB); a wider cloud takes the Map. */
const MAX_TABLE_CELLS = 1 << 20;

/**
 * The counted particles gathered into cells of side 1 / `inv` about (mx, my), by detection group:
 * each cell numbered in the order its first particle comes, `cellOf` set, the cells' sums of x,
 * y, dx, dy added particle by particle in order. The cells are looked up in a table over the
 * cloud's extent (a Map with numeric keys took 40 % of the CellCloud's making, 4.6 % of an
 * exercise's CPU, bench/RESULTS.md 2026-12-07); a cloud wider than MAX_TABLE_CELLS cells (far
 * outliers), or with a position not finite, takes the Map, with the same cells.
 */
function gatherCells(x: Float64Array, y: Float64Array, dx: Float64Array, dy: Float64Array, counted: Uint8Array, group: Uint16Array | null,
  mx: number, my: number, inv: number, cellOf: Int32Array): GatheredCells {
  const n = x.length;
  const col = new Float64Array(n), row = new Float64Array(n);
  let colMin = Infinity, colMax = -Infinity, rowMin = Infinity, rowMax = -Infinity, groups = 1, counts = 0, finite = true;
  for (let i = 0; i < n; i++) {
    if (!counted[i]) continue;
    counts++;
    const cx = Math.floor((x[i] - mx) * inv + 33_554_432), cy = Math.floor((y[i] - my) * inv + 33_554_432);
    col[i] = cx; row[i] = cy;
    if (!(cx - cx === 0 && cy - cy === 0)) finite = false;   // NaN or infinite: the Map's cells
    if (cx < colMin) colMin = cx; if (cx > colMax) colMax = cx;
    if (cy < rowMin) rowMin = cy; if (cy > rowMax) rowMax = cy;
    if (group !== null && group[i] + 1 > groups) groups = group[i] + 1;
  }
  const sx = new Float64Array(counts), sy = new Float64Array(counts), sdx = new Float64Array(counts), sdy = new Float64Array(counts);
  const cnt = new Float64Array(counts), grp = new Uint16Array(counts);
  let count = 0;
  const cols = colMax - colMin + 1, rows = rowMax - rowMin + 1;
  const table = counts > 0 && finite && cols * rows * groups <= MAX_TABLE_CELLS ? new Int32Array(cols * rows * groups).fill(-1) : null;
  const index: Map<number, number>[] = [];
  for (let i = 0; i < n; i++) {
    if (!counted[i]) continue;
    const g = group === null ? 0 : group[i];
    let c: number;
    if (table !== null) {
      const at = (g * cols + (col[i] - colMin)) * rows + (row[i] - rowMin);
      c = table[at];
      if (c < 0) { c = table[at] = count++; grp[c] = g; }
    } else {
      const key = col[i] * 67_108_864 + row[i];
      const cells = index[g] ?? (index[g] = new Map<number, number>());
      const known = cells.get(key);
      if (known === undefined) { c = count++; cells.set(key, c); grp[c] = g; } else c = known;
    }
    cellOf[i] = c;
    sx[c] += x[i]; sy[c] += y[i]; sdx[c] += dx[i]; sdy[c] += dy[i]; cnt[c]++;
  }
  return { count, sx, sy, sdx, sdy, cnt, grp };
}

/** Particles gathered into grid cells; cell weights are reset from per-particle weights by setWeights. */
export class CellCloud {
  /** Cell of each particle, -1 when the particle is not counted. */
  readonly cellOf: Int32Array;
  /** Mean position of each cell's particles, metres. */
  readonly cellX: Float64Array;
  readonly cellY: Float64Array;
  /** Weight of each cell (sum of its particles' weights as last set). */
  readonly cellW: Float64Array;
  /** Detection group of each cell (all its particles share it); all 0 without groups. */
  readonly cellGroup: Uint16Array;
  /** Detection group of each particle, or null when there is one group. */
  readonly group: Uint16Array | null;
  readonly cellCount: number;
  /** Side of a cell, metres. */
  readonly cellM: number;

  /** Mean displacement of each cell's particles over the search, metres. */
  readonly cellDx: Float64Array;
  readonly cellDy: Float64Array;
  /** Half the length of the cell's displacement, metres (for the quick rejection in scoreInside). */
  readonly cellReach: Float64Array;

  /**
   * `x`, `y`: particle positions in the frame at mid-search; `dx`, `dy`: their displacement from
   * the start to the end of the search; `counted[i]` 1 when particle i is a possible location;
   * `group[i]` the particle's detection group (the index into the coverages of scoreInside), null
   * for one group; `cellsPerSigma`: the cells' side is the cloud's standard deviation over it.
   */
  constructor(readonly x: Float64Array, readonly y: Float64Array, readonly dx: Float64Array, readonly dy: Float64Array,
    counted: Uint8Array, weight: Float64Array, group: Uint16Array | null = null, cellsPerSigma = CELLS_PER_SIGMA) {
    this.group = group;
    const n = x.length;
    let sw = 0, mx = 0, my = 0;
    for (let i = 0; i < n; i++) if (counted[i] && weight[i] > 0) { sw += weight[i]; mx += weight[i] * x[i]; my += weight[i] * y[i]; }
    mx /= sw || 1; my /= sw || 1;
    let vx = 0, vy = 0;
    for (let i = 0; i < n; i++) if (counted[i] && weight[i] > 0) { vx += weight[i] * (x[i] - mx) ** 2; vy += weight[i] * (y[i] - my) ** 2; }
    const sigma = Math.sqrt(Math.sqrt((vx / (sw || 1)) * (vy / (sw || 1))));
    this.cellM = Math.max(sigma / cellsPerSigma, 1);
    const cellOf = new Int32Array(n).fill(-1);
    const cells = gatherCells(x, y, dx, dy, counted, group, mx, my, 1 / this.cellM, cellOf);
    this.cellOf = cellOf;
    this.cellCount = cells.count;
    const { count, cnt } = cells;
    this.cellX = new Float64Array(count); this.cellY = new Float64Array(count);
    this.cellDx = new Float64Array(count); this.cellDy = new Float64Array(count); this.cellReach = new Float64Array(count);
    for (let c = 0; c < count; c++) {
      this.cellX[c] = cells.sx[c] / cnt[c];
      this.cellY[c] = cells.sy[c] / cnt[c];
      this.cellDx[c] = cells.sdx[c] / cnt[c];
      this.cellDy[c] = cells.sdy[c] / cnt[c];
      this.cellReach[c] = 0.5 * Math.hypot(this.cellDx[c], this.cellDy[c]);
    }
    this.cellGroup = cells.grp.slice(0, count);
    this.cellW = new Float64Array(this.cellCount);
  }

  /** Cell weights from per-particle weights (uncounted particles are left out). */
  setWeights(particleWeight: Float64Array): void {
    this.weightsInto(particleWeight, this.cellW);
  }

  /** Cell weights from per-particle weights written into `out` (a second set of weights for scoreInside). */
  weightsInto(particleWeight: Float64Array, out: Float64Array): void {
    const { cellOf } = this;
    out.fill(0);
    for (let i = 0; i < cellOf.length; i++) { const c = cellOf[i]; if (c >= 0) out[c] += particleWeight[i]; }
  }

  /**
   * Score of a rectangle: sum over cells of weight x POD (see the file header), and the direction
   * of progress that gives it. `sweep`: 'across' for tracks along the rectangle's bearing (PS),
   * 'along' for tracks across it (CS), 'fraction' for a pattern without a front (SS).
   * `coverage[g]`: the coverage W_g / S of detection group g.
   * The hot loop of the optimiser: one loop per kind of sweep, the POD table read inline, and a cell
   * passed over as soon as it cannot be in the rectangle at any time of the search (its mid-search
   * position farther from the rectangle, along either axis, than half its displacement: it then
   * adds exactly nothing, so the sum is the one cell by cell in the same order).
   * `cellW`: the cell weights scored, by default the ones setWeights set.
   */
  scoreInside(r: FrameRectangle, sweep: SweepAxis, coverage: Float64Array, table: PodTable, cellW = this.cellW): { score: number; progress: 1 | -1 } {
    const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
    const { cellX, cellY, cellDx, cellDy, cellReach, cellGroup, cellCount } = this;
    const cx = r.cxM, cy = r.cyM, hu = r.alongHalfM, hv = r.acrossHalfM;
    const radius = Math.hypot(hu, hv);
    // rounding slack of the rotated test (metres): far below any distance that matters, far above rounding
    const slack = 1e-9 * (radius + 1) + 1e-6;
    const podValues = table.values, perUnit = table.perUnit, lastIndex = podValues.length - 2, lastValue = podValues[podValues.length - 1];
    if (sweep === 'fraction') {
      let fraction = 0;
      for (let c = 0; c < cellCount; c++) {
        const ex = cellX[c] - cx, ey = cellY[c] - cy;
        const reach = radius + cellReach[c];
        if (ex > reach || ex < -reach || ey > reach || ey < -reach) continue;
        const mu = ex * ux + ey * uy, mv = ex * uy - ey * ux;
        const inU = hu + cellReach[c] + slack, inV = hv + cellReach[c] + slack;
        if (mu > inU || mu < -inU || mv > inV || mv < -inV) continue;
        const du = cellDx[c] * ux + cellDy[c] * uy, dv = cellDx[c] * uy - cellDy[c] * ux;
        let j = 0;
        for (let k = 0; k < SAMPLES; k++) {
          const u = mu + TAUS[k] * du, v = mv + TAUS[k] * dv;
          if (u <= hu && u >= -hu && v <= hv && v >= -hv) j++;
        }
        const x = coverage[cellGroup[c]] * perUnit, q = x | 0;
        const pod = q >= lastIndex ? lastValue : podValues[q] + (x - q) * (podValues[q + 1] - podValues[q]);
        fraction += cellW[c] * j * pod;
      }
      return { score: fraction / SAMPLES, progress: 1 };
    }
    const acrossFront = sweep === 'across';
    const hw = acrossFront ? hv : hu, hz = acrossFront ? hu : hv;
    const twoHw = 2 * hw;
    let plus = 0, minus = 0;
    for (let c = 0; c < cellCount; c++) {
      const ex = cellX[c] - cx, ey = cellY[c] - cy;
      const reach = radius + cellReach[c];
      if (ex > reach || ex < -reach || ey > reach || ey < -reach) continue;
      const mu = ex * ux + ey * uy, mv = ex * uy - ey * ux;
      const inU = hu + cellReach[c] + slack, inV = hv + cellReach[c] + slack;
      if (mu > inU || mu < -inU || mv > inV || mv < -inV) continue;
      const du = cellDx[c] * ux + cellDy[c] * uy, dv = cellDx[c] * uy - cellDy[c] * ux;
      // frontMeets and effectiveCoverage written out for each progress (the same arithmetic)
      const w0 = (acrossFront ? mv - 0.5 * dv : mu - 0.5 * du), dw = acrossFront ? dv : du;
      const z0 = (acrossFront ? mu - 0.5 * du : mv - 0.5 * dv), dz = acrossFront ? du : dv;
      const cg2hw = coverage[cellGroup[c]] * 2 * hw;
      const denPlus = twoHw - dw;
      if (denPlus !== 0) {
        const tau = (w0 + hw) / denPlus;
        if (tau >= 0 && tau <= 1) {
          const z = z0 + dz * tau;
          if (z <= hz && z >= -hz) {
            const x = (cg2hw / Math.abs(denPlus)) * perUnit, q = x | 0;
            plus += cellW[c] * (q >= lastIndex ? lastValue : podValues[q] + (x - q) * (podValues[q + 1] - podValues[q]));
          }
        }
      }
      const denMinus = -twoHw - dw;
      if (denMinus !== 0) {
        const tau = (w0 - hw) / denMinus;
        if (tau >= 0 && tau <= 1) {
          const z = z0 + dz * tau;
          if (z <= hz && z >= -hz) {
            const x = (cg2hw / Math.abs(denMinus)) * perUnit, q = x | 0;
            minus += cellW[c] * (q >= lastIndex ? lastValue : podValues[q] + (x - q) * (podValues[q + 1] - podValues[q]));
          }
        }
      }
    }
    return plus >= minus ? { score: plus, progress: 1 } : { score: minus, progress: -1 };
  }

  /** Per particle, its POD under scoreInside's model for the given progress (written into `out`). */
  fillInside(r: FrameRectangle, sweep: SweepAxis, coverage: Float64Array, table: PodTable, progress: 1 | -1, out: Float64Array): void {
    const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
    const { x, y, dx, dy, group } = this;
    const hu = r.alongHalfM, hv = r.acrossHalfM;
    const acrossFront = sweep === 'across';
    const hw = acrossFront ? hv : hu, hz = acrossFront ? hu : hv;
    for (let i = 0; i < x.length; i++) {
      const ex = x[i] - r.cxM, ey = y[i] - r.cyM;
      const mu = ex * ux + ey * uy, mv = ex * uy - ey * ux;
      const du = dx[i] * ux + dy[i] * uy, dv = dx[i] * uy - dy[i] * ux;
      const cg = coverage[group === null ? 0 : group[i]];
      if (sweep === 'fraction') {
        let j = 0;
        for (let k = 0; k < SAMPLES; k++) {
          const u = mu + TAUS[k] * du, v = mv + TAUS[k] * dv;
          if (u <= hu && u >= -hu && v <= hv && v >= -hv) j++;
        }
        out[i] = (table.at(cg) * j) / SAMPLES;
        continue;
      }
      const w0 = (acrossFront ? mv - 0.5 * dv : mu - 0.5 * du), dw = acrossFront ? dv : du;
      const z0 = (acrossFront ? mu - 0.5 * du : mv - 0.5 * dv), dz = acrossFront ? du : dv;
      out[i] = frontMeets(w0, dw, z0, dz, hw, hz, progress) ? table.at(effectiveCoverage(cg, dw, hw, progress)) : 0;
    }
  }

  /** Weighted mean, and the bearing and standard deviations of the principal axes of the current cell weights. */
  moments(): { mxM: number; myM: number; majorBearingRad: number; sigmaMajorM: number; sigmaMinorM: number; total: number } {
    const { cellX, cellY, cellW, cellCount } = this;
    let sw = 0, mx = 0, my = 0;
    for (let c = 0; c < cellCount; c++) { sw += cellW[c]; mx += cellW[c] * cellX[c]; my += cellW[c] * cellY[c]; }
    if (!(sw > 0)) return { mxM: 0, myM: 0, majorBearingRad: 0, sigmaMajorM: this.cellM, sigmaMinorM: this.cellM, total: 0 };
    mx /= sw; my /= sw;
    let sxx = 0, syy = 0, sxy = 0;
    for (let c = 0; c < cellCount; c++) {
      const dx = cellX[c] - mx, dy = cellY[c] - my;
      sxx += cellW[c] * dx * dx; syy += cellW[c] * dy * dy; sxy += cellW[c] * dx * dy;
    }
    sxx /= sw; syy /= sw; sxy /= sw;
    const half = 0.5 * (sxx + syy), diff = Math.sqrt(0.25 * (sxx - syy) ** 2 + sxy * sxy);
    const l1 = half + diff, l2 = Math.max(half - diff, 0);
    // major eigenvector (ex, ey); its bearing from north is atan2(ex, ey)
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy); // from the x (east) axis
    return { mxM: mx, myM: my, majorBearingRad: Math.PI / 2 - angle, sigmaMajorM: Math.sqrt(l1), sigmaMinorM: Math.sqrt(l2), total: sw };
  }
}
