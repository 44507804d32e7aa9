import { describe, expect, test } from 'vitest';
import { fillWebMercator, mercatorUnitYExact } from './web_mercator.js';

describe('fillWebMercator', () => {
  test('gives the formula\'s value as a Float32 stores it (rarely the next Float32), at every latitude the map shows and beyond', () => {
    const n = 400_000;
    const lon = new Float64Array(n), lat = new Float64Array(n);
    for (let i = 0; i < n; i++) { lon[i] = -180 + (360 * i) / n; lat[i] = -89 + (178 * ((i * 7919) % n)) / n; }
    const out = new Float32Array(2 * n + 4);
    fillWebMercator(lon, lat, n, out, 2);
    expect(out[0]).toBe(0); expect(out[3]).toBe(0);   // before pair 2: untouched
    let off = 0, worst = 0, xOff = 0;
    for (let i = 0; i < n; i++) {
      if (out[2 * (i + 2)] !== Math.fround((lon[i] + 180) / 360)) xOff++;
      const exact = mercatorUnitYExact(lat[i]), got = out[2 * (i + 2) + 1];
      if (got !== Math.fround(exact)) off++;
      // in Float32 steps at the value (2^-23 of it; near the top edge, where y is below 1e-3, of 1e-3)
      worst = Math.max(worst, Math.abs(got - exact) / (Math.max(Math.abs(exact), 1e-3) * 2 ** -23));
    }
    // no farther from the formula than a Float32 step, and rarely another value than the
    // formula's own rounded
    expect(xOff).toBe(0);
    expect(worst).toBeLessThanOrEqual(1);
    expect(off).toBeLessThan(n / 10_000);
  });

  test('the map\'s edges: the equator at the middle, ±85.0511° at the square\'s top and bottom', () => {
    const out = new Float32Array(6);
    fillWebMercator(Float64Array.of(0, -180, 180), Float64Array.of(0, 85.05112878, -85.05112878), 3, out, 0);
    expect(out[1]).toBeCloseTo(0.5, 7);
    expect(out[3]).toBeCloseTo(0, 6);
    expect(out[5]).toBeCloseTo(1, 6);
    expect(out[2]).toBe(0); expect(out[4]).toBe(1);
  });
});
