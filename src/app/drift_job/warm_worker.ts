import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from './module_worker.js';

/**
 * A drift worker thread started ahead, at the very start of a drift command, so its start (Node's
 * worker bootstrap and the drift modules' compile, 100-150 ms of a core) runs on the other core
 * while this thread loads the command's modules and reads the files, instead of after them: started
 * from runDriftJob, it was ready 130-200 ms after this thread, which then drifted alone meanwhile
 * (bench/RESULTS.md, 2026-12-03 14:30Z). The worker waits for its job (worker.ts, the `setup`
 * message); until taken it does not keep the process alive.
 */
let warm: { worker: Worker; failed: boolean } | null = null;

/** Start one drift worker ahead, when the machine has more than one core and none is waiting. */
export function warmDriftWorker(): void {
  if (warm !== null || availableParallelism() < 2) return;
  const worker = startModuleWorker(import.meta.url, 'worker');
  const entry = { worker, failed: false };
  // an error or exit before it is taken: it is not handed out (takeDriftWorker starts a new one, whose error is reported)
  worker.once('error', () => { entry.failed = true; });
  worker.once('exit', () => { entry.failed = true; });
  worker.unref();
  warm = entry;
}

/** The worker started ahead (kept alive from now on), or a new one when none was or it failed. */
export function takeDriftWorker(): Worker {
  const entry = warm;
  warm = null;
  if (entry === null || entry.failed) {
    if (entry !== null) void entry.worker.terminate();
    return startModuleWorker(import.meta.url, 'worker');
  }
  entry.worker.ref();
  return entry.worker;
}

/** End the worker started ahead when the job runs in one thread after all. */
export function dropWarmDriftWorker(): void {
  if (warm !== null) void warm.worker.terminate();
  warm = null;
}
