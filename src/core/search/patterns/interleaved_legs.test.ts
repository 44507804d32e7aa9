import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { areaRoute } from '../allocation/area_route.js';
import { fitTrackSpacing, interleavedCrossings } from '../allocation/track_spacing_fit.js';
import { iamsarSpacingNm } from '../allocation/iamsar_baseline.js';
import { closestSpacingOf, minimumSpacingOf, type AllocationUnit } from '../allocation/allocation_unit.js';
import { needsInterleavedLegs, rateOneTurnRadiusNm } from '../turns.js';
import { lonLatToPlane } from './local_plane.js';
import { crossingSpacings, trackOrder } from './parallel_tracks.js';
import { parallelSweep } from './parallel_sweep.js';
import { creepingLine } from './creeping_line.js';

const centre = { lonDeg: 131.8, latDeg: 37.2 };
const r = rateOneTurnRadiusNm(90);   // 0.477 NM: fly-by U-turns need S >= 0.955 NM
const area = { centre, lengthNm: 10, widthNm: 3, orientationDeg: 0 };

/** The across-track offsets (east, NM) of a north-south ladder's search legs, in the order flown. */
function trackOffsets(route: ReturnType<typeof parallelSweep>): number[] {
  return route.legs.flatMap((l, k) => (l.role === 'search' ? [lonLatToPlane(centre, route.waypoints[k]).eastNm] : []));
}

describe('interleaved legs for a unit whose turns are wider than the spacing', () => {
  test('the order: every other track, then the ones between; consecutive tracks 2 S apart or more', () => {
    expect(trackOrder(4, 'interleaved')).toEqual([1, 3, 0, 2]);
    expect(trackOrder(5, 'interleaved')).toEqual([0, 2, 4, 1, 3]);
    expect(trackOrder(6, 'interleaved')).toEqual([0, 2, 4, 1, 3, 5]);
    expect(trackOrder(6, 'sequential')).toEqual([0, 1, 2, 3, 4, 5]);
    for (let m = 4; m <= 60; m++) {
      const order = trackOrder(m, 'interleaved');
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, k) => k));
      for (let j = 1; j < m; j++) expect(Math.abs(order[j] - order[j - 1]), `${m} tracks, step ${j}`).toBeGreaterThanOrEqual(2);
      // the fit's closed form is the order's own sum of gaps
      expect(interleavedCrossings(m), `${m} tracks`).toBe(crossingSpacings(order));
    }
    expect(() => trackOrder(3, 'interleaved')).toThrow(InvalidInputError);
  });

  test('a 90 kn helicopter at S = 0.5 NM: in order every U-turn is too tight, interleaved none is', () => {
    const unit = { speedKn: 90, startTimeS: 0, turnRadiusNm: r };
    const inOrder = parallelSweep({ area, trackSpacingNm: 0.5, turn: 'right', unit });
    const interleaved = parallelSweep({ area, trackSpacingNm: 0.5, turn: 'right', unit, legOrder: 'interleaved' });
    expect(inOrder.parameters.trackCount).toBe(6);
    expect(inOrder.tightTurns).toBe(10);              // 5 U-turns, two 90-degree turns each, on 0.5 NM cross legs
    expect(interleaved.tightTurns).toBe(0);
    expect(interleaved.parameters.legOrder).toBe('interleaved');
    expect(inOrder.parameters.legOrder).toBeUndefined();
    // the same six tracks, 0.25 NM inside the 3 NM width, flown 1, 3, 5, then 2, 4, 6
    const east = trackOffsets(interleaved);
    [-1.25, -0.25, 0.75, -0.75, 0.25, 1.25].forEach((e, j) => expect(Math.abs(east[j] - e), `track ${j}`).toBeLessThan(1e-3));
    // the CSP is the first track's start, S/2 inside the corner; tracks run the other way from the one before
    const csp = lonLatToPlane(centre, interleaved.csp);
    expect(csp.eastNm).toBeCloseTo(-1.25, 3);
    expect(csp.northNm).toBeCloseTo(-4.75, 3);
    const search = interleaved.legs.filter((l) => l.role === 'search').map((l) => Math.round(l.bearingDeg) % 360);
    expect(search).toEqual([0, 180, 0, 180, 0, 180]);
    // without turns: 6 tracks of 9.5 NM and crossings of 2 + 2 + 3 + 2 + 2 spacings
    const flat = parallelSweep({ area, trackSpacingNm: 0.5, turn: 'right', unit: { speedKn: 90, startTimeS: 0 }, legOrder: 'interleaved' });
    expect(flat.totalTrackNm).toBeCloseTo(6 * 9.5 + 11 * 0.5, 3);
  });

  test('a creeping line interleaves the same way, and the order is checked', () => {
    const unit = { speedKn: 90, startTimeS: 0, turnRadiusNm: r };
    const cs = creepingLine({ area: { ...area, lengthNm: 3, widthNm: 10 }, trackSpacingNm: 0.6, turn: 'left', unit, legOrder: 'interleaved' });
    expect(cs.parameters.trackCount).toBe(5);
    expect(cs.tightTurns).toBe(0);
    expect(() => parallelSweep({ area, trackSpacingNm: 1, turn: 'right', unit, legOrder: 'interleaved' })).toThrow(/at least 4 tracks; this area has 3/);
    expect(() => parallelSweep({ area, trackSpacingNm: 1, turn: 'right', unit, legOrder: 'zigzag' as never })).toThrow(/'sequential' or 'interleaved'/);
  });

  test('the spacing fit: interleaved when the turns hold the tracks in order to fewer, its length counted', () => {
    // 10 x 3 NM, 60 NM of track: in order at most 3 tracks (S >= 0.955); interleaved, m (10 - S) + X(m) S <= 60
    // with S = 3 / m >= r: m = 5 gives 5 x 9.4 + 9 x 0.6 = 52.4 NM, m = 6 gives 6 x 9.5 + 11 x 0.5 = 62.5 > 60
    const fit = fitTrackSpacing('PS', 10, 3, 60, 2 * r, r)!;
    expect(fit.legOrder).toBe('interleaved');
    expect(fit.count).toBe(5);
    expect(fit.trackSpacingNm).toBeCloseTo(0.6, 12);
    expect(fit.patternNm).toBeCloseTo(52.4, 9);
    const inOrder = fitTrackSpacing('PS', 10, 3, 60, 2 * r)!;
    expect([inOrder.count, inOrder.legOrder]).toEqual([3, 'sequential']);
    // with room for no more than the turns allow, nothing changes
    expect(fitTrackSpacing('PS', 10, 3, 25, 2 * r, r)).toEqual(fitTrackSpacing('PS', 10, 3, 25, 2 * r));
    // the fitted length is the laid-out route's (instant turns; geodesic against plane < 1e-4)
    const route = parallelSweep({ area, trackSpacingNm: fit.trackSpacingNm, turn: 'right', legOrder: 'interleaved', unit: { speedKn: 90, startTimeS: 0 } });
    expect(route.totalTrackNm).toBeCloseTo(fit.patternNm, 3);
  });

  test('the allocation lays a close spacing out interleaved, and a turn-limited unit may be given W / r', () => {
    const helo: AllocationUnit = { unitId: 'HELO', speedKn: 90, enduranceH: 40 / 60, arrivalTimeS: 0, sweepWidthNm: 0.9, patterns: ['PS'], craft: 'aircraft', turnRadiusNm: r };
    expect(minimumSpacingOf(helo, 'PS')).toBeCloseTo(2 * r, 12);
    expect(closestSpacingOf(helo, 'PS')).toBeCloseTo(r, 12);
    expect(closestSpacingOf(helo, 'SS')).toBeCloseTo(Math.max(2 * r, 2), 12);   // no interleaving in a square
    const route = areaRoute(helo, 'PS', area, 0.6);
    expect(route.parameters.legOrder).toBe('interleaved');
    expect(route.tightTurns).toBe(0);
    expect(areaRoute(helo, 'PS', area, 1.0).parameters.legOrder).toBeUndefined();
    expect(needsInterleavedLegs(0.6, r, 3)).toBe(false);
    // the baseline's spacing over the same area: closer than 2 r, interleaved (60 NM of track, W 0.9: C 1.5)
    const s = iamsarSpacingNm({ ...helo, enduranceH: 60 / 90 }, 'PS', 10, 3, 'inverse-cube', true);
    expect(s.spacingNm).toBeCloseTo(0.6, 9);
    expect(s.count).toBe(5);
    // with the tracks in order (the baseline tries both): no closer than 2 r, endurance to spare
    const inOrder = iamsarSpacingNm({ ...helo, enduranceH: 60 / 90 }, 'PS', 10, 3, 'inverse-cube');
    expect(inOrder.spacingNm).toBeCloseTo(1, 9);
    expect(inOrder.count).toBe(3);
  });
});
