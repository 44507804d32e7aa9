// Worker-thread entry: drifts one range of a job's particles through the forcing the main thread
// loaded, writing positions at every output time and the final columns into shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { runDrift, type DriftForcing, type Shoreline } from '../../core/drift/index.js';
import type { DriftJob } from './job.js';
import { writeSharedParticles, writeSharedSnapshot, type SharedDriftMemory } from './shared_result.js';
import { unpackInWorker, type Packed } from './transfer.js';

interface WorkerInput {
  readonly job: DriftJob;
  /** The forcing and coastline the main thread loaded, packed with their classes. */
  readonly loaded: Packed<{ forcing: DriftForcing; shoreline: Shoreline | null }>;
  readonly firstIndex: number;
  readonly count: number;
  readonly memory: SharedDriftMemory;
}

const { job, loaded, firstIndex, count, memory } = workerData as WorkerInput;
const port = parentPort!;
try {
  const { forcing, shoreline } = unpackInWorker(loaded);
  const result = runDrift(job.request, forcing, {
    shoreline, firstIndex, count,
    onSnapshot: (k, _timeS, particles) => writeSharedSnapshot(memory, k, particles),
    onProgress: (done) => port.postMessage({ type: 'progress', done }),
  });
  writeSharedParticles(memory, result.particles);
  port.postMessage({ type: 'done', forcingLabels: result.forcingLabels });
} catch (error) {
  const e = error as Error & { code?: string };
  port.postMessage({ type: 'error', code: e.code, message: e.message ?? String(error) });
}
