import { describe, expect, test } from 'vitest';
import { testConfig } from './fixture_for_tests.js';
import { allRccs } from './cooperation_config.js';
import { regionAt, regionCrossings, srrContains, type SrrRegion } from './srr.js';

const rccs = allRccs(testConfig());

describe('srrContains', () => {
  const withHole: SrrRegion = { illustrative: true, polygons: [[[[0, 0], [10, 0], [10, 10], [0, 10]], [[4, 4], [6, 4], [6, 6], [4, 6]]]] };
  test('inside the outer ring and outside the hole', () => {
    expect(srrContains(withHole, { lonDeg: 2, latDeg: 2 })).toBe(true);
    expect(srrContains(withHole, { lonDeg: 5, latDeg: 5 })).toBe(false);
    expect(srrContains(withHole, { lonDeg: 11, latDeg: 5 })).toBe(false);
  });
});

describe('regionAt', () => {
  test('a datum on each side of the 132E boundary belongs to a different RCC', () => {
    expect(regionAt(rccs, { lonDeg: 131.9, latDeg: 37 })?.id).toBe('rcc-a');
    expect(regionAt(rccs, { lonDeg: 132.1, latDeg: 37 })?.id).toBe('rcc-b');
    expect(regionAt(rccs, { lonDeg: 150, latDeg: 37 })).toBeUndefined();
  });
});

describe('regionCrossings', () => {
  test('finds the crossing of 132E and its time by interpolation', () => {
    // 131.5E at t=0 to 132.5E at t=3600: the boundary is half way, at t=1800.
    const crossings = regionCrossings(rccs, [{ lonDeg: 131.5, latDeg: 37, timeS: 0 }, { lonDeg: 132.5, latDeg: 37, timeS: 3600 }]);
    expect(crossings).toHaveLength(1);
    expect(crossings[0].from?.id).toBe('rcc-a');
    expect(crossings[0].to?.id).toBe('rcc-b');
    expect(crossings[0].at.timeS).toBeCloseTo(1800, 3);
    expect(crossings[0].at.lonDeg).toBeCloseTo(132, 6);
  });

  test('a track that stays in one SRR has no crossing', () => {
    expect(regionCrossings(rccs, [{ lonDeg: 130, latDeg: 37, timeS: 0 }, { lonDeg: 131, latDeg: 38, timeS: 60 }])).toEqual([]);
  });

  test('leaving every SRR is a crossing to no region', () => {
    const [c] = regionCrossings(rccs, [{ lonDeg: 139, latDeg: 40, timeS: 0 }, { lonDeg: 139, latDeg: 42, timeS: 100 }]);
    expect(c.from?.id).toBe('rcc-b');
    expect(c.to).toBeUndefined();
    expect(c.at.timeS).toBeCloseTo(50, 3);  // 41N is half way from 40N to 42N
  });
});
