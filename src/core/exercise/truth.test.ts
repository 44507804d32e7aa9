import { describe, expect, test } from 'vitest';
import { ConstantField, type BoundsDeg, type VectorField } from '../environment/index.js';
import { distanceM as distance4, type LonLatDeg } from '../geo/index.js';
import { leewayTable } from '../../test_support/leeway_table.js';
import { ExerciseTruthError } from './errors.js';
import { simulateTruthTrack, truthPositionAt, type TruthSpec } from './truth.js';

const distanceM = (a: LonLatDeg, b: LonLatDeg): number => distance4(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg);
const T0 = Date.UTC(2026, 2, 12, 0, 0) / 1000;
const wind = ConstantField.fromSpeedFrom('wind', 10, 315);
const current = ConstantField.fromSpeedToward('current', 0.3, 90);
const truth: TruthSpec = { objectClass: 'LIFE-RAFT-DB-10', position: { lonDeg: 132.5, latDeg: 38.5 }, timeS: T0, forcing: null, seed: 42 };
const options = { durationS: 12 * 3600, stepS: 600, objects: leewayTable };

/** A constant field covering only a box and a time span (as a gridded file does). */
class BoxField implements VectorField {
  readonly label = 'box field';
  constructor(readonly quantity: 'wind' | 'current', readonly bounds: BoundsDeg, readonly startS: number, readonly endS: number) {}
  sampleBatch(_t: number, lon: Float64Array, lat: Float64Array, n: number, e: Float64Array, no: Float64Array, c: Uint8Array): void {
    const b = this.bounds;
    for (let i = 0; i < n; i++) {
      if (c[i] === 0 && lon[i] >= b.westDeg && lon[i] <= b.eastDeg && lat[i] >= b.southDeg && lat[i] <= b.northDeg) { e[i] = 0.2; no[i] = 0; c[i] = 1; }
    }
  }
}

describe('simulateTruthTrack', () => {
  test('the same truth gives the same track bit for bit', () => {
    const a = simulateTruthTrack(truth, { wind, current }, null, options);
    const b = simulateTruthTrack({ ...truth }, { wind, current }, null, options);
    expect(a.points.length).toBe(73);   // release + 72 ten-minute steps
    expect(b.points).toEqual(a.points);
    expect(b.leeway).toEqual(a.leeway);
    const c = simulateTruthTrack({ ...truth, seed: 43 }, { wind, current }, null, options);
    expect(c.points[72]).not.toEqual(a.points[72]);   // another seed draws other coefficients
  });

  test('drifts with the current and downwind: 12 h of 0.3 m/s east plus a raft\'s leeway toward the south-east', () => {
    const track = simulateTruthTrack(truth, { wind, current }, null, options);
    const end = track.points[track.points.length - 1];
    expect(end.status).toBe('active');
    expect(end.lonDeg).toBeGreaterThan(truth.position.lonDeg);
    expect(end.latDeg).toBeLessThan(truth.position.latDeg);   // wind from the north-west pushes it south-east
    // current alone: 0.3 m/s × 43,200 s = 13 km; a raft's downwind leeway at 10 m/s adds a few km more
    const km = distanceM(truth.position, end) / 1000;
    expect(km).toBeGreaterThan(13);
    expect(km).toBeLessThan(40);
  });

  test('the side of downwind follows the seed, both sides occur', () => {
    const sides = new Set(Array.from({ length: 16 }, (_, s) => simulateTruthTrack({ ...truth, seed: s }, { wind, current }, null, { ...options, durationS: 600 }).leeway.initialSide));
    expect(sides).toEqual(new Set([1, -1]));
  });

  test('a perturbation turns and scales the forcing: no current, wind doubled, the track goes farther', () => {
    const plain = simulateTruthTrack(truth, { wind, current: new ConstantField('current', 0, 0) }, null, options);
    const strong = simulateTruthTrack({ ...truth, perturbation: { windSpeedFactor: 2, windDirectionOffsetDeg: 0, currentSpeedFactor: 1, currentDirectionOffsetDeg: 0 } },
      { wind, current: new ConstantField('current', 0, 0) }, null, options);
    const d = (t: typeof plain) => distanceM(truth.position, t.points[t.points.length - 1]);
    expect(d(strong)).toBeGreaterThan(1.5 * d(plain));
    expect(strong.forcingLabels.wind).toContain('× 2');
    // the current turned 90° clockwise: east becomes south
    const turned = simulateTruthTrack({ ...truth, perturbation: { windSpeedFactor: 0, windDirectionOffsetDeg: 0, currentSpeedFactor: 1, currentDirectionOffsetDeg: 90 } },
      { wind, current }, null, options);
    const end = turned.points[turned.points.length - 1];
    expect(end.lonDeg).toBeCloseTo(truth.position.lonDeg, 3);
    expect(end.latDeg).toBeLessThan(truth.position.latDeg - 0.1);   // 13 km south is 0.117°
  });

  test('a truth outside the forcing is refused, in space and in time', () => {
    const box = { westDeg: 130, eastDeg: 131, southDeg: 37, northDeg: 38 };
    const forcing = { wind: new BoxField('wind', box, T0 - 3600, T0 + 48 * 3600), current };
    expect(() => simulateTruthTrack(truth, forcing, null, options)).toThrow(ExerciseTruthError);
    expect(() => simulateTruthTrack(truth, forcing, null, options)).toThrow(/truth: forcing: wind: no particle at the start lies inside box field.*SARB_SPACE_NOT_COVERED/);
    const short = { wind: new BoxField('wind', { westDeg: 130, eastDeg: 135, southDeg: 37, northDeg: 40 }, T0, T0 + 6 * 3600), current };
    try {
      simulateTruthTrack(truth, short, null, options);
      expect.unreachable();
    } catch (error) {
      expect((error as ExerciseTruthError).code).toBe('SARB_EXERCISE_TRUTH');
      expect((error as Error).message).toMatch(/the run needs 2026-03-12T00:00Z to 2026-03-12T12:00Z, but box field covers .*SARB_TIME_NOT_COVERED/);
    }
  });

  test('an unknown class or an impossible position is refused naming the field', () => {
    expect(() => simulateTruthTrack({ ...truth, objectClass: 'NO-SUCH' }, { wind, current }, null, options)).toThrow(/truth: objectClass: unknown Leeway object class/);
    expect(() => simulateTruthTrack({ ...truth, position: { lonDeg: 132, latDeg: 97 } }, { wind, current }, null, options)).toThrow(/truth: position/);
  });
});

describe('truthPositionAt', () => {
  test('interpolates between points, null outside the track', () => {
    const track = simulateTruthTrack(truth, { wind, current }, null, options);
    const [a, b] = [track.points[3], track.points[4]];
    const mid = truthPositionAt(track, (a.timeS + b.timeS) / 2)!;
    expect(mid.lonDeg).toBeCloseTo((a.lonDeg + b.lonDeg) / 2, 12);
    expect(mid.latDeg).toBeCloseTo((a.latDeg + b.latDeg) / 2, 12);
    expect(truthPositionAt(track, a.timeS)).toMatchObject({ lonDeg: a.lonDeg, latDeg: a.latDeg });
    expect(truthPositionAt(track, T0 - 1)).toBeNull();
    expect(truthPositionAt(track, T0 + 13 * 3600)).toBeNull();
  });
});
