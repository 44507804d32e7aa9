import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { coastlineFromRings, type LonLatRing } from './coastline_from_rings.js';
import { closestShoreCells } from './shore_distance.js';

// A diamond island (vertices east, north, west, south of 132.05E 37.05N, 0.05° out), so the point
// of an edge nearest to a passing line is its middle, 0.05 / sqrt(2) ° of latitude-metric from a vertex.
const diamond: LonLatRing = [[132.1, 37.05], [132.05, 37.1], [132.0, 37.05], [132.05, 37.0]];
const bounds = { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 };
const coast = coastlineFromRings([diamond], bounds, { label: 'diamond' });
const M_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_M;

describe('Coastline.closestShore', () => {
  test('a leg crossing the island is at distance 0 where it meets the shore', () => {
    const r = coast.closestShore(131.9, 37.05, 132.2, 37.05, 5000)!;
    expect(r.distanceM).toBe(0);
    expect(r.fraction).toBeCloseTo(1 / 3, 6);   // the west vertex at 132.0E
  });

  test('a leg starting on land is at distance 0', () => {
    expect(coast.closestShore(132.05, 37.05, 132.3, 37.3, 100)!.distanceM).toBe(0);
  });

  test('the distance is to the edge, not to its vertices', () => {
    // The line x + y = c in the diamond's metric: the north-east edge is x + y = 0.05 (deg, x scaled by cos lat)
    // about its centre. Take a point p off the edge's middle along the edge's normal and a short
    // leg through it, parallel to the edge: its distance to the edge is the normal offset.
    const cos = Math.cos((37.075 * Math.PI) / 180);
    // middle of the NE edge: (132.075, 37.075); outward normal in the metric (cos, 1)/|.| scaled
    const nx = 1 / Math.hypot(1, 1), ny = 1 / Math.hypot(1, 1);
    const offsetDeg = 0.01;                        // 0.01° of latitude-metric ~ 1112 m
    const px = 132.075 + (nx * offsetDeg) / cos, py = 37.075 + ny * offsetDeg;
    // direction along the edge from north vertex (132.05, 37.1) to east vertex (132.1, 37.05), in the metric
    const ex = 0.05 * cos, ey = -0.05, el = Math.hypot(ex, ey);
    const half = 0.002;                            // a leg 0.004° long, far shorter than the edge
    const r = coast.closestShore(px - (half * ex) / el / cos, py - (half * ey) / el, px + (half * ex) / el / cos, py + (half * ey) / el, 5000)!;
    // The edge's normal in the metric is not exactly (1, 1)/sqrt 2 (its x is scaled by cos lat),
    // so the expected distance is the leg's middle's distance to the edge's line, in the metric.
    const ax = 132.05 * cos, ay = 37.1, bx = 132.1 * cos, by = 37.05;
    const cross = Math.abs((bx - ax) * (py - ay) - (by - ay) * (px * cos - ax)) / Math.hypot(bx - ax, by - ay);
    expect(r.distanceM).toBeCloseTo(cross * M_PER_DEG, 0);
    // the nearest vertex is much farther: a vertex-only check would say ~3.7 km
    const vertexM = Math.min(...diamond.map(([lon, lat]) => Math.hypot((lon - px) * cos, lat - py) * M_PER_DEG));
    expect(vertexM).toBeGreaterThan(2 * r.distanceM);
  });

  test('null when the shore is farther than the limit', () => {
    expect(coast.closestShore(131.5, 37.5, 131.6, 37.5, 1000)).toBeNull();
    expect(coast.closestShore(131.5, 37.5, 131.6, 37.5, 100_000)!.distanceM).toBeGreaterThan(1000);
  });
});

describe('Coastline.closestShore\'s table of cells with edges', () => {
  // islets scattered over the region, so that segments come near, across and far from shore
  const islets: LonLatRing[] = Array.from({ length: 12 }, (_, k) => {
    const lon = 131.2 + 0.13 * k, lat = 36.3 + 0.11 * ((k * 7) % 12), r = 0.004 + 0.002 * (k % 3);
    return [[lon + r, lat], [lon, lat + r], [lon - r, lat], [lon, lat - r]];
  });
  const many = coastlineFromRings(islets, bounds, { label: 'islets' });

  test('answers as the search over every cell does', () => {
    let a = 7;
    const rand = (): number => { a = (a * 1103515245 + 12345) % 2147483648; return a / 2147483648; };
    const cpd = many.cellsPerDeg;
    let near = 0;
    for (let k = 0; k < 2000; k++) {
      const lon0 = 131.1 + 1.8 * rand(), lat0 = 36.1 + 1.8 * rand();
      const lon1 = lon0 + 0.2 * (rand() - 0.5), lat1 = lat0 + 0.2 * (rand() - 0.5), maxM = [100, 1000, 5000, 20_000][k % 4];
      // the same search without the table (Coastline.closestShore's conversion; no wrapping inside the bounds)
      const uScale = Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180), cellM = M_PER_DEG / cpd;
      const u0 = (lon0 - bounds.westDeg) * cpd, v0 = (lat0 - bounds.southDeg) * cpd;
      const onLand = many.isLand(lon0, lat0) || many.isLand(lon1, lat1);
      const full = onLand ? 0 : closestShoreCells(many.grid, u0, v0, u0 + (lon1 - lon0) * cpd, v0 + (lat1 - lat0) * cpd, maxM / cellM, uScale);
      const r = many.closestShore(lon0, lat0, lon1, lat1, maxM);
      if (full === null) expect(r).toBeNull();
      else {
        near++;
        expect(r!.distanceM).toBe(full === 0 ? 0 : full.distance * cellM);
      }
    }
    expect(near).toBeGreaterThan(100);
    expect(near).toBeLessThan(1900);
  });
});

describe('Coastline.mayBeNearLand', () => {
  test('false only in water with no shore within the radius; never false where closestShore finds land', () => {
    expect(coast.mayBeNearLand(132.05, 37.05, 10)).toBe(true);            // on the island
    expect(coast.mayBeNearLand(132.05, 37.2, 20_000)).toBe(true);         // 0.1° north of its tip: about 11 km
    expect(coast.mayBeNearLand(132.05, 37.6, 20_000)).toBe(false);        // 0.5° off: about 55 km
    // whatever the point and radius, when closestShore finds the shore within the radius, so does this
    for (let k = 0; k < 400; k++) {
      const lon = 131.5 + (k % 20) * 0.05, lat = 36.6 + Math.floor(k / 20) * 0.045, radiusM = 2000 + (k * 7919) % 40_000;
      if (coast.closestShore(lon, lat, lon, lat, radiusM) !== null) expect(coast.mayBeNearLand(lon, lat, radiusM), `${lon} ${lat} ${radiusM}`).toBe(true);
    }
  });
});
