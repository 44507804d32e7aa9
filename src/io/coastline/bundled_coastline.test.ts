import { describe, expect, test } from 'vitest';
import { isLandLevel, type ShorelineBin } from '../../core/coastline/index.js';
import { findRepoRoot } from '../project_files.js';
import { bundledCoastlinePath, loadBundledCoastline, readBundledShoreline } from './bundled_coastline.js';

// Positions below come from the GSHHG f 2.3.7 polygons themselves (bin 131-132E 37-38N holds the
// Liancourt Rocks as two closed level-1 polygons of 0.078 and 0.081 km2): the islets' centroids,
// computed from their vertices, and their extents.
const EAST_ISLET = { lonDeg: 131.87645, latDeg: 37.25132 }; // 0.078 km2, 131.87462-131.87788E, 37.24956-37.25292N
const WEST_ISLET = { lonDeg: 131.87292, latDeg: 37.24789 }; // 0.081 km2, 131.87123-131.87463E, 37.24619-37.24958N
const KM_LAT_DEG = 1 / 111.2; // one kilometre of latitude in degrees

describe('loadBundledCoastline', () => {
  const coast = loadBundledCoastline();

  test('covers the demo area with GSHHG full resolution', () => {
    expect(coast.label).toBe('GSHHG f 2.3.7, 127-135E 33-41N');
    expect(coast.bounds).toEqual({ westDeg: 127, southDeg: 33, eastDeg: 135, northDeg: 41 });
  });

  test('a point on each Liancourt islet is land; 1 km south or east of them is water', () => {
    expect(coast.isLand(EAST_ISLET.lonDeg, EAST_ISLET.latDeg)).toBe(true);
    expect(coast.isLand(WEST_ISLET.lonDeg, WEST_ISLET.latDeg)).toBe(true);
    expect(coast.isLand(WEST_ISLET.lonDeg, 37.24619 - KM_LAT_DEG)).toBe(false);
    expect(coast.isLand(131.87788 + 1.25 * KM_LAT_DEG, EAST_ISLET.latDeg)).toBe(false); // 1 km east (cos 37° ≈ 0.8)
  });

  test('a 10-minute step (about 620 m) over the west islet strands at its west shore', () => {
    const [lon0, lon1, lat] = [131.8685, 131.8755, 37.2479];
    expect(coast.isLand(lon0, lat)).toBe(false);
    expect(coast.isLand(lon1, lat)).toBe(false);
    const t = coast.firstShoreCrossing(lon0, lat, lon1, lat);
    // The islet's westernmost vertex is at 131.87123E: t ≈ (131.87123 - 131.8685) / 0.007 = 0.39.
    expect(t).toBeGreaterThan(0.37);
    expect(t).toBeLessThan(0.45);
  });

  test('a step over the east islet from the north strands at its north shore', () => {
    const t = coast.firstShoreCrossing(131.8765, 37.2560, 131.8765, 37.2490);
    // Northernmost vertex 37.25292N: t ≈ (37.2560 - 37.25292) / 0.007 = 0.44.
    expect(t).toBeGreaterThan(0.40);
    expect(t).toBeLessThan(0.46);
  });

  test('the same step 1 km south of the islets does not strand', () => {
    const lat = 37.24619 - KM_LAT_DEG;
    expect(coast.firstShoreCrossing(131.8685, lat, 131.8755, lat)).toBe(-1);
  });

  test('Ulleungdo, inland Korea, the Oki Islands and Honshu are land; the open East Sea is water', () => {
    expect(coast.isLand(130.87, 37.50)).toBe(true); // Ulleungdo, near Seonginbong
    expect(coast.isLand(128.5, 37.5)).toBe(true); // Gangwon mountains, 60 km inland
    expect(coast.isLand(133.32, 36.25)).toBe(true); // Dogo, Oki Islands
    expect(coast.isLand(134.0, 35.3)).toBe(true); // Tottori prefecture, Honshu
    expect(coast.isLand(132.0, 38.5)).toBe(false); // mid East Sea
    expect(coast.isLand(130.0, 36.5)).toBe(false); // between Korea and Oki
  });

  test('outside the bundled region is water (documented: the region may be smaller than the drift domain)', () => {
    expect(coast.isLand(126.98, 37.56)).toBe(false); // Seoul lies west of 127E
  });

  test('is built once and shared', () => {
    expect(loadBundledCoastline()).toBe(coast);
  });
});

describe('findRepoRoot / bundledCoastlinePath', () => {
  test('finds the folder holding package.json and the bundled file in it', () => {
    expect(bundledCoastlinePath().startsWith(findRepoRoot())).toBe(true);
    expect(bundledCoastlinePath()).toMatch(/data\/coastline\/gshhg_f_127E-135E_33N-41N\.json$/);
  });
});

/** Crossings of segment A-B with segment C-D, written out independently of the core's kernel. */
function properlyCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const det = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  if (det === 0) return false;
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / det;
  const s = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / det;
  return t > 0 && t < 1 && s >= 0 && s < 1;
}

/** Level-1 crossings on the straight line from `from` to `to` inside one bin (brute force). */
function crossings(bin: ShorelineBin, from: number[], to: number[]): number {
  let n = 0;
  for (const seg of bin.segments) {
    if (seg.level !== 1) continue;
    for (let p = 0; p + 1 < seg.lonDeg.length; p++) {
      if (properlyCross(from, to, [seg.lonDeg[p], seg.latDeg[p]], [seg.lonDeg[p + 1], seg.latDeg[p + 1]])) n++;
    }
  }
  return n;
}

/** Deterministic uniform numbers in [0, 1) (a 32-bit linear congruential generator, Numerical Recipes). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('readBundledShoreline', () => {
  const shoreline = readBundledShoreline();

  test('holds all 64 bins of 127-135E 33-41N and about 100,000 points', () => {
    expect(shoreline.bins).toHaveLength(64);
    const points = shoreline.bins.reduce((n, b) => n + b.segments.reduce((m, s) => m + s.lonDeg.length, 0), 0);
    expect(points).toBe(101770); // as counted by scripts/extract_coastline.ts from binned_GSHHS_f.nc
  });

  test('corner levels agree with the shorelines crossed on both diagonals of every bin', () => {
    // Checks the decoding of GMT's packed corner levels (order SW, SE, NE, NW).
    for (const bin of shoreline.bins) {
      const [sw, se, ne, nw] = bin.cornerLevels.map(isLandLevel);
      const { westDeg: w, southDeg: s } = bin;
      expect((crossings(bin, [w, s], [w + 1, s + 1]) % 2 === 1) !== sw, `bin ${w}E ${s}N SW-NE`).toBe(ne);
      expect((crossings(bin, [w + 1, s], [w, s + 1]) % 2 === 1) !== se, `bin ${w}E ${s}N SE-NW`).toBe(nw);
    }
  });

  test('the index agrees with brute-force crossing counts at 3,000 random points, half near the shore', () => {
    const coast = loadBundledCoastline();
    const random = lcg(20260310);
    const vertices: Array<[number, number]> = [];
    for (const b of shoreline.bins) for (const g of b.segments) g.lonDeg.forEach((lon, p) => vertices.push([lon, g.latDeg[p]]));
    let disagreements = 0;
    let landCount = 0;
    for (let k = 0; k < 3000; k++) {
      // Half anywhere in the region, half within 0.01° (about 1 km) of a shoreline vertex (kept off
      // the region's edges, where the brute-force line from the bin corner would run along a bin side).
      let lon = 127 + 8 * random();
      let lat = 33 + 8 * random();
      if (k % 2 === 1) {
        const [vLon, vLat] = vertices[Math.floor(random() * vertices.length)];
        lon = Math.min(134.999999, Math.max(127.000001, vLon + 0.02 * (random() - 0.5)));
        lat = Math.min(40.999999, Math.max(33.000001, vLat + 0.02 * (random() - 0.5)));
      }
      const bin = shoreline.bins.find((b) => b.westDeg === Math.floor(lon) && b.southDeg === Math.floor(lat))!;
      const land = (crossings(bin, [bin.westDeg, bin.southDeg], [lon, lat]) % 2 === 1) !== isLandLevel(bin.cornerLevels[0]);
      if (land !== coast.isLand(lon, lat)) disagreements++;
      if (land) landCount++;
    }
    expect(disagreements).toBe(0);
    expect(landCount).toBeGreaterThan(500); // the sample does reach land (about 40 % of it)
  });

  test('firstShoreCrossing agrees with a brute-force search over all edges at 3,000 steps near the shore', () => {
    const coast = loadBundledCoastline();
    const random = lcg(7);
    const vertices: Array<[number, number]> = [];
    for (const b of shoreline.bins) for (const g of b.segments) g.lonDeg.forEach((lon, p) => vertices.push([lon, g.latDeg[p]]));
    const binAt = (lon: number, lat: number): ShorelineBin | undefined =>
      shoreline.bins.find((b) => b.westDeg === Math.floor(lon) && b.southDeg === Math.floor(lat));
    let checked = 0;
    let stranded = 0;
    for (let k = 0; k < 3000; k++) {
      const [vLon, vLat] = vertices[Math.floor(random() * vertices.length)];
      const lon0 = vLon + 0.02 * (random() - 0.5);
      const lat0 = vLat + 0.02 * (random() - 0.5);
      const lon1 = lon0 + 0.012 * (random() - 0.5); // steps up to about 600 m each way
      const lat1 = lat0 + 0.012 * (random() - 0.5);
      if (coast.isLand(lon0, lat0) || Math.min(lon0, lon1) < 127 || Math.max(lon0, lon1) >= 135 ||
        Math.min(lat0, lat1) < 33 || Math.max(lat0, lat1) >= 41) continue;
      // Smallest t over every level-1 edge of the bins the step touches.
      const bins = new Set([binAt(lon0, lat0), binAt(lon1, lat0), binAt(lon0, lat1), binAt(lon1, lat1)]);
      let best = Infinity;
      for (const bin of bins) {
        for (const seg of bin!.segments) {
          if (seg.level !== 1) continue;
          for (let p = 0; p + 1 < seg.lonDeg.length; p++) {
            const [ax, ay, bx, by] = [seg.lonDeg[p], seg.latDeg[p], seg.lonDeg[p + 1], seg.latDeg[p + 1]];
            const det = (lon1 - lon0) * (by - ay) - (lat1 - lat0) * (bx - ax);
            if (det === 0) continue;
            const t = ((ax - lon0) * (by - ay) - (ay - lat0) * (bx - ax)) / det;
            const u = ((ax - lon0) * (lat1 - lat0) - (ay - lat0) * (lon1 - lon0)) / det;
            if (t >= 0 && t <= 1 && u >= 0 && u <= 1) best = Math.min(best, t);
          }
        }
      }
      const t = coast.firstShoreCrossing(lon0, lat0, lon1, lat1);
      if (best === Infinity) expect(t, `step ${lon0},${lat0} -> ${lon1},${lat1}`).toBe(-1);
      else {
        expect(t, `step ${lon0},${lat0} -> ${lon1},${lat1}`).toBeCloseTo(best, 9);
        stranded++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(1500);
    expect(stranded).toBeGreaterThan(200); // the sample does reach the shore
  });
});
