import { InvalidInputError } from '../errors.js';
import type { BoundsDeg } from '../environment/vector_field.js';
import { Coastline } from './coastline.js';
import { boundsWidthDeg, chooseCellsPerDeg, type CoastlineOptions } from './coastline_from_bins.js';
import { buildShoreGrid, forEachEdge, PolylineBuilder } from './shore_grid.js';

/** A closed ring of [lon, lat] positions in degrees (GeoJSON order); closing it again is optional. */
export type LonLatRing = ReadonlyArray<readonly [number, number]>;

/** Check a coastline's bounds; throws InvalidInputError naming `field` when impossible. */
export function checkCoastlineBounds(bounds: BoundsDeg, field = 'bounds'): BoundsDeg {
  const { westDeg, southDeg, eastDeg, northDeg } = bounds;
  if (![westDeg, southDeg, eastDeg, northDeg].every(Number.isFinite)) {
    throw new InvalidInputError(field, `west/south/east/north must be finite numbers, got ${westDeg}/${southDeg}/${eastDeg}/${northDeg}`);
  }
  if (!(southDeg < northDeg) || southDeg < -90 || northDeg > 90) {
    throw new InvalidInputError(field, `south ${southDeg} must be below north ${northDeg}, both within ±90 degrees`);
  }
  if (westDeg === eastDeg) throw new InvalidInputError(field, `west and east are both ${westDeg} degrees`);
  return bounds;
}

/**
 * Build a `Coastline` from land polygons given as rings of [lon, lat] (any coastline source: a
 * GeoJSON Polygon's or MultiPolygon's rings, a hand-drawn island). Land is decided by the even-odd
 * rule over all rings, so a hole (a lake ring inside a land ring) is water; pass outer rings only
 * to keep lakes as land. Rings may extend beyond `bounds`; outside `bounds` everything is water.
 *
 * @example
 * const island = coastlineFromRings([[[132, 37], [132.1, 37], [132.1, 37.1], [132, 37.1]]],
 *   { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 });
 * island.isLand(132.05, 37.05); // true
 */
export function coastlineFromRings(
  rings: readonly LonLatRing[], bounds: BoundsDeg, options: CoastlineOptions = {},
): Coastline {
  checkCoastlineBounds(bounds);
  const cpd = chooseCellsPerDeg(bounds, options.cellsPerDeg);
  const widthDeg = boundsWidthDeg(bounds);
  const crossesAntimeridian = bounds.westDeg > bounds.eastDeg;
  const nx = Math.ceil(widthDeg * cpd - 1e-9);
  const ny = Math.ceil((bounds.northDeg - bounds.southDeg) * cpd - 1e-9);

  const builder = new PolylineBuilder();
  rings.forEach((ring, r) => {
    if (ring.length < 3) return;
    const toU = (lon: number): number => {
      let x = lon - bounds.westDeg;
      if (crossesAntimeridian && x < -180) x += 360;
      return x * cpd;
    };
    ring.forEach((pos, p) => {
      if (!Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
        throw new InvalidInputError(`rings[${r}][${p}]`, `position [${pos[0]}, ${pos[1]}] is not a pair of finite numbers`);
      }
      builder.push(toU(pos[0]), (pos[1] - bounds.southDeg) * cpd);
    });
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) builder.push(toU(first[0]), (first[1] - bounds.southDeg) * cpd);
    builder.endPolyline();
  });
  const lines = builder.finish();

  // Even-odd state of each cell centre: crossings of the row's centre line west of the centre.
  // Edges are bucketed by the rows whose centre line v = j + 0.5 they cross (half-open rule).
  const { u, v } = lines;
  const rowCount = new Int32Array(ny + 1);
  const rowsOf = (e: number, visit: (j: number) => void): void => {
    const lo = Math.min(v[e], v[e + 1]);
    const hi = Math.max(v[e], v[e + 1]);
    const j0 = Math.max(0, Math.ceil(lo - 0.5));
    const j1 = Math.min(ny - 1, Math.ceil(hi - 0.5) - 1);
    for (let j = j0; j <= j1; j++) visit(j);
  };
  forEachEdge(lines, (e) => rowsOf(e, (j) => { rowCount[j + 1]++; }));
  for (let j = 0; j < ny; j++) rowCount[j + 1] += rowCount[j];
  const xs = new Float64Array(rowCount[ny]);
  const fill = rowCount.slice(0, ny);
  forEachEdge(lines, (e) => rowsOf(e, (j) => {
    const vc = j + 0.5;
    xs[fill[j]++] = u[e] + ((vc - v[e]) * (u[e + 1] - u[e])) / (v[e + 1] - v[e]);
  }));
  const centreLand = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const row = xs.subarray(rowCount[j], rowCount[j + 1]).sort();
    let next = 0;
    let land = 0;
    for (let i = 0; i < nx; i++) {
      const uc = i + 0.5;
      while (next < row.length && row[next] < uc) { land ^= 1; next++; }
      centreLand[j * nx + i] = land;
    }
  }
  const grid = buildShoreGrid(lines, nx, ny, cpd, centreLand);
  const label = options.label ?? `${rings.length} land ring${rings.length === 1 ? '' : 's'}`;
  return new Coastline(label, bounds, grid);
}
