import { describe, expect, test } from 'vitest';
import { runCli } from '../../test_support/cli.js';
import { leewayTable } from '../../test_support/leeway_table.js';
import { loadExerciseCase } from './load_exercise_case.js';
import { simulateExercises } from './simulate.js';

const file = new URL('../../../examples/exercises/constant-forcing-six-units.yaml', import.meta.url).pathname;

describe('sarbridge exercise simulate', () => {
  test('a small trial: the same seed gives the same output bit for bit, another seed another', async () => {
    const args = ['exercise', 'simulate', file, '--runs', '8', '--particles', '600', '--seed', '5', '--json'];
    const a = await runCli(...args);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    const b = await runCli(...args);
    expect(b.out).toBe(a.out);
    const r = JSON.parse(a.out);
    expect(r.runs).toBe(8);
    expect(r.playersOnce).toBe(true);
    expect(r.methods.map((m: { method: string }) => m.method)).toEqual(['optimal', 'iamsar']);
    expect(r.outcomes).toHaveLength(8);
    // every run draws its own truth
    expect(new Set(r.outcomes.map((o: { truth: { position: { latDeg: number } } }) => o.truth.position.latDeg)).size).toBe(8);
    const c = await runCli(...args.slice(0, -3), '--seed', '6', '--json');
    expect(c.out).not.toBe(a.out);
  }, 60_000);

  test('the table names the methods, the intervals and how undetected runs count', async () => {
    const t = await runCli('exercise', 'simulate', file, '--runs', '6', '--particles', '600');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/optimal allocation\s+\d\/6/);
    expect(t.out).toMatch(/IAMSAR baseline\s+\d\/6/);
    expect(t.out).toContain('95 % (Wilson)');
    expect(t.out).toContain('counts as +∞');
    expect(t.out).toContain("players' drift and plans made once per method");
  }, 60_000);

  test('bad options and files are refused with the flag or the path', async () => {
    expect((await runCli('exercise', 'simulate', file, '--runs', '0')).err).toMatch(/--runs: '0' is not a whole number of exercises from 1 to 10,000/);
    // a huge request is refused before anything is laid out (it ended in V8's out-of-memory abort)
    const huge = await runCli('exercise', 'simulate', file, '--runs', '1e9');
    expect(huge.code).toBe(1);
    expect(huge.err).toMatch(/--runs: '1e9' is not a whole number of exercises from 1 to 10,000 \[SARB_INVALID_INPUT\]/);
    expect((await runCli('exercise', 'simulate', file, '--runs', '2', '--threads', '999')).err).toMatch(/--threads: '999' is not a whole number of threads from 1 to 64/);
    expect((await runCli('exercise', 'simulate', 'no-such.yaml', '--runs', '2')).err).toMatch(/no-such.yaml: cannot read the exercise file/);
  });

  test('runs that drift on their own give the same records on one thread and on two', async () => {
    const base = loadExerciseCase(file, leewayTable);
    const exercise = { ...base, plan: { ...base.plan, drift: { ...base.plan.drift, request: { ...base.plan.drift.request, particleCount: 400 } } } };
    const one = await simulateExercises(exercise, { runs: 4, seed: 3, threads: 1, driftPerRun: true, objects: leewayTable });
    const two = await simulateExercises(exercise, { runs: 4, seed: 3, threads: 2, driftPerRun: true, objects: leewayTable });
    expect(two.outcomes).toEqual(one.outcomes);
    expect(two.methods).toEqual(one.methods);
    expect(one.playersOnce).toBe(false);
    // each run planned on its own drift: the plans' POS differ between runs
    expect(new Set(one.outcomes.map((o) => o.plannedPos.optimal)).size).toBeGreaterThan(1);
  }, 120_000);
});
