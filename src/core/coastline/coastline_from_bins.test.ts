import { describe, expect, test } from 'vitest';
import { BinSide, type BinnedShoreline, type ShorelineBin, type ShorelineSegment } from './binned_shoreline.js';
import { coastlineFromBins } from './coastline_from_bins.js';

const seg = (level: number, entrySide: number, exitSide: number, pts: Array<[number, number]>): ShorelineSegment => ({
  level, entrySide, exitSide, lonDeg: Float64Array.from(pts, (p) => p[0]), latDeg: Float64Array.from(pts, (p) => p[1]),
});

// Two 1° bins side by side, 10-11E and 11-12E, 50-51N.
// West bin: a coast crossing it from its west side (50.5N) to its east side (50.4N), land to the
// south (corners SW, SE land; NE, NW sea), plus an islet in the sea (closed, level 1).
// East bin: all land (corner levels 1), the coast continues as its own segment from the west side
// at 50.4N to the north side at 11.5E, so the land lies south-east; inside the land, a lake
// (closed level-2 segment) which counts as land.
const westBin: ShorelineBin = {
  westDeg: 10, southDeg: 50, cornerLevels: [1, 1, 0, 0],
  segments: [
    seg(1, BinSide.WEST, BinSide.EAST, [[10, 50.5], [10.5, 50.45], [11, 50.4]]),
    seg(1, BinSide.NONE, BinSide.NONE, [[10.5, 50.8], [10.51, 50.8], [10.51, 50.81], [10.5, 50.81], [10.5, 50.8]]),
  ],
};
const eastBin: ShorelineBin = {
  westDeg: 11, southDeg: 50, cornerLevels: [1, 1, 1, 0],
  segments: [
    seg(1, BinSide.WEST, BinSide.NORTH, [[11, 50.4], [11.3, 50.7], [11.5, 51]]),
    seg(2, BinSide.NONE, BinSide.NONE, [[11.6, 50.2], [11.8, 50.2], [11.8, 50.3], [11.6, 50.3], [11.6, 50.2]]),
  ],
};
const shoreline: BinnedShoreline = {
  label: 'two test bins', source: 'hand-made', binSizeDeg: 1,
  bounds: { westDeg: 10, southDeg: 50, eastDeg: 12, northDeg: 51 }, bins: [westBin, eastBin],
};

describe('coastlineFromBins', () => {
  const coast = coastlineFromBins(shoreline);

  test('land and sea on each side of an open segment, from the corner levels', () => {
    expect(coast.isLand(10.5, 50.2)).toBe(true);
    expect(coast.isLand(10.5, 50.7)).toBe(false);
    expect(coast.isLand(10.5, 50.46)).toBe(false); // just north of the coast's middle point
    expect(coast.isLand(10.5, 50.44)).toBe(true);
  });

  test('the closed islet in the sea is land', () => {
    expect(coast.isLand(10.505, 50.805)).toBe(true);
    expect(coast.isLand(10.515, 50.805)).toBe(false);
  });

  test('the coast continues in the next bin; a lake (level 2) counts as land', () => {
    expect(coast.isLand(11.1, 50.9)).toBe(false); // north-west of the line, at sea
    expect(coast.isLand(11.9, 50.5)).toBe(true);
    expect(coast.isLand(11.7, 50.25)).toBe(true); // inside the lake
  });

  test('a step from sea onto land across the coast, and one passing over the islet', () => {
    // Due south along 10.25E: the coast there is at 50.475N; from 50.6 to 50.35 that is t = 0.5.
    expect(coast.firstShoreCrossing(10.25, 50.6, 10.25, 50.35)).toBeCloseTo(0.5, 9);
    // Eastward along 50.805N from 10.49 to 10.53: islet's west side at 10.5 is t = 0.25.
    expect(coast.firstShoreCrossing(10.49, 50.805, 10.53, 50.805)).toBeCloseTo(0.25, 9);
    expect(coast.firstShoreCrossing(10.49, 50.82, 10.53, 50.82)).toBe(-1);
  });

  test('the label comes from the data unless given', () => {
    expect(coast.label).toBe('two test bins');
    expect(coastlineFromBins(shoreline, { label: 'x' }).label).toBe('x');
  });

  test('a point on the coast sits exactly at a bin corner: the other corners are used', () => {
    // Coast from the SW corner itself to the NE corner: land south-east of the diagonal.
    const diag: BinnedShoreline = {
      ...shoreline, bounds: { westDeg: 10, southDeg: 50, eastDeg: 11, northDeg: 51 },
      bins: [{ westDeg: 10, southDeg: 50, cornerLevels: [0, 1, 0, 0],
        segments: [seg(1, BinSide.SOUTH, BinSide.NORTH, [[10, 50], [10.5, 50.5], [11, 51]])] }],
    };
    const c = coastlineFromBins(diag);
    expect(c.isLand(10.8, 50.2)).toBe(true);
    expect(c.isLand(10.2, 50.8)).toBe(false);
  });
});
