import { describe, expect, test } from 'vitest';
import { deltaLonDeg, fromLocal, localFrame, localXM, localYM, projectInto } from './local_frame.js';

describe('localFrame', () => {
  test('one degree of latitude is 111.195 km on the 6371.0088 km sphere', () => {
    const f = localFrame({ lonDeg: 132, latDeg: 37 });
    expect(localYM(f, 38)).toBeCloseTo(111_195.08, 1); // 6371008.8 * pi / 180
  });
  test('one degree of longitude at 60N is half a degree of latitude', () => {
    const f = localFrame({ lonDeg: 5, latDeg: 60 });
    expect(localXM(f, 6) / localYM(f, 61)).toBeCloseTo(0.5, 12); // cos 60 = 0.5
  });
  test('longitudes are wrapped across the antimeridian', () => {
    const f = localFrame({ lonDeg: 179.5, latDeg: 0 });
    expect(deltaLonDeg(f, -179.5)).toBeCloseTo(1, 12);
    expect(fromLocal(f, localXM(f, -179.5), 0).lonDeg).toBeCloseTo(-179.5, 9);
  });
});

describe('projectInto', () => {
  test('matches localXM / localYM and round-trips through fromLocal', () => {
    const f = localFrame({ lonDeg: 131, latDeg: 37.5 });
    const lon = Float64Array.of(130.2, 131.7), lat = Float64Array.of(36.9, 38.1);
    const x = new Float64Array(2), y = new Float64Array(2);
    projectInto(f, lon, lat, 2, x, y);
    expect(x[1]).toBeCloseTo(localXM(f, 131.7), 9);
    const back = fromLocal(f, x[0], y[0]);
    expect(back.lonDeg).toBeCloseTo(130.2, 10);
    expect(back.latDeg).toBeCloseTo(36.9, 10);
  });
});
