import { describe, expect, test } from 'vitest';
import { cumulativePod, probabilityOfSuccess } from './pod_success.js';

describe('probabilityOfSuccess', () => {
  test('sums weight x POD over counted particles', () => {
    // 0.5 x 0.8 + 0.3 x 0.5 + 0.2 x 0 = 0.55
    expect(probabilityOfSuccess(Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(0.8, 0.5, 0))).toBeCloseTo(0.55, 12);
  });
  test('leaves out particles not yet released (status 3)', () => {
    expect(probabilityOfSuccess(Float64Array.of(0.5, 0.5), Float64Array.of(1, 1), Uint8Array.of(0, 3))).toBeCloseTo(0.5, 12);
  });
});

describe('cumulativePod', () => {
  test('1 - (1 - 0.5)(1 - 0.6) = 0.8 for two searches', () => {
    const c = cumulativePod([Float64Array.of(0.5, 0), Float64Array.of(0.6, 0.3)]);
    expect(c[0]).toBeCloseTo(0.8, 12);
    expect(c[1]).toBeCloseTo(0.3, 12);
  });
  test('arrays of different lengths are refused', () => {
    expect(() => cumulativePod([new Float64Array(2), new Float64Array(3)])).toThrow(/pods\[1\]/);
  });
});
