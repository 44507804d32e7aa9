// A case of a raft (70 %) or a person in the water (30 %): each particle is detected with its own
// object's sweep width, so the plan's POS is the weighted sum of what the same searches give
// against each object alone (separate drifts of each object, within Monte-Carlo error).
import { describe, expect, test } from 'vitest';
import { evaluateAssignments, type UnitAssignment } from '../../core/search/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { parsePlanFile, planCaseFromFile, planReport, runPlan, type PlanRun } from './index.js';

const objects = loadLeewayTable();
const RAFT = { key: 'LIFE-RAFT-DB-10', shipW: 2, heloW: 1.5 };
const PIW = { key: 'PIW-1', shipW: 0.5, heloW: 0.3 };

function planText(scenarios: { key: string; weight: number }[], particles: number): string {
  const width = (unit: 'shipW' | 'heloW'): string => scenarios.length === 1
    ? String((scenarios[0].key === RAFT.key ? RAFT : PIW)[unit])
    : `{ ${RAFT.key}: ${RAFT[unit]}, ${PIW.key}: ${PIW[unit]} }`;
  return `title: raft or person in water
timeStepMin: 15
outputEverySteps: 2
particles: ${particles}
seed: 11
forcing:
  wind: [{ constant: { speedMps: 9, fromDeg: 300 } }]
  current: [{ constant: { speedMps: 0.25, towardDeg: 80 } }]
coastline: none
scenarios:
${scenarios.map((s) => `  - { name: ${s.key}, weight: ${s.weight}, object: ${s.key}, position: '38 30N 132 30E', time: '2026-03-12T00:00Z', radiusNm: 1.5 }`).join('\n')}
planningTime: '2026-03-12T08:00Z'
units:
  - { id: SHIP-1, party: A, speedKn: 12, enduranceH: 4, arrival: '2026-03-12T08:00Z', patterns: [PS, CS], sweepWidthNm: ${width('shipW')} }
  - { id: HELO-1, party: B, speedKn: 90, enduranceH: 1.5, arrival: '2026-03-12T08:30Z', patterns: [PS], sweepWidthNm: ${width('heloW')} }
`;
}

async function plan(scenarios: { key: string; weight: number }[], particles: number): Promise<PlanRun> {
  return runPlan(planCaseFromFile(parsePlanFile(planText(scenarios, particles), 'mixed.yaml'), objects, null, 'mixed.yaml'), { workers: 1 });
}

/** POS of `assignments` against a single-object drift, with that object's W, and the variance of that estimate. */
function against(run: PlanRun, assignments: readonly UnitAssignment[], object: typeof RAFT): { pos: number; variance: number } {
  const own = assignments.map((a) => ({ ...a, sweepWidthNm: a.unitId === 'SHIP-1' ? object.shipW : object.heloW, sweepWidthByScenarioNm: undefined }));
  const r = evaluateAssignments(run.particles, run.drift.result.snapshots, own);
  const n = run.particles.count;
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += r.pod[i] * r.pod[i];
  return { pos: r.pos, variance: (m2 / n - r.pos * r.pos) / n };
}

describe('a plan on a raft (70 %) or a person in the water (30 %)', () => {
  test('POS equals 0.7 POS(raft) + 0.3 POS(person), each with its own sweep width, within Monte-Carlo error', async () => {
    const mixed = await plan([{ key: RAFT.key, weight: 0.7 }, { key: PIW.key, weight: 0.3 }], 4000);
    const raft = await plan([{ key: RAFT.key, weight: 1 }], 4000);
    const piw = await plan([{ key: PIW.key, weight: 1 }], 4000);
    const a = mixed.optimal.assignments;
    expect(a[0].sweepWidthByScenarioNm).toEqual([RAFT.shipW, PIW.shipW]);
    const r = against(raft, a, RAFT), p = against(piw, a, PIW);
    const expected = 0.7 * r.pos + 0.3 * p.pos;
    // the mixed run's own sampling error: POD variance within each scenario's particles
    const scenario = mixed.particles.scenario!;
    let varMixed = 0;
    for (const [s, w] of [[0, 0.7], [1, 0.3]] as const) {
      let count = 0, sum = 0, sum2 = 0;
      for (let i = 0; i < scenario.length; i++) if (scenario[i] === s) { count++; sum += mixed.optimal.pod[i]; sum2 += mixed.optimal.pod[i] ** 2; }
      varMixed += (w * w * (sum2 / count - (sum / count) ** 2)) / count;
    }
    const sigma = Math.sqrt(varMixed + 0.49 * r.variance + 0.09 * p.variance);
    expect(Math.abs(mixed.optimal.pos - expected)).toBeLessThan(4 * sigma);
    // the raft's W for every particle (the old behaviour) is far outside that error
    expect(r.pos - expected).toBeGreaterThan(10 * sigma);
    // the report shows W per unit per object
    const text = planReport(mixed, []);
    expect(text).toMatch(/W per object: LIFE-RAFT-DB-10 2\.00 NM \(manual\); PIW-1 0\.50 NM \(manual\)/);
    expect(text).toMatch(/W per object: LIFE-RAFT-DB-10 1\.50 NM \(manual\); PIW-1 0\.30 NM \(manual\)/);
  }, 60_000);

  test('one manual sweep width for scenarios of different objects is refused, saying which objects', () => {
    const text = planText([{ key: RAFT.key, weight: 0.7 }, { key: PIW.key, weight: 0.3 }], 500).replace(/sweepWidthNm: \{[^}]*\}/, 'sweepWidthNm: 2');
    expect(() => planCaseFromFile(parsePlanFile(text, 'mixed.yaml'), objects, null, 'mixed.yaml'))
      .toThrow(/mixed\.yaml: units\/0\/sweepWidthNm: one sweep width for unit SHIP-1, but the scenarios have different objects \(LIFE-RAFT-DB-10, PIW-1\)/);
    const missing = planText([{ key: RAFT.key, weight: 0.7 }, { key: PIW.key, weight: 0.3 }], 500).replace(`, ${PIW.key}: ${PIW.shipW}`, '');
    expect(() => planCaseFromFile(parsePlanFile(missing, 'mixed.yaml'), objects, null, 'mixed.yaml')).toThrow(/units\/0\/sweepWidthNm: no sweep width for PIW-1/);
    const stray = planText([{ key: RAFT.key, weight: 1 }], 500).replace('sweepWidthNm: 2 ', `sweepWidthNm: { ${RAFT.key}: 2, PIW-2: 0.4 } `);
    expect(() => planCaseFromFile(parsePlanFile(stray, 'mixed.yaml'), objects, null, 'mixed.yaml')).toThrow(/units\/0\/sweepWidthNm\/PIW-2: no scenario has the object PIW-2/);
  });
});
