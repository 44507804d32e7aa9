import { describe, expect, test } from 'vitest';
import { minimumSpacingOf } from './allocation/allocation_unit.js';
import { DEFAULT_CLEARANCE_NM, FIXED_WING_SS_MIN_SPACING_NM, clearanceOf, sectorRadiusProblems } from './operational_minimums.js';
import { minimumTrackSpacingNm, rateOneTurnRadiusNm } from './turns.js';

describe('turns', () => {
  test('rate one (3 degrees/s): r = v / omega, 12 kn 0.064 NM, 90 kn 0.477 NM, 180 kn 0.955 NM', () => {
    // v / (3600 s/h x 3 pi / 180 rad/s) = v / 188.5
    expect(rateOneTurnRadiusNm(12)).toBeCloseTo(12 / 188.4956, 6);
    expect(rateOneTurnRadiusNm(90)).toBeCloseTo(0.47746, 5);
    expect(rateOneTurnRadiusNm(180)).toBeCloseTo(0.95493, 5);
    // a whole turn takes 120 s: its circumference 2 pi r at v
    expect((2 * Math.PI * rateOneTurnRadiusNm(90)) / 90 * 3600).toBeCloseTo(120, 9);
    expect(() => rateOneTurnRadiusNm(0)).toThrow(/speedKn/);
  });

  test('the closest spacing with fly-by turns is the turn diameter', () => {
    expect(minimumTrackSpacingNm(0.5)).toBe(1);
  });
});

describe('operational minimums', () => {
  const unit = { unitId: 'u', speedKn: 150, enduranceH: 3, arrivalTimeS: 0, sweepWidthNm: 1, patterns: ['SS' as const], turnRadiusNm: 0.3 };
  test("a fixed-wing aircraft's expanding square keeps IAMSAR's 2 NM; a helicopter's only its turns", () => {
    expect(minimumSpacingOf({ ...unit, craft: 'aircraft' }, 'SS')).toBe(FIXED_WING_SS_MIN_SPACING_NM);
    expect(minimumSpacingOf({ ...unit, craft: 'aircraft' }, 'PS')).toBeCloseTo(0.6, 12);
    expect(minimumSpacingOf({ ...unit, craft: 'helicopter' }, 'SS')).toBeCloseTo(0.6, 12);
  });

  test('sector radius outside IAMSAR usual range is said, by craft', () => {
    expect(sectorRadiusProblems('ship', 3)).toEqual([]);
    expect(sectorRadiusProblems('boat', 8)[0]).toMatch(/2-5 NM for vessels/);
    expect(sectorRadiusProblems('helicopter', 3)[0]).toMatch(/5-20 NM for aircraft/);
  });

  test('clearances: the craft default unless the unit gives one; aircraft 150 m', () => {
    expect(DEFAULT_CLEARANCE_NM.ship).toBe(1);
    expect(DEFAULT_CLEARANCE_NM.boat).toBe(0.3);
    expect(DEFAULT_CLEARANCE_NM.helicopter * 1852).toBeCloseTo(150, 9);
    expect(clearanceOf('ship', 0.5)).toBe(0.5);
    expect(clearanceOf('aircraft', 0)).toBe(0);
    expect(() => clearanceOf('ship', -1)).toThrow(/clearanceNm/);
  });
});
