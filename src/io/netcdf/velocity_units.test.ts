import { describe, expect, test } from 'vitest';
import { velocityUnitMps } from './velocity_units.js';

describe('velocityUnitMps', () => {
  test('metres per second as the producers spell it', () => {
    for (const units of ['m/s', 'm s-1', 'm s**-1', 'm s^-1', 'ms-1', 'm.s-1', 'meter second-1', 'meters/second', 'm/sec', 'M/S', ' m s-1 ']) {
      expect(velocityUnitMps(units)).toBe(1);
    }
  });

  test('other speeds: cm/s (AVISO, HF radar), km/h, knots', () => {
    expect(velocityUnitMps('cm/s')).toBe(0.01);
    expect(velocityUnitMps('cm s-1')).toBe(0.01);
    expect(velocityUnitMps('centimeter second-1')).toBe(0.01);
    expect(velocityUnitMps('km/h')).toBeCloseTo(1 / 3.6, 15);
    // 1 knot = 1852 m / 3600 s = 0.51444… m/s
    for (const units of ['knots', 'knot', 'kt', 'kts', 'kn']) expect(velocityUnitMps(units)).toBeCloseTo(0.514444, 6);
  });

  test('no units: m/s; anything else is refused by name', () => {
    expect(velocityUnitMps(undefined)).toBe(1);
    expect(velocityUnitMps('')).toBe(1);
    expect(velocityUnitMps('degrees')).toMatch(/units 'degrees' are not a speed/);
    expect(velocityUnitMps('m')).toMatch(/not a speed/);
    expect(velocityUnitMps('Pa s-1')).toMatch(/not a speed/);
  });
});
