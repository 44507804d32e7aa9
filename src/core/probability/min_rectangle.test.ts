import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM } from '../geo/units.js';
import { gaussianCloud, seededUniform } from './gaussian_cloud.testkit.js';
import { localFrame, localXM, localYM } from './local_frame.js';
import { RectangleSearch, smallestContainmentRectangle, smallestContainmentRectangles, type Candidate } from './min_rectangle.js';

/** Weight of the cloud inside a rectangle given by its corners (convex polygon test in the local frame). */
function weightInside(cloud: ReturnType<typeof gaussianCloud>, corners: readonly { lonDeg: number; latDeg: number }[]): number {
  const f = localFrame(corners[0]);
  const c = corners.map((p) => [localXM(f, p.lonDeg), localYM(f, p.latDeg)]);
  let held = 0;
  for (let i = 0; i < cloud.count; i++) {
    const x = localXM(f, cloud.lonDeg[i]), y = localYM(f, cloud.latDeg[i]);
    let inside = true;
    for (let k = 0; k < 4 && inside; k++) {
      const [x0, y0] = c[k], [x1, y1] = c[(k + 1) % 4];
      if ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) < -1e-6) inside = false; // right of a CCW edge: outside
    }
    if (inside) held += cloud.weight[i];
  }
  return held;
}

describe('smallestContainmentRectangle', () => {
  // Hand-made elongated cloud: Gaussian, sigma 6 NM along bearing 30 deg, 1 NM across it.
  const cloud = gaussianCloud(30_000, { lonDeg: 131.6, latDeg: 37.3 }, 6 * METRES_PER_NM, 1 * METRES_PER_NM, 30, 5);
  const rect = smallestContainmentRectangle(cloud, 0.9);

  test('is aligned with the cloud axis (bearing 30 deg) within 3 deg', () => {
    expect(Math.abs(rect.orientationDeg - 30)).toBeLessThan(3);
    expect(rect.lengthNm / rect.widthNm).toBeGreaterThan(4);
  });
  test('holds the probability asked, counted independently from its corners', () => {
    expect(rect.heldPoc).toBeGreaterThanOrEqual(0.9);
    expect(weightInside(cloud, rect.corners)).toBeGreaterThanOrEqual(0.9 - 1e-9);
  });
  test('is near the best rectangle of a Gaussian: about 0.95 of each axis\' mass, 2 x 1.95 sigma per side', () => {
    // For independent axes, p = 0.9 split evenly is 0.9487 per axis: half-sides 1.95 sigma, area
    // (3.90 x 6) (3.90 x 1) = 91.4 NM2; the product form is near-optimal for a Gaussian.
    expect(rect.areaNm2).toBeGreaterThan(80);
    expect(rect.areaNm2).toBeLessThan(100);
    expect(rect.centre.lonDeg).toBeCloseTo(131.6, 1);
    expect(rect.centre.latDeg).toBeCloseTo(37.3, 1);
  });
  test('the corners run counter-clockwise', () => {
    const f = localFrame(rect.centre);
    const c = rect.corners.map((p) => [localXM(f, p.lonDeg), localYM(f, p.latDeg)]);
    let s = 0;
    for (let k = 0; k < 4; k++) s += c[k][0] * c[(k + 1) % 4][1] - c[(k + 1) % 4][0] * c[k][1];
    expect(s).toBeGreaterThan(0);
  });
  test('several containments at once give the rectangles one at a time gives', () => {
    expect(smallestContainmentRectangles(cloud, [0.5, 0.9])).toEqual([smallestContainmentRectangle(cloud, 0.5), rect]);
  });
  test('a containment outside (0, 1] is an InvalidInputError', () => {
    expect(() => smallestContainmentRectangle(cloud, 0)).toThrow(InvalidInputError);
  });
});

/** The plain search the pruned RectangleSearch must agree with: every row pair, a two-pointer sweep over the columns. */
function plainBest(xs: Float64Array, ys: Float64Array, ws: Float64Array, angleDeg: number, nb: number, target: number): Candidate {
  const r = (angleDeg * Math.PI) / 180, sin = Math.sin(r), cos = Math.cos(r);
  let uMin = Infinity, uMax = -Infinity, vMin = Infinity, vMax = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    const u = xs[k] * sin + ys[k] * cos, v = xs[k] * cos - ys[k] * sin;
    uMin = Math.min(uMin, u); uMax = Math.max(uMax, u); vMin = Math.min(vMin, v); vMax = Math.max(vMax, v);
  }
  const du = Math.max(uMax - uMin, 1e-6) / nb, dv = Math.max(vMax - vMin, 1e-6) / nb;
  const hist = new Float64Array(nb * nb), rowSum = new Float64Array(nb);
  for (let k = 0; k < xs.length; k++) {
    const u = xs[k] * sin + ys[k] * cos, v = xs[k] * cos - ys[k] * sin;
    const i = Math.min(nb - 1, Math.floor((u - uMin) / du)), j = Math.min(nb - 1, Math.floor((v - vMin) / dv));
    hist[j * nb + i] += ws[k];
    rowSum[j] += ws[k];
  }
  let bestCells = Infinity, bi0 = 0, bi1 = nb - 1, bj0 = 0, bj1 = nb - 1;
  for (let j0 = 0; j0 < nb; j0++) {
    const col = new Float64Array(nb);
    let rows = 0;
    for (let j1 = j0; j1 < nb; j1++) {
      for (let i = 0; i < nb; i++) col[i] += hist[j1 * nb + i];
      rows += rowSum[j1];
      if (rows < target) continue;
      let l = 0, s = 0;
      for (let q = 0; q < nb; q++) {
        s += col[q];
        while (s - col[l] >= target) { s -= col[l]; l++; }
        if (s >= target && (j1 - j0 + 1) * (q - l + 1) < bestCells) { bestCells = (j1 - j0 + 1) * (q - l + 1); bi0 = l; bi1 = q; bj0 = j0; bj1 = j1; }
      }
    }
  }
  return { angleDeg, areaM2: bestCells * du * dv, uLo: uMin + bi0 * du, uHi: uMin + (bi1 + 1) * du, vLo: vMin + bj0 * dv, vHi: vMin + (bj1 + 1) * dv };
}

describe('RectangleSearch (the pruned search of every orientation)', () => {
  test('finds the very rectangle the plain search finds, ties included, orientation after orientation', () => {
    const rand = seededUniform(12);
    for (let trial = 0; trial < 6; trial++) {
      // two lumps of unequal weight and some scatter, with coarse weights so that ties occur
      const n = 400 + trial * 150;
      const xs = new Float64Array(n), ys = new Float64Array(n), ws = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const lump = rand() < 0.6 ? 0 : rand() < 0.8 ? 1 : 2;
        const [cx, cy, spread] = lump === 0 ? [0, 0, 1000] : lump === 1 ? [3000, 1500 * trial, 400] : [0, 0, 8000];
        xs[k] = cx + spread * (rand() + rand() + rand() - 1.5);
        ys[k] = cy + 0.5 * spread * (rand() + rand() + rand() - 1.5);
        ws[k] = (1 + Math.floor(3 * rand())) / n;
      }
      const total = ws.reduce((a, b) => a + b, 0);
      for (let k = 0; k < n; k++) ws[k] /= total;
      for (const containment of [0.5, 0.9]) {
        const target = containment * (1 - 1e-12);
        const search = new RectangleSearch(xs, ys, ws, 64);
        for (const nb of [16, 32]) {
          for (let a = 0; a < 180; a += 7) expect(search.best(a, nb, target)).toEqual(plainBest(xs, ys, ws, a, nb, target));
        }
      }
    }
  });
});
