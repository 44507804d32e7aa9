// Worker-thread entry: drifts one range of a job's particles, writing positions at every output
// time and the final columns straight into the shared result memory.
import { parentPort, workerData } from 'node:worker_threads';
import { runDrift } from '../../core/drift/index.js';
import type { DriftJob } from './job.js';
import { openJobCoastline, openJobForcing } from './open.js';
import { writeSharedParticles, writeSharedSnapshot, type SharedDriftMemory } from './shared_result.js';

interface WorkerInput {
  readonly job: DriftJob;
  readonly firstIndex: number;
  readonly count: number;
  readonly memory: SharedDriftMemory;
}

const { job, firstIndex, count, memory } = workerData as WorkerInput;
const port = parentPort!;
try {
  const forcing = await openJobForcing(job);
  const shoreline = await openJobCoastline(job.coastline);
  const result = runDrift(job.request, forcing, {
    shoreline, firstIndex, count,
    onSnapshot: (k, _timeS, particles) => writeSharedSnapshot(memory, k, particles),
    onProgress: (done) => port.postMessage({ type: 'progress', done }),
  });
  writeSharedParticles(memory, result.particles);
  port.postMessage({
    type: 'done',
    forcingLabels: result.forcingLabels,
    fileDescriptions: forcing.files.flatMap((f) => f.description),
  });
} catch (error) {
  const e = error as Error & { code?: string };
  port.postMessage({ type: 'error', code: e.code, message: e.message ?? String(error) });
}
