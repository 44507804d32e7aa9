import {
  driftBlock, driftSetting, isOutputStep, moveSeedingOffLand, particleViews, seedParticles, sharedDriftBlock, stepBlock, stepCount, summariseCloud,
  type DriftBlock, type DriftForcing, type DriftRequest, type DriftSnapshot, type Shoreline,
} from '../../core/drift/index.js';
import { WorkerError } from './worker_error.js';
import { writeSharedParticles, writeSharedSnapshot, type SharedDriftMemory } from './shared_result.js';
import { allocateSharedSummaries, writeSharedSummary } from './shared_summaries.js';
import { threadCpuMs } from './thread_cpu.js';

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
  /**
   * When the threads also summarise the output times (summariseCloud): Int32 summaries taken, then
   * one per output time, 1 once its summary is written; and the summaries (shared_summaries.ts).
   * Null: no summaries.
   */
  readonly summaries: { readonly control: SharedArrayBuffer; readonly values: SharedArrayBuffer } | null;
}

/** The queue of a run of `particleCount` particles; with `summaryTimes`, its output times are summarised too (that many). */
export function chunkQueue(particleCount: number, blockSize = BLOCK_PARTICLES, summaryTimes = 0): ChunkQueue {
  const blocks = Math.ceil(particleCount / blockSize);
  return {
    particleCount, blockSize, control: new SharedArrayBuffer(3 * 4),
    windCovered: new SharedArrayBuffer(particleCount), currentCovered: new SharedArrayBuffer(particleCount),
    waiting: new SharedArrayBuffer(blocks * 4),
    summaries: summaryTimes > 0 ? { control: new SharedArrayBuffer(4 * (1 + summaryTimes)), values: allocateSharedSummaries(summaryTimes) } : null,
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
 *
 * With `queue.summaries`, the threads also summarise every output time into it (summariseCloud on
 * the whole cloud, all threads' blocks): a thread whose next task would wait for the others to
 * finish a step summarises an output time already finished instead, and once no task is left the
 * threads share the summaries still to make. So the summaries fill the waits at the lockstep's
 * barriers (a thread the machine descheduled holds the others there) rather than following the
 * drift; each is summariseCloud of the finished snapshot, whichever thread makes it. With
 * `memory.ring` (the output times before the last overwritten `ring` times later), a block about
 * to overwrite an output time first sees it summarised (making the summary itself when nobody has
 * taken it), so every summary is of the positions drifted, whatever the threads' speeds.
 * `takesSummaries` false: this thread makes only those (another thread makes the rest, and must:
 * the caller runs one that does). `work`, when given, gets the CPU this thread spent on summaries
 * added (threadCpuMs, for --timings).
 */
export function driftChunks(
  request: DriftRequest, forcing: DriftForcing, shoreline: Shoreline | null, queue: ChunkQueue, memory: SharedDriftMemory,
  onProgress?: (particleSteps: number) => void, takesSummaries = true, work?: { summariesCpuMs: number },
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
  const summaries = queue.summaries === null ? null : outputSummaries(queue.summaries, memory, outputAfter, blocks, work);
  const ring = memory.ring, last = memory.snapshots.length - 1;
  if (ring > 0 && summaries === null) throw new Error('driftChunks: a ring of snapshots needs the summaries (the output times are overwritten)');
  try {
    for (;;) {
      // a finished output time summarised while the next task would wait for the others
      if (summaries !== null && takesSummaries) {
        for (;;) {
          const next = Atomics.load(control, TAKEN);
          if (next >= tasks || Atomics.load(control, DONE) >= Math.floor(next / blocks) * blocks || !summaries.takeReady(control)) break;
        }
      }
      const task = Atomics.add(control, TAKEN, 1);
      if (task >= tasks) break;
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
        const k = outputAfter[step];
        if (k > 0) {
          if (ring > 0 && k < last && k >= ring) summaries!.ensure(control, k - ring);   // the time whose buffer k takes over
          writeSharedSnapshot(memory, k, block.particles);
        }
        particleSteps += block.particles.count;
        onProgress?.(particleSteps);
      }
      if ((Atomics.add(control, DONE, 1) + 1) % blocks === 0) Atomics.notify(control, DONE);
    }
    if (takesSummaries) summaries?.takeRest(control);
  } catch (error) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE);
    throw error;
  }
  return particleSteps;
}

/**
 * This thread's side of a run's summaries (see driftChunks): output time k can be summarised once
 * `readyAt[k]` tasks have finished (the seeding for the start, else the step that ends at it).
 */
function outputSummaries(
  shared: NonNullable<ChunkQueue['summaries']>, memory: SharedDriftMemory, outputAfter: Int32Array, blocks: number, work?: { summariesCpuMs: number },
): { takeReady: (control: Int32Array) => boolean; takeRest: (control: Int32Array) => void; ensure: (control: Int32Array, k: number) => void } {
  const times = memory.snapshots.length;
  const taken = new Int32Array(shared.control, 0, 1), written = new Int32Array(shared.control, 4, times), values = new Float64Array(shared.values);
  const readyAt = new Float64Array(times);
  readyAt[0] = blocks;
  outputAfter.forEach((k, step) => { if (k > 0) readyAt[k] = (step + 2) * blocks; });
  const weight = new Float64Array(memory.columns.weight);
  const summarise = (k: number): void => {
    const cpuAt = work === undefined ? 0 : threadCpuMs();
    const s = memory.snapshots[k];
    const snapshot: DriftSnapshot = { timeS: s.timeS, lonDeg: new Float64Array(s.lonDeg), latDeg: new Float64Array(s.latDeg), status: new Uint8Array(s.status) };
    writeSharedSummary(values, k, summariseCloud(snapshot, weight));
    Atomics.store(written, k, 1);
    Atomics.notify(written, k);
    if (work !== undefined) work.summariesCpuMs += threadCpuMs() - cpuAt;
  };
  return {
    // the next output time when it is finished; false when it is not (or all are taken)
    takeReady(control) {
      const k = Atomics.load(taken, 0);
      if (k >= times || Atomics.load(control, DONE) < readyAt[k]) return false;
      if (Atomics.compareExchange(taken, 0, k, k + 1) === k) summarise(k);
      return true;
    },
    // the output times nobody has taken yet, each once it is finished
    takeRest(control) {
      for (let k = Atomics.add(taken, 0, 1); k < times; k = Atomics.add(taken, 0, 1)) {
        awaitDone(control, readyAt[k]);
        summarise(k);
      }
    },
    // output time k summarised: the ones up to k nobody has taken made here (all finished long
    // ago: k's buffer is about to be overwritten), then k's waited for when another makes it
    ensure(control, k) {
      if (Atomics.load(written, k) === 1) return;
      for (let next = Atomics.load(taken, 0); next <= k; next = Atomics.load(taken, 0)) {
        if (Atomics.compareExchange(taken, 0, next, next + 1) === next) summarise(next);
      }
      const since = performance.now();
      while (Atomics.load(written, k) === 0) {
        if (Atomics.load(control, FAILED) !== 0) throw new WorkerError('SARB_OTHER_THREAD', 'another drift thread failed');
        Atomics.wait(written, k, 0, 1000);
        if (performance.now() - since > STALL_MS) throw new WorkerError('SARB_WORKER', `the summary of output time ${k} was not made for ${STALL_MS / 1000} s (a drift thread stopped?)`);
      }
    },
  };
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
