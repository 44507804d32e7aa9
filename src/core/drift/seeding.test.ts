import { describe, expect, test } from 'vitest';
import { leewayTable, objectClass } from '../../test_support/leeway_table.js';
import type { LeewayObjectClass } from '../objects/index.js';
import type { DriftRequest } from './request.js';
import { seedParticles } from './seeding.js';

const T0 = Date.UTC(2024, 0, 1) / 1000;

function request(object: LeewayObjectClass, particleCount: number): DriftRequest {
  return {
    scenarios: [{ name: object.key, weight: 1, objectClass: object, seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 0, spread: 'gaussian' } }],
    startS: T0, durationS: 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 6,
    particleCount, seed: 11, jibeProbabilityPerHour: 0.04,
  };
}

/** The standard normal density. */
const phi = (z: number): number => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);

/** P(Z ≥ a) for a standard normal Z, by Simpson's rule on [a, 12] (error far below 1e-12). */
function upperTail(a: number): number {
  const steps = 20_000, b = 12, h = (b - a) / steps;
  let sum = phi(a) + phi(b);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * phi(a + k * h);
  return (sum * h) / 3;
}

describe('seedParticles: the downwind perturbation', () => {
  test('PIW-1 at 10 m/s: the Monte-Carlo mean downwind leeway is the truncated-normal mean, 0.1101 m/s', () => {
    // The perturbed downwind leeway at wind W is (a + eps/20 m/s) W + b + eps/2 (SI: the slope a
    // and offset b of the table, eps ~ N(0, sigma)), so at W = 10 m/s it is a × 10 + b + eps.
    // The operational model redraws eps while a + eps/20 < 0, i.e. keeps eps ≥ -20 a: eps is a
    // normal truncated below at alpha sigma with alpha = -20 a / sigma, whose mean is
    //   E[eps] = sigma λ,  λ = φ(alpha) / (1 − Φ(alpha))
    // and whose variance is sigma² (1 + alpha λ − λ²).
    // PIW-1: a = 0.96 % = 0.0096, b = 0, sigma = 12 cm/s = 0.12 m/s, so alpha = -1.6,
    // φ(-1.6) = 0.110921, 1 − Φ(-1.6) = 0.945201, λ = 0.117352, E[eps] = 0.014082 m/s and the
    // mean leeway is 0.096 + 0.014082 = 0.110082 m/s (0.096 without the redraw: 41 standard
    // errors away with 100,000 particles); its standard deviation is 0.12 × √0.798466 = 0.1072 m/s.
    const piw = objectClass('PIW-1');
    const { slope: a, offsetMps: b, stdDevMps: sigma } = piw.downwind;
    const alpha = (-20 * a) / sigma;
    const lambda = phi(alpha) / upperTail(alpha);
    const expectedMps = a * 10 + b + sigma * lambda;
    const sdMps = sigma * Math.sqrt(1 + alpha * lambda - lambda * lambda);
    expect(alpha).toBeCloseTo(-1.6, 12);
    expect(expectedMps).toBeCloseTo(0.1101, 4);
    expect(sdMps).toBeCloseTo(0.1072, 4);

    const n = 100_000;
    const p = seedParticles(request(piw, n));
    let sum = 0, minSlope = Infinity;
    for (let i = 0; i < n; i++) {
      sum += p.downwindSlope[i] * 10 + p.downwindOffsetMps[i];
      minSlope = Math.min(minSlope, p.downwindSlope[i]);
    }
    const standardError = sdMps / Math.sqrt(n);
    expect(Math.abs(sum / n - expectedMps)).toBeLessThan(4 * standardError);
    expect(minSlope).toBeGreaterThanOrEqual(0);
  });

  test('the split of eps stays: slope takes eps / 20 m/s and the offset eps / 2', () => {
    const piw = objectClass('PIW-1');
    const p = seedParticles(request(piw, 1000));
    let worst = 0;
    for (let i = 0; i < p.count; i++) {
      const epsFromSlope = (p.downwindSlope[i] - piw.downwind.slope) * 20;
      const epsFromOffset = (p.downwindOffsetMps[i] - piw.downwind.offsetMps) * 2;
      worst = Math.max(worst, Math.abs(epsFromSlope - epsFromOffset));
    }
    expect(worst).toBeLessThan(1e-5);   // float32 columns
  });

  test('no class of the table gets a negative downwind slope', () => {
    const negative: string[] = [];
    for (const object of leewayTable) {
      const p = seedParticles(request(object, 2000));
      const lowest = p.downwindSlope.reduce((m, x) => Math.min(m, x), Infinity);
      if (lowest < 0) negative.push(`${object.key} ${lowest}`);
    }
    expect(negative).toEqual([]);
  });

  test('a redrawn particle gets the same coefficients whatever range it is seeded in', () => {
    const piw = objectClass('PIW-2');   // the class redrawn most often (12 % of its particles)
    const all = seedParticles(request(piw, 5000));
    const tail = seedParticles(request(piw, 5000), 3217, 1783);
    expect(Array.from(tail.downwindSlope)).toEqual(Array.from(all.downwindSlope.subarray(3217)));
    expect(Array.from(tail.downwindOffsetMps)).toEqual(Array.from(all.downwindOffsetMps.subarray(3217)));
  });
});

describe('seedParticles: positions', () => {
  test('a spread across the antimeridian or a pole puts every particle on the globe', () => {
    for (const position of [{ lonDeg: 179.999, latDeg: 10 }, { lonDeg: -179.999, latDeg: -20 }, { lonDeg: 40, latDeg: 89.999 }, { lonDeg: -60, latDeg: -89.999 }]) {
      const r = request(objectClass('PIW-1'), 2000);
      const p = seedParticles({ ...r, scenarios: [{ ...r.scenarios[0], seeding: { kind: 'point', position, radiusM: 1000, spread: 'gaussian' } }] });
      let wrapped = 0;
      for (let i = 0; i < p.count; i++) {
        expect(p.lonDeg[i] >= -180 && p.lonDeg[i] < 180 && Math.abs(p.latDeg[i]) <= 90, `${position.lonDeg} ${position.latDeg}: ${p.lonDeg[i]} ${p.latDeg[i]}`).toBe(true);
        if (Math.sign(p.lonDeg[i]) !== Math.sign(position.lonDeg)) wrapped++;
      }
      expect(wrapped).toBeGreaterThan(100);   // 0.001° is 110 m or less: a 1 km spread crosses
    }
  });
});
