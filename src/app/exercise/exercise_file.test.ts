import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { leewayTable } from '../../test_support/leeway_table.js';
import { exerciseCaseFromFile, parseExerciseFile } from './exercise_file.js';
import { loadExerciseCase } from './load_exercise_case.js';

const examples = ['liancourt-joint-sarex', 'east-sea-raft-or-piw', 'constant-forcing-six-units'];
const path = (name: string): string => new URL(`../../../examples/exercises/${name}.yaml`, import.meta.url).pathname;

/** The constant-forcing example with `change` applied to its parsed text. */
function variant(change: (f: Record<string, any>) => void): string {
  const f = parseExerciseFile(readFileSync(path('constant-forcing-six-units'), 'utf8'), 'x.yaml') as Record<string, any>;
  change(f);
  return stringify(f);
}
const read = (text: string) => exerciseCaseFromFile(parseExerciseFile(text, 'x.yaml'), leewayTable, null, 'x.yaml');

describe('exercise files', () => {
  test('the three examples read', () => {
    for (const name of examples) {
      const c = loadExerciseCase(path(name), leewayTable);
      expect(c.truth.perturbation).toBeDefined();
      expect(c.plan.units.length).toBeGreaterThan(0);
      expect(c.endS).toBeGreaterThan(c.plan.planningTimeS);
    }
    const sarex = loadExerciseCase(path('liancourt-joint-sarex'), leewayTable);
    expect(sarex.phases.map((p) => p.name)).toEqual(['plan 1', 'second search']);
    expect(sarex.phases[1].planningTimeS - sarex.phases[0].planningTimeS).toBe(6 * 3600);
    // the one drift runs until the last unit of the second phase ends: 1300Z + 2 h helicopter = 1500Z... ships 1230Z + 6 h
    expect(sarex.plan.drift.request.startS + sarex.plan.drift.request.durationS).toBeGreaterThanOrEqual(sarex.endS);
    expect(sarex.injects.map((i) => i.kind)).toEqual(['unitLate', 'weatherChange']);
    const constant = loadExerciseCase(path('constant-forcing-six-units'), leewayTable);
    expect(constant.truth.forcing!.current).toEqual([{ kind: 'constant', eastMps: expect.closeTo(0.4 * Math.sin((80 * Math.PI) / 180), 12), northMps: expect.closeTo(0.4 * Math.cos((80 * Math.PI) / 180), 12) }]);
    expect(constant.truth.spread).toEqual({ kind: 'scenarios' });
    expect(constant.detectionStepS).toBe(60);
  });

  test('truth forcing files are resolved as the plan\'s are, and a fixed truth keeps its position', () => {
    const text = variant((f) => {
      f.exercise.truth.forcing = { wind: [{ file: 'truth-wind.nc' }], current: [{ constant: { speedMps: 0.2, towardDeg: 0 } }] };
      f.exercise.truth.position = '38 31N 132 31E';
      f.exercise.truth.time = '2026-03-12T00:30Z';
      f.exercise.truth.object = 'LIFE-RAFT-DB-10';
      delete f.exercise.truth.spread;   // with spread: scenarios, trials draw their truths and position is the live exercise's
    });
    const c = exerciseCaseFromFile(parseExerciseFile(text, 'x.yaml'), leewayTable, (p) => `/cases/${p}`, 'x.yaml');
    expect(c.truth.forcing!.wind).toEqual([{ kind: 'file', path: '/cases/truth-wind.nc' }]);
    expect(c.truth.position!.latDeg).toBeCloseTo(38 + 31 / 60, 12);
    expect(c.truth.timeS).toBe(Date.UTC(2026, 2, 12, 0, 30) / 1000);
    expect(c.truth.spread).toEqual({ kind: 'none' });
    expect(c.truth.objectClass).toBe('LIFE-RAFT-DB-10');
  });

  test('bad input gets an error naming the file and the path', () => {
    const cases: [string, RegExp][] = [
      [variant((f) => { delete f.exercise; }), /x.yaml: exercise: is required but missing/],
      [variant((f) => { f.exercise.truth.position = '97 00N 132 00E'; f.exercise.truth.time = '2026-03-12T00:00Z'; }), /x.yaml: exercise\/truth\/position/],
      [variant((f) => { f.exercise.truth.position = '38 30N 132 30E'; }), /x.yaml: exercise\/truth: give both position and time/],
      [variant((f) => { f.exercise.truth.object = 'PIW-1'; }), /x.yaml: exercise\/truth\/object: PIW-1 is the object of no scenario/],
      [variant((f) => { f.exercise.truth.perturbation.windSpeedFactor = -1; }), /x.yaml: exercise\/truth\/perturbation\/windSpeedFactor/],
      [variant((f) => { f.exercise.truth.spread = { radiusNm: 2 }; }), /exercise\/truth\/spread: a spread about the truth needs its position/],
      [variant((f) => { f.exercise.phases = [{ name: 'a', replanAfterH: 6 }, { name: 'b', replanAfterH: 3 }]; }), /exercise\/phases\/1\/replanAfterH: 3 h: each phase replans later/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'unitLate', at: '2026-03-12T13:00Z', text: 'late', unit: 'SHIP-9', delayH: 1 }]; }), /x.yaml: exercise\/injects\/0\/unit: 'SHIP-9' is not a unit of the exercise/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'sighting', at: '2026-03-12T13:00Z', text: 'flare' }]; }), /exercise\/injects\/0\/position: a sighting needs a position/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'sighting', at: '2026-03-12T13:00', text: 'flare', position: '38 30N 132 30E' }]; }), /exercise\/injects\/0\/at/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'debris', at: '2026-03-12T13:00Z', text: 'oil', position: '38 30N 132 30E', unit: 'SHIP-1' }]; }), /exercise\/injects\/0\/unit: a debris inject has no unit/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'distressCall', at: '2026-03-12T13:00Z', text: 'MAYDAY', positionError: { bearingDeg: 400, distanceNm: 1 } }]; }), /exercise\/injects\/0\/positionError\/bearingDeg: 400 is not a bearing/],
      [variant((f) => { f.exercise.injects = [{ id: 'i', kind: 'weatherChange', at: '2026-03-12T13:00Z', text: 'fog', weather: { visibilityNm: 0.5 } }, { id: 'i', kind: 'weatherChange', at: '2026-03-12T14:00Z', text: 'fog', weather: { visibilityNm: 0.5 } }]; }), /exercise\/injects\/1\/id: 'i' is used by another inject/],
      [variant((f) => { f.exercise.detection = { stepMin: 0 }; }), /x.yaml: exercise\/detection\/stepMin/],
      [variant((f) => { f.units[0].speedKn = -3; }), /x.yaml: units\/0\/speedKn/],
      [variant((f) => { f.durationH = 13; }), /x.yaml: durationH: 13 h ends before the last/],
    ];
    for (const [text, message] of cases) expect(() => read(text)).toThrow(message);
  });
});
