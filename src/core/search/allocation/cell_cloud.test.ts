import { describe, expect, test } from 'vitest';
import { seededUniform } from '../../probability/gaussian_cloud.testkit.js';
import { parallelTrackPod } from '../detection.js';
import { CellCloud, PodTable, SAMPLES, effectiveCoverage, frontMeets, type SweepAxis } from './cell_cloud.js';
import type { FrameRectangle } from './frame_rectangle.js';

/** scoreInside as first written, cell by cell with nothing passed over, through the helpers fillInside uses: the reference of the fast loop. */
function plainScore(view: CellCloud, r: FrameRectangle, sweep: SweepAxis, coverage: Float64Array, table: PodTable): { score: number; progress: 1 | -1 } {
  const taus = Array.from({ length: SAMPLES }, (_, k) => (k + 0.5) / SAMPLES - 0.5);
  const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
  const hu = r.alongHalfM, hv = r.acrossHalfM;
  const acrossFront = sweep === 'across';
  const hw = acrossFront ? hv : hu, hz = acrossFront ? hu : hv;
  let plus = 0, minus = 0, fraction = 0;
  for (let c = 0; c < view.cellCount; c++) {
    const ex = view.cellX[c] - r.cxM, ey = view.cellY[c] - r.cyM;
    const mu = ex * ux + ey * uy, mv = ex * uy - ey * ux;
    const du = view.cellDx[c] * ux + view.cellDy[c] * uy, dv = view.cellDx[c] * uy - view.cellDy[c] * ux;
    const cg = coverage[view.cellGroup[c]];
    if (sweep === 'fraction') {
      let j = 0;
      for (const t of taus) { const u = mu + t * du, v = mv + t * dv; if (u <= hu && u >= -hu && v <= hv && v >= -hv) j++; }
      fraction += view.cellW[c] * j * table.at(cg);
      continue;
    }
    const w0 = acrossFront ? mv - 0.5 * dv : mu - 0.5 * du, dw = acrossFront ? dv : du;
    const z0 = acrossFront ? mu - 0.5 * du : mv - 0.5 * dv, dz = acrossFront ? du : dv;
    if (frontMeets(w0, dw, z0, dz, hw, hz, 1)) plus += view.cellW[c] * table.at(effectiveCoverage(cg, dw, hw, 1));
    if (frontMeets(w0, dw, z0, dz, hw, hz, -1)) minus += view.cellW[c] * table.at(effectiveCoverage(cg, dw, hw, -1));
  }
  if (sweep === 'fraction') return { score: fraction / SAMPLES, progress: 1 };
  return plus >= minus ? { score: plus, progress: 1 } : { score: minus, progress: -1 };
}

describe('CellCloud.scoreInside', () => {
  test('gives the plain cell-by-cell sum bit for bit (cells passed over add nothing), for every sweep', () => {
    const rand = seededUniform(9);
    const n = 4000;
    const x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n), w = new Float64Array(n);
    const group = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 9000 * (rand() + rand() - 1); y[i] = 5000 * (rand() + rand() - 1);
      // drifts from nothing to several km, some faster than a slow front
      dx[i] = 3000 * (rand() - 0.3) * rand(); dy[i] = 2000 * (rand() - 0.5);
      w[i] = rand(); group[i] = rand() < 0.3 ? 1 : 0;
    }
    const view = new CellCloud(x, y, dx, dy, new Uint8Array(n).fill(1), w, group);
    view.setWeights(w);
    const table = new PodTable((c) => parallelTrackPod('inverse-cube', c));
    let nonzero = 0;
    for (let k = 0; k < 300; k++) {
      const r: FrameRectangle = { cxM: 8000 * (rand() - 0.5), cyM: 5000 * (rand() - 0.5), alongHalfM: 200 + 6000 * rand(), acrossHalfM: 200 + 3000 * rand(), bearingRad: 2 * Math.PI * rand() };
      const coverage = Float64Array.of(0.2 + 2 * rand(), 0.05 + 0.5 * rand());
      for (const sweep of ['across', 'along', 'fraction'] as const) {
        const expected = plainScore(view, r, sweep, coverage, table);
        expect(view.scoreInside(r, sweep, coverage, table)).toEqual(expected);
        if (expected.score > 0) nonzero++;
      }
    }
    expect(nonzero).toBeGreaterThan(600);
  });
});

/** The cells as first gathered (a Map per group keyed by the cell's two floors): the reference of the table. */
function plainCells(x: Float64Array, y: Float64Array, dx: Float64Array, dy: Float64Array, counted: Uint8Array, group: Uint16Array | null, view: CellCloud) {
  let sw = 0, mx = 0, my = 0;
  for (let i = 0; i < x.length; i++) if (counted[i]) { sw += 1; mx += x[i]; my += y[i]; }
  mx /= sw; my /= sw;
  const inv = 1 / view.cellM, cellOf = new Int32Array(x.length).fill(-1), index: Map<number, number>[] = [];
  const sx: number[] = [], sdy: number[] = [], cnt: number[] = [], grp: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!counted[i]) continue;
    const key = Math.floor((x[i] - mx) * inv + 33_554_432) * 67_108_864 + Math.floor((y[i] - my) * inv + 33_554_432);
    const g = group === null ? 0 : group[i];
    const cells = index[g] ?? (index[g] = new Map());
    let c = cells.get(key);
    if (c === undefined) { c = cnt.length; cells.set(key, c); sx.push(0); sdy.push(0); cnt.push(0); grp.push(g); }
    cellOf[i] = c; sx[c] += x[i]; sdy[c] += dy[i]; cnt[c]++;
  }
  return { cellOf, cellX: sx.map((v, c) => v / cnt[c]), cellDy: sdy.map((v, c) => v / cnt[c]), grp };
}

describe('CellCloud cells', () => {
  test('the same cells, numbered in the same order, with the same means, on a compact cloud and on one whose outliers make it too wide for the table', () => {
    const u = seededUniform(5);
    for (const outliers of [false, true]) {
      const n = 5000;
      const x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
      const counted = new Uint8Array(n), group = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = (u() - 0.5) * 8000; y[i] = (u() - 0.5) * 3000; dx[i] = (u() - 0.5) * 500; dy[i] = u() * 200;
        counted[i] = i % 13 === 0 ? 0 : 1; group[i] = i % 3 === 0 ? 1 : 0;
      }
      if (outliers) { x[7] = 4e9; y[8] = -3e9; }   // thousands of km: over a million cells of 1 m and more across
      const view = new CellCloud(x, y, dx, dy, counted, new Float64Array(n).fill(1), group, 20);
      const plain = plainCells(x, y, dx, dy, counted, group, view);
      expect(Array.from(view.cellOf)).toEqual(Array.from(plain.cellOf));
      expect(Array.from(view.cellX)).toEqual(plain.cellX);
      expect(Array.from(view.cellDy)).toEqual(plain.cellDy);
      expect(Array.from(view.cellGroup)).toEqual(plain.grp);
      expect(view.cellCount).toBeGreaterThan(outliers ? 2 : 100);
    }
  });
});
