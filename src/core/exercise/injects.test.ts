import { describe, expect, test } from 'vitest';
import { distanceM } from '../geo/index.js';
import { ExerciseInjectError } from './errors.js';
import { checkInject, dueInjects, releasedInject, type Inject } from './injects.js';
import type { TruthTrack } from './truth.js';

const T0 = Date.UTC(2026, 2, 12, 0, 0) / 1000;
const truth: TruthTrack = {
  truth: { objectClass: 'PIW-1', position: { lonDeg: 132, latDeg: 38 }, timeS: T0, forcing: null, seed: 1 },
  points: [{ lonDeg: 132, latDeg: 38, timeS: T0, status: 'active' }, { lonDeg: 132.2, latDeg: 38, timeS: T0 + 7200, status: 'active' }],
  leeway: { downwindSlope: 0, downwindOffsetMps: 0, crosswindSlope: 0, crosswindOffsetMps: 0, initialSide: 1, jibeCount: 0 },
  forcingLabels: { wind: 'w', current: 'c', shoreline: null }, seedMoveM: 0,
};
const call: Inject = { injectId: 'call-1', kind: 'distressCall', atS: T0 + 3600, text: 'MAYDAY', positionError: { kind: 'bearingDistance', bearingDeg: 0, distanceNm: 2 } };

describe('checkInject', () => {
  test('an inject in the past is refused with both times', () => {
    expect(() => checkInject(call, T0 + 3601)).toThrow(ExerciseInjectError);
    expect(() => checkInject(call, T0 + 3601)).toThrow('inject: call-1.at: 2026-03-12T01:00Z is in the past: the exercise time is already 2026-03-12T01:00Z');
    expect(() => checkInject(call, T0 + 3600)).not.toThrow();
  });
  test('malformed injects name the field', () => {
    const cases: [Inject, RegExp][] = [
      [{ ...call, positionError: undefined }, /call-1.position: give either the position or the positionError/],
      [{ ...call, position: { lonDeg: 132, latDeg: 38 } }, /give either/],
      [{ ...call, positionError: { kind: 'bearingDistance', bearingDeg: 400, distanceNm: 1 } }, /positionError.bearingDeg: 400/],
      [{ injectId: 's', kind: 'sighting', atS: T0 + 4000, text: 'flare' } as unknown as Inject, /s.position: a sighting needs a position/],
      [{ injectId: 'u', kind: 'unitLate', atS: T0 + 4000, text: 'late', unitId: 'KR-1', delayH: 0 }, /u.delayH: 0 is not a delay/],
      [{ injectId: 'u', kind: 'unitBreakdown', atS: T0 + 4000, text: 'engine', unitId: 'XX' }, /u.unitId: 'XX' is not a unit of the exercise/],
      [{ injectId: 'w', kind: 'weatherChange', atS: T0 + 4000, text: 'fog', weather: {} }, /w.weather: give at least one/],
      [{ injectId: 'w', kind: 'weatherChange', atS: T0 + 4000, text: 'fog', weather: { visibilityNm: -1 } }, /w.weather.visibilityNm: -1/],
      [{ injectId: 'x', kind: 'tsunami', atS: T0 + 4000, text: '?' } as unknown as Inject, /x.kind: 'tsunami' is not one of/],
      [{ ...call, text: ' ' }, /call-1.text/],
    ];
    for (const [inject, message] of cases) expect(() => checkInject(inject, T0, { unitIds: ['KR-1'] })).toThrow(message);
  });
});

describe('releasedInject', () => {
  test('a distress call is the truth position at its time plus the stated error', () => {
    const r = releasedInject(call, truth);
    // truth at 01:00Z is half-way: 132.1E 38N; 2 NM north of it
    expect(r.position!.lonDeg).toBeCloseTo(132.1, 9);
    expect(distanceM(132.1, 38, r.position!.lonDeg, r.position!.latDeg) / 1852).toBeCloseTo(2, 2);
    expect(r).not.toHaveProperty('positionError');
  });
  test('a random error stays within its radius and follows its seed', () => {
    const random = (seed: number): Inject => ({ ...call, positionError: { kind: 'random', radiusNm: 3, seed } });
    const spots = Array.from({ length: 50 }, (_, s) => releasedInject(random(s), truth).position!);
    for (const p of spots) expect(distanceM(132.1, 38, p.lonDeg, p.latDeg) / 1852).toBeLessThanOrEqual(3.01);
    expect(releasedInject(random(7), truth)).toEqual(releasedInject(random(7), truth));
    expect(new Set(spots.map((p) => p.latDeg)).size).toBe(50);
  });
  test('a call outside the truth track is a truth error', () => {
    expect(() => releasedInject({ ...call, atS: T0 + 9000 }, truth)).toThrow(/SARB|truth: inject call-1: the distress call at 2026-03-12T02:30Z is outside the truth track/);
  });
  test('dueInjects gives the unreleased ones due, in time order', () => {
    const a: Inject = { injectId: 'a', kind: 'debris', atS: T0 + 100, text: 'oil', position: { lonDeg: 132, latDeg: 38 } };
    const b: Inject = { injectId: 'b', kind: 'unitLate', atS: T0 + 50, text: 'late', unitId: 'U', delayH: 1 };
    expect(dueInjects([a, b, call], new Set(), T0 + 200).map((i) => i.injectId)).toEqual(['b', 'a']);
    expect(dueInjects([a, b, call], new Set(['b']), T0 + 200).map((i) => i.injectId)).toEqual(['a']);
  });
});
