import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { VectorField } from '../../core/environment/index.js';
import { openForcingBytes, openForcingFile } from './index.js';
import { writeNetcdf3 } from './test/netcdf3_writer.js';
import { lonLatAt, NX, NY, OCEAN_TIME_S, ORIGIN_S, uvEastNorth } from './test/roms_croco_fixture.js';

const DIR = fileURLToPath(new URL('./test/roms-croco/', import.meta.url));
const GRID = join(DIR, 'roms_grd.nc');
const NORDIC = fileURLToPath(new URL('../../../data/forcing/norway-real/Nordic_subset.nc', import.meta.url));
const CROCO_MAPPING = { sea_water_x_velocity: 'usurf', sea_water_y_velocity: 'vsurf' };

function sampleAt(field: VectorField, timeS: number, lonLat: [number, number]): { east: number; north: number; covered: number } {
  const east = new Float64Array(1), north = new Float64Array(1), covered = new Uint8Array(1);
  field.sampleBatch(timeS, Float64Array.of(lonLat[0]), Float64Array.of(lonLat[1]), 1, east, north, covered);
  return { east: east[0], north: north[0], covered: covered[0] };
}

/**
 * Fractional rho indices inside the water, away from the edge columns (where one u or v point
 * is missing and the average is one-sided) and from the rho points next to the land corner
 * (i ≥ 9, j ≥ 7), whose u or v on the land face is 0 as ROMS writes it.
 */
const INSIDE: Array<[number, number]> = [[3, 4], [5.5, 2.5], [1.25, 1.75], [7, 6], [2, 8], [8.5, 4.25]];

/** Check a field against the analytic currents at INSIDE points and at output and between-output times. */
function expectAnalytic(field: VectorField): void {
  for (const tS of [OCEAN_TIME_S[0], OCEAN_TIME_S[1] + 5400, OCEAN_TIME_S[3]]) {
    const hours = (tS - OCEAN_TIME_S[0]) / 3600;
    for (const [i, j] of INSIDE) {
      // midpoints of cells: the position is the mean of the corners, as bilinear interpolation maps it
      const corners = [lonLatAt(Math.floor(i), Math.floor(j)), lonLatAt(Math.ceil(i), Math.floor(j)), lonLatAt(Math.floor(i), Math.ceil(j)), lonLatAt(Math.ceil(i), Math.ceil(j))];
      const a = i - Math.floor(i), b = j - Math.floor(j);
      const w = [(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b];
      const lonLat: [number, number] = [corners.reduce((s, c, k) => s + w[k] * c[0], 0), corners.reduce((s, c, k) => s + w[k] * c[1], 0)];
      const r = sampleAt(field, ORIGIN_S + tS, lonLat);
      const [e, n] = uvEastNorth(i, j, hours);
      expect(r.covered).toBe(1);
      expect(Math.abs(r.east - e)).toBeLessThan(2e-6);
      expect(Math.abs(r.north - n)).toBeLessThan(2e-6);
    }
  }
}

describe('ROMS history with a separate grid file', () => {
  test('without the grid file: an error that says how to give it', async () => {
    await expect(openForcingFile(join(DIR, 'roms_his.nc'))).rejects.toThrow(/roms_his\.nc: variable 'u': is on the ROMS\/CROCO grid but the file has no lon_rho\/lat_rho: give the grid file \(--grid FILE/);
  });

  test('with it: u/v de-staggered to rho points, rotated by angle, surface level, as the formula', async () => {
    const ff = await openForcingFile(join(DIR, 'roms_his.nc'), { gridPath: GRID });
    const current = ff.fields.current!;
    expect(current.startS).toBe(ORIGIN_S + OCEAN_TIME_S[0]);
    expect(current.endS).toBe(ORIGIN_S + OCEAN_TIME_S[3]);
    expectAnalytic(current);
    const text = ff.description.join('\n');
    expect(text).toMatch(/grid file: roms_grd\.nc \(lon_rho, lat_rho, angle, mask_rho, mask_u, mask_v\)/);
    expect(text).toMatch(/ROMS curvilinear \(rho points\)/);
    expect(text).toMatch(/s_rho index 2 of 3/);
    expect(text).toMatch(/time: 2026-03-11T00:00Z \.\. 2026-03-11T09:00Z, 4 steps \(every 3 h\)/);
  });

  test('an exact rho point and a land cell (mask_rho from the grid file)', async () => {
    const current = (await openForcingFile(join(DIR, 'roms_his.nc'), { gridPath: GRID })).fields.current!;
    const r = sampleAt(current, ORIGIN_S + OCEAN_TIME_S[2], lonLatAt(4, 3));
    const [e, n] = uvEastNorth(4, 3, 6);
    expect(Math.abs(r.east - e)).toBeLessThan(2e-6);
    expect(Math.abs(r.north - n)).toBeLessThan(2e-6);
    // the cell i 9..10, j 7..8 is all land: covered, no current
    expect(sampleAt(current, ORIGIN_S + OCEAN_TIME_S[0], lonLatAt(9.5, 7.5))).toEqual({ east: 0, north: 0, covered: 1 });
  });

  test('a grid file of another size is refused, naming the dimension', async () => {
    await expect(openForcingFile(join(DIR, 'roms_his.nc'), { gridPath: NORDIC })).rejects.toThrow(/roms_his\.nc: dimension '\w+' is \d+ here but \d+ in the grid file Nordic_subset\.nc/);
  });

  test('the same from bytes (the browser path), the grid file given by name', async () => {
    const ff = await openForcingBytes('roms_his.nc', readFileSync(join(DIR, 'roms_his.nc')), { grid: { name: 'roms_grd.nc', bytes: readFileSync(GRID) } });
    expectAnalytic(ff.fields.current!);
  });
});

describe('CROCO history: time in "second", a variable mapping', () => {
  test('no standard names and no mapping: the error says to name them', async () => {
    await expect(openForcingFile(join(DIR, 'croco_his_origin.nc'), { gridPath: GRID }))
      .rejects.toThrow(/no wind or current variable found .* the file has .*usurf, vsurf.*; name them with a variable mapping/);
  });

  test('"second" without an origin anywhere: the error says how to give it', async () => {
    await expect(openForcingFile(join(DIR, 'croco_his.nc'), { gridPath: GRID, standardNames: CROCO_MAPPING }))
      .rejects.toThrow(/croco_his\.nc: variable 'scrum_time': time units 'second' have no epoch, and the file gives no time origin .*--time-origin 2001-01-01T00:00Z after the file .* timeOrigin:/);
  });

  test('with the origin given: the analytic currents at the right times', async () => {
    const ff = await openForcingFile(join(DIR, 'croco_his.nc'), { gridPath: GRID, standardNames: CROCO_MAPPING, timeOriginS: ORIGIN_S });
    expect(ff.fields.current!.startS).toBe(ORIGIN_S + OCEAN_TIME_S[0]);
    expectAnalytic(ff.fields.current!);
    const text = ff.description.join('\n');
    expect(text).toMatch(/variable mapping: sea_water_x_velocity=usurf, sea_water_y_velocity=vsurf/);
    expect(text).toMatch(/current: usurf \/ vsurf, found by standard_name sea_water_x_velocity \/ sea_water_y_velocity; grid-relative/);
    expect(text).toMatch(/time origin 2026-03-01T00:00Z from the time origin given \(units 'second'\)/);
  });

  test("the origin from scrum_time:time_origin (CROCO's START_DATE)", async () => {
    const ff = await openForcingFile(join(DIR, 'croco_his_origin.nc'), { gridPath: GRID, standardNames: CROCO_MAPPING });
    expect(ff.fields.current!.startS).toBe(ORIGIN_S + OCEAN_TIME_S[0]);
    expectAnalytic(ff.fields.current!);
    expect(ff.description.join('\n')).toMatch(/time origin 2026-03-01T00:00Z from scrum_time:time_origin/);
  });

  test('a time origin for a file whose units have an epoch is refused', async () => {
    await expect(openForcingFile(join(DIR, 'roms_his.nc'), { gridPath: GRID, timeOriginS: ORIGIN_S }))
      .rejects.toThrow(/variable 'ocean_time': time units 'seconds since 2026-03-01 00:00:00' give the epoch already/);
  });

  test('time=VARIABLE also makes its dimension the time axis, whatever its name', async () => {
    // record dimension 'rec' (no time-like name), time in 'tt': without the mapping 'rec' would be taken for a level
    const n = 2 * NY * (NX - 1), m = 2 * (NY - 1) * NX;
    const bytes = writeNetcdf3({ rec: 2, eta_rho: NY, xi_rho: NX, xi_u: NX - 1, eta_v: NY - 1 }, [
      { name: 'tt', dims: ['rec'], type: 'double', attrs: { units: 'second' }, data: [0, 3600] },
      { name: 'uu', dims: ['rec', 'eta_rho', 'xi_u'], type: 'float', data: new Array(n).fill(0.3) },
      { name: 'vv', dims: ['rec', 'eta_v', 'xi_rho'], type: 'float', data: new Array(m).fill(0) },
    ]);
    const ff = await openForcingBytes('rec.nc', bytes, {
      grid: { name: 'roms_grd.nc', bytes: readFileSync(GRID) }, timeOriginS: ORIGIN_S,
      standardNames: { sea_water_x_velocity: 'uu', sea_water_y_velocity: 'vv', time: 'tt' },
    });
    expect([ff.fields.current!.startS, ff.fields.current!.endS]).toEqual([ORIGIN_S, ORIGIN_S + 3600]);
    const r = sampleAt(ff.fields.current!, ORIGIN_S + 1800, lonLatAt(4, 4));
    expect(r.east).toBeCloseTo(0.3 * Math.cos(Math.PI / 6), 6);
    expect(r.north).toBeCloseTo(0.3 * Math.sin(Math.PI / 6), 6);
  });

  test('mapping errors name the problem', async () => {
    const open = (standardNames: Record<string, string>) => openForcingFile(join(DIR, 'croco_his_origin.nc'), { gridPath: GRID, standardNames });
    await expect(open({ sea_water_x_velocity: 'usurf' })).rejects.toThrow(/gives sea_water_x_velocity but not sea_water_y_velocity: map both components of the current/);
    await expect(open({ ...CROCO_MAPPING, sea_water_x_velocity: 'uu' })).rejects.toThrow(/variable 'uu': named in the variable mapping \(sea_water_x_velocity=uu\) is not in the file or its grid file roms_grd\.nc/);
    await expect(open({ water_speed: 'usurf' })).rejects.toThrow(/'water_speed' is not a standard name sarbridge reads; use one of eastward_wind, .*longitude, latitude, time/);
    await expect(open({ sea_water_x_velocity: 'usurf', sea_water_y_velocity: 'usurf' })).rejects.toThrow(/variable 'usurf': is mapped to both sea_water_x_velocity and sea_water_y_velocity/);
  });
});

describe.skipIf(!existsSync(NORDIC))('the Nordic ROMS file reads as before', () => {
  test('the same field with or without naming its own variables, grid and coordinates', async () => {
    const plain = (await openForcingFile(NORDIC)).fields.current!;
    const named = (await openForcingFile(NORDIC, {
      gridPath: NORDIC,
      standardNames: { sea_water_x_velocity: 'u', sea_water_y_velocity: 'v', longitude: 'lon_rho', latitude: 'lat_rho', time: 'ocean_time' },
    })).fields.current!;
    expect([named.startS, named.endS]).toEqual([plain.startS, plain.endS]);
    for (const p of [[4.9, 61.2], [5.1, 61.0], [4.6, 61.4]] as Array<[number, number]>) {
      const a = sampleAt(plain, plain.startS + 3600, p), b = sampleAt(named, plain.startS + 3600, p);
      expect(b).toEqual(a);
    }
  });
});
