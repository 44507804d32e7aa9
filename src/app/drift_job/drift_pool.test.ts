import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { outputTimes, type DriftRequest } from '../../core/drift/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { constantFrom } from '../case_file/index.js';
import { DriftPool } from './drift_pool.js';
import type { DriftJob } from './job.js';
import { storedTimeIndices } from './particle_blob.js';

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    } catch { return []; }   // a thread that ended meanwhile
  });
}

/** A constant-forcing job of `particles` particles over `hours` at 1-min steps. */
function job(particles: number, hours: number): { job: DriftJob; storedTimes: number[] } {
  const startS = Date.parse('2026-03-10T06:00:00Z') / 1000;
  const objectClass = findObjectClass(loadLeewayTable(), 'PIW-1');
  const request: DriftRequest = {
    scenarios: [{ name: objectClass.key, weight: 1, objectClass, seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.23 }, radiusM: 926, spread: 'gaussian', timeS: startS } }],
    startS, direction: 'forward', durationS: hours * 3600, timeStepS: 60, outputEverySteps: 60, particleCount: particles, seed: 1, jibeProbabilityPerHour: 0,
  };
  const drift: DriftJob = { title: 'pool test', request, forcing: { wind: [constantFrom(10, 90)], current: [constantFrom(0.2, 90)] }, coastline: { kind: 'none' } };
  return { job: drift, storedTimes: storedTimeIndices(outputTimes(request).length, particles) };
}

describe.skipIf(process.platform !== 'linux')('DriftPool priorities (Linux)', () => {
  test('a long drift goes on below the request thread (nice 10); its worker is then replaced by one at normal priority, and a short drift never lowers it', async () => {
    const pool = new DriftPool({ workers: 1, queuePerParty: 4 });
    try {
      // short: done well within a second of drifting
      const short = job(50, 1);
      await pool.submit({ runId: 'short-1', party: 'KR', job: short.job, files: [], storedTimes: short.storedTimes });
      expect(threadNices().filter((n) => n === 10)).toEqual([]);

      // long: the worker lowers itself after a second of drifting; seen from here as a thread at nice 10
      const long = job(20_000, 72);
      let sawLowered = false;
      let progress = 0;
      const outcome = pool.submit({ runId: 'long', party: 'KR', job: long.job, files: [], storedTimes: long.storedTimes, onProgress: (f) => { progress = f; } });
      const watch = setInterval(() => { if (threadNices().includes(10)) sawLowered = true; }, 50);
      const result = await outcome.finally(() => clearInterval(watch));
      expect(result.times).toHaveLength(73);
      expect(progress).toBeGreaterThan(0.99);
      expect(sawLowered).toBe(true);
      // the lowered thread is gone once its job is done, and the next job runs on a fresh one
      for (let i = 0; i < 100 && threadNices().includes(10); i++) await new Promise((r) => setTimeout(r, 20));
      expect(threadNices().filter((n) => n === 10)).toEqual([]);
      const next = await pool.submit({ runId: 'short-2', party: 'JP', job: short.job, files: [], storedTimes: short.storedTimes });
      expect(next.times).toHaveLength(2);
      expect(pool.load.workers).toBe(1);
    } finally {
      await pool.close();
    }
  }, 300_000);
});
