import { describe, expect, test } from 'vitest';
import { coordinatingRccAt, datumAt } from './coordinating_rcc.js';
import { testConfig } from './fixture_for_tests.js';

// test config: A's SRR west of 132°E, B's east of it (33-41°N)
const track = [{ timeS: 0, lonDeg: 131.0, latDeg: 37 }, { timeS: 3600, lonDeg: 133.0, latDeg: 37 }];

describe('coordinatingRccAt', () => {
  test("the RCC whose SRR holds the datum at the time: A's before the datum crosses 132°E, B's after", () => {
    const before = coordinatingRccAt(testConfig(), track, 1000);   // 131.556°E
    const after = coordinatingRccAt(testConfig(), track, 2000);    // 132.111°E
    expect(before).toMatchObject({ ok: true, ruleId: 'R1', rcc: { id: 'rcc-a', party: 'A' } });
    expect(after).toMatchObject({ ok: true, rcc: { id: 'rcc-b', party: 'B' } });
  });
  test('the track is held at its ends outside its times', () => {
    expect(datumAt(track, -50)).toEqual(track[0]);
    expect(datumAt(track, 9999)).toEqual(track[1]);
    expect(datumAt(track, 1800).lonDeg).toBeCloseTo(132.0, 12);
  });
  test('no rule, or a datum outside every SRR, names no RCC and says why', () => {
    expect(coordinatingRccAt(testConfig({ rules: [] }), track, 0)).toEqual({ ok: false, problem: 'the agreement has no coordinating-RCC rule' });
    const outside = coordinatingRccAt(testConfig(), [{ timeS: 0, lonDeg: 150, latDeg: 20 }], 0);
    expect(outside).toEqual({ ok: false, problem: "the datum (20.000°N 150.000°E) lies in no party's SRR" });
  });
});
