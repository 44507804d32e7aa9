/**
 * Positions in the map's Web Mercator unit square (MapLibre's: x = (lon + 180) / 360 east from the
 * antimeridian, y = (1 − ln tan(π/4 + φ/2) / π) / 2 south from the top), written as the particle
 * layer reads them: Float32 pairs.
 *
 * y comes from a table of the exact formula every TABLE_STEP_DEG of latitude with its exact
 * derivative (dy/dφ = −sec φ / 2π), interpolated by cubic Hermite: the interpolation errs by at most
 * h⁴/384 · max |y''''| (about 1e-12 of the square below 85°), far below a Float32's step there
 * (3e-8 of the square, 1 to 2 m on the ground), so a position is stored as the exact formula's
 * value or one Float32 step from it (web_mercator.test.ts). Why: the page's 100,000 particles ×
 * 25 output times took a logarithm and a tangent each, half of packing a drift for the page.
 * Hand-written hot loop.
 */

const RAD = Math.PI / 180;
/** Table spacing, degrees of latitude. */
const TABLE_STEP_DEG = 0.02;
/** The table's extent: beyond MapLibre's ±85.0511°, where y leaves the unit square. */
const TABLE_MAX_DEG = 85.1;
const TABLE_SIZE = Math.ceil((2 * TABLE_MAX_DEG) / TABLE_STEP_DEG) + 1;

/** y of latitude `latDeg` by the formula. */
export function mercatorUnitYExact(latDeg: number): number {
  return (1 - Math.log(Math.tan(Math.PI / 4 + (latDeg * RAD) / 2)) / Math.PI) / 2;
}

/** y at the table's nodes and its derivative times the spacing (Hermite's tangents), made on first use. */
let tableY: Float64Array | null = null;
let tableSlope: Float64Array | null = null;

function buildTable(): void {
  const y = new Float64Array(TABLE_SIZE), slope = new Float64Array(TABLE_SIZE);
  for (let j = 0; j < TABLE_SIZE; j++) {
    const latDeg = -TABLE_MAX_DEG + j * TABLE_STEP_DEG;
    y[j] = mercatorUnitYExact(latDeg);
    slope[j] = (-1 / (2 * Math.PI) / Math.cos(latDeg * RAD)) * RAD * TABLE_STEP_DEG;
  }
  tableY = y;
  tableSlope = slope;
}

/**
 * Snapshot positions `lonDeg`, `latDeg` (n of them) into `out` from pair `at` on: x at 2(at + i),
 * y at 2(at + i) + 1.
 */
export function fillWebMercator(lonDeg: Float64Array, latDeg: Float64Array, n: number, out: Float32Array, at: number): void {
  if (tableY === null) buildTable();
  const Y = tableY!, D = tableSlope!, last = TABLE_SIZE - 2;
  for (let i = 0, k = 2 * at; i < n; i++, k += 2) {
    const lat = latDeg[i];
    out[k] = (lonDeg[i] + 180) / 360;
    const x = (lat + TABLE_MAX_DEG) / TABLE_STEP_DEG;
    if (!(x >= 0 && x < last + 1)) { out[k + 1] = mercatorUnitYExact(lat); continue; }
    const j = x | 0, s = x - j, s2 = s * s, s3 = s2 * s;
    out[k + 1] = (2 * s3 - 3 * s2 + 1) * Y[j] + (s3 - 2 * s2 + s) * D[j] + (3 * s2 - 2 * s3) * Y[j + 1] + (s3 - s2) * D[j + 1];
  }
}
