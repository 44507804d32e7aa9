import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM } from '../geo/units.js';
import { gaussianCloud } from './gaussian_cloud.testkit.js';
import { localFrame, localXM, localYM } from './local_frame.js';
import { smallestContainmentRectangle } from './min_rectangle.js';

/** Weight of the cloud inside a rectangle given by its corners (convex polygon test in the local frame). */
function weightInside(cloud: ReturnType<typeof gaussianCloud>, corners: readonly { lonDeg: number; latDeg: number }[]): number {
  const f = localFrame(corners[0]);
  const c = corners.map((p) => [localXM(f, p.lonDeg), localYM(f, p.latDeg)]);
  let held = 0;
  for (let i = 0; i < cloud.count; i++) {
    const x = localXM(f, cloud.lonDeg[i]), y = localYM(f, cloud.latDeg[i]);
    let inside = true;
    for (let k = 0; k < 4 && inside; k++) {
      const [x0, y0] = c[k], [x1, y1] = c[(k + 1) % 4];
      if ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) < -1e-6) inside = false; // right of a CCW edge: outside
    }
    if (inside) held += cloud.weight[i];
  }
  return held;
}

describe('smallestContainmentRectangle', () => {
  // Hand-made elongated cloud: Gaussian, sigma 6 NM along bearing 30 deg, 1 NM across it.
  const cloud = gaussianCloud(30_000, { lonDeg: 131.6, latDeg: 37.3 }, 6 * METRES_PER_NM, 1 * METRES_PER_NM, 30, 5);
  const rect = smallestContainmentRectangle(cloud, 0.9);

  test('is aligned with the cloud axis (bearing 30 deg) within 3 deg', () => {
    expect(Math.abs(rect.orientationDeg - 30)).toBeLessThan(3);
    expect(rect.lengthNm / rect.widthNm).toBeGreaterThan(4);
  });
  test('holds the probability asked, counted independently from its corners', () => {
    expect(rect.heldPoc).toBeGreaterThanOrEqual(0.9);
    expect(weightInside(cloud, rect.corners)).toBeGreaterThanOrEqual(0.9 - 1e-9);
  });
  test('is near the best rectangle of a Gaussian: about 0.95 of each axis\' mass, 2 x 1.95 sigma per side', () => {
    // For independent axes, p = 0.9 split evenly is 0.9487 per axis: half-sides 1.95 sigma, area
    // (3.90 x 6) (3.90 x 1) = 91.4 NM2; the product form is near-optimal for a Gaussian.
    expect(rect.areaNm2).toBeGreaterThan(80);
    expect(rect.areaNm2).toBeLessThan(100);
    expect(rect.centre.lonDeg).toBeCloseTo(131.6, 1);
    expect(rect.centre.latDeg).toBeCloseTo(37.3, 1);
  });
  test('the corners run counter-clockwise', () => {
    const f = localFrame(rect.centre);
    const c = rect.corners.map((p) => [localXM(f, p.lonDeg), localYM(f, p.latDeg)]);
    let s = 0;
    for (let k = 0; k < 4; k++) s += c[k][0] * c[(k + 1) % 4][1] - c[(k + 1) % 4][0] * c[k][1];
    expect(s).toBeGreaterThan(0);
  });
  test('a containment outside (0, 1] is an InvalidInputError', () => {
    expect(() => smallestContainmentRectangle(cloud, 0)).toThrow(InvalidInputError);
  });
});
