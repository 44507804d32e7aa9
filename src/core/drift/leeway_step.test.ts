import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { allocateParticles, ParticleStatus } from './particles.js';
import { leewayStep, secantDeg } from './leeway_step.js';
import { jibeRatePerS } from './seeding.js';

const RAD = Math.PI / 180;

function oneParticle(side: 1 | -1) {
  const p = allocateParticles(1);
  p.lonDeg[0] = 131; p.latDeg[0] = 37; p.status[0] = ParticleStatus.active; p.side[0] = side;
  p.downwindSlope[0] = 0.03; p.downwindOffsetMps[0] = 0.01;      // L_d = 0.03 W + 0.01
  p.crosswindSlope[0] = side * 0.01; p.crosswindOffsetMps[0] = 0; // L_c = ±0.01 W
  p.otherCrosswindSlope[0] = -side * 0.01;
  p.nextJibeS[0] = Infinity;
  return p;
}
const buffers = (we: number, wn: number, ce: number, cn: number, covered: [number, number] = [1, 1]) => ({
  windEastMps: new Float64Array([we]), windNorthMps: new Float64Array([wn]),
  currentEastMps: new Float64Array([ce]), currentNorthMps: new Float64Array([cn]),
  windCovered: new Uint8Array([covered[0]]), currentCovered: new Uint8Array([covered[1]]),
});

describe('leewayStep', () => {
  test('a northerly wind pushes downwind south and a right-side object west (hand-worked)', () => {
    // wind from the north at 10 m/s blows toward the south: downwind (0, -1), right of it is west (-1, 0)
    // L_d = 0.31 m/s south, L_c = 0.10 m/s west; current 0.2 m/s east → v = (0.1 E, -0.31 N) m/s
    const p = oneParticle(1);
    leewayStep(p, { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, -10, 0.2, 0), shoreline: null });
    const northM = (p.latDeg[0] - 37) * RAD * EARTH_RADIUS_M;
    const eastM = (p.lonDeg[0] - 131) * RAD * EARTH_RADIUS_M * Math.cos(37 * RAD);
    expect(northM).toBeCloseTo(-310, 4);
    expect(eastM).toBeCloseTo(100, 4);   // float32 coefficients and the secant table: ~1e-5 m
  });

  test('a left-side object goes the other way across the wind', () => {
    const p = oneParticle(-1);
    leewayStep(p, { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, -10, 0, 0), shoreline: null });
    const eastM = (p.lonDeg[0] - 131) * RAD * EARTH_RADIUS_M * Math.cos(37 * RAD);
    expect(eastM).toBeCloseTo(100, 4);   // left of south is east
  });

  test('with no wind there is no leeway, only the current', () => {
    const p = oneParticle(1);
    leewayStep(p, { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, 0, 0, 0.5), shoreline: null });
    expect((p.latDeg[0] - 37) * RAD * EARTH_RADIUS_M).toBeCloseTo(500, 4);
    expect(p.lonDeg[0]).toBe(131);
  });

  test('a backward step reverses the displacement', () => {
    const p = oneParticle(1);
    leewayStep(p, { particleDtS: null, dtS: -1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, -10, 0.2, 0), shoreline: null });
    expect((p.latDeg[0] - 37) * RAD * EARTH_RADIUS_M).toBeCloseTo(310, 4);
  });

  test('a particle drifting over a pole comes down the other side of it, on the globe', () => {
    const p = oneParticle(1);
    p.latDeg[0] = 90 - 100 / (RAD * EARTH_RADIUS_M);   // 100 m from the north pole on 131E
    leewayStep(p, { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, 0, 0, 0.5), shoreline: null });
    // 500 m north: 400 m past the pole, on the meridian opposite (131E + 180° = 49W); it was at 90.0036N
    expect((90 - p.latDeg[0]) * RAD * EARTH_RADIUS_M).toBeCloseTo(400, 6);
    expect(p.lonDeg[0]).toBeCloseTo(-49, 12);
    p.latDeg[0] = -90 + 100 / (RAD * EARTH_RADIUS_M);   // and 100 m from the south pole, drifting south
    leewayStep(p, { particleDtS: null, dtS: -1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, 0, 0, 0.5), shoreline: null });
    expect((p.latDeg[0] + 90) * RAD * EARTH_RADIUS_M).toBeCloseTo(400, 6);
    expect(p.lonDeg[0]).toBeCloseTo(131, 12);
  });

  test('a jibe due within the step swaps the crosswind coefficients and the side, and the next is drawn', () => {
    const p = oneParticle(1);
    p.nextJibeS[0] = 400;   // due 400 s after the start; the step ends at 600 s
    leewayStep(p, { particleDtS: null, dtS: 600, elapsedS: 600, seed: 1, jibeRatePerS: 1e-6, ...buffers(0, -10, 0, 0), shoreline: null });
    expect(p.side[0]).toBe(-1);
    expect(p.jibeCount[0]).toBe(1);
    expect(p.crosswindSlope[0]).toBeCloseTo(-0.01, 9);
    expect(p.otherCrosswindSlope[0]).toBeCloseTo(0.01, 9);
    expect(p.nextJibeS[0]).toBeGreaterThan(600);   // mean wait 1e6 s
  });

  test('two jibes within one step cancel', () => {
    const p = oneParticle(1);
    p.nextJibeS[0] = 1;
    // a huge rate: many events within the step; the side ends as the parity says
    leewayStep(p, { particleDtS: null, dtS: 600, elapsedS: 600, seed: 3, jibeRatePerS: 0.05, ...buffers(0, -10, 0, 0), shoreline: null });
    expect(p.jibeCount[0]).toBeGreaterThan(1);
    expect(p.side[0]).toBe(p.jibeCount[0] % 2 === 0 ? 1 : -1);
  });

  test('a particle the current did not cover becomes outside forcing and stays', () => {
    const p = oneParticle(1);
    const input = { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, -10, 0.2, 0, [1, 0]), shoreline: null };
    leewayStep(p, input);
    expect(p.status[0]).toBe(ParticleStatus.outsideForcing);
    expect([p.lonDeg[0], p.latDeg[0]]).toEqual([131, 37]);
    expect([input.windCovered[0], input.currentCovered[0]]).toEqual([1, 1]);   // not sampled again
  });

  test('after a step the coverage flags ask the samplers for the next values', () => {
    const p = oneParticle(1);
    const input = { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 0, ...buffers(0, -10, 0.2, 0), shoreline: null };
    leewayStep(p, input);
    expect([input.windCovered[0], input.currentCovered[0]]).toEqual([0, 0]);
  });

  test('inactive particles do not move', () => {
    const p = oneParticle(1);
    p.status[0] = ParticleStatus.stranded;
    leewayStep(p, { particleDtS: null, dtS: 1000, elapsedS: 1000, seed: 1, jibeRatePerS: 1, ...buffers(10, 10, 1, 1), shoreline: null });
    expect([p.lonDeg[0], p.latDeg[0], p.side[0]]).toEqual([131, 37, 1]);
  });
});

describe('secantDeg', () => {
  test('matches 1 / cos within the interpolation bound h²/8 (sec² + 2 tan²), h = 0.01°', () => {
    const h = 0.01 * RAD;
    for (let lat = -89; lat <= 89; lat += 0.377) {
      const c = Math.cos(lat * RAD), t = Math.tan(lat * RAD);
      const bound = (h * h / 8) * (1 / (c * c) + 2 * t * t) + 1e-15;
      expect(Math.abs(secantDeg(lat) * c - 1)).toBeLessThanOrEqual(bound);
    }
    expect(Math.abs(secantDeg(37) * Math.cos(37 * RAD) - 1)).toBeLessThan(1.1e-8);
  });
});

describe('jibeRatePerS', () => {
  test('gives the hourly probability of at least one jibe: 1 - exp(-rate × 3600 s)', () => {
    expect(1 - Math.exp(-jibeRatePerS(0.04) * 3600)).toBeCloseTo(0.04, 12);
    expect(jibeRatePerS(0)).toBe(0);
  });
});
