// Every example the project ships (drift cases in examples/, plans in examples/plans/) gives the
// same output on 1, 2 and 4 worker threads: the drift bit for bit, and the plan built on it.
// Few particles keep it quick; threads are forced (the automatic count would stay at one).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DriftResult } from '../../core/drift/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { findRepoRoot } from '../../io/project_files.js';
import { loadDriftCase } from '../case_file/index.js';
import { runDriftJob } from '../drift_job/index.js';
import type { DriftJob } from '../drift_job/job.js';
import { loadPlanCase, runPlan, type PlanRun } from './index.js';

const objects = loadLeewayTable();
const root = findRepoRoot();
const yamlIn = (folder: string): string[] => readdirSync(join(root, folder)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(root, folder, f));
const driftCases = yamlIn('examples');
const planFiles = yamlIn('examples/plans');
const PARTICLES = 240;
const THREADS = [1, 2, 4];

const few = (job: DriftJob): DriftJob => ({ ...job, request: { ...job.request, particleCount: PARTICLES } });

/** Every column and every output time of a drift result, as bytes. */
function driftBytes(r: DriftResult): string[] {
  const out: string[] = [];
  for (const [name, column] of Object.entries(r.particles)) {
    if (ArrayBuffer.isView(column)) out.push(`${name}:${Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64')}`);
  }
  for (const s of r.snapshots) {
    out.push(`${s.timeS}`, ...[s.lonDeg, s.latDeg, s.status].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')));
  }
  return out;
}

/** The plan a coordinator reads: areas, patterns, routes and POS of both planners. */
function planOutcome(run: PlanRun): string {
  const plan = (p: PlanRun['optimal'] | PlanRun['baseline']): unknown => ({ pos: p.pos, unitPos: p.unitPos, assignments: p.assignments });
  return JSON.stringify({ optimal: plan(run.optimal), baseline: plan(run.baseline), datumTrack: run.datumTrack, update: run.update?.pos ?? null });
}

describe('examples on 1, 2 and 4 worker threads', () => {
  test('the examples folder has drift cases and plans to run', () => {
    expect(driftCases.length).toBeGreaterThan(0);
    expect(planFiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const path of driftCases) {
    test(`drift ${path.slice(root.length + 1)} is the same on every thread count`, async () => {
      const job = few(loadDriftCase(path, objects));
      const results = [];
      for (const workers of THREADS) {
        const r = await runDriftJob(job, { workers });
        expect(r.workers).toBe(workers);
        results.push(driftBytes(r.result));
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    }, 120_000);
  }

  for (const path of planFiles) {
    test(`plan ${path.slice(root.length + 1)} is the same on every thread count`, async () => {
      const planCase = loadPlanCase(path, objects);
      const small = { ...planCase, drift: few(planCase.drift) };
      const drifts: string[][] = [], plans: string[] = [];
      for (const workers of THREADS) {
        const run = await runPlan(small, { workers });
        expect(run.drift.workers).toBe(workers);
        drifts.push(driftBytes(run.drift.result));
        plans.push(planOutcome(run));
      }
      expect(drifts[1]).toEqual(drifts[0]);
      expect(drifts[2]).toEqual(drifts[0]);
      expect(plans[1]).toBe(plans[0]);
      expect(plans[2]).toBe(plans[0]);
    }, 180_000);
  }
});
