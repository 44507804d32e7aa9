import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM, SECONDS_PER_HOUR } from '../geo/units.js';
import { fromLocal, localFrame, type LocalFrame } from '../probability/local_frame.js';
import { lateralRangePod, parallelTrackPod, type DetectionLaw } from './detection.js';
import { searchPod, type PositionSnapshot, type SearchTrack, type TrackWaypoint } from './pod.js';

const CENTRE = { lonDeg: 132, latDeg: 37 };
const FRAME = localFrame(CENTRE);
const W_NM = 1;
const W_M = W_NM * METRES_PER_NM;
const SPEED_KN = 10;

/** Waypoints from local (x, y) metres, timed at SPEED_KN; `drift` moves the waypoints with a current (m/s). */
function timed(frame: LocalFrame, xy: readonly [number, number][], t0 = 0, driftMps: [number, number] = [0, 0]): TrackWaypoint[] {
  let t = t0;
  const out: TrackWaypoint[] = [];
  xy.forEach(([x, y], k) => {
    if (k > 0) t += Math.hypot(x - xy[k - 1][0], y - xy[k - 1][1]) / (SPEED_KN * METRES_PER_NM / SECONDS_PER_HOUR);
    const p = fromLocal(frame, x + driftMps[0] * (t - t0), y + driftMps[1] * (t - t0));
    out.push({ lonDeg: p.lonDeg, latDeg: p.latDeg, timeS: t });
  });
  return out;
}

/** Parallel sweep: north-south legs 400 W long at x = k S, k = -K..K, joined by cross legs. */
function parallelSweep(spacingM: number, halfCount: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let k = -halfCount; k <= halfCount; k++) {
    const up = (k + halfCount) % 2 === 0;
    pts.push([k * spacingM, (up ? -200 : 200) * W_M], [k * spacingM, (up ? 200 : -200) * W_M]);
  }
  return pts;
}

/** n still particles, uniform in x over whole track spacings and in |y| < 20 W (seeded). */
function uniformCloud(n: number, halfWidthM: number): { lon: Float64Array; lat: Float64Array; weight: Float64Array } {
  let a = 12345;
  const rand = (): number => { a = (a * 1103515245 + 12345) % 2147483648; return a / 2147483648; };
  const lon = new Float64Array(n), lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = fromLocal(FRAME, (2 * rand() - 1) * halfWidthM, (2 * rand() - 1) * 20 * W_M);
    lon[i] = p.lonDeg; lat[i] = p.latDeg;
  }
  return { lon, lat, weight: new Float64Array(n).fill(1 / n) };
}

function parallelSweepPos(law: DetectionLaw, coverage: number): number {
  const spacingM = W_M / coverage;
  const half = Math.ceil((40 * W_M) / spacingM);
  const cloud = uniformCloud(20_000, 5 * spacingM);
  const track: SearchTrack = { unitId: 'PS', sweepWidthNm: W_NM, waypoints: timed(FRAME, parallelSweep(spacingM, half)) };
  const r = searchPod({ particles: { count: 20_000, weight: cloud.weight }, snapshots: [{ timeS: 0, lonDeg: cloud.lon, latDeg: cloud.lat }],
    tracks: [track], law, frame: FRAME });
  return r.pos;
}

describe('searchPod', () => {
  test('one long straight leg over still particles reproduces the lateral-range curve', () => {
    const xs = [0.05, 0.3, 0.5, 1, 2, 5].map((x) => x * W_M);
    const lon = new Float64Array(xs.length), lat = new Float64Array(xs.length);
    xs.forEach((x, i) => { const p = fromLocal(FRAME, x, 0); lon[i] = p.lonDeg; lat[i] = p.latDeg; });
    for (const law of ['inverse-cube', 'exponential'] as const) {
      const r = searchPod({ particles: { count: xs.length, weight: new Float64Array(xs.length).fill(1 / xs.length) },
        snapshots: [{ timeS: 0, lonDeg: lon, latDeg: lat }], law, frame: FRAME,
        tracks: [{ unitId: 'A', sweepWidthNm: W_NM, waypoints: timed(FRAME, [[0, -1000 * W_M], [0, 1000 * W_M]]) }] });
      // a leg 2000 W long misses a fraction ~ (x / 1000 W)^2 of the infinite line's exposure
      xs.forEach((x, i) => expect(r.pod[i]).toBeCloseTo(lateralRangePod(law, x / METRES_PER_NM, W_NM), 4));
    }
  });
  test('parallel tracks, inverse cube: POD = erf(sqrt(pi) C / 2), 0.790 at C = 1 (Koopman), within 0.01', () => {
    expect(Math.abs(parallelSweepPos('inverse-cube', 1) - parallelTrackPod('inverse-cube', 1))).toBeLessThan(0.01);
    expect(Math.abs(parallelSweepPos('inverse-cube', 0.5) - 0.4691)).toBeLessThan(0.01); // erf(0.4431)
  });
  test('parallel tracks, exponential law: POD = 1 - exp(-C) at C = 0.25, 0.5, 1, 2 within 0.002 (random search)', () => {
    // particles on a regular grid across ten whole track spacings in the middle of the pattern: no sampling error
    for (const c of [0.25, 0.5, 1, 2]) {
      const spacingM = W_M / c;
      const half = Math.ceil((60 * W_M) / spacingM);
      const n = 2000;
      const lon = new Float64Array(n), lat = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const p = fromLocal(FRAME, ((i + 0.5) / n - 0.5) * 10 * spacingM, ((i % 7) - 3) * W_M);
        lon[i] = p.lonDeg; lat[i] = p.latDeg;
      }
      const r = searchPod({ particles: { count: n, weight: new Float64Array(n).fill(1 / n) }, law: 'exponential', frame: FRAME,
        snapshots: [{ timeS: 0, lonDeg: lon, latDeg: lat }], cutoffExposure: 1e-7,
        tracks: [{ unitId: 'PS', sweepWidthNm: W_NM, waypoints: timed(FRAME, parallelSweep(spacingM, half)) }] });
      expect(Math.abs(r.pos - parallelTrackPod('exponential', c))).toBeLessThan(0.002);
    }
  });
  test('one pass, exponential law: the lateral-range curve integrates to 0.933 W (conservative, see detection.ts)', () => {
    const n = 4000, halfM = 20 * W_M;
    const lon = new Float64Array(n), lat = new Float64Array(n);
    for (let i = 0; i < n; i++) { const p = fromLocal(FRAME, ((i + 0.5) / n - 0.5) * 2 * halfM, 0); lon[i] = p.lonDeg; lat[i] = p.latDeg; }
    const r = searchPod({ particles: { count: n, weight: new Float64Array(n).fill(1 / n) }, law: 'exponential', frame: FRAME,
      snapshots: [{ timeS: 0, lonDeg: lon, latDeg: lat }], cutoffExposure: 1e-7,
      tracks: [{ unitId: 'A', sweepWidthNm: W_NM, waypoints: timed(FRAME, [[0, -1000 * W_M], [0, 1000 * W_M]]) }] });
    const sweptNm = (r.pos * 2 * halfM) / W_M; // mean POD x strip width = integral of the curve
    expect(sweptNm / W_NM).toBeGreaterThan(0.925);
    expect(sweptNm / W_NM).toBeLessThan(0.94);
  });
  test('a drifting cloud searched by a drift-compensated track gets the POD of a still one', () => {
    // particles and track both move 1.5 m/s east and 0.5 m/s north; relative motion is unchanged
    const drift: [number, number] = [1.5, 0.5];
    const n = 200;
    const base = uniformCloud(n, 3 * W_M);
    const legs: [number, number][] = [[-2 * W_M, -30 * W_M], [-2 * W_M, 30 * W_M], [0, 30 * W_M], [0, -30 * W_M], [2 * W_M, -30 * W_M], [2 * W_M, 30 * W_M]];
    const still = timed(FRAME, legs);
    const moving = timed(FRAME, legs, 0, drift);
    const tEnd = moving[moving.length - 1].timeS;
    const snaps: PositionSnapshot[] = [0, 0.37, 0.81, 1].map((f) => {
      const lon = new Float64Array(n), lat = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x0 = (base.lon[i] - CENTRE.lonDeg) * FRAME.metresPerDegLon, y0 = (base.lat[i] - CENTRE.latDeg) * FRAME.metresPerDegLat;
        const p = fromLocal(FRAME, x0 + drift[0] * f * tEnd, y0 + drift[1] * f * tEnd);
        lon[i] = p.lonDeg; lat[i] = p.latDeg;
      }
      return { timeS: f * tEnd, lonDeg: lon, latDeg: lat };
    });
    const particles = { count: n, weight: base.weight };
    // tiny cut-off: the two runs cut their segments differently, so a 1e-4 cut-off differs by ~1e-5
    const a = searchPod({ particles, snapshots: [{ timeS: 0, lonDeg: base.lon, latDeg: base.lat }], frame: FRAME, cutoffExposure: 1e-10,
      tracks: [{ unitId: 'S', sweepWidthNm: W_NM, waypoints: still }] });
    const b = searchPod({ particles, snapshots: snaps, frame: FRAME, cutoffExposure: 1e-10,
      tracks: [{ unitId: 'M', sweepWidthNm: W_NM, waypoints: moving, searchSpeedKn: SPEED_KN }] });
    for (let i = 0; i < n; i++) expect(b.pod[i]).toBeCloseTo(a.pod[i], 6);
    expect(b.pos).toBeGreaterThan(0.3);
  });
  test('a target drifting along the track is searched longer than a still one', () => {
    // unit at 10 kn (5.144 m/s) north from y = -50 W; target 1 NM abeam drifting 2 m/s north from
    // y = -tEnd m: they come abeam mid-leg, the relative track runs +-30 W; exposure grows by v_ref / v_rel
    const legs: [number, number][] = [[0, -50 * W_M], [0, 50 * W_M]];
    const wps = timed(FRAME, legs);
    const tEnd = wps[1].timeS;
    const at = (y: number): PositionSnapshot[] => [0, tEnd].map((t) => {
      const p = fromLocal(FRAME, W_M, y + 2 * t);
      return { timeS: t, lonDeg: Float64Array.of(p.lonDeg), latDeg: Float64Array.of(p.latDeg) };
    });
    const r = searchPod({ particles: { count: 1, weight: Float64Array.of(1) }, snapshots: at(-tEnd), frame: FRAME,
      tracks: [{ unitId: 'A', sweepWidthNm: W_NM, waypoints: wps }] });
    // exposure scales with v_ref / v_rel = 5.14 / 3.14 (closest approach mid-leg)
    const stillPod = lateralRangePod('inverse-cube', 1, W_NM);
    expect(r.unitExposure[0][0]).toBeCloseTo((-Math.log(1 - stillPod) * 5.1444) / 3.1444, 2);
  });
  test('POS is the weighted sum of POD; two units combine as 1 - (1 - p1)(1 - p2)', () => {
    const cloud = uniformCloud(1000, 4 * W_M);
    const t1 = timed(FRAME, [[-W_M, -30 * W_M], [-W_M, 30 * W_M]]);
    const t2 = timed(FRAME, [[W_M, 30 * W_M], [W_M, -30 * W_M]]);
    const status = new Uint8Array(1000);
    status[0] = 3; // not released: left out of POS
    const r = searchPod({ particles: { count: 1000, weight: cloud.weight, status }, frame: FRAME,
      snapshots: [{ timeS: 0, lonDeg: cloud.lon, latDeg: cloud.lat }],
      tracks: [{ unitId: 'A', sweepWidthNm: W_NM, waypoints: t1 }, { unitId: 'B', sweepWidthNm: 2, waypoints: t2 }] });
    let pos = 0, posA = 0;
    for (let i = 1; i < 1000; i++) {
      expect(r.pod[i]).toBeCloseTo(1 - (1 - r.unitPod[0][i]) * (1 - r.unitPod[1][i]), 12);
      pos += cloud.weight[i] * r.pod[i];
      posA += cloud.weight[i] * r.unitPod[0][i];
    }
    expect(r.pos).toBeCloseTo(pos, 12);
    expect(r.unitPos[0]).toBeCloseTo(posA, 12);
    expect(r.countedWeight).toBeCloseTo(0.999, 12);
    expect(r.unitIds).toEqual(['A', 'B']);
  });
  test('mixed objects: each particle is detected with the sweep width of its own scenario', () => {
    const n = 3000;
    const cloud = uniformCloud(n, 6 * W_M);
    const scenario = Uint16Array.from({ length: n }, (_, i) => (i % 10 < 7 ? 0 : 1));   // 70 % raft, 30 % person in water
    const weight = Float64Array.from(scenario, (s) => (s === 0 ? 0.7 / 2100 : 0.3 / 900));
    const snapshots = [{ timeS: 0, lonDeg: cloud.lon, latDeg: cloud.lat }];
    const waypoints = timed(FRAME, parallelSweep(1.5 * W_M, 4));
    for (const law of ['inverse-cube', 'exponential'] as const) {
      // a tiny cut-off: the mixed run cuts at the widest W, so with 1e-4 the two would differ by ~1e-5
      const one = (w: number) => searchPod({ particles: { count: n, weight }, snapshots, frame: FRAME, law, cutoffExposure: 1e-12,
        tracks: [{ unitId: 'A', sweepWidthNm: w, waypoints }] });
      const raft = one(2), piw = one(0.5);
      const mixed = searchPod({ particles: { count: n, weight, scenario }, snapshots, frame: FRAME, law, cutoffExposure: 1e-12,
        tracks: [{ unitId: 'A', sweepWidthNm: 2, sweepWidthByScenarioNm: [2, 0.5], waypoints }] });
      let expected = 0;
      for (let i = 0; i < n; i++) {
        expect(mixed.pod[i]).toBeCloseTo(scenario[i] === 0 ? raft.pod[i] : piw.pod[i], 10);
        expected += weight[i] * (scenario[i] === 0 ? raft.pod[i] : piw.pod[i]);
      }
      expect(mixed.pos).toBeCloseTo(expected, 10);
      expect(mixed.pos).toBeLessThan(raft.pos - 0.05);   // the raft's W for everyone overstates POS
    }
  });
  test('per-scenario sweep widths need the particles\' scenario indices, and one for each scenario', () => {
    const snaps = [{ timeS: 0, lonDeg: Float64Array.of(132), latDeg: Float64Array.of(37) }];
    const waypoints = timed(FRAME, [[0, 0], [0, 10 * W_M]]);
    expect(() => searchPod({ particles: { count: 1, weight: Float64Array.of(1) }, snapshots: snaps,
      tracks: [{ unitId: 'A', sweepWidthNm: 1, sweepWidthByScenarioNm: [1, 2], waypoints }] })).toThrow(/particles\.scenario/);
    expect(() => searchPod({ particles: { count: 1, weight: Float64Array.of(1), scenario: Uint16Array.of(2) }, snapshots: snaps,
      tracks: [{ unitId: 'A', sweepWidthNm: 1, sweepWidthByScenarioNm: [1, 2], waypoints }] })).toThrow(/scenario 2/);
    expect(() => searchPod({ particles: { count: 1, weight: Float64Array.of(1), scenario: Uint16Array.of(0) }, snapshots: snaps,
      tracks: [{ unitId: 'A', sweepWidthNm: 1, sweepWidthByScenarioNm: [1, -2], waypoints }] })).toThrow(/sweepWidthByScenarioNm\[1\]/);
  });
  test('the cut-off loses little: exposure 1e-4 vs 1e-7 per pair', () => {
    const cloud = uniformCloud(2000, 10 * W_M);
    const run = (eps: number): number => searchPod({ particles: { count: 2000, weight: cloud.weight }, frame: FRAME, cutoffExposure: eps,
      snapshots: [{ timeS: 0, lonDeg: cloud.lon, latDeg: cloud.lat }],
      tracks: [{ unitId: 'A', sweepWidthNm: W_NM, waypoints: timed(FRAME, parallelSweep(W_M, 3)) }] }).pos;
    expect(Math.abs(run(1e-4) - run(1e-7))).toBeLessThan(7 * 2 * 1e-4); // 13 segments x 1e-4 at most
  });
  test('a track beyond the drift output times is refused, naming the track', () => {
    const snaps = [{ timeS: 0, lonDeg: Float64Array.of(132), latDeg: Float64Array.of(37) }, { timeS: 600, lonDeg: Float64Array.of(132), latDeg: Float64Array.of(37) }];
    expect(() => searchPod({ particles: { count: 1, weight: Float64Array.of(1) }, snapshots: snaps,
      tracks: [{ unitId: 'A', sweepWidthNm: 1, waypoints: timed(FRAME, [[0, 0], [0, 10 * W_M]]) }] })).toThrow(/tracks\[0\]\.waypoints/);
    expect(() => searchPod({ particles: { count: 1, weight: Float64Array.of(1) }, snapshots: snaps,
      tracks: [{ unitId: 'A', sweepWidthNm: -1, waypoints: [] }] })).toThrow(InvalidInputError);
  });
});
