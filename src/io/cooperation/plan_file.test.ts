import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlanJson } from './plan_file.js';

describe('parsePlanJson', () => {
  test('reads the example plan', () => {
    const text = readFileSync(new URL('../../../examples/cooperation/plan-example.json', import.meta.url), 'utf8');
    const { plan, acknowledgements } = parsePlanJson(text, 'plan.json');
    expect(plan.units.map((u) => u.unitId)).toEqual(['kr-ship-1', 'jp-ship-1']);
    expect(plan.datumTrack).toHaveLength(2);
    expect(acknowledgements).toEqual([]);
  });

  test('errors name the path and the problem', () => {
    expect(() => parsePlanJson('{"datumTrack":[{"timeS":0,"lonDeg":200,"latDeg":0}],"units":[]}', 'plan.json')).toThrow(/plan\.json: datumTrack\/0\/lonDeg: Expected number to be less or equal to 180 \(got 200\)/);
    expect(() => parsePlanJson('{"datumTrack":[],"units":[{"unitId":"u","party":"A","waypoints":[{"lonDeg":0,"latDeg":0,"timeS":10},{"lonDeg":0,"latDeg":0,"timeS":5}]}]}', 'plan.json'))
      .toThrow(/units\/0\/waypoints\/1\/timeS: earlier than the point before/);
    expect(() => parsePlanJson('{', 'plan.json')).toThrow(/plan\.json: not valid JSON/);
  });
});
