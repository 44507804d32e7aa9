import { describe, expect, test } from 'vitest';
import { CurvilinearGrid } from './curvilinear_grid.js';

/** A grid rotated by 40° and slightly sheared, like a ROMS grid: node (i, j) → lon/lat. */
const NX = 31;
const NY = 21;
function node(i: number, j: number): [number, number] {
  const a = 0.7;
  return [13 + 0.08 * i * Math.cos(a) - 0.04 * j * Math.sin(a) + 0.0004 * i * j, 66 + 0.03 * i * Math.sin(a) + 0.03 * j * Math.cos(a)];
}
function nodes(): [Float64Array, Float64Array] {
  const lon = new Float64Array(NX * NY);
  const lat = new Float64Array(NX * NY);
  for (let j = 0; j < NY; j++) for (let i = 0; i < NX; i++) [lon[j * NX + i], lat[j * NX + i]] = node(i, j);
  return [lon, lat];
}
/** The position of fractional index (fi, fj) by the bilinear map of its cell (the forward map). */
function forward(fi: number, fj: number): [number, number] {
  const i0 = Math.min(Math.floor(fi), NX - 2), j0 = Math.min(Math.floor(fj), NY - 2);
  const a = fi - i0, b = fj - j0;
  const p = [node(i0, j0), node(i0 + 1, j0), node(i0, j0 + 1), node(i0 + 1, j0 + 1)];
  const w = [(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b];
  return [0, 1].map((c) => p.reduce((s, q, k) => s + w[k] * q[c], 0)) as [number, number];
}
function locate(grid: CurvilinearGrid, lon: number, lat: number): [number, number] | null {
  const i = new Float64Array(1), j = new Float64Array(1);
  grid.locateBatch(new Float64Array([lon]), new Float64Array([lat]), 1, new Uint8Array(1), i, j);
  return Number.isNaN(i[0]) ? null : [i[0], j[0]];
}

describe('CurvilinearGrid', () => {
  const [lon, lat] = nodes();
  const grid = new CurvilinearGrid(lon, lat, NX, NY);

  test('inverts the bilinear cell map exactly inside the grid', () => {
    // Expected: the (fi, fj) we started from, through the forward bilinear map.
    for (const [fi, fj] of [[3.25, 4.75], [17.5, 10.1], [29.9, 19.9], [0.01, 0.02], [12, 7]]) {
      const got = locate(grid, ...forward(fi, fj))!;
      expect(got[0]).toBeCloseTo(fi, 7);
      expect(got[1]).toBeCloseTo(fj, 7);
    }
  });

  test('the lookup table alone is close (within 0.01 cell) on this smooth grid', () => {
    const coarse = new CurvilinearGrid(lon, lat, NX, NY, { refine: false });
    const got = locate(coarse, ...forward(17.5, 10.1))!;
    expect(Math.abs(got[0] - 17.5)).toBeLessThan(0.01);
    expect(Math.abs(got[1] - 10.1)).toBeLessThan(0.01);
  });

  test('finds points right at the edge, where the table is partly empty', () => {
    const got = locate(grid, ...forward(29.999, 0.001))!;
    expect(got[0]).toBeCloseTo(29.999, 6);
    expect(got[1]).toBeCloseTo(0.001, 6);
    const corner = locate(grid, ...node(0, 0))!;
    expect(corner[0]).toBeCloseTo(0, 6);
    expect(corner[1]).toBeCloseTo(0, 6);
  });

  test('points outside the grid (but inside its lon/lat box) are not located', () => {
    // Just beyond the i = 0 edge and beyond the j = NY - 1 edge, along the grid directions.
    const [l0, b0] = node(0, 10), [l1, b1] = node(1, 10);
    expect(locate(grid, l0 - 0.05 * (l1 - l0), b0 - 0.05 * (b1 - b0))).toBeNull();
    expect(locate(grid, 0, 0)).toBeNull();
    expect(grid.bounds.southDeg).toBeCloseTo(66, 9);
  });

  test('handles a grid across the antimeridian with particles in -180..180', () => {
    const n = 3;
    const lonX = new Float64Array(n * n), latX = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) { lonX[j * n + i] = 179 + i; latX[j * n + i] = 50 + j; }
    lonX.forEach((v, k) => { if (v > 180) lonX[k] = v - 360; });
    const g = new CurvilinearGrid(lonX, latX, n, n);
    expect(locate(g, -179.5, 51)![0]).toBeCloseTo(1.5, 9);
    expect(locate(g, 179.5, 51)![0]).toBeCloseTo(0.5, 9);
  });

  test('refuses mismatched node arrays', () => {
    expect(() => new CurvilinearGrid(lon, lat, NX + 1, NY)).toThrow(/expected/);
  });
});
