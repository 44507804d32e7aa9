import { describe, expect, test } from 'vitest';
import { RegularLonLatGrid } from './regular_grid.js';

/** Locate one point; returns [i, j] or null when outside. */
function locate(grid: RegularLonLatGrid, lonDeg: number, latDeg: number): [number, number] | null {
  const i = new Float64Array(1);
  const j = new Float64Array(1);
  grid.locateBatch(new Float64Array([lonDeg]), new Float64Array([latDeg]), 1, new Uint8Array(1), i, j);
  return Number.isNaN(i[0]) ? null : [i[0], j[0]];
}

describe('RegularLonLatGrid', () => {
  const lon = Float64Array.from({ length: 61 }, (_, k) => 128 + 0.1 * k);
  const lat = Float64Array.from({ length: 51 }, (_, k) => 35 + 0.1 * k);

  test('uniform axes give fractional indices from the spacing', () => {
    // 130.25°E is 22.5 steps of 0.1° from 128°E; 37.05°N is 20.5 steps from 35°N.
    const [i, j] = locate(new RegularLonLatGrid(lon, lat), 130.25, 37.05)!;
    expect(i).toBeCloseTo(22.5, 9);
    expect(j).toBeCloseTo(20.5, 9);
  });

  test('the last node row and column are inside, a hair beyond is outside', () => {
    const grid = new RegularLonLatGrid(lon, lat);
    const [i, j] = locate(grid, 134, 40)!;
    expect(i).toBeCloseTo(60, 9);
    expect(j).toBeCloseTo(50, 9);
    expect(locate(grid, 134.001, 38)).toBeNull();
    expect(locate(grid, 130, 40.001)).toBeNull();
    expect(locate(grid, 127.999, 38)).toBeNull();
    expect(locate(grid, 130, 34.999)).toBeNull();
  });

  test('descending latitude counts j from the first (northernmost) row', () => {
    const grid = new RegularLonLatGrid(lon, Float64Array.from(lat).reverse());
    // 37.05°N is 29.5 steps south of 40°N.
    expect(locate(grid, 130.25, 37.05)![1]).toBeCloseTo(29.5, 9);
  });

  test('0..360 longitudes accept particles given in -180..180', () => {
    const grid = new RegularLonLatGrid([180, 190, 200], [0, 10]);
    // -175°E is 185°E: half-way between the first two columns.
    expect(locate(grid, -175, 5)![0]).toBeCloseTo(0.5, 9);
    expect(grid.bounds.westDeg).toBe(180);
    expect(grid.bounds.eastDeg).toBe(-160);
  });

  test('an axis crossing the antimeridian in -180..180 is continuous', () => {
    const grid = new RegularLonLatGrid([170, 180, -170], [0, 10]);
    expect(locate(grid, 175, 5)![0]).toBeCloseTo(0.5, 9);
    expect(locate(grid, -175, 5)![0]).toBeCloseTo(1.5, 9);
    expect(locate(grid, -165, 5)).toBeNull();
  });

  test('uneven axes use the local spacing', () => {
    const grid = new RegularLonLatGrid([0, 1, 3, 7], [0, 2, 3]);
    // 5°E is half-way between 3 and 7 (index 2.5); 2.5°N half-way between 2 and 3 (index 1.5).
    const [i, j] = locate(grid, 5, 2.5)!;
    expect(i).toBeCloseTo(2.5, 12);
    expect(j).toBeCloseTo(1.5, 12);
    const desc = new RegularLonLatGrid([0, 1, 3, 7], [3, 2, 0]);
    expect(locate(desc, 5, 1)![1]).toBeCloseTo(1.5, 12);
  });

  test('skipped indices are left untouched', () => {
    const grid = new RegularLonLatGrid(lon, lat);
    const i = new Float64Array([-7, -7]);
    const j = new Float64Array([-7, -7]);
    grid.locateBatch(new Float64Array([130, 130]), new Float64Array([37, 37]), 2, new Uint8Array([1, 0]), i, j);
    expect(i[0]).toBe(-7);
    expect(i[1]).toBeCloseTo(20, 9);
  });

  test('a non-monotonic axis is refused with its index', () => {
    expect(() => new RegularLonLatGrid([0, 1, 2], [0, 1, 1])).toThrow(/latitude axis.*index 2/);
    expect(() => new RegularLonLatGrid([0], [0, 1])).toThrow(/2 × 2/);
  });
});
