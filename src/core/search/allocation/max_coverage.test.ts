import { describe, expect, test } from 'vitest';
import { parallelTrackPod } from '../detection.js';
import { MAX_COVERAGE, MAX_POD, lawMaxCoverage } from './max_coverage.js';
import { optimalSearchFactor } from './optimal_search_factor.js';

describe('the coverage cap', () => {
  test('is the coverage at which each law\'s parallel tracks reach the same POD, erf(sqrt(pi)) = 0.988', () => {
    expect(MAX_POD).toBeCloseTo(0.98781, 4);
    expect(lawMaxCoverage('inverse-cube')).toBe(MAX_COVERAGE);
    // 1 - e^-C = 0.98781: C = -ln(0.01219) = 4.407
    expect(lawMaxCoverage('exponential')).toBeCloseTo(4.407, 2);
    expect(parallelTrackPod('exponential', lawMaxCoverage('exponential'))).toBeCloseTo(MAX_POD, 12);
    expect(parallelTrackPod('inverse-cube', lawMaxCoverage('inverse-cube'))).toBeCloseTo(MAX_POD, 12);
  });
  test('IAMSAR\'s own optimal coverage for normal conditions passes 2 and stays under 4.41 up to a relative effort of about 95', () => {
    expect(optimalSearchFactor(20, 'normal').coverage).toBeGreaterThan(MAX_COVERAGE);
    expect(optimalSearchFactor(50, 'normal').coverage).toBeCloseTo(3.25, 1);
    expect(optimalSearchFactor(90, 'normal').coverage).toBeLessThan(lawMaxCoverage('exponential'));
    expect(optimalSearchFactor(100, 'normal').coverage).toBeGreaterThan(lawMaxCoverage('exponential'));
  });
});
