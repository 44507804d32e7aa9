// Worker-thread entry: started ahead (warm_worker.ts) while the main thread loads its modules and
// reads the files; takes its job and the shared memory (the `setup` message), writes every page
// of that memory once while it waits, then waits for the loaded forcing and coastline and drifts
// chunks of the job's particles until none is left (chunked_drift.ts), writing positions at every
// output time, the final columns and (when asked) the output times' summaries into shared memory.
import { parentPort } from 'node:worker_threads';
import { stepCount, type DriftForcing, type Shoreline } from '../../core/drift/index.js';
import { driftChunks, type ChunkQueue } from './chunked_drift.js';
import type { DriftJob } from './job.js';
import { touchSharedDrift, type SharedDriftMemory } from './shared_result.js';
import { threadCpuMs, type ThreadWork } from './thread_cpu.js';
import { unpackInWorker, type Packed } from './transfer.js';

/** The first message: the job, its chunk queue and the run's shared result memory. */
interface SetupMessage {
  readonly setup: WorkerInput;
}

interface WorkerInput {
  readonly job: DriftJob;
  readonly queue: ChunkQueue;
  readonly memory: SharedDriftMemory;
}

/** The second message: the forcing and coastline the main thread loaded. */
interface StartMessage {
  readonly loaded: Packed<{ forcing: DriftForcing; shoreline: Shoreline | null }>;
}

const port = parentPort!;
const now = (): number => performance.timeOrigin + performance.now();
const milestones: Record<string, number> = { 'modules loaded': now() };
let job: DriftJob, queue: ChunkQueue, memory: SharedDriftMemory;
port.once('message', ({ setup }: SetupMessage) => {
  ({ job, queue, memory } = setup);
  milestones['job received'] = now();
  // the first writes' page faults here, while the main thread still reads (they cost a drifting
  // thread several times more); race-free with a thread already drifting (touchSharedDrift)
  touchSharedDrift(memory);
  milestones['memory touched'] = now();
  port.once('message', ({ loaded }: StartMessage) => { milestones['data received'] = now(); run(loaded); });
});

function run(loaded: StartMessage['loaded']): void {
  try {
    drift(loaded);
  } catch (error) {
    const e = error as Error & { code?: string };
    port.postMessage({ type: 'error', code: e.code, message: e.message ?? String(error) });
  }
}

function drift(loaded: StartMessage['loaded']): void {
  const { forcing, shoreline } = unpackInWorker(loaded);
  // particle-steps done, posted at most every 2 % of the run's (a message per step cost tens of ms of each thread's time)
  const every = Math.max(1, Math.floor((job.request.particleCount * stepCount(job.request)) / 50));
  let posted = 0;
  const cpuAt = threadCpuMs(), summaries = { summariesCpuMs: 0 };
  const drifted = driftChunks(job.request, forcing, shoreline, queue, memory, (done) => {
    if (done - posted >= every) { posted = done; port.postMessage({ type: 'progress', done }); }
  }, true, summaries);
  const work: ThreadWork = { particleSteps: drifted, cpuMs: threadCpuMs() - cpuAt, summariesCpuMs: summaries.summariesCpuMs };
  port.postMessage({ type: 'progress', done: drifted });
  milestones.done = now();
  port.postMessage({ type: 'done', milestones, work });
}
