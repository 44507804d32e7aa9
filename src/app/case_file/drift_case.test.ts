import { describe, expect, test } from 'vitest';
import { PlanFileSchema } from '../plan/plan_file.js';
import { DriftCaseSchema, parseDriftCase, PLAN_FILE_KEYS } from './drift_case.js';

const caseText = (extra = '') => `start: 2026-03-10T06:00Z
${extra}
forcing:
  wind: [{ constant: { speedMps: 5, fromDeg: 270 } }]
  current: [{ constant: { speedMps: 0.1, towardDeg: 0 } }]
scenarios:
  - { name: a, weight: 1, object: PIW-1, position: '37 30N 131 00E' }
`;

describe('parseDriftCase', () => {
  test('an unknown key is refused, naming it and the key meant', () => {
    expect(() => parseDriftCase(caseText('duration: 48'), 'c.yaml')).toThrow(/c\.yaml: duration: unknown key; did you mean 'durationH'\?/);
    expect(() => parseDriftCase(caseText('particels: 100'), 'c.yaml')).toThrow(/c\.yaml: particels: unknown key; did you mean 'particles'\?/);
  });
  test('an unknown key inside a scenario is refused with its path', () => {
    expect(() => parseDriftCase(caseText().replace('radiusNm', '').replace("position: '37 30N 131 00E'", "position: '37 30N 131 00E', radius: 2"), 'c.yaml'))
      .toThrow(/c\.yaml: scenarios\/0\/radius: unknown key; did you mean 'radiusNm'\?/);
  });
  test('a forcing source is checked as the kind it is meant to be, and one of neither kind says what both look like', () => {
    expect(() => parseDriftCase(caseText().replace('constant: { speedMps: 5, fromDeg: 270 }', 'constant: { speedMs: 5, fromDeg: 270 }'), 'c.yaml'))
      .toThrow(/c\.yaml: forcing\/wind\/0\/constant\/speedMps: is required but missing; forcing\/wind\/0\/constant\/speedMs: unknown key; did you mean 'speedMps'\?/);
    expect(() => parseDriftCase(caseText().replace('constant: { speedMps: 5, fromDeg: 270 }', 'constant: { speedMps: 5, fromDeg: west }'), 'c.yaml'))
      .toThrow(/c\.yaml: forcing\/wind\/0\/constant\/fromDeg: Expected number \(got "west"\)/);
    expect(() => parseDriftCase(caseText().replace('[{ constant: { speedMps: 0.1, towardDeg: 0 } }]', '[{ fil: currents.nc }]'), 'c.yaml'))
      .toThrow(/c\.yaml: forcing\/current\/0: expected a current source: \{ file: currents\.nc \}.* or \{ constant: \{ speedMps: 0\.3, towardDeg: 90 \} \}/);
  });
  test('a key unlike any lists the keys that are known', () => {
    expect(() => parseDriftCase(caseText('helicopter: yes'), 'c.yaml')).toThrow(/helicopter: unknown key; the keys here are title, start, durationH/);
  });
  test("a plan file's keys are let through for `sarbridge plan`, and the known keys are read", () => {
    expect(parseDriftCase(caseText('planningTime: 2026-03-10T12:00Z\nunits: []\ndurationH: 12'), 'c.yaml').durationH).toBe(12);
  });
  test('the plan keys let through are exactly those the plan file adds', () => {
    const added = Object.keys(PlanFileSchema.properties).filter((k) => !(k in DriftCaseSchema.properties));
    expect([...PLAN_FILE_KEYS].sort()).toEqual(added.sort());
  });
});
