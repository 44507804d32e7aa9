/**
 * The analytic ROMS/CROCO test case that scripts/generate_roms_croco_fixture.ts writes to
 * src/io/netcdf/test/roms-croco/ and the reader's tests check against: a 12 × 10 rho grid of
 * 2 km cells turned 30° from east, off western Norway, with grid-relative currents linear in the
 * grid indices and in time, so their de-staggered, rotated, interpolated values are exact.
 * SYNTHETIC: no model produced these numbers.
 */

/** Rho points along xi (i) and eta (j), s levels, output times. */
export const NX = 12, NY = 10, NS = 3, NT = 4;
/** Grid spacing (m), rotation of the xi axis from east (counter-clockwise, rad), south-west rho point. */
export const DX_M = 2000, ANGLE_RAD = Math.PI / 6, LON0_DEG = 4.5, LAT0_DEG = 60.2;
/** The model's time origin (2026-03-01T00:00Z) and the output times after it (s): 10 days on, every 3 h. */
export const ORIGIN_S = Date.UTC(2026, 2, 1) / 1000;
export const OCEAN_TIME_S = [0, 1, 2, 3].map((k) => 864_000 + k * 10_800);

const R_M = 6_371_000;

/** Longitude and latitude of fractional rho index (i, j) (a local tangent plane at the first point). */
export function lonLatAt(i: number, j: number): [number, number] {
  const x = i * DX_M, y = j * DX_M;
  const east = x * Math.cos(ANGLE_RAD) - y * Math.sin(ANGLE_RAD);
  const north = x * Math.sin(ANGLE_RAD) + y * Math.cos(ANGLE_RAD);
  return [LON0_DEG + (east / (R_M * Math.cos((LAT0_DEG * Math.PI) / 180))) * (180 / Math.PI), LAT0_DEG + (north / R_M) * (180 / Math.PI)];
}

/** Land: the rho points with i ≥ 9 and j ≥ 7 (a square of coast in the north-east corner). */
export function isLand(i: number, j: number): boolean {
  return i >= 9 && j >= 7;
}

/** Surface level first weight 1, the deeper ones weaker, so a reader taking the wrong level fails. */
const LEVEL_FACTOR = [0.25, 0.5, 1];   // s_rho from the bottom (index 0) to the surface (NS - 1)

/** Grid-relative velocity (m/s) along xi (u) and eta (v) at fractional index (i, j), `hours` after the first output, s level `s`. */
export function uvGrid(i: number, j: number, hours: number, s = NS - 1): [number, number] {
  const f = LEVEL_FACTOR[s];
  return [f * (0.1 + 0.02 * i + 0.01 * j + 0.005 * hours), f * (-0.05 + 0.004 * i + 0.015 * j - 0.002 * hours)];
}

/** The same velocity in east/north components (rotated by the grid angle). */
export function uvEastNorth(i: number, j: number, hours: number): [number, number] {
  const [u, v] = uvGrid(i, j, hours);
  return [u * Math.cos(ANGLE_RAD) - v * Math.sin(ANGLE_RAD), u * Math.sin(ANGLE_RAD) + v * Math.cos(ANGLE_RAD)];
}
