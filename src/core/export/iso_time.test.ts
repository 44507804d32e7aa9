import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { isoUtc } from './iso_time.js';

describe('isoUtc', () => {
  test('whole seconds without a fraction, in UTC', () => {
    expect(isoUtc(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoUtc(1_773_100_800 + 360)).toBe('2026-03-10T00:06:00Z'); // 2026-03-10T00Z + one 1 NM leg at 10 kn
  });
  test('fractions kept to the millisecond', () => {
    expect(isoUtc(1_773_100_800.1234)).toBe('2026-03-10T00:00:00.123Z');
  });
  test('a time that is not finite names its field', () => {
    expect(() => isoUtc(Number.NaN, 'route.waypoints[3].timeS')).toThrow(InvalidInputError);
    expect(() => isoUtc(Number.POSITIVE_INFINITY, 'route.waypoints[3].timeS')).toThrow(/^route\.waypoints\[3\]\.timeS:/);
  });
});
