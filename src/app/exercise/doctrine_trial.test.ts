import { describe, expect, test } from 'vitest';
import { leewayTable } from '../../test_support/leeway_table.js';
import { drawTruth, runSeedOf } from './doctrine_trial.js';
import { loadExerciseCase } from './load_exercise_case.js';
import { simulateExercises } from './simulate.js';

const file = new URL('../../../examples/exercises/constant-forcing-six-units.yaml', import.meta.url).pathname;

describe('doctrine trials', () => {
  test('with the truth drawn from the forecast itself, the searches find it as often as the plans promised (statistical)', async () => {
    // no perturbation, no other forcing, no injects: the truth is one more draw of the players' own
    // drift, so the mean POD of the flown tracks on the truth estimates the plan's POS (up to the
    // in-sample optimism of an allocation optimised on 3000 particles), and the detection rate that POD
    const base = loadExerciseCase(file, leewayTable);
    const exercise = {
      ...base, injects: [], truth: { ...base.truth, forcing: null, perturbation: undefined },
      plan: { ...base.plan, drift: { ...base.plan.drift, request: { ...base.plan.drift.request, particleCount: 3000 } } },
    };
    const runs = 400;
    const r = await simulateExercises(exercise, { runs, seed: 11, objects: leewayTable });
    for (const m of r.methods) {
      const pods = r.outcomes.map((o) => -Math.expm1(-o.methods[m.method].exposure));
      const mean = pods.reduce((a, b) => a + b, 0) / runs;
      const sd = Math.sqrt(pods.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1));
      expect(mean).toBeCloseTo(m.meanTruthPod, 12);
      expect(Math.abs(mean - m.meanPlannedPos)).toBeLessThan(4 * (sd / Math.sqrt(runs)) + 0.02);
      expect(Math.abs(m.detection.rate - mean)).toBeLessThan(4 * Math.sqrt((mean * (1 - mean)) / runs) + 1e-9);
    }
    // and the truth falls inside the first plan's X % containment about X % of the time (the cells
    // of a containment hold a little more than X: a grid of about 50 cells across the 90 % area)
    const m = r.methods[0];
    expect(m.inside50).toEqual(r.methods[1].inside50);   // one map for both methods in the first phase
    expect(Math.abs(m.inside50.rate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / runs) + 0.03);
    expect(Math.abs(m.inside90.rate - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / runs) + 0.03);
    // the two methods differ here (six units on a raft: the optimal plan covers the cloud better)
    expect(r.methods[0].meanPlannedPos).toBeGreaterThan(r.methods[1].meanPlannedPos);
  }, 120_000);

  test('truths drawn as the plan seeds particles: both scenarios, times in the track seeding\'s window', () => {
    const exercise = loadExerciseCase(file, leewayTable);
    const [point, track] = exercise.plan.drift.request.scenarios.map((s) => s.seeding);
    const draws = Array.from({ length: 400 }, (_, r) => drawTruth(exercise, runSeedOf(1, r)));
    const fromTrack = draws.filter((d) => d.truth.timeS < (point.kind === 'point' ? point.timeS! : 0));
    // scenario weights 0.6 / 0.4: the point seeding releases at 0000Z, the track over 2200Z-0000Z
    expect(fromTrack.length / 400).toBeGreaterThan(0.3);
    expect(fromTrack.length / 400).toBeLessThan(0.5);
    if (track.kind === 'track') for (const d of fromTrack) expect(d.truth.timeS).toBeGreaterThanOrEqual(track.fromTimeS);
    expect(drawTruth(exercise, runSeedOf(1, 3))).toEqual(drawTruth(exercise, runSeedOf(1, 3)));
  });
});
