import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { lonLatToPlane, planeToLonLat } from './local_plane.js';
import { trackLine, type TrackLineInput } from './track_line.js';

const START = { lonDeg: 131, latDeg: 37 };
const UNIT = { speedKn: 10, startTimeS: 0 };
const ONE_METRE_NM = 1 / 1852;
const base: TrackLineInput = {
  track: { start: START, bearingDeg: 90, lengthNm: 20 }, mode: 'return', trackSpacingNm: 2, turn: 'right', unit: UNIT,
};
const offsets = (input: TrackLineInput) =>
  trackLine(input).waypoints.map((w) => { const p = lonLatToPlane(START, w); return [p.eastNm, p.northNm]; });
const expectOffsets = (actual: number[][], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach(([e, n], i) => {
    expect(Math.abs(e - expected[i][0]), `waypoint ${i} east`).toBeLessThan(ONE_METRE_NM);
    expect(Math.abs(n - expected[i][1]), `waypoint ${i} north`).toBeLessThan(ONE_METRE_NM);
  });
};

describe('trackLine', () => {
  test('return (TSR): out S/2 left of the track, cross S, back S/2 right of it', () => {
    // IAMSAR Vol. II TSR: search along one side of the intended track and return on the other.
    expectOffsets(offsets(base), [[0, 1], [20, 1], [20, -1], [0, -1]]);
    const route = trackLine(base);
    expect(route.pattern).toBe('TSR');
    expect(route.legs.map((l) => l.role)).toEqual(['search', 'crossLeg', 'search']);
    expect(route.totalTrackNm).toBeCloseTo(42, 3);
    expect(route.endTimeS).toBeCloseTo(42 * 360, 0);
  });

  test('return with a left turn mirrors the sides', () => {
    expectOffsets(offsets({ ...base, turn: 'left' }), [[0, -1], [20, -1], [20, 1], [0, 1]]);
  });

  test('single (TSN): one leg along the track itself', () => {
    const route = trackLine({ ...base, mode: 'single' });
    expect(route.pattern).toBe('TSN');
    expectOffsets(offsets({ ...base, mode: 'single' }), [[0, 0], [20, 0]]);
    expect(route.endTimeS).toBeCloseTo(7200, 1);
  });

  test('a track given by its end point equals the one given by course and length', () => {
    const end = planeToLonLat(START, { eastNm: 20, northNm: 0 });
    expectOffsets(offsets({ ...base, track: { start: START, end } }), [[0, 1], [20, 1], [20, -1], [0, -1]]);
  });

  test.each([
    ['track.lengthNm', { track: { start: START, bearingDeg: 90, lengthNm: 0 } }],
    ['track.bearingDeg', { track: { start: START, bearingDeg: Number.NaN, lengthNm: 5 } }],
    ['track.end', { track: { start: START, end: START } }],
    ['track.start', { track: { start: { lonDeg: 0, latDeg: -91 }, bearingDeg: 0, lengthNm: 5 } }],
    ['mode', { mode: 'both' }],
    ['turn', { turn: 'around' }],
    ['trackSpacingNm', { trackSpacingNm: 0 }],
  ])('rejects a bad %s with InvalidInputError naming it', (field, change) => {
    const call = () => trackLine({ ...base, ...change } as TrackLineInput);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});
