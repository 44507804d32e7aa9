import { availableParallelism } from 'node:os';
import {
  checkDriftCoverage, checkDriftRequest, outputTimes, runDrift, seedingWarnings, stepCount, type CloudSummary, type DriftResult,
  type DriftRunOptions,
} from '../../core/drift/index.js';
import { chunkQueue, driftChunks, type ChunkQueue } from './chunked_drift.js';
import { WorkerError } from './worker_error.js';
import type { ForcingOpener } from './forcing_chain.js';
import type { DriftJob } from './job.js';
import { openJobCoastline, openJobForcingFiles } from './open.js';
import { allocateSharedDrift, sharedDriftResult, type SharedDriftMemory } from './shared_result.js';
import { readSharedSummary } from './shared_summaries.js';
import { threadCpuMs, type ThreadWork } from './thread_cpu.js';
import { packForWorker, type Packed } from './transfer.js';
import { dropWarmDriftWorker, takeDriftWorker } from './warm_worker.js';

/**
 * Below this many particle-steps per worker, threads cost more than they save (starting a worker
 * and copying the loaded forcing and coastline into it takes about 0.2 s).
 */
const MIN_PARTICLE_STEPS_PER_WORKER = 2_000_000;

export interface DriftJobOptions {
  /** Worker threads; default: every core when the job is large enough to gain. 1 runs in this thread. */
  readonly workers?: number;
  /** Fraction done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Positions at each output time, handed over instead of kept in `result.snapshots` (one thread
   * only: a server's pool worker packs them as they come; see drift_pool_worker.ts).
   */
  readonly onSnapshot?: DriftRunOptions['onSnapshot'];
  /** How forcing files are opened (default: from disk by path; a pool worker opens uploaded bytes). */
  readonly openForcing?: ForcingOpener;
  /** Called as each phase of the job starts in this thread ('reading forcing', 'coastline', 'drift'), for --timings. */
  readonly onPhase?: (phase: string) => void;
  /** A drift thread's milestones (epoch ms: modules loaded, data received, done) and its work, for --timings. */
  readonly onThreadTimes?: (thread: string, milestones: Readonly<Record<string, number>>, work?: ThreadWork) => void;
  /**
   * Have the threads of a threaded run also summarise every output time (summariseCloud), as the
   * drift finishes each (chunked_drift.ts): see `DriftJobResult.summaries`.
   */
  readonly summarise?: boolean;
  /**
   * 'last': the caller reads the positions of the last output time only (and, with `summarise`,
   * the summaries): a threaded run then keeps the earlier times' positions only until summarised
   * (SNAPSHOT_RING buffers in turn), and `result.snapshots` holds the last time alone. Default
   * 'all'. A one-thread run keeps every time either way.
   */
  readonly keepSnapshots?: 'all' | 'last';
}

/**
 * Buffers the output times before the last take in turn with keepSnapshots 'last': a time's
 * buffer is reused this many output times later, by when the threads have nearly always
 * summarised it (they take a summary at the first barrier wait after its time is finished).
 */
const SNAPSHOT_RING = 4;

export interface DriftJobResult {
  readonly result: DriftResult;
  /** Wall-clock seconds spent reading the files and drifting (threads started and joined included). */
  readonly timings: { readonly loadS: number; readonly driftS: number };
  /** What each forcing file said of itself and of what was read from it. */
  readonly fileDescriptions: readonly string[];
  readonly workers: number;
  /**
   * With `summarise` on a threaded run: the summary of every output time, in order, equal to
   * summariseCloud's of that time's positions (made by the threads during the drift; with
   * keepSnapshots 'last', of positions since overwritten). Otherwise null: the caller summarises
   * `result.snapshots` itself.
   */
  readonly summaries: readonly CloudSummary[] | null;
}

export { WorkerError } from './worker_error.js';

/** How many threads a job gets: as asked, or every core when the job is large enough. */
export function workerCount(job: DriftJob, asked?: number): number {
  const n = job.request.particleCount;
  const automatic = Math.min(availableParallelism(), Math.floor((n * stepCount(job.request)) / MIN_PARTICLE_STEPS_PER_WORKER));
  return Math.max(1, Math.min(asked ?? automatic, n));
}

/**
 * Run a drift job, on every core when it is large enough. The files are read once, here. With
 * `workers` threads, this thread and `workers − 1` worker threads, given the loaded forcing and
 * coastline, drift chunks of consecutive particles, each taking the next chunk when it is free
 * (chunked_drift.ts); all write into shared memory (nothing is copied back). This thread takes
 * chunks rather than waiting, so a
 * two-core run starts one worker, not two (a worker costs about 0.1 s of CPU to start and load, and
 * its own heap). Counter-based random numbers make the result identical to a one-thread run, bit
 * for bit.
 */
export async function runDriftJob(job: DriftJob, options: DriftJobOptions = {}): Promise<DriftJobResult> {
  checkDriftRequest(job.request);
  const workers = options.onSnapshot ? 1 : workerCount(job, options.workers);
  const steps = stepCount(job.request);
  const n = job.request.particleCount;
  // threads start first (or were started ahead, warm_worker.ts): they load their modules and
  // write the shared memory's pages while this thread reads the files
  if (workers === 1) dropWarmDriftWorker();
  const ring = options.summarise && options.keepSnapshots === 'last' ? SNAPSHOT_RING : 0;
  const memory = workers > 1 ? allocateSharedDrift(n, outputTimes(job.request), ring) : null;
  const queue = chunkQueue(n, undefined, memory !== null && options.summarise ? memory.snapshots.length : 0);
  const done = new Array<number>(workers).fill(0);   // particle-steps, per thread (0: this one)
  const progress = (w: number, particleSteps: number): void => {
    done[w] = particleSteps;
    options.onProgress?.(done.reduce((a, b) => a + b, 0) / (steps * n));
  };
  const threads = memory === null ? [] : Array.from({ length: workers - 1 }, (_, t) => {
    return startWorker(job, queue, memory, (particleSteps) => progress(t + 1, particleSteps));
  });
  try {
    const started = performance.now();
    options.onPhase?.('reading forcing');
    const forcing = await openJobForcingFiles(job, options.openForcing);
    options.onPhase?.('coastline (load and index)');
    const shoreline = await openJobCoastline(job.coastline);
    options.onPhase?.(memory === null ? 'drift (this thread)' : `drift (this thread and ${workers - 1} worker${workers > 2 ? 's' : ''}: copy in, seed, drift, join)`);
    const loaded = performance.now();
    const timings = (): DriftJobResult['timings'] => ({ loadS: (loaded - started) / 1000, driftS: (performance.now() - loaded) / 1000 });
    const fileDescriptions = forcing.files.flatMap((f) => f.description);
    const fileWarnings = forcing.files.flatMap((f) => f.warnings);
    if (memory === null) {
      const result = runDrift(job.request, forcing, { shoreline, onSnapshot: options.onSnapshot, onProgress: (stepsDone) => options.onProgress?.(stepsDone / steps) });
      return { result: { ...result, warnings: [...fileWarnings, ...result.warnings] }, fileDescriptions, workers, timings: timings(), summaries: null };
    }
    // fail here, not in every worker, on a run the forcing does not cover (checks only, no drift)
    checkDriftCoverage(job.request, forcing, { shoreline });
    const packed = packForWorker({ forcing: { wind: forcing.wind, current: forcing.current }, shoreline });
    for (const thread of threads) thread.start(packed);
    // this thread's chunks, while the workers drift theirs
    const ownStart = performance.timeOrigin + performance.now(), ownCpuAt = threadCpuMs(), ownSummaries = { summariesCpuMs: 0 };
    let ownSteps = 0;
    try {
      // the summaries are the workers' (this thread makes one only when a buffer is about to be
      // reused): made in one thread, their code is compiled once, not in every thread (cold, the
      // first two of a thread took 20-50 ms each against 4 ms warm, bench/RESULTS.md 2026-12-04)
      ownSteps = driftChunks(job.request, forcing, shoreline, queue, memory, (particleSteps) => progress(0, particleSteps), false, ownSummaries);
    } catch (error) {
      // a worker failed: its own error, which it posts, is the one to report
      if (error instanceof WorkerError && error.code === 'SARB_OTHER_THREAD') await settleAll(threads.map((thread) => thread.report));
      throw error;
    }
    const ownDone = performance.timeOrigin + performance.now();
    const ownWork: ThreadWork = { particleSteps: ownSteps, cpuMs: threadCpuMs() - ownCpuAt, summariesCpuMs: ownSummaries.summariesCpuMs };
    const reports = await settleAll(threads.map((thread) => thread.report));
    options.onThreadTimes?.('drift thread 1 (this one)', { 'drift started': ownStart, done: ownDone }, ownWork);
    reports.forEach((r, t) => options.onThreadTimes?.(`drift thread ${t + 2} (a worker)`, r.milestones, r.work));
    const forcingLabels = { wind: forcing.wind.label, current: forcing.current.label, shoreline: shoreline?.label ?? null };
    const result = sharedDriftResult(memory, job.request, forcingLabels, [...fileWarnings, ...seedingWarnings(job.request, shoreline)]);
    const values = queue.summaries === null ? null : new Float64Array(queue.summaries.values);
    const summaries = values === null ? null : memory.snapshots.map((snapshot, k) => readSharedSummary(values, k, snapshot.timeS));
    return { result, fileDescriptions, workers, timings: timings(), summaries };
  } finally {
    for (const thread of threads) thread.stop();
  }
}

interface WorkerReport {
  /** Epoch ms: modules loaded, data received, drift done. */
  readonly milestones: Readonly<Record<string, number>>;
  readonly work: ThreadWork;
}

/** Like Promise.all, but waits for every worker before rejecting with the first error. */
async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** A worker thread that takes chunks of `queue`: given its job at once, the loaded data by `start`. */
function startWorker(
  job: DriftJob, queue: ChunkQueue, memory: SharedDriftMemory, onSteps: (particleSteps: number) => void,
): {
  start: (loaded: Packed<unknown>) => void; report: Promise<WorkerReport>; stop: () => void;
} {
  const worker = takeDriftWorker();
  worker.postMessage({ setup: { job, memory, queue } });
  let stopped = false;
  // what the thread owes: its drift report, settled once (by its report, its error, its exit or stop)
  let pending: { resolve: (value: WorkerReport) => void; reject: (error: unknown) => void } | null = null;
  const report = new Promise<WorkerReport>((resolve, reject) => { pending = { resolve, reject }; });
  const settle = (how: 'resolve' | 'reject', value: unknown): void => {
    const p = pending;
    pending = null;
    if (p && how === 'resolve') p.resolve(value as WorkerReport);
    else if (p) p.reject(value);
  };
  report.catch(() => undefined);   // rejections are read through settleAll; never unhandled
  worker.on('message', (message: { type: string; done?: number; code?: string; message?: string } & Partial<WorkerReport>) => {
    if (message.type === 'progress') onSteps(message.done!);
    else if (message.type === 'done') settle('resolve', message as WorkerReport);
    else if (message.type === 'error') settle('reject', new WorkerError(message.code ?? 'SARB_WORKER', message.message!));
  });
  worker.on('error', (error) => settle('reject', error));
  worker.on('exit', (code) => {
    if (!stopped) settle('reject', new WorkerError('SARB_WORKER', `a drift worker (of particles 1..${job.request.particleCount}, stepped in blocks of ${queue.blockSize}) stopped with exit code ${code}`));
  });
  return {
    start: (loaded) => worker.postMessage({ loaded }),
    report,
    stop: () => { stopped = true; settle('reject', new WorkerError('SARB_WORKER', 'the drift worker was stopped')); void worker.terminate(); },
  };
}
