/**
 * Write the ROMS/CROCO test fixture: a grid file and history files as those models write them,
 * with the analytic currents of src/io/netcdf/test/roms_croco_fixture.ts (SYNTHETIC):
 *
 *   roms_grd.nc        ROMS/CROCO grid file: lon_rho, lat_rho, angle, mask_rho (+ u/v point masks)
 *   roms_his.nc        ROMS history without its grid: ocean_time "seconds since 2026-03-01 00:00:00",
 *                      u(ocean_time, s_rho, eta_u, xi_u), v(…, eta_v, xi_v) with ROMS standard names
 *   croco_his.nc       CROCO history, no calendar: scrum_time "second" and no origin anywhere;
 *                      surface currents usurf / vsurf without standard_name (needs a variable mapping)
 *   croco_his_origin.nc  the same with scrum_time:time_origin = "01-MAR-2026 00:00:00" (START_DATE)
 *
 * NetCDF3 classic (CDF-1), written by the small writer in src/io/netcdf/test/netcdf3_writer.ts.
 * Run from the repository root:  npx tsx scripts/generate_roms_croco_fixture.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ANGLE_RAD, isLand, lonLatAt, NS, NT, NX, NY, OCEAN_TIME_S, uvGrid,
} from '../src/io/netcdf/test/roms_croco_fixture.js';
import { writeNetcdf3, type Nc3Var } from '../src/io/netcdf/test/netcdf3_writer.js';

const outDir = 'src/io/netcdf/test/roms-croco';
mkdirSync(outDir, { recursive: true });
const synthetic = 'SYNTHETIC test fixture (analytic currents, no model run); made by scripts/generate_roms_croco_fixture.ts';

const grid2 = (ny: number, nx: number, f: (j: number, i: number) => number): number[] => {
  const out: number[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) out.push(f(j, i));
  return out;
};

// Grid file: rho points and the staggered masks (u between rho i and i+1, v between rho j and j+1).
const gridDims = { xi_rho: NX, eta_rho: NY, xi_u: NX - 1, eta_u: NY, xi_v: NX, eta_v: NY - 1 };
const rho = ['eta_rho', 'xi_rho'];
const gridVars: Nc3Var[] = [
  { name: 'lon_rho', dims: rho, type: 'double', attrs: { long_name: 'longitude of RHO-points', units: 'degree_east', standard_name: 'longitude' }, data: grid2(NY, NX, (j, i) => lonLatAt(i, j)[0]) },
  { name: 'lat_rho', dims: rho, type: 'double', attrs: { long_name: 'latitude of RHO-points', units: 'degree_north', standard_name: 'latitude' }, data: grid2(NY, NX, (j, i) => lonLatAt(i, j)[1]) },
  { name: 'angle', dims: rho, type: 'double', attrs: { long_name: 'angle between XI-axis and EAST', units: 'radians' }, data: grid2(NY, NX, () => ANGLE_RAD) },
  { name: 'mask_rho', dims: rho, type: 'double', attrs: { long_name: 'mask on RHO-points', option_0: 'land', option_1: 'water' }, data: grid2(NY, NX, (j, i) => (isLand(i, j) ? 0 : 1)) },
  { name: 'mask_u', dims: ['eta_u', 'xi_u'], type: 'double', attrs: { long_name: 'mask on U-points' }, data: grid2(NY, NX - 1, (j, i) => (isLand(i, j) || isLand(i + 1, j) ? 0 : 1)) },
  { name: 'mask_v', dims: ['eta_v', 'xi_v'], type: 'double', attrs: { long_name: 'mask on V-points' }, data: grid2(NY - 1, NX, (j, i) => (isLand(i, j) || isLand(i, j + 1) ? 0 : 1)) },
];
writeFileSync(join(outDir, 'roms_grd.nc'), writeNetcdf3(gridDims, gridVars, { title: 'SYNTHETIC ROMS/CROCO test grid', type: 'ROMS GRID file', comment: synthetic }));

// Velocities at their staggered points; 0 on land (as ROMS writes masked u/v).
const hours = (t: number): number => (OCEAN_TIME_S[t] - OCEAN_TIME_S[0]) / 3600;
const uAt = (t: number, s: number, j: number, iu: number): number => (isLand(iu, j) || isLand(iu + 1, j) ? 0 : uvGrid(iu + 0.5, j, hours(t), s)[0]);
const vAt = (t: number, s: number, jv: number, i: number): number => (isLand(i, jv) || isLand(i, jv + 1) ? 0 : uvGrid(i, jv + 0.5, hours(t), s)[1]);
const series = (levels: number, ny: number, nx: number, f: (t: number, s: number, j: number, i: number) => number, surfaceOnly = false): number[] => {
  const out: number[] = [];
  for (let t = 0; t < NT; t++) for (let s = 0; s < levels; s++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) out.push(f(t, surfaceOnly ? NS - 1 : s, j, i));
  return out;
};
const sRho = Array.from({ length: NS }, (_, k) => -1 + (k + 0.5) / NS);   // ROMS s_rho: -1 (bottom) .. 0 (surface)

const romsDims = { ocean_time: NT, s_rho: NS, ...gridDims };
const romsVars: Nc3Var[] = [
  { name: 'ocean_time', dims: ['ocean_time'], type: 'double', attrs: { long_name: 'time since initialization', units: 'seconds since 2026-03-01 00:00:00', calendar: 'proleptic_gregorian', field: 'time, scalar, series' }, data: OCEAN_TIME_S },
  { name: 's_rho', dims: ['s_rho'], type: 'double', attrs: { long_name: 'S-coordinate at RHO-points', valid_min: -1, valid_max: 0, positive: 'up', standard_name: 'ocean_s_coordinate_g2' }, data: sRho },
  { name: 'u', dims: ['ocean_time', 's_rho', 'eta_u', 'xi_u'], type: 'float', attrs: { long_name: 'u-momentum component', units: 'meter second-1', standard_name: 'sea_water_x_velocity_at_u_location', field: 'u-velocity, scalar, series' }, data: series(NS, NY, NX - 1, uAt) },
  { name: 'v', dims: ['ocean_time', 's_rho', 'eta_v', 'xi_v'], type: 'float', attrs: { long_name: 'v-momentum component', units: 'meter second-1', standard_name: 'sea_water_y_velocity_at_v_location', field: 'v-velocity, scalar, series' }, data: series(NS, NY - 1, NX, vAt) },
];
writeFileSync(join(outDir, 'roms_his.nc'), writeNetcdf3(romsDims, romsVars, { title: 'SYNTHETIC ROMS history without its grid', type: 'ROMS/TOMS history file', comment: synthetic }));

// CROCO: 2-D surface fields, time in "second" from an origin croco.in holds (not the file).
const crocoDims = { time: NT, eta_rho: NY, xi_rho: NX, xi_u: NX - 1, eta_v: NY - 1 };
const crocoVars = (origin: boolean): Nc3Var[] => [
  { name: 'scrum_time', dims: ['time'], type: 'double', attrs: { long_name: 'time since initialization', units: 'second', field: 'time, scalar, series', standard_name: 'time', axis: 'T', ...(origin ? { time_origin: '01-MAR-2026 00:00:00' } : {}) }, data: OCEAN_TIME_S },
  { name: 'usurf', dims: ['time', 'eta_rho', 'xi_u'], type: 'float', attrs: { long_name: 'surface u-momentum component', units: 'meter second-1' }, data: series(1, NY, NX - 1, (t, _s, j, i) => uAt(t, NS - 1, j, i), true) },
  { name: 'vsurf', dims: ['time', 'eta_v', 'xi_rho'], type: 'float', attrs: { long_name: 'surface v-momentum component', units: 'meter second-1' }, data: series(1, NY - 1, NX, (t, _s, j, i) => vAt(t, NS - 1, j, i), true) },
];
const crocoGlobals = (origin: boolean) => ({ title: 'SYNTHETIC CROCO history without its grid', type: 'CROCO history file', ...(origin ? { start_date: '01-MAR-2026 00:00:00' } : {}), comment: synthetic });
writeFileSync(join(outDir, 'croco_his.nc'), writeNetcdf3(crocoDims, crocoVars(false), crocoGlobals(false)));
writeFileSync(join(outDir, 'croco_his_origin.nc'), writeNetcdf3(crocoDims, crocoVars(true), crocoGlobals(true)));
console.log(`wrote ${outDir}/roms_grd.nc, roms_his.nc, croco_his.nc, croco_his_origin.nc`);
