import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { erf, lateralRangePod, parallelTrackPod, passExposure } from './detection.js';

/** Trapezoid rule over [-a, a]. */
function integrate(f: (x: number) => number, a: number, steps: number): number {
  const h = (2 * a) / steps;
  let s = 0.5 * (f(-a) + f(a));
  for (let k = 1; k < steps; k++) s += f(-a + k * h);
  return s * h;
}

describe('erf', () => {
  test('matches tabulated values to 2e-7', () => {
    // Abramowitz and Stegun table 7.1: erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(2) = 0.9953222650
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 6);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-2)).toBeCloseTo(-0.995322265, 6);
    expect(erf(0)).toBeCloseTo(0, 6);
  });
});

describe('lateralRangePod', () => {
  test('inverse cube: 1 - exp(-W^2 / (4 pi x^2))', () => {
    expect(lateralRangePod('inverse-cube', 0.5, 1)).toBeCloseTo(1 - Math.exp(-1 / Math.PI), 12); // 0.2726
    expect(lateralRangePod('inverse-cube', 0, 1)).toBe(1);
  });
  test('inverse cube: the curve integrates to the sweep width (Koopman\'s definition of W)', () => {
    // tails beyond |x| = 400 W hold W / (2 pi 400) x 2 ~ 0.0008 W; the integrand is 1 near 0, so start off 0
    const w = 2;
    const inner = integrate((x) => lateralRangePod('inverse-cube', x, w), 400 * w, 800_000);
    expect(inner / w).toBeGreaterThan(0.998);
    expect(inner / w).toBeLessThan(1.0001);
  });
  test('exponential: the exposure integrates to W, the POD peaks at 1 - exp(-1 / (2 sqrt(2 pi)))', () => {
    const w = 1.5;
    expect(integrate((x) => passExposure('exponential', x, w), 20 * w, 40_000) / w).toBeCloseTo(1, 6);
    expect(lateralRangePod('exponential', 0, w)).toBeCloseTo(1 - Math.exp(-1 / (2 * Math.sqrt(2 * Math.PI))), 12);
  });
  test('exponential: one pass sweeps 0.933 W (the series of the file header), conservative and within 7 % of W', () => {
    const w = 0.8;
    const swept = integrate((x) => lateralRangePod('exponential', x, w), 20 * w, 40_000) / w;
    const a = 1 / (2 * Math.sqrt(2 * Math.PI));
    let series = 0, term = 1;
    for (let n = 1; n < 20; n++) { term *= a / n; series += ((n % 2 === 1 ? 1 : -1) * term) / Math.sqrt(n); }
    expect(swept).toBeCloseTo(series / a, 6);
    expect(swept).toBeGreaterThan(0.93);
    expect(swept).toBeLessThan(1);
  });
  test('exponential: infinitely many parallel tracks give 1 - exp(-C) at C = 0.25, 0.5, 1, 2 (random search)', () => {
    const w = 1;
    for (const c of [0.25, 0.5, 1, 2]) {
      const s = w / c;
      const steps = 2000;
      let mean = 0;
      for (let k = 0; k < steps; k++) {
        const x = ((k + 0.5) / steps) * s;
        let e = 0;
        for (let j = -200; j <= 200; j++) e += passExposure('exponential', x + j * s, w);
        mean += -Math.expm1(-e) / steps;
      }
      expect(Math.abs(mean - (1 - Math.exp(-c)))).toBeLessThan(1e-5);
    }
  });
  test('a sweep width that is not positive is refused', () => {
    expect(() => lateralRangePod('inverse-cube', 1, 0)).toThrow(InvalidInputError);
  });
});

describe('parallelTrackPod', () => {
  test('C = 1: inverse cube erf(sqrt(pi)/2) = 0.790 (IAMSAR ideal curve), exponential 0.632', () => {
    expect(parallelTrackPod('inverse-cube', 1)).toBeCloseTo(0.7899, 3);
    expect(parallelTrackPod('exponential', 1)).toBeCloseTo(0.6321, 4);
  });
  test('inverse cube: the mean over x of 1 - exp(-(pi C^2 / 4) / sin^2(pi x / S)) (sum over all tracks)', () => {
    // sum_k W^2/(4 pi (x + kS)^2) = (W^2 / (4 pi)) pi^2 / (S^2 sin^2(pi x / S)) = (pi C^2 / 4) / sin^2(pi x / S)
    for (const c of [0.5, 1, 2]) {
      const steps = 200_000;
      let s = 0;
      for (let k = 0; k < steps; k++) {
        const u = (k + 0.5) / steps; // x / S
        s += 1 - Math.exp(-((Math.PI * c * c) / 4) / Math.sin(Math.PI * u) ** 2);
      }
      expect(s / steps).toBeCloseTo(parallelTrackPod('inverse-cube', c), 5);
    }
  });
});
