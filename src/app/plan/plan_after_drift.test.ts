// baselineAfterDrift, the IAMSAR players' plan in a doctrine trial's later phases, must be the
// baseline planAfterDrift gives on the same case: the same Bayesian update for the searches done,
// the same options, the same layout (the trial compares the two methods on it).
import { describe, expect, test } from 'vitest';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { baselineAfterDrift } from './plan_after_drift.js';
import { parsePlanFile, planCaseFromFile, runPlan } from './index.js';

const PLAN = `title: baseline alone
timeStepMin: 15
outputEverySteps: 2
particles: 3000
seed: 5
forcing:
  wind: [{ constant: { speedMps: 8, fromDeg: 250 } }]
  current: [{ constant: { speedMps: 0.2, towardDeg: 100 } }]
coastline: none
scenarios:
  - { name: raft, weight: 0.6, object: LIFE-RAFT-DB-10, position: '38 30N 132 30E', time: '2026-03-12T00:00Z', radiusNm: 2 }
  - { name: person, weight: 0.4, object: PIW-1, position: '38 30N 132 30E', time: '2026-03-12T00:00Z', radiusNm: 2 }
planningTime: '2026-03-12T08:00Z'
units:
  - { id: SHIP-1, party: A, speedKn: 12, enduranceH: 4, arrival: '2026-03-12T08:00Z', patterns: [PS, CS], sweepWidthNm: { LIFE-RAFT-DB-10: 2, PIW-1: 0.5 } }
  - { id: HELO-1, party: B, speedKn: 90, enduranceH: 1.5, arrival: '2026-03-12T08:30Z', patterns: [PS], sweepWidthNm: { LIFE-RAFT-DB-10: 1.5, PIW-1: 0.3 } }
searchesDone:
  - unit: fishing boat
    sweepWidthNm: { LIFE-RAFT-DB-10: 1.2, PIW-1: 0.3 }
    speedKn: 6
    track:
      - { position: '38 28N 132 36E', time: '2026-03-12T05:00Z' }
      - { position: '38 28N 132 44E', time: '2026-03-12T06:00Z' }
      - { position: '38 31N 132 44E', time: '2026-03-12T06:30Z' }
`;

describe('baselineAfterDrift', () => {
  test("gives planAfterDrift's baseline and updated weights, bit for bit, after searches done", async () => {
    const run = await runPlan(planCaseFromFile(parsePlanFile(PLAN, 'alone.yaml'), loadLeewayTable(), null, 'alone.yaml'), { workers: 1 });
    expect(run.update).not.toBeNull();   // the searches done changed the weights
    expect(run.update!.pos).toBeGreaterThan(0);
    const alone = baselineAfterDrift(run.planCase, run.drift.result, null);
    expect(alone.particles.weight).toEqual(run.particles.weight);
    expect(alone.baseline).toEqual(run.baseline);
    expect(alone.baseline.assignments.length).toBe(2);
  });
});
