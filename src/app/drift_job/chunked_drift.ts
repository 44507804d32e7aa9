import { runDrift, stepCount, type DriftForcing, type DriftRequest, type Shoreline } from '../../core/drift/index.js';
import { writeSharedParticles, writeSharedSnapshot, type SharedDriftMemory } from './shared_result.js';

/**
 * Chunks per thread. More would balance the threads better, but each chunk blends the forcing's
 * time slices again at every step (GriddedField keeps one blend): with 4 per thread the blends cost
 * about 0.15 s of wall time in a 100,000-particle run (profiled, east-sea pair) and the whole
 * process 0.3-0.6 s more CPU, more than the balance saved (bench/RESULTS.md, 2026-12-03). One per
 * thread until the blends are shared between chunks: the thread ready first takes the first range.
 */
const CHUNKS_PER_THREAD = 1;

/**
 * The particles of a threaded run cut into consecutive chunks, taken in turn by whichever thread
 * is free (a counter in shared memory), so the threads finish together even when one starts late
 * (a worker loads its modules and receives the data while this thread already drifts) or the
 * machine gives one thread less time. A fixed range per thread left one thread idle for a quarter
 * of a second in a 100,000-particle run (a CPU profile, bench/RESULTS.md).
 */
export interface ChunkQueue {
  readonly particleCount: number;
  readonly chunkSize: number;
  /** Int32: the index of the next chunk to take. */
  readonly next: SharedArrayBuffer;
}

export function chunkQueue(particleCount: number, threads: number): ChunkQueue {
  const chunkSize = Math.max(1, Math.ceil(particleCount / (threads * CHUNKS_PER_THREAD)));
  return { particleCount, chunkSize, next: new SharedArrayBuffer(4) };
}

/** The next chunk's particles (global indices), or null when all are taken. */
export function takeChunk(queue: ChunkQueue): { firstIndex: number; count: number } | null {
  const firstIndex = Atomics.add(new Int32Array(queue.next), 0, 1) * queue.chunkSize;
  if (firstIndex >= queue.particleCount) return null;
  return { firstIndex, count: Math.min(queue.chunkSize, queue.particleCount - firstIndex) };
}

/**
 * Drift chunks of the queue until none is left, each through the whole run, writing its positions
 * at every output time and its final columns into the shared memory. Every particle depends only
 * on its own index and the forcing (counter-based random numbers; the forcing sampled as for the
 * whole run, DriftRunOptions.firstIndex), so any split gives the one-thread result bit for bit.
 * The caller has checked the run's coverage once (checkDriftCoverage). `onProgress` gets the
 * particle-steps this thread has done, after every step. Returns how many particles it drifted.
 */
export function driftChunks(
  request: DriftRequest, forcing: DriftForcing, shoreline: Shoreline | null, queue: ChunkQueue, memory: SharedDriftMemory,
  onProgress?: (particleSteps: number) => void,
): number {
  let drifted = 0;
  for (let chunk = takeChunk(queue); chunk !== null; chunk = takeChunk(queue)) {
    const before = drifted * stepCount(request), count = chunk.count;
    const result = runDrift(request, forcing, {
      shoreline, firstIndex: chunk.firstIndex, count, checkSeedingCoverage: false,
      onSnapshot: (k, _timeS, particles) => writeSharedSnapshot(memory, k, particles),
      onProgress: onProgress && ((stepsDone) => onProgress(before + stepsDone * count)),
    });
    writeSharedParticles(memory, result.particles);
    drifted += count;
  }
  return drifted;
}
