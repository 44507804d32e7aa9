import { describe, expect, test } from 'vitest';
import { localFrame } from '../../probability/local_frame.js';
import { rectangleCorners, rectangleInFrame, rectangleOnEarth, rectanglesOverlap, type FrameRectangle } from './frame_rectangle.js';

const square: FrameRectangle = { cxM: 0, cyM: 0, alongHalfM: 1000, acrossHalfM: 1000, bearingRad: 0 };

describe('rectangleCorners', () => {
  test('a rectangle along 90 degrees has its length east-west', () => {
    const corners = rectangleCorners({ cxM: 0, cyM: 0, alongHalfM: 2000, acrossHalfM: 500, bearingRad: Math.PI / 2 });
    const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
    expect(Math.max(...xs)).toBeCloseTo(2000, 6);
    expect(Math.max(...ys)).toBeCloseTo(500, 6);
  });
});

describe('rectanglesOverlap', () => {
  test('squares sharing an edge do not overlap; moved 10 m closer they do', () => {
    expect(rectanglesOverlap(square, { ...square, cxM: 2000 })).toBe(false);
    expect(rectanglesOverlap(square, { ...square, cxM: 1990 })).toBe(true);
  });
  test('a diamond beside a square corner: bounding boxes overlap, the rectangles do not (separating axis)', () => {
    // A 2000 m square turned 45 degrees (corners pointing N, E, S, W), centred at (c, c): its edges
    // face the diagonal (1, 1)/sqrt 2, along which it spans c sqrt 2 ± 1000 m and the first square
    // up to 1414 m, so they are disjoint iff c > 1707 m; its bounding box reaches down to
    // c - 1414 m, inside the first square for c < 2414 m.
    const diamond = (c: number): FrameRectangle => ({ cxM: c, cyM: c, alongHalfM: 1000, acrossHalfM: 1000, bearingRad: Math.PI / 4 });
    expect(rectanglesOverlap(square, diamond(1800))).toBe(false);
    expect(rectanglesOverlap(square, diamond(1600))).toBe(true);
  });
  test('a long thin rectangle crossing a square overlaps though no corner is inside the other', () => {
    const bar: FrameRectangle = { cxM: 0, cyM: 0, alongHalfM: 5000, acrossHalfM: 100, bearingRad: Math.PI / 3 };
    expect(rectanglesOverlap(square, bar)).toBe(true);
  });
});

describe('rectangleOnEarth / rectangleInFrame', () => {
  test('round trip through the Earth', () => {
    const frame = localFrame({ lonDeg: 131.87, latDeg: 37.24 });
    const r: FrameRectangle = { cxM: 5000, cyM: -3000, alongHalfM: 9260, acrossHalfM: 1852, bearingRad: 0.5 };
    const area = rectangleOnEarth(frame, r);
    expect(area.lengthNm).toBeCloseTo(10, 9); // 2 x 9260 m = 10 NM
    expect(area.widthNm).toBeCloseTo(2, 9);
    const back = rectangleInFrame(frame, area);
    expect(back.cxM).toBeCloseTo(5000, 6);
    expect(back.cyM).toBeCloseTo(-3000, 6);
    expect(back.bearingRad).toBeCloseTo(0.5, 12);
  });
});
