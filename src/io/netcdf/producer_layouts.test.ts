// Forcing files in the layouts operational centres publish, each a convention the reader once read
// wrongly or refused: small SYNTHETIC files in src/io/netcdf/test/conventions/, written by
// scripts/make_forcing_convention_samples.py --fixtures (see its docstring for each producer's
// layout), holding a field linear in longitude, latitude and time (below), so bilinear and
// linear-in-time interpolation must give it back, and the wrong level or member is far off.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { VectorField } from '../../core/environment/index.js';
import { openForcingFile } from './index.js';

const DIR = fileURLToPath(new URL('./test/conventions/', import.meta.url));
/** 2024-01-01T00:00Z, the first time of every fixture; they hold 4 times 3 h apart. */
const T0_S = Date.UTC(2024, 0, 1) / 1000;

/**
 * The fixtures' field (make_forcing_convention_samples.py `field`): east and north m/s at signed
 * longitude `lon`, latitude `lat`, `h` hours after T0, about the centre (lonC, latC); currents a
 * tenth of it. The other levels and ensemble members hold 3 × this + 1.
 */
function known(lon: number, lat: number, h: number, lonC: number, latC: number): [number, number] {
  const dl = lon - lonC, db = lat - latC;
  return [6 + 0.2 * dl + 0.1 * db + 0.05 * h, -8 - 0.1 * dl + 0.3 * db - 0.02 * h];
}

function sampleAt(field: VectorField, h: number, lon: number, lat: number): { east: number; north: number; covered: number } {
  const east = new Float64Array(1), north = new Float64Array(1), covered = new Uint8Array(1);
  field.sampleBatch(T0_S + h * 3600, Float64Array.of(lon), Float64Array.of(lat), 1, east, north, covered);
  return { east: east[0], north: north[0], covered: covered[0] };
}

/** Every point at every time matches the known field within `tolMps`. */
function expectKnownField(field: VectorField, points: Array<[number, number]>, centre: [number, number], tolMps: number): void {
  expect(field.startS).toBe(T0_S);
  expect(field.endS).toBe(T0_S + 9 * 3600);
  for (const h of [0, 1.5, 4.25, 9]) {
    for (const [lon, lat] of points) {
      const got = sampleAt(field, h, lon, lat);
      const [e, n] = known(lon, lat, h, ...centre);
      expect(got.covered, `covered at ${lon}, ${lat}, +${h} h`).toBe(1);
      expect(Math.abs(got.east - e), `east at ${lon}, ${lat}, +${h} h: ${got.east} for ${e}`).toBeLessThan(tolMps);
      expect(Math.abs(got.north - n), `north at ${lon}, ${lat}, +${h} h: ${got.north} for ${n}`).toBeLessThan(tolMps);
    }
  }
}

/** Between nodes, on both sides of 0°, given as a user gives them (west negative). */
const NORTH_SEA: Array<[number, number]> = [[-1.37, 55.13], [-0.11, 57.77], [0.5, 56.5], [4.93, 54.21]];

describe('NCEP GFS as wgrib2 and the NOMADS GrADS Data Server write it', () => {
  test('wgrib2 -netcdf: time in "seconds since 1970-01-01 00:00:00.0 0:00", longitude 358..366', async () => {
    const ff = await openForcingFile(`${DIR}gfs_wgrib2.nc`);
    expect(ff.description.join('\n')).toMatch(/UGRD_10maboveground \/ VGRD_10maboveground/);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [0, 0], 1e-5);
  });

  test('NOMADS OPeNDAP: "days since 1-1-1 00:00:0.0" in the mixed Julian/Gregorian calendar', async () => {
    // 738887 days after 0001-01-01 (Julian) is 2024-01-01: the GrADS server's value, which cftime agrees with
    const ff = await openForcingFile(`${DIR}gfs_nomads.nc`);
    expectKnownField(ff.fields.wind!, [[0.5, 55.5], [3.25, 57.75], [5.9, 54.1]], [0, 0], 1e-5);
  });
});

describe('model calendars (CF §4.4.1)', () => {
  test('calendar noleap: each model date at the same UTC date', async () => {
    const ff = await openForcingFile(`${DIR}time_noleap.nc`);
    expect(ff.description.join('\n')).toMatch(/calendar 'noleap'/);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [2, 56], 1e-5);
  });
});

describe('ERA5 from the old Climate Data Store with ERA5 and ERA5T together (expver)', () => {
  test('u10(time, expver, latitude, longitude): each time from the version that has it, not 0 m/s', async () => {
    // the first two times are in expver 1 and missing in 5, the last two the other way round
    const ff = await openForcingFile(`${DIR}era5_old_cds_expver.nc`);
    expect(ff.description.join('\n')).toMatch(/expver: 2 experiment versions merged/);
    // packed int16: scale (max - min) / 65534 of a field spanning about 5 m/s, under 1e-4 m/s
    expectKnownField(ff.fields.wind!, NORTH_SEA, [0, 56], 1e-4);
  });
});

describe('met.no MEPS: ensemble members, and the wind at several levels under one standard name', () => {
  test('x_wind_10m (height1 = 10 m), not x_wind_pl (850, 500 hPa), member 0, rotated from the Lambert grid', async () => {
    const ff = await openForcingFile(`${DIR}meps_members_pl.nc`);
    const text = ff.description.join('\n');
    expect(text).toMatch(/x_wind_10m \/ y_wind_10m/);
    expect(text).toMatch(/ensemble_member: the first of 3 ensemble members/);
    // a 100 km Lambert grid: bilinear in the grid of a field linear in lon/lat is off by a few cm/s;
    // the pressure levels and other members hold 3 × the field + 1 (about 13 m/s away), a grid turned wrong 0.5-1.5 m/s
    expectKnownField(ff.fields.wind!, [[15, 63.3], [13.3, 61.2], [16.7, 64.9]], [15, 63], 0.1);
  });
});

describe('levels no drift may use', () => {
  test('an unstructured mesh (FVCOM) is refused as one, saying what to do', async () => {
    await expect(openForcingFile(`${DIR}fvcom.nc`)).rejects.toThrow(/'u': lies on an unstructured mesh \(lonc\/latc along 'nele'.*interpolate it to a regular grid first/);
  });

  test('a wind on pressure levels is refused, saying what is needed', async () => {
    await expect(openForcingFile(`${DIR}wind_pressure.nc`)).rejects.toThrow(/'u': is on pressure levels \(plev: 100000, 85000 Pa\).*10 m wind/);
  });

});

describe('ECMWF GRIB through cfgrib/xarray', () => {
  test('u10(step, latitude, longitude): the times are valid_time(step), not a timeless field at a step near 10', async () => {
    const ff = await openForcingFile(`${DIR}cfgrib_steps.nc`);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [0, 56], 1e-5);
  });

  test('one step: every time coordinate a scalar; the field is used throughout, and the user is told its one valid time', async () => {
    const ff = await openForcingFile(`${DIR}cfgrib_one_step.nc`);
    expect(ff.description.join('\n')).toMatch(/time: one field, valid at 2024-01-01T00:00Z \(scalar valid_time\), used at every time/);
    expect(ff.warnings).toEqual([expect.stringMatching(/cfgrib_one_step\.nc: the wind \(u10\/v10\) is one field valid at 2024-01-01T00:00Z .*give a file with the times the drift spans/)]);
    const [e, n] = known(0.5, 56.5, 0, 0, 56);
    const got = sampleAt(ff.fields.wind!, 7, 0.5, 56.5);
    expect(Math.abs(got.east - e) + Math.abs(got.north - n)).toBeLessThan(1e-5);
  });
});

describe('WRF output as wrfout comes (not CF)', () => {
  test('U10/V10 grid-relative on XLONG/XLAT(Time, south_north, west_east), turned by COSALPHA/SINALPHA, XTIME minutes', async () => {
    const ff = await openForcingFile(`${DIR}wrfout.nc`);
    expect(ff.description.join('\n')).toMatch(/grid-relative, rotated to east\/north per node \(WRF COSALPHA\/SINALPHA\)/);
    expectKnownField(ff.fields.wind!, [[10, 60], [9.2, 59.5], [11.1, 60.7]], [10, 60], 0.02);
  });
});

describe('speeds in other units than m/s (CF: units as UDUNITS reads them)', () => {
  test('geostrophic currents in cm/s (older AVISO products) are converted, not read as 100 × faster and dropped', async () => {
    const ff = await openForcingFile(`${DIR}aviso_cm_per_s.nc`);
    expect(ff.warnings).toEqual([]);
    expect(ff.description.join('\n')).toMatch(/u in 'cm\/s', converted to m\/s \(× 0\.01\)/);
    const current = ff.fields.current!;
    for (const [lon, lat] of NORTH_SEA) {
      const got = sampleAt(current, 4.25, lon, lat);
      const [e, n] = known(lon, lat, 4.25, 2, 56).map((x) => 0.1 * x);   // the fixtures' current is a tenth of the wind
      expect(Math.abs(got.east - e)).toBeLessThan(1e-6);
      expect(Math.abs(got.north - n)).toBeLessThan(1e-6);
    }
  });

  test('a wind in knots is converted (1 kn = 1852 m / 3600 s)', async () => {
    const ff = await openForcingFile(`${DIR}wind_knots.nc`);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [2, 56], 1e-5);
  });
});

describe('a rotated pole grid (CF rotated_latitude_longitude: COSMO, HARMONIE, CORDEX)', () => {
  // pole at 40N 170W: the rotated origin is at 50N 10E; rlon -6..6, rlat -4..4 in 0.5° steps
  const points: Array<[number, number]> = [[10, 50], [6.2, 47.9], [14.1, 52.3]];

  test('rlon/rlat with axis X/Y are rotated coordinates, not longitudes and latitudes; U_10M/V_10M turned to east/north', async () => {
    const ff = await openForcingFile(`${DIR}rotated_pole_axis.nc`);
    const text = ff.description.join('\n');
    expect(text).toMatch(/rotated pole 40°N 170°W/);
    // 0.5° cells (55 km): a field linear in lon/lat, bilinear in rlon/rlat, is off by under 1 cm/s; a grid not turned, 0.5-1.5 m/s
    expectKnownField(ff.fields.wind!, points, [10, 50], 0.02);
    expect(sampleAt(ff.fields.wind!, 0, 0, 0).covered).toBe(0);   // rlon 0, rlat 0 read as a position: the Gulf of Guinea
  });

  test('without axis attributes: the same, not refused as an unknown grid mapping', async () => {
    const ff = await openForcingFile(`${DIR}rotated_pole_noaxis.nc`);
    expectKnownField(ff.fields.wind!, points, [10, 50], 0.02);
  });
});

describe('dimension order', () => {
  test('u(time, lon, lat): CF allows any order; read transposed, not refused', async () => {
    const ff = await openForcingFile(`${DIR}lon_lat_order.nc`);
    expect(ff.description.join('\n')).toMatch(/stored \(lon, lat\): read transposed/);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [2, 56], 1e-5);
  });
});

describe('speed and direction instead of components (CF standard names)', () => {
  test('wind_speed and wind_from_direction (the Met Office DataHub\'s 10 m wind): components per node, then interpolated', async () => {
    const ff = await openForcingFile(`${DIR}wind_speed_direction.nc`);
    expect(ff.description.join('\n')).toMatch(/speed wind_speed and direction wind_from_direction \(blowing from/);
    expectKnownField(ff.fields.wind!, NORTH_SEA, [2, 56], 1e-4);
  });

  test('sea_water_speed and direction_of_sea_water_velocity (toward)', async () => {
    const ff = await openForcingFile(`${DIR}current_speed_direction.nc`);
    const current = ff.fields.current!;
    for (const [lon, lat] of NORTH_SEA) {
      const got = sampleAt(current, 4.25, lon, lat);
      const [e, n] = known(lon, lat, 4.25, 2, 56).map((x) => 0.1 * x);
      expect(Math.abs(got.east - e) + Math.abs(got.north - n)).toBeLessThan(1e-5);
    }
  });
});

describe('an equal-area projection (Met Office UKV: lambert_azimuthal_equal_area)', () => {
  test('positions through the projection; grid-relative x_wind/y_wind turned by the ground directions of x and y', async () => {
    const ff = await openForcingFile(`${DIR}ukv_laea.nc`);
    expect(ff.description.join('\n')).toMatch(/\+proj=laea .*axes from steps along x and y/);
    // 50 km cells: bilinear in x/y of a field linear in lon/lat is off by about a cm/s
    expectKnownField(ff.fields.wind!, [[-2.5, 54.9], [-5.9, 52.3], [1.2, 57.1]], [-2.5, 55], 0.03);
  });
});

describe('NOAA HRRR through cfgrib and wgrib2: GRIB winds along the Lambert grid', () => {
  test('u10/v10 with GRIB_uvRelativeToGrid = 1 are turned from the Lambert grid (2-D lat/lon, longitudes 0..360)', async () => {
    // cfgrib names them eastward_wind/northward_wind whatever GRIB's resolution and component flags say;
    // since 0.9.14 it writes the flag as GRIB_uvRelativeToGrid. Near the grid's edges HRRR turns 6° and more.
    const ff = await openForcingFile(`${DIR}hrrr_cfgrib.nc`);
    expect(ff.description.join('\n')).toMatch(/GRIB_uvRelativeToGrid = 1.*grid-relative, rotated/);
    expectKnownField(ff.fields.wind!, [[-97.5, 38.5], [-103.2, 35.9], [-91.4, 41.2]], [-97.5, 38.5], 0.05);
  });

  test('the same through wgrib2 -netcdf: UGRD_10maboveground as GRIB holds it, along the grid', async () => {
    const ff = await openForcingFile(`${DIR}hrrr_wgrib2.nc`);
    expect(ff.description.join('\n')).toMatch(/UGRD_10maboveground \/ VGRD_10maboveground.*grid-relative, rotated to east\/north per node \(axis directions from the 2-D longitude\/latitude\)/);
    expectKnownField(ff.fields.wind!, [[-97.5, 38.5], [-103.2, 35.9], [-91.4, 41.2]], [-97.5, 38.5], 0.05);
  });
});

describe('Copernicus Marine Arctic (TOPAZ): polar stereographic over the pole, x/y in "100 km"', () => {
  test('projection coordinates in a scaled unit are scaled; grid-relative vxo/vyo turned per node', async () => {
    const ff = await openForcingFile(`${DIR}topaz_arctic.nc`);
    expect(ff.description.join('\n')).toMatch(/cells about 98\.\d+ km/);   // 100 km on the grid, about 98 km on the ground near the pole
    const current = ff.fields.current!;
    // a uniform east 0.6 + 0.005 h, north -0.8 - 0.002 h m/s; away from the pole itself, where east and north turn within a cell
    for (const [lon, lat] of [[120, 88], [-100, 85.3], [10, 83], [179.9, 86], [-45, 82]] as Array<[number, number]>) {
      const got = sampleAt(current, 3, lon, lat);
      expect(got.covered).toBe(1);
      expect(Math.abs(got.east - 0.615) + Math.abs(got.north + 0.806)).toBeLessThan(1e-4);   // float32 storage, the rotation by proj4 against the generator's formula
    }
  });
});
