import { describe, expect, test } from 'vitest';
import { ConstantField } from '../environment/index.js';
import { nmToMetres } from '../geo/index.js';
import { fromLocal, localFrame } from '../probability/index.js';
import { lateralRangePod, passExposure, searchPod, type DetectionLaw, type TrackWaypoint } from '../search/index.js';
import { leewayTable } from '../../test_support/leeway_table.js';
import { detectAlongTrack, simulatedSearchTrack } from './detection.js';
import { simulateTruthTrack, type TruthTrack } from './truth.js';

const T0 = Date.UTC(2026, 2, 12, 0, 0) / 1000;
const origin = { lonDeg: 132.5, latDeg: 38.5 };
const frame = localFrame(origin);
const at = (xNm: number, yNm: number, timeS: number): TrackWaypoint => ({ ...fromLocal(frame, nmToMetres(xNm), nmToMetres(yNm)), timeS });

/** A truth that keeps still at the origin for a day (plain data: the detection reads only the points). */
const stillTruth: TruthTrack = {
  truth: { objectClass: 'PIW-1', position: origin, timeS: T0, forcing: null, seed: 1 },
  points: [{ ...origin, timeS: T0, status: 'active' }, { ...origin, timeS: T0 + 86_400, status: 'active' }],
  leeway: { downwindSlope: 0, downwindOffsetMps: 0, crosswindSlope: 0, crosswindOffsetMps: 0, initialSide: 1, jibeCount: 0 },
  forcingLabels: { wind: 'none', current: 'none', shoreline: null }, seedMoveM: 0,
};

/** A northbound pass at x = lateralNm from y = -lengthNm to +lengthNm at speedKn, starting an hour after T0. */
function pass(lateralNm: number, lengthNm: number, speedKn: number): TrackWaypoint[] {
  const t1 = T0 + 3600, t2 = t1 + ((2 * lengthNm) / speedKn) * 3600;
  return [at(lateralNm, -lengthNm, t1), at(lateralNm, lengthNm, t2)];
}

/** A parallel sweep of `legs` northbound/southbound legs of 2 × halfNm at spacing S, the first at x0. */
function ladder(x0Nm: number, spacingNm: number, legs: number, halfNm: number, speedKn: number): TrackWaypoint[] {
  const wps: TrackWaypoint[] = [];
  let t = T0 + 3600;
  for (let k = 0; k < legs; k++) {
    const x = x0Nm + k * spacingNm, y0 = k % 2 === 0 ? -halfNm : halfNm;
    if (k > 0) t += (spacingNm / speedKn) * 3600;
    wps.push(at(x, y0, t));
    t += ((2 * halfNm) / speedKn) * 3600;
    wps.push(at(x, -y0, t));
  }
  return wps;
}

const binomialBand = (p: number, n: number): number => 4.5 * Math.sqrt((p * (1 - p)) / n) + 1e-9;

describe('detectAlongTrack', () => {
  for (const law of ['inverse-cube', 'exponential'] as DetectionLaw[]) {
    test(`${law}: a long straight pass past a still object deposits the lateral-range exposure`, () => {
      for (const x of [0.3, 1, 2.5]) {
        const r = detectAlongTrack({ searchTrack: pass(x, 200, 30), truthTrack: stillTruth, sweepWidthNm: 2, law, stepS: 60, seed: 1 });
        // finite pass of ±100 W (13.3 h at 30 kn, within the truth's day): the inverse cube misses 1 - L / sqrt(x^2 + L^2) of it, the Gaussian nothing measurable
        const finite = law === 'inverse-cube' ? 200 / Math.hypot(x, 200) : 1;   // int_-L^L ds / (x^2 + s^2)^(3/2) = 2L / (x^2 sqrt(x^2 + L^2))
        expect(r.totalExposure / (passExposure(law, x, 2) * finite)).toBeCloseTo(1, 6);
      }
    });

    test(`${law}: the steps' exposures sum to searchPod's for a particle on a drifting truth's track, whatever the step`, () => {
      const truth = simulateTruthTrack({ objectClass: 'LIFE-RAFT-DB-10', position: origin, timeS: T0, forcing: null, seed: 5 },
        { wind: ConstantField.fromSpeedFrom('wind', 6, 300), current: ConstantField.fromSpeedToward('current', 0.1, 60) }, null,
        { durationS: 86_400, stepS: 600, objects: leewayTable });
      const track = ladder(-6, 1.5, 9, 8, 12);
      const snapshots = truth.points.map((p) => ({ timeS: p.timeS, lonDeg: Float64Array.of(p.lonDeg), latDeg: Float64Array.of(p.latDeg) }));
      const planner = searchPod({ particles: { count: 1, weight: Float64Array.of(1) }, snapshots, law, cutoffExposure: 1e-12,
        tracks: [{ unitId: 'U', sweepWidthNm: 1.8, waypoints: track, searchSpeedKn: 12 }] });
      const exposure = planner.unitExposure[0][0];
      expect(exposure).toBeGreaterThan(0.05);
      for (const stepS of [7, 60, 600]) {
        const r = detectAlongTrack({ searchTrack: track, searchSpeedKn: 12, truthTrack: truth, sweepWidthNm: 1.8, law, stepS, seed: 3 });
        // pod.ts tabulates erf (error < 3e-7) for the exponential law: agreement to 1e-5 relative
        expect(r.totalExposure / exposure).toBeCloseTo(1, 5);
      }
    });

    test(`${law}: over many seeds the detection rate is the planner's POD (statistical)`, () => {
      const cases = [
        { track: pass(0.8, 40, 10), w: 1.5 },   // one pass
        { track: ladder(-5, 2, 6, 10, 10), w: 1.5 },   // a sweep at C = 0.75
      ];
      for (const { track, w } of cases) {
        const first = detectAlongTrack({ searchTrack: track, truthTrack: stillTruth, sweepWidthNm: w, law, stepS: 60, seed: 0 });
        const pod = -Math.expm1(-first.totalExposure);
        const runs = 3000;
        let hits = 0;
        for (let seed = 0; seed < runs; seed++) {
          if (detectAlongTrack({ searchTrack: track, truthTrack: stillTruth, sweepWidthNm: w, law, stepS: 60, seed }).detection) hits++;
        }
        expect(pod).toBeGreaterThan(0.15);
        expect(pod).toBeLessThan(0.95);
        expect(Math.abs(hits / runs - pod)).toBeLessThan(binomialBand(pod, runs));
      }
      // and the single pass's POD is the lateral-range curve
      const one = detectAlongTrack({ searchTrack: pass(0.8, 40, 10), truthTrack: stillTruth, sweepWidthNm: 1.5, law, stepS: 60, seed: 0 });
      expect(-Math.expm1(-one.totalExposure)).toBeCloseTo(lateralRangePod(law, 0.8, 1.5), 3);
    });
  }

  test('a detection gives the truth position, the unit position and the range at its time', () => {
    const track = pass(0.2, 20, 10);
    let found = null;
    for (let seed = 0; found === null; seed++) found = detectAlongTrack({ searchTrack: track, truthTrack: stillTruth, sweepWidthNm: 2, stepS: 60, seed }).detection;
    expect(found.position.lonDeg).toBeCloseTo(origin.lonDeg, 9);
    expect(found.position.latDeg).toBeCloseTo(origin.latDeg, 9);
    expect(found.lateralRangeNm).toBeGreaterThanOrEqual(0.2 - 1e-6);
    expect((found.timeS - track[0].timeS) % 60).toBeCloseTo(0, 6);
    // the same seed gives the same detection
    const draw = (): unknown => detectAlongTrack({ searchTrack: track, truthTrack: stillTruth, sweepWidthNm: 2, stepS: 60, seed: 11 });
    expect(draw()).toEqual(draw());
  });

  test('nothing before the truth is released; a track of one point searches nothing', () => {
    const early = pass(0.1, 5, 10).map((w) => ({ ...w, timeS: w.timeS - 7200 }));
    expect(detectAlongTrack({ searchTrack: early, truthTrack: stillTruth, sweepWidthNm: 2, stepS: 60, seed: 1 }).totalExposure).toBe(0);
    expect(detectAlongTrack({ searchTrack: early.slice(0, 1), truthTrack: stillTruth, sweepWidthNm: 2, stepS: 60, seed: 1 }).detection).toBeNull();
    expect(() => detectAlongTrack({ searchTrack: pass(0.1, 5, 10), truthTrack: stillTruth, sweepWidthNm: 0, stepS: 60, seed: 1 })).toThrow(/sweepWidthNm/);
  });
});

describe('simulatedSearchTrack', () => {
  const route = { speedKn: 10, waypoints: [at(0, 0, T0), at(0, 10, T0 + 3600), at(2, 10, T0 + 3600 + 720)] };
  test('cuts the route to the window, interpolating at the cuts', () => {
    const cut = simulatedSearchTrack(route, { fromTimeS: T0 + 1800, toTimeS: T0 + 3600 + 360 });
    expect(cut.map((w) => w.timeS)).toEqual([T0 + 1800, T0 + 3600, T0 + 3960]);
    expect(cut[0].latDeg).toBeCloseTo((route.waypoints[0].latDeg + route.waypoints[1].latDeg) / 2, 12);
    expect(cut[2].lonDeg).toBeCloseTo((route.waypoints[1].lonDeg + route.waypoints[2].lonDeg) / 2, 12);
  });
  test('a slower unit that starts late takes longer over the same waypoints', () => {
    const slow = simulatedSearchTrack(route, { speedKn: 5, startTimeS: T0 + 600, fromTimeS: T0, toTimeS: T0 + 86_400 });
    expect(slow.map((w) => w.timeS)).toEqual([T0 + 600, T0 + 600 + 7200, T0 + 600 + 7200 + 1440]);
    expect(simulatedSearchTrack(route, { fromTimeS: T0 + 10_000, toTimeS: T0 + 20_000 })).toEqual([]);
  });
});
