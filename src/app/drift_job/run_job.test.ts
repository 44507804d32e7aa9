import { describe, expect, test } from 'vitest';
import { runDrift, summariseCloud } from '../../core/drift/index.js';
import { ConstantField } from '../../core/environment/index.js';
import { projectPath } from '../../io/project_files.js';
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

  test('threads stepping many blocks of gridded forcing, with releases within steps and stranding, give the one-thread result bit for bit', async () => {
    // the east-sea pair near Ulleungdo: 30,000 particles are 15 blocks a step, taken by whichever thread is free
    const files: DriftJob = {
      request: {
        scenarios: [
          { name: 'piw', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg: 130.95, latDeg: 37.45 }, radiusM: 6000, spread: 'gaussian' } },
          { name: 'track', weight: 1, objectClass: objectClass('LIFE-RAFT-DB-10'), seeding: {
            kind: 'track', from: { lonDeg: 131.2, latDeg: 37.3 }, to: { lonDeg: 131.0, latDeg: 37.5 },
            fromTimeS: T0, toTimeS: T0 + 1.5 * 3600, fromRadiusM: 300, toRadiusM: 1500, spread: 'uniform-disc' } },
        ],
        startS: T0, durationS: 3 * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 4,
        particleCount: 30_000, seed: 3, jibeProbabilityPerHour: 0.3,
      },
      forcing: {
        wind: [{ kind: 'file', path: projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc') }],
        current: [{ kind: 'file', path: projectPath('data/forcing/east-sea-synthetic/east-sea-currents.nc') }],
      },
      coastline: { kind: 'bundled' },
    };
    const { result: threaded, summaries } = await runDriftJob(files, { workers: 2, summarise: true });
    const { result: single } = await runDriftJob(files, { workers: 1 });
    const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(new Set(single.particles.status).has(1)).toBe(true);   // some strand on Ulleungdo
    expect(single.snapshots[1].status.includes(3)).toBe(true);   // some are not released yet at the first output
    for (const column of ['lonDeg', 'latDeg', 'status', 'jibeCount', 'nextJibeS', 'seedMoveM'] as const) {
      expect(bytes(threaded.particles[column]).equals(bytes(single.particles[column])), column).toBe(true);
    }
    expect(threaded.snapshots).toHaveLength(single.snapshots.length);
    single.snapshots.forEach((s, k) => {
      expect(bytes(threaded.snapshots[k].lonDeg).equals(bytes(s.lonDeg)), `lon at output ${k}`).toBe(true);
      expect(bytes(threaded.snapshots[k].status).equals(bytes(s.status)), `status at output ${k}`).toBe(true);
    });
    // the summaries the two threads made between and after their blocks are summariseCloud's of the one-thread run
    const here = single.snapshots.map((s) => summariseCloud(s, single.particles.weight));
    expect(here.some((s) => s.counts['not released'] > 0) && here.some((s) => s.counts.stranded > 0)).toBe(true);
    expect(JSON.stringify(summaries)).toBe(JSON.stringify(here));
    // keeping the last time only: the same summaries, and the last time's positions
    const lastOnly = await runDriftJob(files, { workers: 2, summarise: true, keepSnapshots: 'last' });
    expect(JSON.stringify(lastOnly.summaries)).toBe(JSON.stringify(here));
    expect(lastOnly.result.snapshots).toHaveLength(1);
    expect(bytes(lastOnly.result.snapshots[0].lonDeg).equals(bytes(single.snapshots.at(-1)!.lonDeg))).toBe(true);
  });

  test('the threads summarise every output time as summariseCloud does here, in order, bit for bit', async () => {
    for (const workers of [2, 3]) {
      const { result, summaries } = await runDriftJob(job, { workers, summarise: true });
      expect(summaries).not.toBeNull();
      const here = result.snapshots.map((s) => summariseCloud(s, result.particles.weight));
      expect(here).toHaveLength(7);
      expect(summaries).toEqual(here);
      expect(JSON.stringify(summaries)).toBe(JSON.stringify(here));   // the same keys in the same order, every digit
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
