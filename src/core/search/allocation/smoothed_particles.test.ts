import { describe, expect, it } from 'vitest';
import { smoothedParticles } from './smoothed_particles.js';

describe('smoothedParticles', () => {
  it('keeps the weight and the mean, and widens the cloud by the Silverman bandwidth on each axis', () => {
    const n = 1000;
    const lon = new Float64Array(n), lat = new Float64Array(n);
    // a deterministic cloud stretched east-west
    for (let i = 0; i < n; i++) { lon[i] = 130 + 0.1 * Math.sin(i * 1.7); lat[i] = 37 + 0.02 * Math.cos(i * 2.3); }
    const weight = new Float64Array(n).fill(1 / n);
    const s = smoothedParticles({ count: n, weight }, [{ timeS: 0, lonDeg: lon, latDeg: lat }]);
    expect(s.particles.count).toBe(4 * n);
    const total = s.particles.weight.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    const variance = (a: Float64Array) => { const m = mean(a); return a.reduce((x, y) => x + (y - m) ** 2, 0) / a.length; };
    expect(mean(s.snapshots[0].lonDeg)).toBeCloseTo(mean(lon), 9);
    expect(mean(s.snapshots[0].latDeg)).toBeCloseTo(mean(lat), 9);
    // variance grows by h^2 = sigma^2 n^(-1/3) along each axis (here the axes are east and north)
    const f = Math.pow(n, -1 / 3);
    expect(variance(s.snapshots[0].lonDeg) / variance(lon)).toBeCloseTo(1 + f, 2);
    expect(variance(s.snapshots[0].latDeg) / variance(lat)).toBeCloseTo(1 + f, 2);
  });
});
