import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../core/coastline/index.js';
import { outputTimes, runDrift, type DriftRequest } from '../../core/drift/index.js';
import { GriddedField, RegularLonLatGrid } from '../../core/environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import { chunkQueue, driftChunks } from './chunked_drift.js';
import { allocateSharedDrift, sharedDriftResult } from './shared_result.js';

// The set-up of src/core/drift/fused_step.test.ts: gridded wind and current with masked nodes, the
// current ending inside the cloud's path, an island that strands some particles, a track seeding
// released within steps, jibes. Blocks of 97 particles (4000 particles: 42 blocks, the last short).
const T0 = Date.UTC(2026, 2, 10) / 1000;
function field(quantity: 'wind' | 'current', west: number, nx: number, ny: number, scale: number): GriddedField {
  const lon = Array.from({ length: nx }, (_, i) => west + 0.05 * i);
  const lat = Array.from({ length: ny }, (_, j) => 36.8 + 0.05 * j);
  const nt = 3, east = new Float64Array(nt * ny * nx), north = new Float64Array(nt * ny * nx);
  for (let t = 0; t < nt; t++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = (t * ny + j) * nx + i;
        east[k] = scale * (1 + Math.sin(i * 0.7 + t) * 0.5);
        north[k] = scale * (0.3 + Math.cos(j * 0.9 - t) * 0.6);
        if ((i * 7 + j * 3 + t) % 11 === 0) { east[k] = NaN; north[k] = NaN; }   // masked nodes
      }
    }
  }
  return new GriddedField({ label: quantity, quantity, grid: new RegularLonLatGrid(lon, lat), timesS: Float64Array.from([T0, T0 + 3 * 3600, T0 + 6 * 3600]), eastMps: east, northMps: north });
}
const island = coastlineFromRings([[[131.12, 37.02], [131.16, 37.02], [131.16, 37.06], [131.12, 37.06]]], { westDeg: 130, southDeg: 36, eastDeg: 132, northDeg: 38 });
const request: DriftRequest = {
  scenarios: [
    { name: 'piw', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.05, latDeg: 37.0 }, radiusM: 3000, spread: 'gaussian' } },
    { name: 'track', weight: 1, objectClass: objectClass('SEPIRB'), seeding: {
      kind: 'track', from: { lonDeg: 131.0, latDeg: 36.95 }, to: { lonDeg: 131.1, latDeg: 37.05 },
      fromTimeS: T0, toTimeS: T0 + 2 * 3600, fromRadiusM: 200, toRadiusM: 800, spread: 'uniform-disc' } },
  ],
  startS: T0, durationS: 6 * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 3,
  particleCount: 4000, seed: 11, jibeProbabilityPerHour: 0.5,
};

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('driftChunks (blocks stepped in lockstep)', () => {
  test('gives runDrift\'s result bit for bit: final columns and every output time', () => {
    const forcing = () => ({ wind: field('wind', 130.5, 30, 16, 9), current: field('current', 130.8, 9, 12, 0.4) });
    const whole = runDrift(request, forcing(), { shoreline: island });
    const memory = allocateSharedDrift(request.particleCount, outputTimes(request));
    const done = driftChunks(request, forcing(), island, chunkQueue(request.particleCount, 97), memory);
    expect(done).toBe(request.particleCount * 36);
    const blocks = sharedDriftResult(memory, request, whole.forcingLabels, []);
    expect(new Set(whole.particles.status)).toEqual(new Set([0, 1, 2]));   // active, stranded, outside forcing
    for (const column of ['lonDeg', 'latDeg', 'status', 'jibeCount', 'side', 'crosswindSlope', 'nextJibeS', 'seedMoveM', 'weight'] as const) {
      expect(bytes(blocks.particles[column]).equals(bytes(whole.particles[column])), column).toBe(true);
    }
    expect(blocks.snapshots.map((s) => s.timeS)).toEqual(whole.snapshots.map((s) => s.timeS));
    whole.snapshots.forEach((s, k) => {
      expect(bytes(blocks.snapshots[k].lonDeg).equals(bytes(s.lonDeg)), `lon at output ${k}`).toBe(true);
      expect(bytes(blocks.snapshots[k].latDeg).equals(bytes(s.latDeg)), `lat at output ${k}`).toBe(true);
      expect(bytes(blocks.snapshots[k].status).equals(bytes(s.status)), `status at output ${k}`).toBe(true);
    });
    expect(whole.snapshots[1].status.includes(3)).toBe(true);   // some not released yet at the first output
  });

  test('stops with SARB_OTHER_THREAD when another thread has failed, and marks its own failure for the others', () => {
    const forcing = { wind: field('wind', 130.5, 30, 16, 9), current: field('current', 130.8, 9, 12, 0.4) };
    const memory = allocateSharedDrift(request.particleCount, outputTimes(request));
    const queue = chunkQueue(request.particleCount, 97);
    // another thread took a seeding task and failed in it: the steps can never start
    const control = new Int32Array(queue.control);
    control[0] = 1; control[2] = 1;
    expect(() => driftChunks(request, forcing, island, queue, memory)).toThrow(expect.objectContaining({ code: 'SARB_OTHER_THREAD' }));
    // a thread that fails itself says so
    const failing = chunkQueue(request.particleCount, 97);
    const broken = { wind: forcing.wind, current: { sampleBatch: () => { throw new Error('unreadable current'); } } };
    expect(new Int32Array(failing.control)[2]).toBe(0);
    expect(() => driftChunks(request, broken as never, island, failing, memory)).toThrow(/unreadable current/);
    expect(new Int32Array(failing.control)[2]).toBe(1);
  });
});
