import { describe, expect, test } from 'vitest';
import { thinByTime, trackSegments } from './thin_track.js';
import type { TimedPosition } from './timed_track.js';

const line = (n: number, t0 = 0): TimedPosition[] => Array.from({ length: n }, (_, k) => ({ timeS: t0 + k, lonDeg: 131 + k * 1e-4, latDeg: 37 }));

describe('thinByTime', () => {
  test('7200 fixes a second thinned to at most 5000, both ends kept, times in order', () => {
    const thin = thinByTime(line(7200), 5000);
    expect(thin.length).toBeLessThanOrEqual(5000);
    expect(thin.length).toBeGreaterThan(3500);   // spacing 7199/4998 s = 1.44 s, so about every 2nd fix
    expect(thin[0].timeS).toBe(0);
    expect(thin[thin.length - 1].timeS).toBe(7199);
    expect(thin.every((p, k) => k === 0 || p.timeS > thin[k - 1].timeS)).toBe(true);
  });
  test('a short track is kept whole', () => {
    expect(thinByTime(line(10), 5000)).toHaveLength(10);
    expect(thinByTime(line(10), 2).map((p) => p.timeS)).toEqual([0, 9]);
  });
});

describe('trackSegments', () => {
  test('splits at the segment starts and leaves out a lone point', () => {
    const points = [...line(3), ...line(1, 100), ...line(2, 200)];
    const segs = trackSegments({ format: 'gpx', points, segmentStarts: [0, 3, 4], warnings: [] });
    expect(segs.map((s) => s.map((p) => p.timeS))).toEqual([[0, 1, 2], [200, 201]]);
  });
});
