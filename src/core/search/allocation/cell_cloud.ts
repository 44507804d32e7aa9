/**
 * The particles as one unit sees them: positions at a time (linear between drift outputs) in a
 * local frame, gathered into small grid cells so that a candidate area is scored over some
 * thousands of cells instead of every particle. Hand-written hot loop (massInside): it runs
 * thousands of times per allocation.
 */
import { projectInto, type LocalFrame } from '../../probability/local_frame.js';
import type { PositionSnapshot } from '../pod.js';
import type { FrameRectangle } from './frame_rectangle.js';

/** Cells per standard deviation of the cloud (geometric mean of the two axes). */
const CELLS_PER_SIGMA = 20;

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

/** Particles gathered into grid cells; cell weights are reset from per-particle weights by setWeights. */
export class CellCloud {
  /** Cell of each particle, -1 when the particle is not counted. */
  readonly cellOf: Int32Array;
  /** Mean position of each cell's particles, metres. */
  readonly cellX: Float64Array;
  readonly cellY: Float64Array;
  /** Weight of each cell (sum of its particles' weights as last set). */
  readonly cellW: Float64Array;
  readonly cellCount: number;
  /** Side of a cell, metres. */
  readonly cellM: number;

  /** `x`, `y`: particle positions in the frame; `counted[i]` 1 when particle i is a possible location. */
  constructor(readonly x: Float64Array, readonly y: Float64Array, counted: Uint8Array, weight: Float64Array) {
    const n = x.length;
    let sw = 0, mx = 0, my = 0;
    for (let i = 0; i < n; i++) if (counted[i] && weight[i] > 0) { sw += weight[i]; mx += weight[i] * x[i]; my += weight[i] * y[i]; }
    mx /= sw || 1; my /= sw || 1;
    let vx = 0, vy = 0;
    for (let i = 0; i < n; i++) if (counted[i] && weight[i] > 0) { vx += weight[i] * (x[i] - mx) ** 2; vy += weight[i] * (y[i] - my) ** 2; }
    const sigma = Math.sqrt(Math.sqrt((vx / (sw || 1)) * (vy / (sw || 1))));
    this.cellM = Math.max(sigma / CELLS_PER_SIGMA, 1);
    const cellOf = new Int32Array(n).fill(-1);
    const index = new Map<number, number>();
    const sx: number[] = [], sy: number[] = [], cnt: number[] = [];
    const inv = 1 / this.cellM;
    for (let i = 0; i < n; i++) {
      if (!counted[i]) continue;
      const key = Math.floor((x[i] - mx) * inv + 33_554_432) * 67_108_864 + Math.floor((y[i] - my) * inv + 33_554_432);
      let c = index.get(key);
      if (c === undefined) { c = cnt.length; index.set(key, c); sx.push(0); sy.push(0); cnt.push(0); }
      cellOf[i] = c;
      sx[c] += x[i]; sy[c] += y[i]; cnt[c]++;
    }
    this.cellOf = cellOf;
    this.cellCount = cnt.length;
    this.cellX = Float64Array.from(sx, (v, c) => v / cnt[c]);
    this.cellY = Float64Array.from(sy, (v, c) => v / cnt[c]);
    this.cellW = new Float64Array(this.cellCount);
  }

  /** Cell weights from per-particle weights (uncounted particles are left out). */
  setWeights(particleWeight: Float64Array): void {
    const { cellOf, cellW } = this;
    cellW.fill(0);
    for (let i = 0; i < cellOf.length; i++) { const c = cellOf[i]; if (c >= 0) cellW[c] += particleWeight[i]; }
  }

  /** Weight of the cells whose mean position lies in the rectangle. */
  massInside(r: FrameRectangle): number {
    const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
    const { cellX, cellY, cellW, cellCount } = this;
    const cx = r.cxM, cy = r.cyM, hu = r.alongHalfM, hv = r.acrossHalfM;
    let sum = 0;
    for (let c = 0; c < cellCount; c++) {
      const dx = cellX[c] - cx, dy = cellY[c] - cy;
      const u = dx * ux + dy * uy;
      if (u > hu || u < -hu) continue;
      const v = dx * uy - dy * ux;
      if (v > hv || v < -hv) continue;
      sum += cellW[c];
    }
    return sum;
  }

  /** Per particle: `value` when its position lies in the rectangle, else 0 (written into `out`). */
  fillInside(r: FrameRectangle, value: number, out: Float64Array): void {
    const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
    const { x, y } = this;
    for (let i = 0; i < x.length; i++) {
      const dx = x[i] - r.cxM, dy = y[i] - r.cyM;
      const u = dx * ux + dy * uy, v = dx * uy - dy * ux;
      out[i] = u <= r.alongHalfM && u >= -r.alongHalfM && v <= r.acrossHalfM && v >= -r.acrossHalfM ? value : 0;
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
