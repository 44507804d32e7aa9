import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { searchObjects, sweepWidth, tabulatedHeightsFt, uncorrectedSweepWidthNm, weatherBand, weatherFactor } from './sweep_width.js';

const calm = { windKn: 5, seaHeightM: 0.3 } as const;

describe('uncorrectedSweepWidthNm', () => {
  test('linear between visibility columns: Raft 4 person, Boat-8ft, 7.5 NM', () => {
    // Boat-8ft.csv: 5 NM -> 2.2, 10 NM -> 3.1; half-way 2.65
    expect(uncorrectedSweepWidthNm('Boat-8ft', 'Raft 4 person', 7.5).valueNm).toBeCloseTo(2.65, 12);
  });
  test('clamps beyond the table and says so', () => {
    const r = uncorrectedSweepWidthNm('Boat-8ft', 'Raft 4 person', 40);
    expect(r).toEqual({ valueNm: 3.9, clamped: true });
  });
});

describe('weatherBand and weatherFactor', () => {
  test('bands: <= 15 kt and <= 1 m; <= 25 kt and <= 1.5 m; worse', () => {
    expect(weatherBand({ windKn: 15, seaHeightM: 1 })).toBe(1);
    expect(weatherBand({ windKn: 16, seaHeightM: 0.5 })).toBe(2);
    expect(weatherBand({ windKn: 10, seaHeightM: 1.2 })).toBe(2);
    expect(weatherBand({ windKn: 26, seaHeightM: 0.5 })).toBe(3);
    expect(weatherBand({ band: 2 })).toBe(2);
  });
  test('IAMSAR factors: small 1 / 0.5 / 0.25, large 1 / 0.9 / 0.9', () => {
    expect([1, 2, 3].map((b) => weatherFactor(b as 1 | 2 | 3, 'small'))).toEqual([1, 0.5, 0.25]);
    expect([1, 2, 3].map((b) => weatherFactor(b as 1 | 2 | 3, 'large'))).toEqual([1, 0.9, 0.9]);
  });
});

describe('sweepWidth', () => {
  test('vessel, 8 ft eye, Raft 4 person, 10 NM, wind 18 kt: 3.1 x 0.5 = 1.55 NM', () => {
    const r = sweepWidth({ searchObject: 'Raft 4 person', visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 8 },
      weather: { windKn: 18, seaHeightM: 0.8 } });
    expect(r.sweepWidthNm).toBeCloseTo(1.55, 12);
    expect(r.weatherFactor).toBe(0.5);
    expect(r.tables).toEqual(['Boat-8ft']);
    expect(r.warnings).toEqual([]);
  });
  test('helicopter at 600 ft, 75 kt: altitude and speed interpolated', () => {
    // Raft 4 person, 10 NM: 500 ft 2.2, 750 ft 2.3 -> 2.24 at 600 ft; speed 60 kt 1.3, 90 kt 1.0 -> 1.15 at 75 kt
    const r = sweepWidth({ searchObject: 'Raft 4 person', visibilityNm: 10, platform: { kind: 'helicopter', altitudeFt: 600, speedKn: 75 },
      weather: calm });
    expect(r.uncorrectedNm).toBeCloseTo(2.24, 12);
    expect(r.speedFactor).toBeCloseTo(1.15, 12);
    expect(r.sweepWidthNm).toBeCloseTo(2.24 * 1.15, 12);
    expect(r.tables).toEqual(['Helicopter-500ft', 'Helicopter-750ft', 'Helicopter_speed_modifier']);
  });
  test('fatigue multiplies by 0.9; a large object in rough weather by 0.9', () => {
    // Boat-8ft.csv: Power Boat 53ft at 10 NM = 7.0; band 3, large object 0.9; fatigue 0.9
    const r = sweepWidth({ searchObject: 'Power Boat 53ft', visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 8 },
      weather: { band: 3 }, fatigued: true });
    expect(r.sweepWidthNm).toBeCloseTo(7.0 * 0.9 * 0.9, 12);
  });
  test('an aircraft above the highest table is clamped to it, with a warning', () => {
    const r = sweepWidth({ searchObject: 'Raft 4 person', visibilityNm: 10, platform: { kind: 'aircraft', altitudeFt: 5000, speedKn: 180 },
      weather: calm });
    expect(r.tables[0]).toBe('Aircraft-3000ft');
    expect(r.uncorrectedNm).toBeCloseTo(1.8, 12); // Aircraft-3000ft.csv, Raft 4 person, 10 NM
    expect(r.warnings.join(' ')).toMatch(/altitudeFt 5000/);
  });
  test('a manual sweep width is used as it is', () => {
    const r = sweepWidth({ searchObject: 'anything', visibilityNm: 1, platform: { kind: 'vessel', eyeHeightFt: 8 }, weather: calm,
      manualSweepWidthNm: 2.5 });
    expect(r).toMatchObject({ sweepWidthNm: 2.5, source: 'manual' });
  });
  test('an unknown search object is refused, listing the known ones', () => {
    expect(() => sweepWidth({ searchObject: 'Raft 5 person', visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 8 }, weather: calm }))
      .toThrow(InvalidInputError);
  });
});

describe('searchObjects and tabulatedHeightsFt', () => {
  test('25 objects; aircraft tables from 300 to 3000 ft; vessels 8 and 14 ft', () => {
    expect(searchObjects()).toHaveLength(25);
    expect(tabulatedHeightsFt('aircraft')).toEqual([300, 500, 750, 1000, 1500, 2000, 2500, 3000]);
    expect(tabulatedHeightsFt('vessel')).toEqual([8, 14]);
  });
});
