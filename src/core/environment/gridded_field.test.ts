import { describe, expect, test } from 'vitest';
import { GriddedField } from './gridded_field.js';
import { RegularLonLatGrid } from './regular_grid.js';

/** A 4 × 3 grid (lon 0..3, lat 0..2, 1° steps) with 2 times (0 s and 3600 s). */
const LON = [0, 1, 2, 3];
const LAT = [0, 1, 2];
const NX = 4, NY = 3;

/** Field whose east = f(t, i, j) and north = -f; f linear in i, j and t is reproduced exactly by bilinear/linear interpolation. */
function linearField(f: (t: number, i: number, j: number) => number, mask: Array<[number, number, number]> = []): GriddedField {
  const east = new Float64Array(2 * NX * NY);
  const north = new Float64Array(2 * NX * NY);
  for (let t = 0; t < 2; t++) for (let j = 0; j < NY; j++) for (let i = 0; i < NX; i++) {
    const k = (t * NY + j) * NX + i;
    east[k] = f(t, i, j);
    north[k] = -f(t, i, j);
  }
  for (const [t, j, i] of mask) { east[(t * NY + j) * NX + i] = NaN; north[(t * NY + j) * NX + i] = NaN; }
  return new GriddedField({ label: 'test', quantity: 'current', grid: new RegularLonLatGrid(LON, LAT), timesS: new Float64Array([0, 3600]), eastMps: east, northMps: north });
}

/** Sample n points; `covered` starts as given (default all 0). */
function sample(field: GriddedField, timeS: number, lon: number[], lat: number[], covered0?: number[]) {
  const n = lon.length;
  const east = new Float64Array(n).fill(-99);
  const north = new Float64Array(n).fill(-99);
  const covered = new Uint8Array(covered0 ?? new Array(n).fill(0));
  field.sampleBatch(timeS, new Float64Array(lon), new Float64Array(lat), n, east, north, covered);
  return { east: Array.from(east), north: Array.from(north), covered: Array.from(covered) };
}

describe('GriddedField', () => {
  const f = (t: number, i: number, j: number) => 1 + 2 * i + 3 * j + 0.5 * i * j + 10 * t;

  test('bilinear in space reproduces a bilinear function exactly', () => {
    // At t = 0, (lon 1.25, lat 0.5): 1 + 2.5 + 1.5 + 0.5 × 1.25 × 0.5 = 5.3125.
    const r = sample(linearField(f), 0, [1.25], [0.5]);
    expect(r.east[0]).toBeCloseTo(5.3125, 12);
    expect(r.north[0]).toBeCloseTo(-5.3125, 12);
    expect(r.covered[0]).toBe(1);
  });

  test('linear in time between slices, for one particle and for many (blended slice)', () => {
    // A quarter hour past t0 adds 10 × 0.25 = 2.5 to the t = 0 value 5.3125.
    expect(sample(linearField(f), 900, [1.25], [0.5]).east[0]).toBeCloseTo(7.8125, 12);
    const many = sample(linearField(f), 900, new Array(40).fill(1.25), new Array(40).fill(0.5));
    expect(many.east.every((e) => Math.abs(e - 7.8125) < 1e-12)).toBe(true);
  });

  test('a few points of a large run sample as the run does (runCount), bit for bit', () => {
    // 12 nodes: 3 points alone interpolate in time per point, 40 blend the slices first; the two
    // round differently, so a run cut into small ranges must sample each as the whole run would
    const sin = (t: number, i: number, j: number) => Math.sin(1 + 0.7 * i + 1.3 * j + t);
    const lon = [0.31, 1.77, 2.43], lat = [0.12, 1.51, 0.93];
    const run = { lon: new Float64Array(40).map((_, k) => lon[k % 3]), lat: new Float64Array(40).map((_, k) => lat[k % 3]) };
    const values = (n: number, runCount?: number) => {
      const east = new Float64Array(n), north = new Float64Array(n);
      linearField(sin).sampleBatch(1234, run.lon, run.lat, n, east, north, new Uint8Array(n), runCount);
      return Array.from(east.subarray(0, 3));
    };
    expect(values(3)).not.toEqual(values(40));   // the two methods do differ in the last bits here
    expect(values(3, 40)).toEqual(values(40));
  });

  test('the end times are covered, times outside are not and stay untouched', () => {
    const field = linearField(f);
    expect(sample(field, 3600, [0], [0]).east[0]).toBeCloseTo(11, 12);
    const before = sample(field, -1, [1], [1]);
    const after = sample(field, 3601, [1], [1]);
    expect(before).toEqual({ east: [-99], north: [-99], covered: [0] });
    expect(after.covered[0]).toBe(0);
    expect(field.startS).toBe(0);
    expect(field.endS).toBe(3600);
  });

  test('points outside the grid are not covered; already covered points are untouched', () => {
    const r = sample(linearField(f), 0, [3.5, 1, 1], [1, -0.1, 1], [0, 0, 1]);
    expect(r.covered).toEqual([0, 0, 1]);
    expect(r.east).toEqual([-99, -99, -99]);
  });

  test('a masked corner: weights renormalised over the valid corners', () => {
    // Cell (i 1..2, j 0..1) with node (i 2, j 0) masked at both times; point (1.5, 0.5):
    // valid corners (1,0)=3, (1,1)=6.5, (2,1)=9 with weights 0.25 each → (3 + 6.5 + 9) / 3 = 6.1667.
    const field = linearField(f, [[0, 0, 2], [1, 0, 2]]);
    const r = sample(field, 0, [1.5], [0.5]);
    expect(r.east[0]).toBeCloseTo(18.5 / 3, 12);
    expect(r.covered[0]).toBe(1);
    // The same through the blended-slice path (many particles, between times: +10 × 0.5).
    const many = sample(field, 1800, new Array(20).fill(1.5), new Array(20).fill(0.5));
    expect(many.east[19]).toBeCloseTo(18.5 / 3 + 5, 12);
  });

  test('a corner masked at one time only: renormalised over valid (corner, time) pairs', () => {
    // Node (1,0) masked at t1 only; at 1800 s point (1, 0) sits on that node:
    // only (1,0,t0) = 3 has weight → 3, instead of the unmasked mean 3 + 5 = 8.
    const field = linearField(f, [[1, 0, 1]]);
    expect(sample(field, 1800, [1], [0]).east[0]).toBeCloseTo(3, 12);
  });

  test('all four corners masked: 0 and covered (land), never NaN', () => {
    const field = linearField(f, [[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]]);
    const r = sample(field, 1200, [0.5], [0.5]);
    expect(r).toEqual({ east: [0], north: [0], covered: [1] });
  });

  test('a point exactly on a masked node takes the mean of the valid corners of its cell', () => {
    // Point (1, 1) on masked node (1,1); its cell (1..2, 1..2) corners (2,1)=9, (1,2)=9, (2,2)=14 → 32 / 3.
    const field = linearField(f, [[0, 1, 1], [1, 1, 1]]);
    expect(sample(field, 0, [1], [1]).east[0]).toBeCloseTo(32 / 3, 12);
  });

  test('a timeless field covers all times', () => {
    const grid = new RegularLonLatGrid([0, 1], [0, 1]);
    const field = new GriddedField({ label: 'static', quantity: 'wind', grid, timesS: null, eastMps: new Float32Array([1, 1, 1, 1]), northMps: new Float32Array([0, 0, 2, 2]) });
    expect(sample(field, 1e9, [0.5], [0.25]).north[0]).toBeCloseTo(0.5, 7);
    expect(field.startS).toBe(-Infinity);
  });

  test('refuses data of the wrong size and unordered times', () => {
    const grid = new RegularLonLatGrid([0, 1], [0, 1]);
    expect(() => new GriddedField({ label: 'x', quantity: 'wind', grid, timesS: new Float64Array([0]), eastMps: new Float32Array(3), northMps: new Float32Array(4) }))
      .toThrow(/x: expected 4 values/);
    expect(() => new GriddedField({ label: 'x', quantity: 'wind', grid, timesS: new Float64Array([5, 5]), eastMps: new Float32Array(8), northMps: new Float32Array(8) }))
      .toThrow(/strictly ascending/);
  });
});
