import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mergeDriftResults, runDrift, stepCount, type DriftResult } from '../../core/drift/index.js';
import { SarbridgeError } from '../../core/errors.js';
import type { DriftJob } from './job.js';
import { openJobCoastline, openJobForcing, type OpenedForcing } from './open.js';

/**
 * Below this many particle-steps per worker, threads cost more than they save: each worker loads
 * the forcing and the coastline again (about a second with h5wasm and the bundled coastline).
 */
const MIN_PARTICLE_STEPS_PER_WORKER = 4_000_000;

export interface DriftJobOptions {
  /** Worker threads; default: every core when the job is large enough to gain. 1 runs in this thread. */
  readonly workers?: number;
  /** Fraction done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
}

export interface DriftJobResult {
  readonly result: DriftResult;
  readonly forcing: OpenedForcing;
  readonly workers: number;
}

/** An error raised inside a worker, re-raised here with its code and message. */
export class WorkerError extends SarbridgeError {
  constructor(readonly code: string, message: string) { super(message); }
}

/**
 * Run a drift job on every core: the forcing is opened here first (so a bad file fails once, with
 * its message), then each worker opens it again and drifts a consecutive range of particles.
 * Counter-based random numbers make the merged result identical to a one-thread run.
 */
export async function runDriftJob(job: DriftJob, options: DriftJobOptions = {}): Promise<DriftJobResult> {
  const forcing = await openJobForcing(job);
  const shoreline = await openJobCoastline(job.coastline);
  const n = job.request.particleCount;
  const steps = stepCount(job.request);
  const automatic = Math.min(availableParallelism(), Math.floor((n * steps) / MIN_PARTICLE_STEPS_PER_WORKER));
  const workers = Math.max(1, Math.min(options.workers ?? automatic, n));
  if (workers === 1) {
    const result = runDrift(job.request, forcing, { shoreline, onProgress: (done) => options.onProgress?.(done / steps) });
    return { result, forcing, workers };
  }
  // fail fast on a bad request or uncovered seeding before starting threads
  runDrift({ ...job.request, durationS: Math.min(job.request.durationS, job.request.timeStepS) }, forcing, { shoreline, count: Math.min(n, 200) });

  const done = new Array<number>(workers).fill(0);
  const ranges = Array.from({ length: workers }, (_, w) => {
    const first = Math.floor((w * n) / workers);
    return { firstIndex: first, count: Math.floor(((w + 1) * n) / workers) - first };
  });
  const parts = await Promise.all(ranges.map((range, w) => runWorker(job, range, (stepsDone) => {
    done[w] = stepsDone * range.count;
    options.onProgress?.(done.reduce((a, b) => a + b, 0) / (steps * n));
  })));
  return { result: mergeDriftResults(parts.map((part) => ({ ...part, request: job.request }))), forcing, workers };
}

function runWorker(job: DriftJob, range: { firstIndex: number; count: number }, onSteps: (done: number) => void): Promise<DriftResult> {
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JS.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  const worker = new Worker(url, { workerData: { job, ...range }, execArgv: fromSource ? ['--import', 'tsx'] : [] });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { type: string; done?: number; result?: DriftResult; code?: string; message?: string }) => {
      if (message.type === 'progress') onSteps(message.done!);
      else if (message.type === 'result') { resolve(message.result!); void worker.terminate(); }
      else if (message.type === 'error') { reject(new WorkerError(message.code ?? 'SARB_WORKER', message.message!)); void worker.terminate(); }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`drift worker for particles ${range.firstIndex}.. stopped with exit code ${code}`)); });
  });
}
