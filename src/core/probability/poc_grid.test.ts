import { describe, expect, test } from 'vitest';
import { METRES_PER_NM } from '../geo/units.js';
import { gaussianCloud } from './gaussian_cloud.testkit.js';
import { localFrame, localXM, localYM } from './local_frame.js';
import { cellCentre, containmentCells, pocGrid } from './poc_grid.js';

const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

describe('pocGrid', () => {
  test('POC per cell sums to 1 and puts each particle in the cell that holds it', () => {
    const cloud = { count: 3, lonDeg: Float64Array.of(132, 132.01, 132.2), latDeg: Float64Array.of(37, 37, 37.1),
      weight: Float64Array.of(0.5, 0.3, 0.2) };
    const frame = localFrame({ lonDeg: 132, latDeg: 37 });
    const grid = pocGrid(cloud, { cellSizeNm: 1, frame });
    expect(sum(grid.poc)).toBeCloseTo(1, 12);
    expect(grid.cellSizeM).toBe(METRES_PER_NM);
    // the third particle sits alone in its cell with weight 0.2
    const i = Math.floor((localXM(frame, 132.2) - grid.x0M) / grid.cellSizeM);
    const j = Math.floor((localYM(frame, 37.1) - grid.y0M) / grid.cellSizeM);
    expect(grid.poc[j * grid.nx + i]).toBeCloseTo(0.2, 12);
    const c = cellCentre(grid, i, j);
    expect(Math.abs(c.lonDeg - 132.2)).toBeLessThan(1 / 60); // within a cell of 1 NM (0.021 deg of lon at 37N)
  });
  test('weights are respected, not particle counts', () => {
    // 9 light particles in one cell, 1 heavy particle (weight 0.91) far away
    const n = 10, lon = new Float64Array(n).fill(132), lat = new Float64Array(n).fill(37), w = new Float64Array(n).fill(0.01);
    lon[9] = 132.5; w[9] = 0.91;
    const grid = pocGrid({ count: n, lonDeg: lon, latDeg: lat, weight: w }, { cellSizeNm: 1 });
    expect(Math.max(...grid.poc)).toBeCloseTo(0.91, 12);
  });
  test('particles not yet released are not counted; the rest is renormalised', () => {
    const cloud = { count: 2, lonDeg: Float64Array.of(132, 132.5), latDeg: Float64Array.of(37, 37), weight: Float64Array.of(0.5, 0.5),
      status: Uint8Array.of(0, 3) };
    const grid = pocGrid(cloud, { cellSizeNm: 1 });
    expect(Math.max(...grid.poc)).toBeCloseTo(1, 12);
    expect(grid.countedWeight).toBeCloseTo(0.5, 12);
  });
  test('automatic cell size: the 90 % area is about 50 cells across (its square root)', () => {
    const cloud = gaussianCloud(50_000, { lonDeg: 132, latDeg: 37 }, 9000, 3000, 45, 3);
    const grid = pocGrid(cloud);
    const across = Math.sqrt(containmentCells(grid.poc, 0.9).count);
    expect(across).toBeGreaterThan(40);
    expect(across).toBeLessThan(60);
    expect(sum(grid.poc)).toBeCloseTo(1, 10);
  });
});

describe('containmentCells', () => {
  test('takes the most probable cells first', () => {
    // cells 0.4, 0.3, 0.2, 0.1: 50 % needs 0.4 + 0.3 (two cells); 90 % needs three
    const poc = Float64Array.of(0.1, 0.4, 0.2, 0.3);
    expect(containmentCells(poc, 0.5)).toEqual({ count: 2, lastTaken: 0.3, firstLeft: 0.2 });
    expect(containmentCells(poc, 0.9).count).toBe(3);
  });
});
