import { describe, expect, test } from 'vitest';
import { hash3, standardNormal, uniform01 } from './random.js';

describe('uniform01', () => {
  test('is a pure function of its counters', () => {
    expect(uniform01(42, 7, 3)).toBe(uniform01(42, 7, 3));
    expect(uniform01(42, 7, 3)).not.toBe(uniform01(43, 7, 3));
    expect(uniform01(42, 7, 3)).not.toBe(uniform01(42, 8, 3));
    expect(uniform01(42, 7, 3)).not.toBe(uniform01(42, 7, 4));
  });

  test('has the mean and variance of U(0,1) over 200,000 draws', () => {
    const n = 200_000;
    let sum = 0, sumSq = 0;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = uniform01(1, i, 5);
      sum += u; sumSq += u * u;
      bins[Math.floor(u * 10)]++;
    }
    const mean = sum / n;
    // standard error of the mean: sqrt(1/12 / n) = 6.5e-4; 5 sigma
    expect(Math.abs(mean - 0.5)).toBeLessThan(3.3e-3);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(2e-3);
    // each decile holds 20,000 ± 5 sigma (sigma = sqrt(n p (1-p)) = 134)
    for (const count of bins) expect(Math.abs(count - 20_000)).toBeLessThan(670);
  });

  test('neighbouring counters are not correlated', () => {
    const n = 100_000;
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += (uniform01(9, i, 0) - 0.5) * (uniform01(9, i + 1, 0) - 0.5);
    // correlation of independent U(0,1): 0 ± 1/sqrt(n); 5 sigma
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(5 / Math.sqrt(n));
  });

  test('hash3 returns unsigned 32-bit integers', () => {
    for (let i = 0; i < 1000; i++) {
      const h = hash3(i, i * 3, i * 7);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});

describe('standardNormal', () => {
  test('has mean 0, variance 1 and the normal tail fraction', () => {
    const n = 200_000;
    let sum = 0, sumSq = 0, beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(3, i, 1);
      sum += z; sumSq += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.016);        // sd of sample variance sqrt(2/n) = 0.0032
    // P(|Z| > 2) = 0.0455 (normal table); binomial sigma = 4.7e-4
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(2.4e-3);
  });
});
