import { describe, expect, test } from 'vitest';
import { rateOneTurnRadiusNm } from '../turns.js';
import { expandingSquare } from './expanding_square.js';
import { lonLatToPlane } from './local_plane.js';
import { parallelSweep } from './parallel_sweep.js';

const centre = { lonDeg: 131.8, latDeg: 37.2 };
const area = { centre, lengthNm: 10, widthNm: 6, orientationDeg: 0 };
const r = rateOneTurnRadiusNm(90);   // 0.477 NM

describe('routes flown with fly-by turns', () => {
  const instant = parallelSweep({ area, trackSpacingNm: 2, turn: 'right', unit: { speedKn: 90, startTimeS: 0 } });
  const turning = parallelSweep({ area, trackSpacingNm: 2, turn: 'right', unit: { speedKn: 90, startTimeS: 0, turnRadiusNm: r } });

  test('a rate-one turn at 90 kn has a radius of 90 / (3600 x 3 pi / 180) = 0.477 NM', () => {
    expect(r).toBeCloseTo(0.4775, 4);
  });

  test('the waypoints stay the corners; the flown track is shorter by (2 - pi/2) r per 90-degree turn', () => {
    expect(turning.waypoints.map((w) => [w.lonDeg, w.latDeg])).toEqual(instant.waypoints.map((w) => [w.lonDeg, w.latDeg]));
    const turns = instant.waypoints.length - 2;   // 3 tracks, 2 cross legs: 4 turns of 90 degrees
    expect(turns).toBe(4);
    expect(turning.flownTrackNm!).toBeCloseTo(instant.totalTrackNm - turns * (2 - Math.PI / 2) * r, 2);
    // the arcs: a quarter circle each, sampled by chords (10 degrees or less: chord/arc > 0.9987)
    expect(turning.turnTrackNm!).toBeGreaterThan(turns * (Math.PI / 2) * r * 0.998);
    expect(turning.turnTrackNm!).toBeLessThan(turns * (Math.PI / 2) * r * 1.0001);
    expect(turning.tightTurns).toBe(0);
  });

  test('the flown track stays inside the rectangle of the corners and its times follow its length', () => {
    const flown = turning.flown!;
    for (const p of flown) {
      const o = lonLatToPlane(centre, p);
      expect(Math.abs(o.eastNm)).toBeLessThanOrEqual(3 - 1 + 1e-6);   // tracks S/2 = 1 NM inside the 6 NM width
      expect(Math.abs(o.northNm)).toBeLessThanOrEqual(5 - 1 + 1e-6);
    }
    for (let k = 1; k < flown.length; k++) expect(flown[k].timeS).toBeGreaterThanOrEqual(flown[k - 1].timeS);
    expect(turning.endTimeS).toBeCloseTo((turning.flownTrackNm! / 90) * 3600, 3);
    // each waypoint is timed abeam of its corner: halfway through its turn, before the instant route's time
    for (let k = 1; k < turning.waypoints.length - 1; k++) expect(turning.waypoints[k].timeS).toBeLessThan(instant.waypoints[k].timeS);
  });

  test('the endurance cuts the flown track', () => {
    const cut = parallelSweep({ area, trackSpacingNm: 2, turn: 'right', unit: { speedKn: 90, startTimeS: 0, enduranceH: 0.2, turnRadiusNm: r } });
    expect(cut.cutByEndurance).toBe(true);
    expect(cut.flownTrackNm!).toBeCloseTo(18, 6);
    expect(cut.endTimeS).toBeCloseTo(720, 6);
    const last = cut.flown![cut.flown!.length - 1];
    expect(cut.waypoints[cut.waypoints.length - 1]).toMatchObject({ lonDeg: last.lonDeg, latDeg: last.latDeg, timeS: 720 });
  });

  test('a spacing under 2 r leaves turns the legs are too short for, and says how many', () => {
    const tight = expandingSquare({ csp: centre, trackSpacingNm: 0.5, firstLegBearingDeg: 0, turn: 'right', legCount: 6, unit: { speedKn: 90, startTimeS: 0, turnRadiusNm: r } });
    expect(tight.tightTurns!).toBeGreaterThan(0);
    const ok = expandingSquare({ csp: centre, trackSpacingNm: 2 * r, firstLegBearingDeg: 0, turn: 'right', legCount: 6, unit: { speedKn: 90, startTimeS: 0, turnRadiusNm: r } });
    expect(ok.tightTurns).toBe(0);
    expect(ok.flown!.length).toBeGreaterThan(ok.waypoints.length);
  });
});
