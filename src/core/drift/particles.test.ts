import { setFlagsFromString } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { ParticleStatus } from './particles.js';
import { summariseCloud } from './summary.js';

// V8's own check (natives syntax, enabled for the functions compiled after this line): whether two
// objects have the same hidden class.
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('ParticleStatus', () => {
  test("keeps its hidden class when status-count records holding doubles are made (the kernels' compiled code stays valid)", () => {
    const kind = (): object => Reflect.construct(Object.getPrototypeOf(ParticleStatus).constructor as new () => object, []);
    expect(sameHiddenClass(ParticleStatus, kind())).toBe(true);
    // a summary's counts (tallied in a Float64Array) and a record of the same keys with fractions
    const n = 64;
    const status = new Uint8Array(n).fill(ParticleStatus.active);
    status[0] = ParticleStatus.stranded;
    const summary = summariseCloud({ timeS: 0, lonDeg: new Float64Array(n).fill(131), latDeg: new Float64Array(n).fill(37), status }, new Float64Array(n).fill(1 / n));
    const record: Record<string, number> = { active: 0.5, stranded: 1.5, outsideForcing: 2.5, notReleased: 3.5 };
    expect(summary.counts.active + record.active).toBe(63.5);
    expect(sameHiddenClass(ParticleStatus, kind())).toBe(true);
    expect([ParticleStatus.active, ParticleStatus.stranded, ParticleStatus.outsideForcing, ParticleStatus.notReleased]).toEqual([0, 1, 2, 3]);
  });
});
