import { describe, expect, test } from 'vitest';
import { coastlineFromRings, type LonLatRing } from './coastline_from_rings.js';

// A hand-drawn square island 0.1° on a side (132.0-132.1E, 37.0-37.1N), and a tiny islet
// 0.002° (about 200 m) on a side at 132.5E 37.5N, smaller than one 1/64° index cell.
const square: LonLatRing = [[132.0, 37.0], [132.1, 37.0], [132.1, 37.1], [132.0, 37.1]];
const islet: LonLatRing = [[132.5, 37.5], [132.502, 37.5], [132.502, 37.502], [132.5, 37.502]];
const bounds = { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 };
const coast = coastlineFromRings([square, islet], bounds);

describe('Coastline.isLand', () => {
  test('inside the square is land, outside is water', () => {
    expect(coast.isLand(132.05, 37.05)).toBe(true);
    expect(coast.isLand(132.0999, 37.0001)).toBe(true);
    expect(coast.isLand(131.95, 37.05)).toBe(false);
    expect(coast.isLand(132.05, 37.1001)).toBe(false);
  });

  test('a sub-cell islet is resolved exactly', () => {
    expect(coast.isLand(132.501, 37.501)).toBe(true);
    expect(coast.isLand(132.5025, 37.501)).toBe(false);
  });

  test('outside the bounds is water, even where a ring would continue', () => {
    const edge = coastlineFromRings([[[130.5, 37], [131.5, 37], [131.5, 37.5], [130.5, 37.5]]], bounds);
    expect(edge.isLand(131.2, 37.2)).toBe(true);
    expect(edge.isLand(130.8, 37.2)).toBe(false); // west of bounds.westDeg = 131
  });

  test('longitudes in 0..360 and -180..180 conventions agree', () => {
    const west = coastlineFromRings([[[-70.1, 40], [-69.9, 40], [-69.9, 40.2], [-70.1, 40.2]]],
      { westDeg: -71, southDeg: 39, eastDeg: -69, northDeg: 41 });
    expect(west.isLand(-70, 40.1)).toBe(true);
    expect(west.isLand(290, 40.1)).toBe(true);
  });

  test('NaN is water', () => {
    expect(coast.isLand(Number.NaN, 37)).toBe(false);
  });
});

describe('Coastline.firstShoreCrossing', () => {
  test('a step wholly at sea gives -1', () => {
    expect(coast.firstShoreCrossing(131.5, 37.5, 131.507, 37.504)).toBe(-1);
    // Across several cells, passing 1 km north of the square (0.1° + 0.009°).
    expect(coast.firstShoreCrossing(131.9, 37.109, 132.2, 37.109)).toBe(-1);
  });

  test('a step onto the island stops where it meets the shore', () => {
    // West side at 132.0: (132.0 - 131.9) / (132.2 - 131.9) = 1/3 of the step.
    expect(coast.firstShoreCrossing(131.9, 37.05, 132.2, 37.05)).toBeCloseTo(1 / 3, 9);
    // Diagonal: y = 37.0 + (x - 131.95) meets x = 132.0 at y = 37.05, halfway.
    expect(coast.firstShoreCrossing(131.95, 37.0, 132.05, 37.1)).toBeCloseTo(0.5, 9);
    // From the north, southward: the north side (37.1) is 0.01 of a 0.04 step.
    expect(coast.firstShoreCrossing(132.05, 37.11, 132.05, 37.07)).toBeCloseTo(0.25, 9);
  });

  test('a step that jumps over the sub-cell islet strands on it (ends both at sea)', () => {
    // 132.495 -> 132.505 along 37.501: the islet's west side 132.5 is halfway.
    expect(coast.isLand(132.495, 37.501)).toBe(false);
    expect(coast.isLand(132.505, 37.501)).toBe(false);
    expect(coast.firstShoreCrossing(132.495, 37.501, 132.505, 37.501)).toBeCloseTo(0.5, 9);
    // The same step 1 km (0.009°) further north misses it.
    expect(coast.firstShoreCrossing(132.495, 37.511, 132.505, 37.511)).toBe(-1);
  });

  test('a diagonal step between two all-water cells checks the cell it cuts through', () => {
    // 1° cells. The step (1.9, 1.5) -> (2.5, 2.1) goes from cell (1,1) to cell (2,2) through the
    // corner of cell (2,1), where a small islet (2.15-2.25E, 1.75-1.85N) sits: x = 2.2 at y = 1.8.
    const c = coastlineFromRings([[[2.15, 1.75], [2.25, 1.75], [2.25, 1.85], [2.15, 1.85]]],
      { westDeg: 0, southDeg: 0, eastDeg: 4, northDeg: 4 }, { cellsPerDeg: 1 });
    // The islet's west side x = 2.15 is met at t = (2.15 - 1.9) / 0.6.
    expect(c.firstShoreCrossing(1.9, 1.5, 2.5, 2.1)).toBeCloseTo(0.25 / 0.6, 9);
  });

  test('a long edge listed in an earlier cell does not hide a nearer crossing in a later cell', () => {
    // 1° cells. A triangle whose long edge (0.9, 0.9) -> (2.9, 0.1) is listed in cells 0, 1 and 2 of
    // row 0 and crosses y = 0.5 at x = 1.9; a small square (1.25-1.35E) is met first, at x = 1.25.
    const c = coastlineFromRings([
      [[0.9, 0.9], [2.9, 0.1], [2.9, 0.9]],
      [[1.25, 0.45], [1.35, 0.45], [1.35, 0.55], [1.25, 0.55]],
    ], { westDeg: 0, southDeg: 0, eastDeg: 4, northDeg: 4 }, { cellsPerDeg: 1 });
    expect(c.firstShoreCrossing(0.5, 0.5, 3.5, 0.5)).toBeCloseTo(0.75 / 3, 9);
  });

  test('a step that starts on land gives 0', () => {
    expect(coast.firstShoreCrossing(132.05, 37.05, 132.5, 37.5)).toBe(0);
  });

  test('a step from outside the bounds onto land at the bounds edge stops at the edge', () => {
    const edge = coastlineFromRings([[[130.5, 37], [131.5, 37], [131.5, 37.5], [130.5, 37.5]]], bounds);
    // 130.9 -> 131.1: bounds start at 131.0, halfway, and the land there is inside the bounds.
    expect(edge.firstShoreCrossing(130.9, 37.2, 131.1, 37.2)).toBeCloseTo(0.5, 9);
    // A step wholly outside the bounds never strands.
    expect(edge.firstShoreCrossing(130.6, 37.2, 130.8, 37.2)).toBe(-1);
  });

  test('a step leaving the bounds at sea gives -1', () => {
    expect(coast.firstShoreCrossing(132.99, 37.5, 133.01, 37.5)).toBe(-1);
  });

  test('NaN input gives -1', () => {
    expect(coast.firstShoreCrossing(Number.NaN, 37.5, 132, 37.5)).toBe(-1);
  });
});

describe('Coastline.stats', () => {
  test('counts cells: 2° x 2° at 64 cells per degree, mostly water', () => {
    const s = coast.stats();
    expect(s.cellCount).toBe(128 * 128);
    expect(s.waterCells + s.landCells + s.mixedCells).toBe(s.cellCount);
    // The square covers 6.4 x 6.4 cells: 5 x 5 whole cells inside (0.1 * 64 = 6.4, edges mid-cell).
    expect(s.landCells).toBe(25);
    expect(s.shorelinePoints).toBe(10); // 4 + 1 closing point per ring
  });
});

describe('Coastline.shoreline', () => {
  test('gives each ring back closed, in degrees', () => {
    expect(coast.shorelineCount).toBe(2);
    const ring = coast.shoreline(0);
    expect(ring).toHaveLength(5);
    expect(ring[0][0]).toBeCloseTo(132.0, 12);
    expect(ring[2][1]).toBeCloseTo(37.1, 12);
    expect(ring[4]).toEqual(ring[0]);
  });
});

describe('Coastline.nearestWater', () => {
  const RAD = Math.PI / 180;
  const R = 6_371_008.8;
  const eastM = (dLonDeg: number, latDeg: number) => dLonDeg * RAD * R * Math.cos(latDeg * RAD);

  test('a point in water is its own nearest water', () => {
    expect(coast.nearestWater(131.9, 37.05, 5000)).toEqual({ lonDeg: 131.9, latDeg: 37.05, distanceM: 0 });
  });

  test('a point on land goes just past the nearest shoreline, 10 m out', () => {
    // 0.005° (about 444 m at 37.02N) west of the square's east side, nearer to it than to any other
    const water = coast.nearestWater(132.095, 37.05, 5000)!;
    expect(water.latDeg).toBeCloseTo(37.05, 9);
    expect(eastM(water.lonDeg - 132.1, 37.05)).toBeCloseTo(10, 3);
    expect(water.distanceM).toBeCloseTo(eastM(0.005, 37.05) + 10, 3);
    expect(coast.isLand(water.lonDeg, water.latDeg)).toBe(false);
  });

  test('near a corner it takes the nearer side', () => {
    // 0.002° of latitude (222 m) from the south side, 0.004° of longitude (355 m) from the west side
    const water = coast.nearestWater(132.004, 37.002, 5000)!;
    expect(water.lonDeg).toBeCloseTo(132.004, 9);
    expect((37.0 - water.latDeg) * RAD * R).toBeCloseTo(10, 3);
  });

  test('farther from water than allowed: null', () => {
    // the square's centre is 0.05° (4.4 km) from its east and west sides, 5.6 km from the others
    expect(coast.nearestWater(132.05, 37.05, 4000)).toBeNull();
    expect(coast.nearestWater(132.05, 37.05, 0)).toBeNull();
    const water = coast.nearestWater(132.05, 37.05, 4500)!;
    expect(water.distanceM).toBeCloseTo(eastM(0.05, 37.05) + 10, 3);
  });

  test('the edge of the bounds counts as water (nothing is known beyond it)', () => {
    const edge = coastlineFromRings([[[130.5, 37], [131.5, 37], [131.5, 37.5], [130.5, 37.5]]], bounds);
    const water = edge.nearestWater(131.01, 37.2, 5000)!;   // 0.01° east of bounds.westDeg = 131
    expect(water.lonDeg).toBeLessThan(131);
    expect(water.distanceM).toBeCloseTo(eastM(0.01, 37.2) + 10, 3);
  });

  test('longitude keeps the caller\'s convention', () => {
    const west = coastlineFromRings([[[-70.1, 40], [-69.9, 40], [-69.9, 40.2], [-70.1, 40.2]]],
      { westDeg: -71, southDeg: 39, eastDeg: -69, northDeg: 41 });
    expect(west.nearestWater(290.095, 40.1, 5000)!.lonDeg).toBeGreaterThan(290.1);
    expect(west.nearestWater(-69.905, 40.1, 5000)!.lonDeg).toBeGreaterThan(-69.9);
  });
});

describe('Coastline.clearWater', () => {
  // the square and islet (their edges on cell boundaries) and a triangle whose edges cut through cells
  const triangle: LonLatRing = [[132.2137, 37.2113], [132.2931, 37.2274], [132.2412, 37.2889]];
  const coast = coastlineFromRings([square, islet, triangle], bounds);
  const { clear, westDeg, southDeg, cellsPerDeg, nx, ny } = coast.clearWater;
  const cell = (lon: number, lat: number) => clear[Math.floor((lat - southDeg) * cellsPerDeg) * nx + Math.floor((lon - westDeg) * cellsPerDeg)];

  test('open sea is clear; cells on or next to the shore, and on the grid edge, are not', () => {
    expect(cell(131.5, 36.5)).toBe(1);
    expect(cell(132.05, 37.05)).toBe(0);                 // land
    expect(cell(131.995, 37.05)).toBe(0);                // water beside the square's west shore
    expect(cell(132.5 - 1 / 64, 37.501)).toBe(0);        // the islet's neighbour cell
    expect(cell(132.2137 - 1 / 64, 37.2113)).toBe(0);    // beside the triangle's corner, which is inside a cell
    expect(clear[0]).toBe(0);
    expect(clear[nx * ny - 1]).toBe(0);
  });

  test('every step of less than half a cell from a clear cell stays in water, as firstShoreCrossing says', () => {
    // steps from a lattice of starts around both islands, in 16 directions, up to 0.49 cell
    let fromClear = 0;
    const crossing: number[][] = [];
    for (let lon = 131.9; lon < 132.6; lon += 0.0029) {
      for (let lat = 36.9; lat < 37.6; lat += 0.0031) {
        if (cell(lon, lat) !== 1) continue;
        fromClear++;
        for (let d = 0; d < 16; d++) {
          const a = (d * Math.PI) / 8, r = 0.49 / cellsPerDeg;
          if (coast.firstShoreCrossing(lon, lat, lon + r * Math.cos(a), lat + r * Math.sin(a)) !== -1) crossing.push([lon, lat, d]);
        }
      }
    }
    expect(fromClear).toBeGreaterThan(1000);
    expect(crossing).toEqual([]);
  });
});
