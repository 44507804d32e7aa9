import { describe, expect, test } from 'vitest';
import { ConstantField, type VectorField } from '../environment/index.js';
import { InvalidInputError, SpaceNotCoveredError, TimeNotCoveredError } from '../errors.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { objectClass } from '../../test_support/leeway_table.js';
import { ParticleStatus } from './particles.js';
import type { DriftRequest, Shoreline } from './request.js';
import { checkDriftRequest, outputTimes, runDrift } from './run.js';
import { summariseCloud } from './summary.js';

const RAD = Math.PI / 180;
const T0 = Date.UTC(2024, 0, 1) / 1000;
const raft = objectClass('LIFE-RAFT-DB-10');

function request(overrides: Partial<DriftRequest> = {}): DriftRequest {
  return {
    scenarios: [{ name: 'raft', weight: 1, objectClass: raft, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian' } }],
    startS: T0, durationS: 86_400, direction: 'forward', timeStepS: 600, outputEverySteps: 6,
    particleCount: 20_000, seed: 7, jibeProbabilityPerHour: 0.04,
    ...overrides,
  };
}

// 10 m/s westerly wind (blowing toward the east), 0.2 m/s northward current
const forcing = { wind: new ConstantField('wind', 10, 0), current: new ConstantField('current', 0, 0.2) };

/** East/north displacement of particle i between two snapshots, metres on the model sphere. */
function displacementM(lon0: number, lat0: number, lon1: number, lat1: number): [number, number] {
  const north = (lat1 - lat0) * RAD * EARTH_RADIUS_M;
  const east = (lon1 - lon0) * RAD * EARTH_RADIUS_M * Math.cos(((lat0 + lat1) / 2) * RAD);
  return [east, north];
}

describe('runDrift with constant wind and current', () => {
  const result = runDrift(request(), forcing);
  const first = result.snapshots[0], last = result.snapshots[result.snapshots.length - 1];

  test('the mean displacement equals current × t plus the class mean leeway × t within 0.5 %', () => {
    const n = result.particles.count;
    let east = 0, north = 0;
    for (let i = 0; i < n; i++) {
      const [e, nn] = displacementM(first.lonDeg[i], first.latDeg[i], last.lonDeg[i], last.latDeg[i]);
      east += e / n; north += nn / n;
    }
    // Expected (Allen & Plourde 1999 table values for LIFE-RAFT-DB-10, W = 10 m/s toward east):
    // downwind (east)  = 0.0352 × 10 − 0.025 = 0.327 m/s
    // crosswind mean    = ½(0.0062 × 10 − 0.030) + ½(−0.0045 × 10 − 0.002) = −0.0075 m/s (right of east is south)
    // north = current 0.2 − crosswind = 0.2075 m/s; over 86,400 s
    const t = 86_400;
    const expectEast = (raft.downwind.slope * 10 + raft.downwind.offsetMps) * t;
    const crossMean = 0.5 * (raft.rightCrosswind.slope * 10 + raft.rightCrosswind.offsetMps)
      + 0.5 * (raft.leftCrosswind.slope * 10 + raft.leftCrosswind.offsetMps);
    const expectNorth = (0.2 - crossMean) * t;
    expect(expectEast).toBeCloseTo(0.327 * t, 6);
    expect(expectNorth).toBeCloseTo(0.2075 * t, 6);
    const error = Math.hypot(east - expectEast, north - expectNorth);
    expect(error / Math.hypot(expectEast, expectNorth)).toBeLessThan(0.005);
  });

  test('the left/right split at seeding is exact', () => {
    const fresh = runDrift(request({ durationS: 1, timeStepS: 1, jibeProbabilityPerHour: 0 }), forcing);
    let right = 0;
    for (let i = 0; i < fresh.particles.count; i++) if (fresh.particles.side[i] > 0) right++;
    expect(right).toBe(10_000);
  });

  test('the number of jibes in 24 h matches 4 % per hour within 5 sigma', () => {
    let jibes = 0;
    for (let i = 0; i < result.particles.count; i++) jibes += result.particles.jibeCount[i];
    // a Poisson process with P(jibe within 1 h) = 0.04: rate -ln(0.96) = 0.04082 per hour, so the
    // count over 20,000 particles × 24 h is Poisson with mean 19,594 and sigma 140
    const expected = -Math.log(0.96) * 24 * 20_000;
    const sigma = Math.sqrt(expected);
    expect(Math.abs(jibes - expected)).toBeLessThan(5 * sigma);
  });

  test('4 % of the objects jibe within the first hour', () => {
    const hour = runDrift(request({ durationS: 3600, particleCount: 50_000 }), forcing);
    let jibed = 0;
    for (let i = 0; i < hour.particles.count; i++) if (hour.particles.jibeCount[i] > 0) jibed++;
    const sigma = Math.sqrt(50_000 * 0.04 * 0.96);        // 44
    expect(Math.abs(jibed - 2000)).toBeLessThan(5 * sigma);
  });

  test('snapshots: the start, every 6 steps, and the end; all particles stay active and finite', () => {
    expect(result.snapshots.map((s) => (s.timeS - T0) / 3600)).toEqual(Array.from({ length: 25 }, (_, h) => h));
    expect(last.status.every((s) => s === ParticleStatus.active)).toBe(true);
    expect(last.lonDeg.every(Number.isFinite) && last.latDeg.every(Number.isFinite)).toBe(true);
  });
});

describe('runDrift: the side of downwind', () => {
  test('SEPIRB, whose right and left crosswind differ, drifts to the right of downwind on average (a mirror image fails)', () => {
    // Allen & Plourde (1999): crosswind leeway is positive to the right of downwind. SEPIRB's table
    // row has no crosswind slopes and offsets +6.1 cm/s (right) and -4.6 cm/s (left), standard
    // deviation 4.6 cm/s each; half the particles start on each side, and jibes swap sides
    // symmetrically, so the mean crosswind is ½ (0.061 − 0.046) = +0.0075 m/s to the right. With
    // the wind toward the north, right of downwind is east. Per particle the crosswind has a
    // standard deviation of √(0.046² + 0.0535²) = 0.0706 m/s, so 20,000 particles give a standard
    // error of 0.0005 m/s; the mirror image (−0.0075 m/s) is 30 standard errors away.
    const sepirb = objectClass('SEPIRB');
    expect(sepirb.rightCrosswind.offsetMps).toBeCloseTo(0.061, 12);
    expect(sepirb.leftCrosswind.offsetMps).toBeCloseTo(-0.046, 12);
    const r = request({ durationS: 3600, scenarios: [{ name: 'sepirb', weight: 1, objectClass: sepirb,
      seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian' } }] });
    const result = runDrift(r, { wind: new ConstantField('wind', 0, 10), current: new ConstantField('current', 0, 0) });
    const first = result.snapshots[0], last = result.snapshots[result.snapshots.length - 1];
    let eastMps = 0;
    const n = result.particles.count;
    for (let i = 0; i < n; i++) eastMps += displacementM(first.lonDeg[i], first.latDeg[i], last.lonDeg[i], last.latDeg[i])[0] / 3600 / n;
    const expectedMps = 0.5 * (sepirb.rightCrosswind.offsetMps + sepirb.leftCrosswind.offsetMps);
    expect(expectedMps).toBeCloseTo(0.0075, 12);
    expect(Math.abs(eastMps - expectedMps)).toBeLessThan(4 * 0.0706 / Math.sqrt(n));
  });
});

describe('outputTimes', () => {
  test('lists the times runDrift writes, forward and backward, with a short last step', () => {
    for (const r of [request({ durationS: 5000, particleCount: 10 }), request({ durationS: 5000, particleCount: 10, direction: 'backward' })]) {
      const times = outputTimes(r);
      expect(runDrift(r, forcing).snapshots.map((s) => s.timeS)).toEqual(times);
      expect(times.map((t) => Math.abs(t - T0))).toEqual([0, 3600, 5000]);
    }
  });

  test('onSnapshot receives every output time and the result keeps none', () => {
    const seen: number[] = [];
    const result = runDrift(request({ durationS: 7200, particleCount: 10 }), forcing, { onSnapshot: (k, t) => seen.push(k, (t - T0) / 3600) });
    expect(seen).toEqual([0, 0, 1, 1, 2, 2]);
    expect(result.snapshots).toEqual([]);
  });
});

describe('runDrift reproducibility', () => {
  test('the same seed gives identical output bit for bit; another seed does not', () => {
    const a = runDrift(request({ particleCount: 2000, durationS: 7200 }), forcing);
    const b = runDrift(request({ particleCount: 2000, durationS: 7200 }), forcing);
    const c = runDrift(request({ particleCount: 2000, durationS: 7200, seed: 8 }), forcing);
    expect(Buffer.from(b.particles.lonDeg.buffer).equals(Buffer.from(a.particles.lonDeg.buffer))).toBe(true);
    expect(Buffer.from(b.particles.latDeg.buffer).equals(Buffer.from(a.particles.latDeg.buffer))).toBe(true);
    expect(Buffer.from(c.particles.lonDeg.buffer).equals(Buffer.from(a.particles.lonDeg.buffer))).toBe(false);
  });

  test('running the particles in two ranges gives the same particles as one run', () => {
    const r = request({ particleCount: 1000, durationS: 7200 });
    const whole = runDrift(r, forcing);
    const head = runDrift(r, forcing, { firstIndex: 0, count: 400 });
    const tail = runDrift(r, forcing, { firstIndex: 400, count: 600 });
    const joined = new Float64Array([...head.particles.lonDeg, ...tail.particles.lonDeg]);
    expect(Buffer.from(joined.buffer).equals(Buffer.from(whole.particles.lonDeg.buffer))).toBe(true);
  });
});

describe('runDrift backward in time', () => {
  test('drifting back from where the forward cloud ended returns to the start', () => {
    const forward = runDrift(request({ particleCount: 5000, durationS: 43_200 }), forcing);
    const end = summariseCloud(forward.snapshots[forward.snapshots.length - 1], forward.particles.weight).centroid!;
    const back = runDrift(request({
      particleCount: 5000, durationS: 43_200, direction: 'backward', startS: T0 + 43_200,
      scenarios: [{ name: 'found', weight: 1, objectClass: raft, seeding: { kind: 'point', position: end, radiusM: 0, spread: 'gaussian' } }],
    }), forcing);
    const start = summariseCloud(back.snapshots[back.snapshots.length - 1], back.particles.weight);
    expect(back.snapshots[back.snapshots.length - 1].timeS).toBe(T0);
    // 12 h at ~0.39 m/s is ~17 km; the mean must come back within 100 m (statistical noise ~ 20 m)
    const [e, n] = displacementM(131, 37, start.centroid!.lonDeg, start.centroid!.latDeg);
    expect(Math.hypot(e, n)).toBeLessThan(100);
  });
});

describe('runDrift seeding', () => {
  test('a cone releases particles along the track over time, with the spread growing', () => {
    const r = request({
      particleCount: 4000, durationS: 6 * 3600, jibeProbabilityPerHour: 0,
      scenarios: [{ name: 'track', weight: 1, objectClass: raft, seeding: {
        kind: 'track', from: { lonDeg: 131, latDeg: 37 }, to: { lonDeg: 131.5, latDeg: 37 },
        fromTimeS: T0, toTimeS: T0 + 3 * 3600, fromRadiusM: 100, toRadiusM: 2000, spread: 'uniform-disc' } }],
    });
    const result = runDrift(r, { wind: new ConstantField('wind', 0, 0), current: new ConstantField('current', 0, 0) });
    const start = result.snapshots[0];
    const released = start.status.filter((s) => s === ParticleStatus.active).length;
    expect(released).toBe(0);   // the first particle's release time is T0 + 1.35 s (f = 0.5/4000 of 3 h)
    const after1h = result.snapshots[1];
    const active1h = after1h.status.filter((s) => s === ParticleStatus.active).length;
    expect(active1h).toBe(1333);    // released by T0 + 1 h: (i + 0.5) / 4000 × 3 h ≤ 1 h, i ≤ 1332
    const final = result.snapshots[result.snapshots.length - 1];
    expect(final.status.every((s) => s === ParticleStatus.active)).toBe(true);
    // no wind, no current: each particle stays where it was seeded; the last ones spread ~2 km
    let maxFirst = 0, maxLast = 0;
    for (let i = 0; i < 4000; i++) {
      const f = (i + 0.5) / 4000;
      const [e, n] = displacementM(131 + 0.5 * f, 37, final.lonDeg[i], final.latDeg[i]);
      const d = Math.hypot(e, n);
      if (i < 100) maxFirst = Math.max(maxFirst, d);
      if (i >= 3900) maxLast = Math.max(maxLast, d);
    }
    expect(maxFirst).toBeLessThan(160);      // radius ~100-150 m at the start of the track
    expect(maxLast).toBeGreaterThan(1500);   // ~2 km at the end
    expect(maxLast).toBeLessThan(2050);
  });

  test('a particle released between two steps drifts from its release time (a partial first step)', () => {
    // no wind, 1 m/s current toward the north: a particle drifts 1 m for every second after its
    // release; released 250 s into a 600 s step, it has drifted 350 m at the step's end, 3350 m at 1 h
    const still = new ConstantField('wind', 0, 0), north = new ConstantField('current', 0, 1);
    for (const direction of ['forward', 'backward'] as const) {
      const sign = direction === 'forward' ? 1 : -1;
      const r = request({ particleCount: 1, durationS: 3600, outputEverySteps: 1, direction, scenarios: [{ name: 'x', weight: 1, objectClass: raft,
        seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian', timeS: T0 + sign * 250 } }] });
      const result = runDrift(r, { wind: still, current: north });
      const northM = result.snapshots.map((snap) => displacementM(131, 37, snap.lonDeg[0], snap.latDeg[0])[1]);
      expect(result.snapshots[0].status[0]).toBe(ParticleStatus.notReleased);
      expect(result.snapshots[1].status[0]).toBe(ParticleStatus.active);
      expect(northM[1]).toBeCloseTo(sign * 350, 6);
      expect(northM[northM.length - 1]).toBeCloseTo(sign * 3350, 6);
    }
  });

  test('along a track every particle has drifted exactly since its own release time', () => {
    const r = request({
      particleCount: 500, durationS: 4 * 3600, jibeProbabilityPerHour: 0,
      scenarios: [{ name: 'track', weight: 1, objectClass: raft, seeding: {
        kind: 'track', from: { lonDeg: 131, latDeg: 37 }, to: { lonDeg: 131.2, latDeg: 37 },
        fromTimeS: T0, toTimeS: T0 + 3 * 3600, fromRadiusM: 0, toRadiusM: 0, spread: 'gaussian' } }],
    });
    const result = runDrift(r, { wind: new ConstantField('wind', 0, 0), current: new ConstantField('current', 0, 0.5) });
    const final = result.snapshots[result.snapshots.length - 1];
    let worstM = 0;
    for (let i = 0; i < 500; i++) {
      const northM = (final.latDeg[i] - result.snapshots[0].latDeg[i]) * RAD * EARTH_RADIUS_M;   // from where it was seeded
      const expectedM = 0.5 * (T0 + 4 * 3600 - result.particles.releaseS[i]);
      worstM = Math.max(worstM, Math.abs(northM - expectedM));
    }
    expect(worstM).toBeLessThan(0.01);   // released at the step boundary instead, up to 300 m short
  });

  test('scenario weights split particles in proportion and give each particle its share', () => {
    const piw = objectClass('PIW-1');
    const r = request({ particleCount: 1000, durationS: 600, scenarios: [
      { name: 'raft', weight: 3, objectClass: raft, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 500, spread: 'gaussian' } },
      { name: 'piw', weight: 1, objectClass: piw, seeding: { kind: 'point', position: { lonDeg: 131.1, latDeg: 37 }, radiusM: 500, spread: 'gaussian' } },
    ] });
    const { particles } = runDrift(r, forcing);
    const inPiw = particles.scenario.filter((s) => s === 1).length;
    expect(inPiw).toBe(250);
    expect(particles.weight[0]).toBeCloseTo(0.75 / 750, 15);
    expect(particles.weight[999]).toBeCloseTo(0.25 / 250, 15);
    expect(particles.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('runDrift stranding and coverage', () => {
  // a straight north-south coast at 131.05E: land to the east
  const coast: Shoreline = {
    label: 'test coast at 131.05E',
    isLand: (lon) => lon >= 131.05,
    firstShoreCrossing: (lon0, _lat0, lon1) => (lon1 >= 131.05 ? (131.05 - lon0) / (lon1 - lon0) : -1),
    nearestWater: (lon, lat, maxM) => {
      if (lon < 131.05) return { lonDeg: lon, latDeg: lat, distanceM: 0 };
      const distanceM = (lon - 131.05) * RAD * EARTH_RADIUS_M * Math.cos(lat * RAD) + 10;
      return distanceM <= maxM + 10 ? { lonDeg: 131.05 - 10 / (RAD * EARTH_RADIUS_M * Math.cos(lat * RAD)), latDeg: lat, distanceM } : null;
    },
    closestShore: (lon0, lat0, lon1, lat1, maxM) => {   // the drift never asks; the nearer end, due east
      const [lon, lat, fraction] = lon0 >= lon1 ? [lon0, lat0, 0] : [lon1, lat1, 1];
      const distanceM = Math.max(0, (131.05 - lon) * RAD * EARTH_RADIUS_M * Math.cos(lat * RAD));
      return distanceM <= maxM ? { distanceM, fraction, shoreLonDeg: 131.05, shoreLatDeg: lat } : null;
    },
  };

  test('a cloud next to a coast under onshore wind strands on the coast line', () => {
    const r = request({ particleCount: 2000, scenarios: [{ name: 'raft', weight: 1, objectClass: raft,
      seeding: { kind: 'point', position: { lonDeg: 131.0, latDeg: 37 }, radiusM: 500, spread: 'gaussian' } }] });
    const result = runDrift(r, forcing, { shoreline: coast });
    const final = result.snapshots[result.snapshots.length - 1];
    expect(final.status.every((s) => s === ParticleStatus.stranded)).toBe(true);
    expect(final.lonDeg.every((lon) => Math.abs(lon - 131.05) < 1e-9)).toBe(true);
  });

  test('a particle seeded on land with no water near strands at its release, not before', () => {
    // a line from the sea (131.0E) onto the land (131.2E), released over 6 h; no move to water allowed
    const r = request({ particleCount: 100, durationS: 6 * 3600, seedOnLandMaxMoveM: 0, scenarios: [{ name: 'raft', weight: 1, objectClass: raft,
      seeding: { kind: 'track', from: { lonDeg: 131.0, latDeg: 37 }, to: { lonDeg: 131.2, latDeg: 37 }, fromTimeS: T0, toTimeS: T0 + 6 * 3600, fromRadiusM: 0, toRadiusM: 0, spread: 'gaussian' } }] });
    const result = runDrift(r, forcing, { shoreline: coast });
    const seededLon = (k: number): number => 131.0 + ((k + 0.5) / 100) * 0.2;   // the great circle along 37N, to 1e-9°
    for (const s of result.snapshots) {
      for (let i = 0; i < 100; i++) {
        const releaseS = T0 + ((i + 0.5) / 100) * 6 * 3600;
        if (releaseS > s.timeS) expect(s.status[i], `particle ${i} at ${s.timeS - T0} s`).toBe(ParticleStatus.notReleased);
        else if (seededLon(i) >= 131.05) {   // on land: stranded where it was seeded, from its release on
          expect(s.status[i], `particle ${i} at ${s.timeS - T0} s`).toBe(ParticleStatus.stranded);
          expect(s.lonDeg[i]).toBeCloseTo(seededLon(i), 6);
        }
      }
    }
  });

  test('a cloud in open sea under an offshore wind does not strand', () => {
    const r = request({ particleCount: 2000 });
    const result = runDrift(r, { wind: new ConstantField('wind', -10, 0), current: new ConstantField('current', 0, 0.2) }, { shoreline: coast });
    const final = result.snapshots[result.snapshots.length - 1];
    expect(final.status.every((s) => s === ParticleStatus.active)).toBe(true);
  });

  test('particles leaving the only source are marked outside forcing and keep finite positions', () => {
    const westOf: VectorField = {
      label: 'test field west of 131.2E', quantity: 'current', startS: -Infinity, endS: Infinity,
      bounds: { westDeg: 130, southDeg: 36, eastDeg: 131.2, northDeg: 38 },
      sampleBatch(_t, lon, _lat, count, e, n, covered) {
        for (let i = 0; i < count; i++) if (covered[i] === 0 && lon[i] < 131.2) { e[i] = 0; n[i] = 0; covered[i] = 1; }
      },
    };
    // seeded 0.05° (4.4 km) west of the edge, drifting east at 0.33 ± 0.06 m/s: all leave within 24 h
    const r = request({ particleCount: 1000, scenarios: [{ name: 'raft', weight: 1, objectClass: raft,
      seeding: { kind: 'point', position: { lonDeg: 131.15, latDeg: 37 }, radiusM: 0, spread: 'gaussian' } }] });
    const result = runDrift(r, { wind: forcing.wind, current: westOf });
    const final = result.snapshots[result.snapshots.length - 1];
    expect(final.status.every((s) => s === ParticleStatus.outsideForcing)).toBe(true);
    // each stops at the first position past 131.2E: less than one step beyond (0.005° = 445 m at 37N,
    // a step at 0.74 m/s; the fastest of 1000 particles drifts at about 0.33 + 4 × 0.06 m/s)
    expect(final.lonDeg.every((lon) => lon >= 131.2 && lon < 131.2 + 0.005)).toBe(true);
  });

  test('a seeding no source covers is an error naming the source and the position', () => {
    const eastOf: VectorField = {
      label: 'coastal-model.nc', quantity: 'current', startS: -Infinity, endS: Infinity,
      bounds: { westDeg: 132, southDeg: 36, eastDeg: 133, northDeg: 38 },
      sampleBatch() { /* covers nothing west of 132E */ },
    };
    expect(() => runDrift(request({ particleCount: 10 }), { wind: forcing.wind, current: eastOf }))
      .toThrow(SpaceNotCoveredError);
    expect(() => runDrift(request({ particleCount: 10 }), { wind: forcing.wind, current: eastOf }))
      .toThrow(/current: no particle at the start lies inside coastal-model\.nc \(e\.g\. 37\.0000N 131\.0000E; the source covers 36\.00\.\.38\.00N 132\.00\.\.133\.00E\)/);
  });

  test('a start time outside the forcing is an error naming the source and both spans', () => {
    const windFile: VectorField = { ...forcing.wind, label: 'wind.nc', quantity: 'wind', startS: T0 + 3600, endS: T0 + 7200, bounds: null,
      sampleBatch: forcing.wind.sampleBatch.bind(forcing.wind) };
    expect(() => runDrift(request(), { wind: windFile, current: forcing.current })).toThrow(TimeNotCoveredError);
    expect(() => runDrift(request(), { wind: windFile, current: forcing.current }))
      .toThrow('wind: the run needs 2024-01-01T00:00Z to 2024-01-02T00:00Z, but wind.nc covers 2024-01-01T01:00Z to 2024-01-01T02:00Z');
  });

  test('a run past the forcing by seconds says the seconds: the two spans never read alike', () => {
    // a 24 h file and a run from 00:00:30Z for 24 h: it read 'needs 00:00Z to 00:00Z, but … covers 00:00Z to 00:00Z'
    const windFile: VectorField = { ...forcing.wind, label: 'wind.nc', quantity: 'wind', startS: T0, endS: T0 + 86_400, bounds: null,
      sampleBatch: forcing.wind.sampleBatch.bind(forcing.wind) };
    expect(() => runDrift(request({ startS: T0 + 30 }), { wind: windFile, current: forcing.current }))
      .toThrow('wind: the run needs 2024-01-01T00:00:30Z to 2024-01-02T00:00:30Z, but wind.nc covers 2024-01-01T00:00Z to 2024-01-02T00:00Z');
    const late = request({ scenarios: [{ name: 'x', weight: 1, objectClass: raft, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian', timeS: T0 - 20 } }] });
    expect(() => runDrift(late, forcing)).toThrow(/release time 2023-12-31T23:59:40Z is outside the run \(forward from 2024-01-01T00:00Z/);
  });

  test('impossible inputs are refused with the field named', () => {
    expect(() => runDrift(request({ timeStepS: 0 }), forcing)).toThrow(new InvalidInputError('timeStepS', '0 is not between 1 and 3600 s'));
    expect(() => runDrift(request({ particleCount: 1.5 }), forcing)).toThrow(/particleCount: 1.5 is not a whole number/);
    const bad = request({ scenarios: [{ name: 'x', weight: 1, objectClass: raft, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 97 }, radiusM: 0, spread: 'gaussian' } }] });
    expect(() => runDrift(bad, forcing)).toThrow('scenarios[0].seeding.position: latitude 97 is not between -90 and 90 degrees');
    const late = request({ scenarios: [{ name: 'x', weight: 1, objectClass: raft, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian', timeS: T0 - 60 } }] });
    expect(() => runDrift(late, forcing)).toThrow(/scenarios\[0\]\.seeding\.timeS: release time 2023-12-31T23:59Z is outside the run/);
    // a sure jibe every hour has no Poisson rate (P(none in 1 h) = exp(-rate × 3600 s) = 0): runDrift ran for ever
    // (the check itself, so that without it this test fails rather than hangs)
    expect(() => checkDriftRequest(request({ jibeProbabilityPerHour: 1 })))
      .toThrow(new InvalidInputError('jibeProbabilityPerHour', '1 is not between 0 and 0.999 per hour'));
    // 2 M particles hourly for 30 days: 721 output times × 17 bytes × 2 M = 24.5 GB
    expect(() => runDrift(request({ particleCount: 2_000_000, durationS: 30 * 86_400 }), forcing))
      .toThrow(/particleCount: 2000000 particles at 721 output times need \d+ MB, more than the limit of 1500 MB/);
  });
});
