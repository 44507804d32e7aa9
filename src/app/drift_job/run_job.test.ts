import { describe, expect, test } from 'vitest';
import { runDrift, summariseCloud } from '../../core/drift/index.js';
import { ConstantField } from '../../core/environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import type { DriftJob } from './job.js';
import { runDriftJob, workerCount } from './run_job.js';

const T0 = Date.UTC(2026, 2, 10, 6) / 1000;
const job: DriftJob = {
  request: {
    scenarios: [{ name: 'raft', weight: 1, objectClass: objectClass('LIFE-RAFT-DB-10'), seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.23 }, radiusM: 1852, spread: 'gaussian' } }],
    startS: T0, durationS: 6 * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 6,
    particleCount: 3001, seed: 5, jibeProbabilityPerHour: 0.04,
  },
  forcing: { wind: [{ kind: 'constant', eastMps: 6, northMps: -8 }], current: [{ kind: 'constant', eastMps: 0.1, northMps: 0.05 }] },
  coastline: { kind: 'bundled' },
};

describe('runDriftJob', () => {
  test('two worker threads give the one-thread result bit for bit', async () => {
    const { result: threaded, workers } = await runDriftJob(job, { workers: 2 });
    const { result: single } = await runDriftJob(job, { workers: 1 });
    expect(workers).toBe(2);
    expect(Buffer.from(threaded.particles.lonDeg.buffer).equals(Buffer.from(single.particles.lonDeg.buffer))).toBe(true);
    expect(Buffer.from(threaded.particles.jibeCount.buffer).equals(Buffer.from(single.particles.jibeCount.buffer))).toBe(true);
    expect(threaded.snapshots.map((s) => s.timeS)).toEqual(single.snapshots.map((s) => s.timeS));
    for (let k = 0; k < single.snapshots.length; k++) {
      expect(Buffer.from(threaded.snapshots[k].latDeg.buffer).equals(Buffer.from(single.snapshots[k].latDeg.buffer))).toBe(true);
      expect(Buffer.from(threaded.snapshots[k].status.buffer).equals(Buffer.from(single.snapshots[k].status.buffer))).toBe(true);
    }
    // and the same as the core run with the same constant forcing
    const core = runDrift(job.request, { wind: new ConstantField('wind', 6, -8), current: new ConstantField('current', 0.1, 0.05) });
    expect(Array.from(threaded.particles.latDeg)).toEqual(Array.from(core.particles.latDeg));
  });

  test('the threads summarise every output time as summariseCloud does here, in order', async () => {
    for (const workers of [2, 3]) {
      const { result, summaries } = await runDriftJob(job, { workers, summarise: true });
      expect(summaries).not.toBeNull();
      const here = result.snapshots.map((s) => summariseCloud(s, result.particles.weight));
      expect(here).toHaveLength(7);
      expect(await summaries!()).toEqual(here);
    }
    expect((await runDriftJob(job, { workers: 1, summarise: true })).summaries).toBeNull();   // one thread: the caller summarises
  });

  test('a file error is raised once, before any worker starts', async () => {
    const bad: DriftJob = { ...job, forcing: { ...job.forcing, wind: [{ kind: 'file', path: '/nonexistent/wind.nc' }] } };
    await expect(runDriftJob(bad, { workers: 2 })).rejects.toThrow(/\/nonexistent\/wind\.nc/);
  });

  test('threads start only for jobs large enough to repay loading the files again', () => {
    expect(workerCount(job)).toBe(1);   // 3001 particles × 36 steps
    expect(workerCount({ ...job, request: { ...job.request, particleCount: 100_000, durationS: 86_400 } })).toBeGreaterThanOrEqual(1);
    expect(workerCount(job, 8)).toBe(8);
    expect(workerCount({ ...job, request: { ...job.request, particleCount: 3 } }, 8)).toBe(3);
  });
});
