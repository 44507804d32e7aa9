import {
  driftBlock, driftSetting, isOutputStep, moveSeedingOffLand, particleViews, seedParticles, sharedDriftBlock, stepBlock, stepCount,
  type DriftBlock, type DriftForcing, type DriftRequest, type Shoreline,
} from '../../core/drift/index.js';
import { WorkerError } from './worker_error.js';
import { writeSharedParticles, writeSharedSnapshot, type SharedDriftMemory } from './shared_result.js';

/**
 * Particles in a block. The threads of a run step blocks in lockstep: every block through step s
 * before any through step s + 1, each block taken by whichever thread is free, so the threads
 * finish together whatever their speeds (the machine gives one less time, a worker starts late).
 * One range per thread, each drifted through the whole run, left one thread idle for up to 0.3 s
 * of a 1.3 s drift (--timings, 2026-12-03 19:16Z); ranges cut finer cost a blend of the forcing's
 * time slices per range and step. Here a thread blends once per step, as with one range, and
 * waits at most for the block another is finishing: 2048 particles take about 0.15 ms a step.
 */
export const BLOCK_PARTICLES = 2048;

/** Control words (Int32) of a lockstep run. */
const TAKEN = 0, DONE = 1, FAILED = 2;

/** How long a thread waits without any block finishing before it gives the run up. */
const STALL_MS = 60_000;

/**
 * The shared state of a threaded run's lockstep (see BLOCK_PARTICLES): tasks are numbered from 0,
 * block b of phase p being task p × blocks + b, phase 0 seeding the block and phase s + 1 its step
 * s; a thread takes the next task from a counter and starts it once every task of the phases
 * before has finished. The particles' columns and their snapshots are the run's shared memory.
 */
export interface ChunkQueue {
  readonly particleCount: number;
  readonly blockSize: number;
  /** Int32: tasks taken, tasks finished, 1 once a thread failed. */
  readonly control: SharedArrayBuffer;
  /** Uint8 per particle: whether its wind, its current need no more sampling (the kernels' coverage flags). */
  readonly windCovered: SharedArrayBuffer;
  readonly currentCovered: SharedArrayBuffer;
  /** Int32 per block: its particles not released yet. */
  readonly waiting: SharedArrayBuffer;
}

export function chunkQueue(particleCount: number, blockSize = BLOCK_PARTICLES): ChunkQueue {
  const blocks = Math.ceil(particleCount / blockSize);
  return {
    particleCount, blockSize, control: new SharedArrayBuffer(3 * 4),
    windCovered: new SharedArrayBuffer(particleCount), currentCovered: new SharedArrayBuffer(particleCount),
    waiting: new SharedArrayBuffer(blocks * 4),
  };
}

/**
 * Take tasks of the lockstep until none is left: seed blocks (positions moved off land, columns
 * and the first output time written into the shared memory), then step them, writing each output
 * time. Every particle depends only on its own index, the request and the forcing (counter-based
 * random numbers; the forcing sampled as for the whole run), so any split among threads gives the
 * one-thread result bit for bit. The caller has checked the run's coverage once
 * (checkDriftCoverage). `onProgress` gets the particle-steps this thread has done. Returns them.
 * When another thread fails, throws a WorkerError (code SARB_OTHER_THREAD) for the caller to
 * report that thread's error instead.
 */
export function driftChunks(
  request: DriftRequest, forcing: DriftForcing, shoreline: Shoreline | null, queue: ChunkQueue, memory: SharedDriftMemory,
  onProgress?: (particleSteps: number) => void,
): number {
  const control = new Int32Array(queue.control);
  const size = queue.blockSize, n = queue.particleCount;
  const blocks = Math.ceil(n / size), steps = stepCount(request), tasks = blocks * (steps + 1);
  const maxMoveM = driftSetting(request, 'seedOnLandMaxMoveM')!;
  const own: (DriftBlock | undefined)[] = new Array(blocks);   // this thread's views of each block
  const view = (b: number, seeded: boolean): DriftBlock => {
    let block = own[b];
    if (block === undefined) {
      const first = b * size, count = Math.min(size, n - first);
      const particles = particleViews(memory.columns, first, count);
      const flags = [new Uint8Array(queue.windCovered, first, count), new Uint8Array(queue.currentCovered, first, count)] as const;
      const waiting = new Int32Array(queue.waiting, b * 4, 1);
      block = own[b] = seeded ? sharedDriftBlock(particles, ...flags, waiting) : driftBlock(particles, ...flags, waiting);
    }
    return block;
  };
  // output time k (from 0, the start) that step s ends at, for the steps that end at one
  const outputAfter = new Int32Array(steps);
  for (let s = 0, k = 0; s < steps; s++) outputAfter[s] = isOutputStep(request, s, steps) ? ++k : -1;
  let particleSteps = 0;
  try {
    for (let task = Atomics.add(control, TAKEN, 1); task < tasks; task = Atomics.add(control, TAKEN, 1)) {
      const phase = Math.floor(task / blocks), b = task - phase * blocks;
      awaitDone(control, phase * blocks);
      if (phase === 0) {
        const seeded = seedParticles(request, b * size, Math.min(size, n - b * size));
        if (shoreline) moveSeedingOffLand(seeded, shoreline, maxMoveM);
        writeSharedParticles(memory, seeded);
        const block = view(b, false);
        writeSharedSnapshot(memory, 0, block.particles);
      } else {
        const block = view(b, true), step = phase - 1;
        stepBlock(request, forcing, shoreline, block, step);
        if (outputAfter[step] > 0) writeSharedSnapshot(memory, outputAfter[step], block.particles);
        particleSteps += block.particles.count;
        onProgress?.(particleSteps);
      }
      if ((Atomics.add(control, DONE, 1) + 1) % blocks === 0) Atomics.notify(control, DONE);
    }
  } catch (error) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE);
    throw error;
  }
  return particleSteps;
}

/** Wait until `target` tasks have finished; throws when another thread failed or nothing finished for STALL_MS. */
function awaitDone(control: Int32Array, target: number): void {
  let seen = Atomics.load(control, DONE), since = performance.now();
  while (seen < target) {
    if (Atomics.load(control, FAILED) !== 0) throw new WorkerError('SARB_OTHER_THREAD', 'another drift thread failed');
    Atomics.wait(control, DONE, seen, 1000);
    const now = Atomics.load(control, DONE);
    if (now !== seen) { seen = now; since = performance.now(); } else if (performance.now() - since > STALL_MS) {
      throw new WorkerError('SARB_WORKER', `no block of the drift finished for ${STALL_MS / 1000} s (a drift thread stopped?)`);
    }
  }
}
