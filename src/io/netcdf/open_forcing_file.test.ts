import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm/node';
import { NetCDFReader } from 'netcdfjs';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VectorField } from '../../core/environment/index.js';
import { openForcingBytes, openForcingFile } from './index.js';
import { writeNetcdf3, type Nc3Var } from './test/netcdf3_writer.js';

const DATA = fileURLToPath(new URL('../../../data/forcing/', import.meta.url));
const NORWAY = fileURLToPath(new URL('../../../data/forcing/norway-real/', import.meta.url));
const HAVE_NORWAY = existsSync(join(NORWAY, 'Nordic_subset.nc'));
const TMP = mkdtempSync(join(tmpdir(), 'sarbridge-netcdf-'));

/** Sample a field at points; returns east, north, covered per point. */
function sample(field: VectorField, timeS: number, points: Array<[number, number]>) {
  const n = points.length;
  const east = new Float64Array(n).fill(-99);
  const north = new Float64Array(n).fill(-99);
  const covered = new Uint8Array(n);
  field.sampleBatch(timeS, Float64Array.from(points, (p) => p[0]), Float64Array.from(points, (p) => p[1]), n, east, north, covered);
  return { east: Array.from(east), north: Array.from(north), covered: Array.from(covered) };
}

/** Raw h5wasm read of a dataset as numbers, unpacked by the test itself. */
function h5Read(file: InstanceType<typeof h5wasm.File>, name: string): Float64Array {
  const ds = file.get(name) as InstanceType<typeof h5wasm.Dataset>;
  const sf = ds.attrs.scale_factor ? Number((ds.attrs.scale_factor.value as Float32Array)[0]) : 1;
  const ao = ds.attrs.add_offset ? Number((ds.attrs.add_offset.value as Float32Array)[0]) : 0;
  return Float64Array.from(ds.value as ArrayLike<number>, (x) => Number(x) * sf + ao);
}

beforeAll(async () => {
  await h5wasm.ready;
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('openForcingFile: uniform test pair', () => {
  // The files hold eastward 0 / northward 0.2 (current) and eastward 10 / northward 0 (wind) at every node.
  const points: Array<[number, number]> = [[132, 37.5], [131.0, 36.8], [132.8013, 38.2], [131.3333, 37.1234]];

  test('current: 0.2 m/s toward north everywhere inside, at node and between-node times', async () => {
    const ff = await openForcingFile(join(DATA, 'uniform/current_uniform_u0_v0.2.nc'));
    expect(ff.format).toBe('netcdf4');
    const current = ff.fields.current!;
    expect(ff.fields.wind).toBeUndefined();
    expect(current.startS).toBe(Date.UTC(2024, 0, 1) / 1000);
    for (const t of [current.startS, current.startS + 5400, current.endS]) {
      const r = sample(current, t, points);
      for (let k = 0; k < points.length; k++) {
        expect(r.covered[k]).toBe(1);
        expect(r.east[k]).toBeCloseTo(0, 7);
        expect(r.north[k]).toBeCloseTo(0.2, 7);
      }
    }
  });

  test('wind: 10 m/s toward east (a westerly) everywhere inside', async () => {
    const wind = (await openForcingFile(join(DATA, 'uniform/wind_uniform_u10_v0.nc'))).fields.wind!;
    const r = sample(wind, wind.startS + 3 * 3600 + 17, points);
    expect(r.east.every((e) => Math.abs(e - 10) < 1e-6)).toBe(true);
    expect(r.north.every((n) => Math.abs(n) < 1e-6)).toBe(true);
  });

  test('outside the grid or the time span: not covered, untouched', async () => {
    const wind = (await openForcingFile(join(DATA, 'uniform/wind_uniform_u10_v0.nc'))).fields.wind!;
    expect(sample(wind, wind.startS, [[129, 37.5], [132, 39]]).covered).toEqual([0, 0]);
    const late = sample(wind, wind.endS + 1, [[132, 37.5]]);
    expect(late).toEqual({ east: [-99], north: [-99], covered: [0] });
  });

  test('the description names variables, grid, time span and size', async () => {
    const ff = await openForcingFile(join(DATA, 'uniform/wind_uniform_u10_v0.nc'));
    const text = ff.description.join('\n');
    expect(text).toMatch(/eastward_wind \/ northward_wind/);
    expect(text).toMatch(/regular lon\/lat 41 × 31/);
    expect(text).toMatch(/2024-01-01T00:00Z \.\. 2024-01-02T06:00Z, 31 steps/);
  });
});

describe('openForcingFile: east-sea synthetic pair', () => {
  const currentsPath = join(DATA, 'east-sea-synthetic/east-sea-currents.nc');
  const raw = new NetCDFReader(readFileSync(currentsPath));
  const u = raw.getDataVariable('eastward_sea_water_velocity') as number[];
  const v = raw.getDataVariable('northward_sea_water_velocity') as number[];
  const NX = 61, NY = 51;
  const at = (a: number[], t: number, j: number, i: number) => a[(t * NY + j) * NX + i];
  const epoch = Date.UTC(2026, 2, 10) / 1000;

  test('NetCDF3 currents: node values and bilinear values between nodes equal the raw data', async () => {
    const ff = await openForcingFile(currentsPath);
    expect(ff.format).toBe('netcdf3-classic');
    const current = ff.fields.current!;
    // Find an all-water cell in the middle of the sea.
    const t = 5, j = 25, i = 40;
    for (const [dj, di] of [[0, 0], [0, 1], [1, 0], [1, 1]]) expect(at(u, t, j + dj, i + di)).not.toBe(-999);
    const r = sample(current, epoch + t * 3 * 3600, [[128 + i * 0.1, 35 + j * 0.1], [128 + (i + 0.3) * 0.1, 35 + (j + 0.6) * 0.1]]);
    expect(r.east[0]).toBeCloseTo(at(u, t, j, i), 5);
    expect(r.north[0]).toBeCloseTo(at(v, t, j, i), 5);
    // Bilinear with weights (0.3, 0.6), computed here from the raw values.
    const bil = (a: number[]) => 0.7 * 0.4 * at(a, t, j, i) + 0.3 * 0.4 * at(a, t, j, i + 1) + 0.7 * 0.6 * at(a, t, j + 1, i) + 0.3 * 0.6 * at(a, t, j + 1, i + 1);
    expect(r.east[1]).toBeCloseTo(bil(u), 5);
    expect(r.north[1]).toBeCloseTo(bil(v), 5);
    // Half-way between two time steps: the mean of the two.
    const mid = sample(current, epoch + (t + 0.5) * 3 * 3600, [[128 + i * 0.1, 35 + j * 0.1]]);
    expect(mid.east[0]).toBeCloseTo((at(u, t, j, i) + at(u, t + 1, j, i)) / 2, 5);
  });

  test('land (_FillValue -999): an all-land cell gives 0, a coastal cell the valid corners only', async () => {
    const current = (await openForcingFile(currentsPath)).fields.current!;
    let landCell: [number, number] | null = null;
    let coastCell: [number, number] | null = null;
    for (let j = 0; j < NY - 1 && !(landCell && coastCell); j++) {
      for (let i = 0; i < NX - 1; i++) {
        const land = [[0, 0], [0, 1], [1, 0], [1, 1]].filter(([dj, di]) => at(u, 0, j + dj, i + di) === -999).length;
        if (land === 4 && !landCell) landCell = [j, i];
        if (land === 1 && !coastCell) coastCell = [j, i];
      }
    }
    expect(landCell).not.toBeNull();
    expect(coastCell).not.toBeNull();
    const [lj, li] = landCell!;
    const [cj, ci] = coastCell!;
    const r = sample(current, epoch, [[128 + (li + 0.5) * 0.1, 35 + (lj + 0.5) * 0.1], [128 + (ci + 0.5) * 0.1, 35 + (cj + 0.5) * 0.1]]);
    expect(r.covered).toEqual([1, 1]);
    expect(r.east[0]).toBe(0);
    expect(r.north[0]).toBe(0);
    // Cell centre: equal weights, so the mean of the three water corners.
    const water = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([dj, di]) => at(u, 0, cj + dj, ci + di)).filter((x) => x !== -999);
    expect(water).toHaveLength(3);
    expect(r.east[1]).toBeCloseTo((water[0] + water[1] + water[2]) / 3, 5);
  });

  test('NetCDF4 wind: values at points equal the raw data', async () => {
    const windPath = join(DATA, 'east-sea-synthetic/east-sea-wind.nc');
    const wind = (await openForcingFile(windPath)).fields.wind!;
    const f = new h5wasm.File(windPath, 'r');
    const ue = h5Read(f, 'eastward_wind');
    const vn = h5Read(f, 'northward_wind');
    f.close();
    const t = 12, j = 10, i = 7;
    const k = (t * NY + j) * NX + i;
    const r = sample(wind, epoch + t * 3 * 3600, [[128 + (i + 0.5) * 0.1, 35 + j * 0.1]]);
    expect(r.east[0]).toBeCloseTo((ue[k] + ue[k + 1]) / 2, 5);
    expect(r.north[0]).toBeCloseTo((vn[k] + vn[k + 1]) / 2, 5);
  });
});

describe.skipIf(!HAVE_NORWAY)('openForcingFile: AROME Lambert x/y wind (data/forcing/norway-real)', () => {
  const path = join(NORWAY, 'AROME_MetCoOp_00_DEF_20160114_subset.nc');

  test('east/north equal an independent projection, bilinear interpolation and rotation of the raw x/y wind', async () => {
    const ff = await openForcingFile(path);
    const wind = ff.fields.wind!;
    expect(ff.description.join('\n')).toMatch(/x_wind_10m \/ y_wind_10m.*grid-relative/);
    const f = new h5wasm.File(path, 'r');
    const x = h5Read(f, 'x'), y = h5Read(f, 'y'), xw = h5Read(f, 'x_wind_10m'), yw = h5Read(f, 'y_wind_10m');
    const time = h5Read(f, 'time');
    // The file's own proj4 attribute (not the CF parameters the reader uses).
    // proj4js misreads exponent notation ("+R=6.371e+06"), so the numbers are written out first.
    const def = ((f.get('projection_lambert') as InstanceType<typeof h5wasm.Dataset>).attrs.proj4.value as string)
      .replace(/=([-+]?[\d.]+e[-+]?\d+)/gi, (_m, num: string) => `=${Number(num)}`);
    f.close();
    const nx = x.length, ny = y.length, dx = x[1] - x[0], dy = y[1] - y[0];
    // LCC tangent cone at 63°N: grid y axis is rotated from north by θ = sin(63°)·(λ − 15°) (Snyder 1987, eq. 14-4).
    const n = Math.sin((63 * Math.PI) / 180);
    const eastNorthAtNode = (t: number, j: number, i: number): [number, number] => {
      const [lonDeg] = proj4(def).inverse([x[i], y[j]]);
      const th = (n * (lonDeg - 15) * Math.PI) / 180;
      const k = (t * ny + j) * nx + i;
      return [xw[k] * Math.cos(th) + yw[k] * Math.sin(th), -xw[k] * Math.sin(th) + yw[k] * Math.cos(th)];
    };
    const expected = (t: number, lonDeg: number, latDeg: number): [number, number] => {
      const [px, py] = proj4(def).forward([lonDeg, latDeg]);
      const fi = (px - x[0]) / dx, fj = (py - y[0]) / dy;
      const i0 = Math.floor(fi), j0 = Math.floor(fj), a = fi - i0, b = fj - j0;
      const c = [eastNorthAtNode(t, j0, i0), eastNorthAtNode(t, j0, i0 + 1), eastNorthAtNode(t, j0 + 1, i0), eastNorthAtNode(t, j0 + 1, i0 + 1)];
      const w = [(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b];
      return [0, 1].map((q) => c.reduce((s, e, m) => s + w[m] * e[q], 0)) as [number, number];
    };
    const points: Array<[number, number]> = [[4.0, 62.0], [6.31, 63.12], [2.5, 61.0], [7.77, 60.9]];
    for (const t of [0, 1]) {
      const r = sample(wind, time[t], points);
      points.forEach(([lo, la], k) => {
        const [e, nn] = expected(t, lo, la);
        expect(r.covered[k]).toBe(1);
        expect(Math.abs(r.east[k] - e)).toBeLessThan(1e-3);
        expect(Math.abs(r.north[k] - nn)).toBeLessThan(1e-3);
      });
    }
    // The rotation matters here: at 4°E it is about 9.8°, so unrotated values would be off by far more than 1e-3.
    const r0 = sample(wind, time[0], [[4.0, 62.0]]);
    expect(Math.hypot(r0.east[0], r0.north[0])).toBeGreaterThan(1);
  });

  test('outside the Lambert grid: not covered', async () => {
    const wind = (await openForcingFile(path)).fields.wind!;
    // 0.8°E 64.1°N lies inside the lon/lat box but outside the rotated grid's north-west corner.
    expect(sample(wind, wind.startS, [[0.8, 64.1], [10, 62]]).covered).toEqual([0, 0]);
  });
});

describe.skipIf(!HAVE_NORWAY)('openForcingFile: ROMS Nordic-4km currents (data/forcing/norway-real)', () => {
  const path = join(NORWAY, 'Nordic_subset.nc');
  const NX = 31, NY = 21, NS = 35;
  let lonR: Float64Array, latR: Float64Array, mask: Float64Array, angle: Float64Array;
  let u: Float64Array, v: Float64Array, time: Float64Array;
  let current: VectorField;

  beforeAll(async () => {
    const ff = await openForcingFile(path);
    current = ff.fields.current!;
    const f = new h5wasm.File(path, 'r');
    lonR = h5Read(f, 'lon_rho'); latR = h5Read(f, 'lat_rho'); mask = h5Read(f, 'mask_rho'); angle = h5Read(f, 'angle');
    u = h5Read(f, 'u'); v = h5Read(f, 'v'); time = h5Read(f, 'ocean_time');
    f.close();
  });

  /** Surface (top s level) u averaged to rho point (j, i) from u(j, i-1), u(j, i); v from v(j-1, i), v(j, i); rotated by angle. */
  function rhoValue(t: number, j: number, i: number): [number, number] | null {
    if (Math.round(mask[j * NX + i]) === 0) return null;
    const s = NS - 1;
    const uu = (u[((t * NS + s) * NY + j) * NX + i - 1] + u[((t * NS + s) * NY + j) * NX + i]) / 2;
    const vv = (v[((t * NS + s) * NY + j - 1) * NX + i] + v[((t * NS + s) * NY + j) * NX + i]) / 2;
    const a = angle[j * NX + i];
    return [uu * Math.cos(a) - vv * Math.sin(a), uu * Math.sin(a) + vv * Math.cos(a)];
  }
  /** Position of fractional (i0 + a, j0 + b) by the bilinear map of the rho cell, and the expected value there. */
  function pointAndExpected(t: number, j0: number, i0: number, a: number, b: number) {
    const w = [(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b];
    const nodes = [[j0, i0], [j0, i0 + 1], [j0 + 1, i0], [j0 + 1, i0 + 1]];
    const lon = nodes.reduce((s, [j, i], k) => s + w[k] * lonR[j * NX + i], 0);
    const lat = nodes.reduce((s, [j, i], k) => s + w[k] * latR[j * NX + i], 0);
    let sw = 0, e = 0, n = 0;
    nodes.forEach(([j, i], k) => { const val = rhoValue(t, j, i); if (val) { sw += w[k]; e += w[k] * val[0]; n += w[k] * val[1]; } });
    return { point: [lon, lat] as [number, number], expected: sw > 0 ? [e / sw, n / sw] : [0, 0], validCorners: nodes.filter(([j, i]) => rhoValue(t, j, i)).length };
  }

  test('water cells: staggered surface u/v averaged to rho, rotated by angle, interpolated', () => {
    for (const [t, j0, i0, a, b] of [[0, 15, 10, 0.3, 0.6], [1, 18, 25, 0.5, 0.5], [2, 10, 5, 0.9, 0.1], [1, 12, 20, 0, 0]]) {
      const { point, expected, validCorners } = pointAndExpected(t, j0, i0, a, b);
      expect(validCorners).toBe(4);
      const r = sample(current, time[t], [point]);
      expect(r.covered[0]).toBe(1);
      expect(Math.abs(r.east[0] - expected[0])).toBeLessThan(1e-4);
      expect(Math.abs(r.north[0] - expected[1])).toBeLessThan(1e-4);
    }
  });

  test('half-way between daily fields: the mean of both days', () => {
    const { point, expected: e1 } = pointAndExpected(1, 15, 10, 0.3, 0.6);
    const { expected: e2 } = pointAndExpected(2, 15, 10, 0.3, 0.6);
    const r = sample(current, (time[1] + time[2]) / 2, [point]);
    expect(r.east[0]).toBeCloseTo((e1[0] + e2[0]) / 2, 4);
  });

  test('next to land (mask_rho): weights renormalised over the water corners', () => {
    // Cell (i 3..4, j 3..4) has land at i = 4 in both rows of this subset.
    const { point, expected, validCorners } = pointAndExpected(0, 3, 3, 0.7, 0.4);
    expect(validCorners).toBe(2);
    const r = sample(current, time[0], [point]);
    expect(r.covered[0]).toBe(1);
    expect(Math.abs(r.east[0] - expected[0])).toBeLessThan(1e-4);
    expect(Math.abs(r.north[0] - expected[1])).toBeLessThan(1e-4);
  });

  test('an all-land cell gives 0 and counts as covered', () => {
    const { point, validCorners } = pointAndExpected(0, 0, 0, 0.5, 0.5);
    expect(validCorners).toBe(0);
    expect(sample(current, time[0], [point])).toEqual({ east: [0], north: [0], covered: [1] });
  });

  test('the description says ROMS, the surface level and the mask', async () => {
    const text = (await openForcingFile(path)).description.join('\n');
    expect(text).toMatch(/ROMS curvilinear/);
    expect(text).toMatch(/s_rho index 34 of 35/);
    expect(text).toMatch(/mask_rho/);
  });
});

describe('openForcingFile: bad input', () => {
  test('a truncated NetCDF3 file', async () => {
    const p = join(TMP, 'truncated-currents.nc');
    writeFileSync(p, readFileSync(join(DATA, 'east-sea-synthetic/east-sea-currents.nc')).subarray(0, 300_000));
    await expect(openForcingFile(p)).rejects.toThrow(/truncated-currents\.nc: truncated/);
  });

  test('a truncated NetCDF4 file', async () => {
    const p = join(TMP, 'truncated-wind.nc');
    writeFileSync(p, readFileSync(join(DATA, 'uniform/wind_uniform_u10_v0.nc')).subarray(0, 100_000));
    await expect(openForcingFile(p)).rejects.toThrow(/truncated-wind\.nc: truncated/);
  });

  test('a text file', async () => {
    const p = join(TMP, 'notes.nc');
    writeFileSync(p, 'lon,lat,u,v\n132,37,0.1,0.2\n');
    await expect(openForcingFile(p)).rejects.toThrow(/notes\.nc: is not a NetCDF file \(it looks like text/);
  });

  test('a missing file', async () => {
    await expect(openForcingFile(join(TMP, 'absent.nc'))).rejects.toThrow(/absent\.nc: cannot be read \(ENOENT\)/);
  });

  const coords: Nc3Var[] = [
    { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01', standard_name: 'time' }, data: [0, 1] },
    { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
    { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132, 133] },
  ];
  const grid = { dims: { time: 2, lat: 2, lon: 3 }, coords };

  test('a NetCDF file with neither wind nor current lists its variables', async () => {
    const p = join(TMP, 'sst-only.nc');
    writeFileSync(p, writeNetcdf3(grid.dims, [...grid.coords,
      { name: 'sst', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'sea_surface_temperature', units: 'K' }, data: new Array(12).fill(280) }]));
    await expect(openForcingFile(p)).rejects.toThrow(/sst-only\.nc: no wind or current variable found.*time, lat, lon, sst/);
  });

  test('bad time units name the file and the time variable', async () => {
    const p = join(TMP, 'bad-time.nc');
    const badCoords = grid.coords.map((c) => (c.name === 'time' ? { ...c, attrs: { units: 'fortnights since 2024-01-01' } } : c));
    writeFileSync(p, writeNetcdf3(grid.dims, [...badCoords,
      { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', data: new Array(12).fill(1) },
      { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', data: new Array(12).fill(2) }]));
    await expect(openForcingFile(p)).rejects.toThrow(/bad-time\.nc: variable 'time': bad time units: time unit 'fortnights'/);
  });

  test('an unknown grid_mapping is named', async () => {
    const p = join(TMP, 'rotated.nc');
    writeFileSync(p, writeNetcdf3({ time: 1, y: 2, x: 2 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01' }, data: [0] },
      { name: 'x', dims: ['x'], type: 'double', attrs: { standard_name: 'projection_x_coordinate', units: 'm' }, data: [0, 1000] },
      { name: 'y', dims: ['y'], type: 'double', attrs: { standard_name: 'projection_y_coordinate', units: 'm' }, data: [0, 1000] },
      { name: 'crs', dims: [], type: 'double', attrs: { grid_mapping_name: 'oblique_mercator' }, data: [0] },
      { name: 'xw', dims: ['time', 'y', 'x'], type: 'float', attrs: { standard_name: 'x_wind', grid_mapping: 'crs' }, data: [1, 1, 1, 1] },
      { name: 'yw', dims: ['time', 'y', 'x'], type: 'float', attrs: { standard_name: 'y_wind', grid_mapping: 'crs' }, data: [1, 1, 1, 1] },
    ]));
    await expect(openForcingFile(p)).rejects.toThrow(/rotated\.nc: variable 'crs': unknown grid_mapping 'oblique_mercator'/);
  });

  test('a variable over the size limit is refused with a hint to subset', async () => {
    await expect(openForcingFile(join(DATA, 'east-sea-synthetic/east-sea-wind.nc'), { maxValues: 1000 }))
      .rejects.toThrow(/east-sea-wind\.nc: variable 'eastward_wind': has 102663 values .*subset/);
  });

  test('a user mapping picks variables without standard names; a wrong name is reported', async () => {
    const p = join(TMP, 'odd-names.nc');
    writeFileSync(p, writeNetcdf3(grid.dims, [...grid.coords,
      { name: 'drift_e', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { _FillValue: -999 }, data: [0.1, 0.2, 0.3, 0.4, 0.5, -999, 1, 1, 1, 1, 1, 1] },
      { name: 'drift_n', dims: ['time', 'lat', 'lon'], type: 'float', data: new Array(12).fill(0.5) }]));
    await expect(openForcingFile(p)).rejects.toThrow(/no wind or current/);
    const ff = await openForcingFile(p, { variables: { current: ['drift_e', 'drift_n'] } });
    // (131.5, 37.5) at t = 0: mean of 0.1, 0.2, 0.4, 0.5 = 0.3.
    expect(sample(ff.fields.current!, Date.UTC(2024, 0, 1) / 1000, [[131.5, 37.5]]).east[0]).toBeCloseTo(0.3, 6);
    await expect(openForcingFile(p, { variables: { current: ['drift_e', 'drift_north'] } }))
      .rejects.toThrow(/odd-names\.nc: variable 'drift_north': not in the file/);
  });
});

describe('openForcingBytes', () => {
  test('NetCDF4 bytes through the in-memory file system give the same values', async () => {
    const bytes = new Uint8Array(readFileSync(join(DATA, 'uniform/current_uniform_u0_v0.2.nc')));
    const ff = await openForcingBytes('current_uniform_u0_v0.2.nc', bytes);
    const r = sample(ff.fields.current!, ff.fields.current!.startS + 600, [[132, 37.5]]);
    expect(r.north[0]).toBeCloseTo(0.2, 7);
    expect(ff.description[0]).toBe('current_uniform_u0_v0.2.nc: NetCDF4 (HDF5)');
  });

  test('NetCDF3 bytes, and non-NetCDF bytes refused by name', async () => {
    const bytes = new Uint8Array(readFileSync(join(DATA, 'east-sea-synthetic/east-sea-currents.nc')));
    expect((await openForcingBytes('currents.nc', bytes)).fields.current).toBeDefined();
    await expect(openForcingBytes('upload.bin', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow(/upload\.bin: is not a NetCDF file/);
  });
});

describe('openForcingFile: hand-made grids', () => {
  test('polar stereographic x/y wind is rotated like the analytic grid convergence', async () => {
    // NSIDC-style north polar stereographic (lat_ts 70°N, lon0 -45°E), 25 km nodes ~2200 km from the pole,
    // where the grid is turned about 27° from east/north.
    const xs = [1_000_000, 1_025_000, 1_050_000, 1_075_000], ys = [-2_000_000, -1_975_000, -1_950_000, -1_925_000];
    const p = join(TMP, 'polar.nc');
    writeFileSync(p, writeNetcdf3({ time: 1, y: 4, x: 4 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'seconds since 2024-01-01 00:00:00' }, data: [0] },
      { name: 'x', dims: ['x'], type: 'double', attrs: { standard_name: 'projection_x_coordinate', units: 'm' }, data: xs },
      { name: 'y', dims: ['y'], type: 'double', attrs: { standard_name: 'projection_y_coordinate', units: 'm' }, data: ys },
      { name: 'crs', dims: [], type: 'double', data: [0], attrs: { grid_mapping_name: 'polar_stereographic', latitude_of_projection_origin: 90,
        straight_vertical_longitude_from_pole: -45, standard_parallel: 70, semi_major_axis: 6378137, inverse_flattening: 298.257223563 } },
      { name: 'uw', dims: ['time', 'y', 'x'], type: 'float', attrs: { standard_name: 'x_wind', grid_mapping: 'crs' }, data: new Array(16).fill(3) },
      { name: 'vw', dims: ['time', 'y', 'x'], type: 'float', attrs: { standard_name: 'y_wind', grid_mapping: 'crs' }, data: new Array(16).fill(4) },
    ]));
    const wind = (await openForcingFile(p)).fields.wind!;
    const def = '+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +ellps=WGS84 +units=m';
    for (const [x, y] of [[1_010_000, -1_990_000], [1_060_000, -1_930_000], [1_037_500, -1_962_500]]) {
      const [lonDeg, latDeg] = proj4(def).inverse([x, y]);
      // Polar stereographic (north): grid x points east rotated by a = λ − λ0 (Snyder 1987, eq. 21-30/31).
      const a = ((lonDeg + 45) * Math.PI) / 180;
      const r = sample(wind, wind.startS, [[lonDeg, latDeg]]);
      expect(r.covered[0]).toBe(1);
      // The reader rotates at the nodes and then interpolates: that differs from rotating at the point by
      // about |V|·Δθ²/8 = 5 × (25/2200)² / 8 ≈ 1e-4 m/s at most (Δθ: turn of the grid across one cell).
      expect(a).toBeGreaterThan(0.4);
      expect(Math.abs(r.east[0] - (3 * Math.cos(a) + 4 * Math.sin(a)))).toBeLessThan(1e-4);
      expect(Math.abs(r.north[0] - (-3 * Math.sin(a) + 4 * Math.cos(a)))).toBeLessThan(1e-4);
    }
  });

  test('a global 0..350°E grid with descending latitude is closed across 0°/360°', async () => {
    const lon = Array.from({ length: 36 }, (_, i) => i * 10);
    const lat = [10, 0, -10];
    const east: number[] = [];
    for (let j = 0; j < 3; j++) for (let i = 0; i < 36; i++) east.push(i);
    const p = join(TMP, 'global.nc');
    writeFileSync(p, writeNetcdf3({ time: 1, lat: 3, lon: 36 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'days since 2024-01-01' }, data: [0] },
      { name: 'lat', dims: ['lat'], type: 'double', attrs: { standard_name: 'latitude' }, data: lat },
      { name: 'lon', dims: ['lon'], type: 'double', attrs: { standard_name: 'longitude' }, data: lon },
      { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', data: east },
      { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { missing_value: 1e20 }, data: east.map((_, k) => (k < 36 ? 2 : 1)) },
    ]));
    const wind = (await openForcingFile(p)).fields.wind!;
    // -5°E = 355°E: half-way between column 35 (east 35) and the repeated column 0 (east 0).
    // 5°N: half-way between the rows at 10°N (north 2) and 0°N (north 1).
    const r = sample(wind, wind.startS, [[-5, 5], [25, -10]]);
    expect(r.covered).toEqual([1, 1]);
    expect(r.east[0]).toBeCloseTo(17.5, 5);
    expect(r.north[0]).toBeCloseTo(1.5, 5);
    expect(r.east[1]).toBeCloseTo(2.5, 5);
  });
});

describe('openForcingFile: CMEMS-like curvilinear currents', () => {
  test('uo/vo by name, 2-D lon/lat from the coordinates attribute, the shallowest depth level', async () => {
    // 3 × 2 nodes, sheared: node (i, j) at lon 10 + i + 0.2 j, lat 60 + 0.5 j. Depths 0.49, 10, 50 m.
    const lon2: number[] = [], lat2: number[] = [];
    for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) { lon2.push(10 + i + 0.2 * j); lat2.push(60 + 0.5 * j); }
    // uo = 100 × depth index + i (so the level is visible), vo = j; an unmarked 9.97e36 fill at the surface node (0, 0).
    const uo: number[] = [], vo: number[] = [];
    for (let d = 0; d < 3; d++) for (let j = 0; j < 2; j++) for (let i = 0; i < 3; i++) { uo.push(100 * d + i); vo.push(d === 0 && i === 0 && j === 0 ? 9.969e36 : j); }
    const p = join(TMP, 'cmems.nc');
    writeFileSync(p, writeNetcdf3({ time: 1, depth: 3, y: 2, x: 3 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 1950-01-01', calendar: 'gregorian' }, data: [648_000] },
      { name: 'depth', dims: ['depth'], type: 'float', attrs: { units: 'm', positive: 'down' }, data: [0.494, 10, 50] },
      { name: 'longitude', dims: ['y', 'x'], type: 'double', attrs: { standard_name: 'longitude', units: 'degrees_east' }, data: lon2 },
      { name: 'latitude', dims: ['y', 'x'], type: 'double', attrs: { standard_name: 'latitude', units: 'degrees_north' }, data: lat2 },
      { name: 'uo', dims: ['time', 'depth', 'y', 'x'], type: 'float', attrs: { coordinates: 'longitude latitude' }, data: uo },
      { name: 'vo', dims: ['time', 'depth', 'y', 'x'], type: 'float', attrs: { coordinates: 'longitude latitude' }, data: vo },
    ]));
    const ff = await openForcingFile(p);
    const current = ff.fields.current!;
    expect(ff.description.join('\n')).toMatch(/depth index 0 of 3 \(depth = 0\.494, nearest the surface\)/);
    expect(ff.description.join('\n')).toMatch(/curvilinear \(longitude, latitude\) 3 × 2/);
    // 1950-01-01 + 648000 h = 2023-12-04T00:00Z.
    expect(current.startS).toBe(Date.UTC(2023, 11, 4) / 1000);
    // Cell centre of (i 1..2, j 0..1): lon = 10 + 1.5 + 0.1, lat 60.25 → uo = 1.5, vo = 0.5 at the surface level.
    const r = sample(current, current.startS, [[11.6, 60.25]]);
    expect(r.east[0]).toBeCloseTo(1.5, 6);
    expect(r.north[0]).toBeCloseTo(0.5, 6);
    // Next cell: node (0, 0) is fill, so the centre is the mean of (1,0) = (1, 0), (0,1) = (0, 1), (1,1) = (1, 1).
    const masked = sample(current, current.startS, [[10.6, 60.25]]);
    expect(masked.east[0]).toBeCloseTo(2 / 3, 6);
    expect(masked.north[0]).toBeCloseTo(2 / 3, 6);
    expect(ff.description.join('\n')).toMatch(/1 of 6 current values \(uo\/vo\) are faster than 10 m\/s \(up to 9.97e\+36 m\/s\)/);
    expect(ff.warnings).toHaveLength(1);
  });
});
