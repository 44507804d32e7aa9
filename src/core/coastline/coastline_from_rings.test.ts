import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { coastlineFromRings, type LonLatRing } from './coastline_from_rings.js';

// A hand-drawn square island 0.1° on a side: 132.0-132.1E, 37.0-37.1N.
const square: LonLatRing = [[132.0, 37.0], [132.1, 37.0], [132.1, 37.1], [132.0, 37.1]];
const bounds = { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 };
const island = coastlineFromRings([square], bounds, { label: 'square island' });

describe('coastlineFromRings', () => {
  test('keeps the label and bounds it was given', () => {
    expect(island.label).toBe('square island');
    expect(island.bounds).toEqual(bounds);
  });

  test('a ring with a hole: the hole is water (even-odd rule)', () => {
    const hole: LonLatRing = [[132.03, 37.03], [132.07, 37.03], [132.07, 37.07], [132.03, 37.07]];
    const atoll = coastlineFromRings([square, hole], bounds);
    expect(atoll.isLand(132.05, 37.05)).toBe(false);
    expect(atoll.isLand(132.015, 37.05)).toBe(true);
    // From the middle of the lagoon east: the hole's edge at 132.07 is 0.02 of a 0.04° step.
    expect(atoll.firstShoreCrossing(132.05, 37.05, 132.09, 37.05)).toBeCloseTo(0.5, 9);
  });

  test('rings given closed (first point repeated) give the same answers', () => {
    const closed = coastlineFromRings([[...square, square[0]]], bounds);
    expect(closed.isLand(132.05, 37.05)).toBe(true);
    expect(closed.firstShoreCrossing(131.9, 37.05, 132.2, 37.05)).toBeCloseTo(1 / 3, 9);
  });

  test('a big ring over many cells, with a coarse grid', () => {
    const big = coastlineFromRings([[[131.2, 36.2], [132.8, 36.2], [132.0, 37.8]]], bounds, { cellsPerDeg: 8 });
    expect(big.isLand(132.0, 37.0)).toBe(true);
    expect(big.isLand(131.3, 37.7)).toBe(false);
    // West side of the triangle runs from (131.2, 36.2) to (132.0, 37.8): at 37.0N it is at 131.6E.
    expect(big.firstShoreCrossing(131.1, 37.0, 132.1, 37.0)).toBeCloseTo(0.5, 9);
  });

  test('a region across the antimeridian (west > east)', () => {
    const dateLine = coastlineFromRings(
      [[[179.9, -0.1], [180.1, -0.1], [180.1, 0.1], [179.9, 0.1]]],
      { westDeg: 179, southDeg: -1, eastDeg: -179, northDeg: 1 },
    );
    expect(dateLine.isLand(180, 0)).toBe(true);
    expect(dateLine.isLand(-179.95, 0)).toBe(true);
    expect(dateLine.isLand(-179.5, 0)).toBe(false);
    // 179.5E to 179.5W is a 1° step east; the island's west side (179.9E) is 0.4 of the way.
    expect(dateLine.firstShoreCrossing(179.5, 0, -179.5, 0)).toBeCloseTo(0.4, 9);
  });

  test('rejects impossible bounds and positions, naming the field', () => {
    expect(() => coastlineFromRings([square], { westDeg: 131, southDeg: 38, eastDeg: 133, northDeg: 36 }))
      .toThrow(InvalidInputError);
    expect(() => coastlineFromRings([[[132, 37], [Number.NaN, 37], [132, 38]]], bounds)).toThrow(/rings\[0\]\[1\]/);
    expect(() => coastlineFromRings([square], bounds, { cellsPerDeg: 0.5 })).toThrow(/cellsPerDeg/);
  });
});
