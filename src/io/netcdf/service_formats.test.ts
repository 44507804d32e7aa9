// NetCDF4 forcing as two data services write it, made here with the layouts their files have (the
// files themselves are not shipped): ERA5 from the Copernicus Climate Data Store since its 2024 NetCDF4
// output (`valid_time` int64 seconds since 1970, latitude descending, float32 u10/v10, chunked and
// deflated) and a Copernicus Marine surface-current product (time in hours since 1950, a depth axis
// of one level, int16 uo/vo packed with scale_factor and add_offset, _FillValue on land, shuffle
// and deflate). Fields linear in position and time, so bilinear and linear-in-time interpolation
// must give them back to the packing's precision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VectorField } from '../../core/environment/index.js';
import { openForcingFile } from './index.js';
import { writeNetcdf4 } from './test/netcdf4_writer.js';

const T0_S = Date.UTC(2026, 2, 10, 0) / 1000;
const HOURS_1950_TO_T0 = (Date.UTC(2026, 2, 10, 0) - Date.UTC(1950, 0, 1)) / 3.6e6;
const PACK = 1e-4;
const FILL = -32767;

const era5Wind = (lon: number, lat: number, h: number): [number, number] => [2 + 0.5 * (lon - 129) + 0.1 * h, -3 + 0.4 * (lat - 34) - 0.05 * h];
const cmemsCurrent = (lon: number, lat: number, h: number): [number, number] => [0.2 + 0.01 * (lon - 128) + 0.002 * h, -0.1 + 0.02 * (lat - 34)];
/** The current product's land: the north-east corner of its grid. */
const onLand = (lon: number, lat: number): boolean => lon >= 133.4 && lat >= 38.4;

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sarb-nc4-services-'));
  {
    const nt = 25, lat = Float64Array.from({ length: 21 }, (_, k) => 39 - 0.25 * k), lon = Float64Array.from({ length: 25 }, (_, k) => 129 + 0.25 * k);
    const u = new Float32Array(nt * lat.length * lon.length), v = new Float32Array(u.length);
    for (let t = 0, k = 0; t < nt; t++) for (const y of lat) for (const x of lon) [u[k], v[k++]] = era5Wind(x, y, t);
    const wind = (name: string, values: Float32Array, standardName: string) => ({
      name, dimensions: ['valid_time', 'latitude', 'longitude'], values, dtype: '<f', chunks: [1, lat.length, lon.length], deflate: 1,
      attributes: { _FillValue: { value: NaN, dtype: '<f' }, units: 'm s**-1', standard_name: standardName, long_name: `10 metre ${name[0].toUpperCase()} wind component` },
    });
    await writeNetcdf4(join(dir, 'era5.nc'), [
      { name: 'valid_time', dtype: '<q', values: BigInt64Array.from({ length: nt }, (_, k) => BigInt(T0_S + 3600 * k)),
        attributes: { long_name: 'time', standard_name: 'time', units: 'seconds since 1970-01-01', calendar: 'proleptic_gregorian' } },
      { name: 'latitude', dtype: '<d', values: lat, attributes: { standard_name: 'latitude', units: 'degrees_north', stored_direction: 'decreasing' } },
      { name: 'longitude', dtype: '<d', values: lon, attributes: { standard_name: 'longitude', units: 'degrees_east' } },
    ], [wind('u10', u, 'eastward_wind'), wind('v10', v, 'northward_wind')], { Conventions: 'CF-1.7', institution: 'European Centre for Medium-Range Weather Forecasts' });
  }
  {
    const nt = 25, lat = Float32Array.from({ length: 41 }, (_, k) => 34 + 0.125 * k), lon = Float32Array.from({ length: 49 }, (_, k) => 128 + 0.125 * k);
    const u = new Int16Array(nt * lat.length * lon.length), v = new Int16Array(u.length);
    for (let t = 0, k = 0; t < nt; t++) for (const y of lat) for (const x of lon) {
      const [e, n] = cmemsCurrent(x, y, t);
      u[k] = onLand(x, y) ? FILL : Math.round(e / PACK);
      v[k++] = onLand(x, y) ? FILL : Math.round(n / PACK);
    }
    const current = (name: string, values: Int16Array, standardName: string) => ({
      name, dimensions: ['time', 'depth', 'latitude', 'longitude'], values, dtype: '<h', chunks: [1, 1, lat.length, lon.length], deflate: 4, shuffle: true,
      attributes: { _FillValue: { value: FILL, dtype: '<h' }, scale_factor: { value: PACK, dtype: '<d' }, add_offset: { value: 0, dtype: '<d' },
        units: 'm s-1', standard_name: standardName },
    });
    await writeNetcdf4(join(dir, 'cmems.nc'), [
      { name: 'time', dtype: '<d', values: Float64Array.from({ length: nt }, (_, k) => HOURS_1950_TO_T0 + k),
        attributes: { standard_name: 'time', units: 'hours since 1950-01-01', calendar: 'gregorian', axis: 'T' } },
      { name: 'depth', dtype: '<f', values: Float32Array.of(0.494), attributes: { standard_name: 'depth', units: 'm', positive: 'down', axis: 'Z' } },
      { name: 'latitude', dtype: '<f', values: lat, attributes: { standard_name: 'latitude', units: 'degrees_north', axis: 'Y' } },
      { name: 'longitude', dtype: '<f', values: lon, attributes: { standard_name: 'longitude', units: 'degrees_east', axis: 'X' } },
    ], [current('uo', u, 'eastward_sea_water_velocity'), current('vo', v, 'northward_sea_water_velocity')], { Conventions: 'CF-1.0' });
  }
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function sampleAt(field: VectorField, timeS: number, lon: number, lat: number): { east: number; north: number; covered: number } {
  const east = new Float64Array(1), north = new Float64Array(1), covered = new Uint8Array(1);
  field.sampleBatch(timeS, Float64Array.of(lon), Float64Array.of(lat), 1, east, north, covered);
  return { east: east[0], north: north[0], covered: covered[0] };
}

/** Positions between grid nodes and times between steps, inside both grids and away from the land. */
const POINTS: Array<[number, number, number]> = [[129.1, 34.3, 0.25], [130.77, 36.91, 7.5], [132.02, 37.13, 13], [133.2, 35.05, 23.9]];

describe('NetCDF4 forcing as the Climate Data Store and Copernicus Marine write it', () => {
  test('ERA5 (CDS 2024 NetCDF4): int64 valid_time, latitude descending, deflated float32: times and values as written', async () => {
    const ff = await openForcingFile(join(dir, 'era5.nc'));
    expect(ff.format).toBe('netcdf4');
    const wind = ff.fields.wind!;
    expect(wind.startS).toBe(T0_S);
    expect(wind.endS).toBe(T0_S + 24 * 3600);
    const text = ff.description.join('\n');
    expect(text).toMatch(/u10 \/ v10/);
    expect(text).toMatch(/latitude descending/);
    expect(text).toMatch(/2026-03-10T00:00Z \.\. 2026-03-11T00:00Z, 25 steps \(every 1 h\)/);
    for (const [lon, lat, h] of POINTS) {
      const r = sampleAt(wind, T0_S + h * 3600, lon, lat);
      const [e, n] = era5Wind(lon, lat, h);
      expect(r.covered).toBe(1);
      expect(Math.abs(r.east - e)).toBeLessThan(1e-5);
      expect(Math.abs(r.north - n)).toBeLessThan(1e-5);
    }
    expect(sampleAt(wind, T0_S + 25 * 3600, 130, 36).covered).toBe(0);
    expect(sampleAt(wind, T0_S, 128.9, 36).covered).toBe(0);
  });

  test('Copernicus Marine: hours since 1950, a depth axis, packed int16 with shuffle and deflate: unpacked, land masked', async () => {
    const ff = await openForcingFile(join(dir, 'cmems.nc'));
    expect(ff.format).toBe('netcdf4');
    const current = ff.fields.current!;
    expect(current.startS).toBe(T0_S);
    expect(current.endS).toBe(T0_S + 24 * 3600);
    expect(ff.description.join('\n')).toMatch(/uo \/ vo/);
    for (const [lon, lat, h] of POINTS) {
      const r = sampleAt(current, T0_S + h * 3600, lon, lat);
      const [e, n] = cmemsCurrent(lon, lat, h);
      expect(r.covered).toBe(1);
      // the packing's rounding: at most half a step at each corner
      expect(Math.abs(r.east - e)).toBeLessThan(PACK / 2 + 1e-9);
      expect(Math.abs(r.north - n)).toBeLessThan(PACK / 2 + 1e-9);
    }
    // a cell whose four corners are land: 0, and covered (the model says land; the coastline decides stranding)
    expect(sampleAt(current, T0_S + 3600, 133.9, 38.9)).toEqual({ east: 0, north: 0, covered: 1 });
  });
});
