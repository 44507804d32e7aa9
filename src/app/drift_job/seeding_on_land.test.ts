import { describe, expect, test } from 'vitest';
import { ParticleStatus, seedingMovedOffLand, seedParticles } from '../../core/drift/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { distanceM } from '../../core/geo/sphere.js';
import { loadBundledCoastline } from '../../io/coastline/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import type { DriftJob } from './job.js';
import { runDriftJob } from './run_job.js';

const T0 = Date.UTC(2026, 2, 10, 6) / 1000;
const coast = loadBundledCoastline();

/** A job seeded around a position, with the bundled coastline (GSHHG f, 127-135E 33-41N). */
function jobAt(lonDeg: number, latDeg: number, radiusM: number, extra: { seedOnLandMaxMoveM?: number } = {}): DriftJob {
  return {
    request: {
      scenarios: [{ name: 'piw', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg, latDeg }, radiusM, spread: 'gaussian' } }],
      startS: T0, durationS: 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 6,
      particleCount: 2000, seed: 3, jibeProbabilityPerHour: 0.04, ...extra,
    },
    forcing: { wind: [{ kind: 'constant', eastMps: 0, northMps: 5 }], current: [{ kind: 'constant', eastMps: 0, northMps: 0 }] },
    coastline: { kind: 'bundled' },
  };
}

// Seonginbong, the summit of Ulleungdo: an island about 10 km across, so every land point of it
// lies within 5 km of the sea; a 1.5 km spread puts most particles on the island
const ulleungdo = jobAt(130.866, 37.500, 1500);

describe('seeding on land', () => {
  test('particles seeded on Ulleungdo move to the nearest water within 5 km and say how far', async () => {
    const { result } = await runDriftJob(ulleungdo, { workers: 1 });
    const seeded = seedParticles(ulleungdo.request);
    const start = result.snapshots[0];
    const moved = seedingMovedOffLand(result.particles);
    expect(moved.count).toBeGreaterThan(1000);
    expect(moved.maxMoveM).toBeLessThanOrEqual(5010);
    let onLand = 0;
    for (let i = 0; i < seeded.count; i++) {
      const wasLand = coast.isLand(seeded.lonDeg[i], seeded.latDeg[i]);
      if (wasLand) onLand++;
      expect(start.status[i]).toBe(ParticleStatus.active);                 // none stranded at the start
      expect(coast.isLand(start.lonDeg[i], start.latDeg[i])).toBe(false);  // every one afloat
      const moveM = result.particles.seedMoveM[i];
      if (!wasLand) { expect(moveM).toBe(0); continue; }
      // the recorded distance is the distance moved (float32 column; local metric against the sphere)
      expect(Math.abs(distanceM(seeded.lonDeg[i], seeded.latDeg[i], start.lonDeg[i], start.latDeg[i]) - moveM)).toBeLessThan(0.5);
    }
    expect(moved.count).toBe(onLand);
  });

  test('the water found is the nearest: the circle 20 m inside the move is all land', async () => {
    const { result } = await runDriftJob(ulleungdo, { workers: 1 });
    const seeded = seedParticles(ulleungdo.request);
    const RAD = Math.PI / 180, R = 6_371_008.8;
    let checked = 0;
    for (let i = 0; i < seeded.count && checked < 200; i++) {
      const moveM = result.particles.seedMoveM[i];
      if (moveM < 100) continue;
      checked++;
      const r = moveM - 10 - 20;   // 20 m short of the shoreline point
      for (let b = 0; b < 72; b++) {
        const bearing = (b * 5) * RAD;
        const lon = seeded.lonDeg[i] + (r * Math.sin(bearing)) / (R * Math.cos(seeded.latDeg[i] * RAD)) / RAD;
        const lat = seeded.latDeg[i] + (r * Math.cos(bearing)) / R / RAD;
        expect(coast.isLand(lon, lat), `particle ${i}, ${b * 5}° at ${r.toFixed(0)} m`).toBe(true);
      }
    }
    expect(checked).toBe(200);
  });

  test('two worker threads move the same particles to the same places as one thread', async () => {
    const { result: single } = await runDriftJob(ulleungdo, { workers: 1 });
    const { result: threaded, workers } = await runDriftJob(ulleungdo, { workers: 2 });
    expect(workers).toBe(2);
    expect(Buffer.from(threaded.particles.seedMoveM.buffer).equals(Buffer.from(single.particles.seedMoveM.buffer))).toBe(true);
    expect(Buffer.from(threaded.snapshots[0].lonDeg.buffer).equals(Buffer.from(single.snapshots[0].lonDeg.buffer))).toBe(true);
    expect(Buffer.from(threaded.particles.latDeg.buffer).equals(Buffer.from(single.particles.latDeg.buffer))).toBe(true);
  });

  test('with seedOnLandMaxMoveM 0 a particle on land strands where it was seeded', async () => {
    const job = jobAt(130.866, 37.500, 1500, { seedOnLandMaxMoveM: 0 });
    const { result } = await runDriftJob(job, { workers: 1 });
    const seeded = seedParticles(job.request);
    let onLand = 0, strandedAtStart = 0;
    for (let i = 0; i < seeded.count; i++) {
      if (coast.isLand(seeded.lonDeg[i], seeded.latDeg[i])) onLand++;
      if (result.snapshots[0].status[i] === ParticleStatus.stranded) strandedAtStart++;
    }
    expect(onLand).toBeGreaterThan(1000);
    expect(strandedAtStart).toBe(onLand);
    expect(seedingMovedOffLand(result.particles).count).toBe(0);
  });

  test('a seeding wholly on land, farther than the allowed move from water, is refused with the position', async () => {
    // the Gangwon mountains, 60 km inland of Korea's east coast
    for (const workers of [1, 2]) {
      const run = runDriftJob(jobAt(128.5, 37.5, 500), { workers });
      await expect(run).rejects.toThrow(InvalidInputError);
      await expect(runDriftJob(jobAt(128.5, 37.5, 500), { workers })).rejects.toThrow(
        /^scenarios\[0\]\.seeding: all 2000 particles of scenario 'piw' are seeded on land \(GSHHG[^)]*\), none within 5 km of water \(e\.g\. 37\.\d{4}N 128\.\d{4}E\)/);
    }
  });

  test('the allowed move is checked against its limits', async () => {
    await expect(runDriftJob(jobAt(130.866, 37.5, 1500, { seedOnLandMaxMoveM: 60_000 }), { workers: 1 }))
      .rejects.toThrow('seedOnLandMaxMoveM: 60000 is not between 0 and 50000 m');
  });
});
