import { CurvilinearGrid } from './curvilinear_grid.js';
import { GriddedField } from './gridded_field.js';
import type { GridLocator } from './grid_locator.js';
import { RegularLonLatGrid } from './regular_grid.js';

/** A seeded linear congruential generator, so the benchmark is the same every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** A smooth synthetic field of the east-sea demo's size (61 × 51 × 33), with a land corner. */
function makeField(grid: GridLocator, nt: number, masked: boolean): GriddedField {
  const { nx, ny } = grid;
  const east = new Float32Array(nt * nx * ny);
  const north = new Float32Array(nt * nx * ny);
  for (let t = 0; t < nt; t++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const k = (t * ny + j) * nx + i;
    const land = masked && i < nx / 5 && j < ny / 3;
    east[k] = land ? NaN : Math.sin(i / 7 + t / 5);
    north[k] = land ? NaN : Math.cos(j / 5 - t / 3);
  }
  const timesS = Float64Array.from({ length: nt }, (_, t) => t * 10_800);
  return new GriddedField({ label: 'bench', quantity: 'current', grid, timesS, eastMps: east, northMps: north });
}

/**
 * Time `steps` calls of sampleBatch for `count` particles spread over `spread` of the field's
 * box around its centre (1 = the whole box, 0.1 = a drifting cloud); returns the best of three
 * runs in ns per particle per sample.
 */
function timeField(field: GriddedField, count: number, steps: number, spread: number): number {
  const b = field.bounds;
  const rnd = lcg(42);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const midLon = (b.westDeg + b.eastDeg) / 2, midLat = (b.southDeg + b.northDeg) / 2;
  for (let p = 0; p < count; p++) {
    lon[p] = midLon + (b.eastDeg - b.westDeg) * 0.9 * spread * (rnd() - 0.5);
    lat[p] = midLat + (b.northDeg - b.southDeg) * 0.9 * spread * (rnd() - 0.5);
  }
  const east = new Float64Array(count);
  const north = new Float64Array(count);
  const covered = new Uint8Array(count);
  const run = (n: number): void => {
    for (let s = 0; s < n; s++) {
      covered.fill(0);
      // A new time every call, as in a drift run (the blended slice is rebuilt each time).
      field.sampleBatch(field.startS + 600 * s + 1, lon, lat, count, east, north, covered);
    }
  };
  run(Math.max(5, steps / 5)); // warm up
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    run(steps);
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1e6) / (count * steps);
}

/**
 * Benchmark GriddedField.sampleBatch on a regular and a curvilinear grid; returns printable lines
 * (ns per particle per sample; the drift target of 20 M particle-steps/s with two fields needs
 * about 10-20 ns on a regular grid).
 */
export async function benchGriddedField(): Promise<string[]> {
  const count = 100_000;
  const steps = 100;
  const lonAxis = Float64Array.from({ length: 61 }, (_, i) => 128 + i * 0.1);
  const latAxis = Float64Array.from({ length: 51 }, (_, j) => 35 + j * 0.1);
  const uneven = Float64Array.from(lonAxis, (x, i) => x + (i % 2) * 0.01);
  const regular = makeField(new RegularLonLatGrid(lonAxis, latAxis), 33, false);
  const regularMasked = makeField(new RegularLonLatGrid(lonAxis, latAxis), 33, true);
  const nonUniform = makeField(new RegularLonLatGrid(uneven, latAxis), 33, false);
  // A rotated, sheared curvilinear grid of the same size (like a ROMS grid at 40° to east).
  const nx = 61, ny = 51;
  const lon2 = new Float64Array(nx * ny);
  const lat2 = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    lon2[j * nx + i] = 13 + 0.08 * i * Math.cos(0.7) - 0.03 * j * Math.sin(0.7) + 0.0004 * i * j;
    lat2[j * nx + i] = 66 + 0.03 * i * Math.sin(0.7) + 0.03 * j * Math.cos(0.7);
  }
  const curvi = makeField(new CurvilinearGrid(lon2, lat2, nx, ny), 33, false);
  const curviTableOnly = makeField(new CurvilinearGrid(lon2, lat2, nx, ny, { refine: false }), 33, false);
  const lines: string[] = [`GriddedField.sampleBatch, ${count} particles × ${steps} steps, 61 × 51 × 33 grid (best of 3):`];
  for (const [name, field] of [
    ['regular lon/lat, even axes', regular],
    ['regular lon/lat, even, 6% land', regularMasked],
    ['regular lon/lat, uneven axes', nonUniform],
    ['curvilinear (table + Newton step)', curvi],
    ['curvilinear (table only)', curviTableOnly],
  ] as const) {
    const whole = timeField(field, count, steps, 1);
    const cloud = timeField(field, count, steps, 0.1);
    lines.push(`  ${name.padEnd(36)} ${whole.toFixed(1).padStart(6)} ns (spread over the grid)  ${cloud.toFixed(1).padStart(6)} ns (cloud of 6 × 5 cells)`);
  }
  return lines;
}
