import { describe, expect, test } from 'vitest';
import { outputTimes, runDrift, summariseCloud } from '../../core/drift/index.js';
import { griddedForcing, island, request } from '../../core/drift/gridded_case.testkit.js';
import { chunkQueue, driftChunks } from './chunked_drift.js';
import { allocateSharedDrift, sharedDriftResult } from './shared_result.js';
import { readSharedSummary } from './shared_summaries.js';

// The case of src/core/drift/gridded_case.testkit.ts in blocks of 97 particles (4000 particles: 42 blocks, the last short).

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('driftChunks (blocks stepped in lockstep)', () => {
  test('gives runDrift\'s result bit for bit: final columns and every output time', () => {
    const forcing = griddedForcing;
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

  test('summarises every output time into the queue as summariseCloud does, bit for bit', () => {
    const whole = runDrift(request, griddedForcing(), { shoreline: island });
    const times = outputTimes(request);
    const memory = allocateSharedDrift(request.particleCount, times);
    const queue = chunkQueue(request.particleCount, 97, times.length);
    driftChunks(request, griddedForcing(), island, queue, memory);
    const values = new Float64Array(queue.summaries!.values);
    const here = whole.snapshots.map((s) => summariseCloud(s, whole.particles.weight));
    const shared = whole.snapshots.map((s, k) => readSharedSummary(values, k, s.timeS));
    expect(here.some((s) => s.counts['not released'] > 0)).toBe(true);
    expect(shared).toEqual(here);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(here));   // the same keys in the same order, every digit
    expect(new Int32Array(queue.summaries!.control)[0]).toBeGreaterThanOrEqual(times.length);   // all taken
  });

  test('with a ring of snapshot buffers, summarises each output time before its buffer is reused: the summaries and the last time as runDrift\'s', () => {
    const whole = runDrift(request, griddedForcing(), { shoreline: island });
    const times = outputTimes(request);
    expect(times.length).toBeGreaterThan(4);
    const memory = allocateSharedDrift(request.particleCount, times, 2);
    expect(memory.ring).toBe(2);
    expect(memory.snapshots[2].lonDeg).toBe(memory.snapshots[0].lonDeg);   // the times before the last share 2 buffers
    const queue = chunkQueue(request.particleCount, 97, times.length);
    // one thread: never waits at a barrier, so every summary but the last two is made when its buffer is about to be reused
    driftChunks(request, griddedForcing(), island, queue, memory);
    const values = new Float64Array(queue.summaries!.values);
    const here = whole.snapshots.map((s) => summariseCloud(s, whole.particles.weight));
    expect(JSON.stringify(whole.snapshots.map((s, k) => readSharedSummary(values, k, s.timeS)))).toBe(JSON.stringify(here));
    const result = sharedDriftResult(memory, request, whole.forcingLabels, []);
    expect(result.snapshots).toHaveLength(1);
    const lastTime = whole.snapshots.at(-1)!;
    expect(bytes(result.snapshots[0].lonDeg).equals(bytes(lastTime.lonDeg)) && bytes(result.snapshots[0].status).equals(bytes(lastTime.status))).toBe(true);
    // without summaries, the overwritten times could not be read: refused
    expect(() => driftChunks(request, griddedForcing(), island, chunkQueue(request.particleCount, 97), allocateSharedDrift(request.particleCount, times, 2)))
      .toThrow(/needs the summaries/);
  });

  test('a thread that does not take summaries makes only those whose buffers it is about to reuse', () => {
    const times = outputTimes(request);
    const queue = chunkQueue(request.particleCount, 97, times.length);
    driftChunks(request, griddedForcing(), island, queue, allocateSharedDrift(request.particleCount, times), undefined, false);
    expect(new Int32Array(queue.summaries!.control)[0]).toBe(0);   // none taken: left to the thread that takes them
    const ringQueue = chunkQueue(request.particleCount, 97, times.length);
    driftChunks(request, griddedForcing(), island, ringQueue, allocateSharedDrift(request.particleCount, times, 2), undefined, false);
    // output times 0 .. last − 3 are overwritten by times 2 .. last − 1: made first; the last two left
    const written = new Int32Array(ringQueue.summaries!.control, 4, times.length);
    expect(Array.from(written)).toEqual(times.map((_, k) => (k < times.length - 3 ? 1 : 0)));
  });

  test('stops with SARB_OTHER_THREAD when another thread has failed, and marks its own failure for the others', () => {
    const forcing = griddedForcing();
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
