import type { Worker } from 'node:worker_threads';
import { SarbridgeError } from '../../core/errors.js';
import type { DriftJob } from './job.js';
import { startModuleWorker } from './module_worker.js';
import type { PoolJob, PoolMessage, PoolOutcome } from './drift_pool_protocol.js';
import { WorkerError } from './worker_error.js';

/** A party's drift queue is full: answered 503 with Retry-After (`retryAfterS`). */
export class DriftQueueFullError extends SarbridgeError {
  readonly code = 'SARB_DRIFT_QUEUE_FULL';
  constructor(readonly party: string, readonly queued: number, readonly retryAfterS: number) {
    super(`${party} has ${queued} drift runs waiting (the most a party may queue); retry in ${retryAfterS} s, or cancel one (DELETE …/drift-runs/:runId)`);
  }
}

/** The run was cancelled before it finished (nothing of it is kept). */
export class DriftRunCancelledError extends SarbridgeError {
  readonly code = 'SARB_DRIFT_RUN_CANCELLED';
  constructor(readonly runId: string, readonly by: string) {
    super(`drift run ${runId} was cancelled by ${by} before it finished`);
  }
}

/** How long a cancelled running job may take to stop by itself before its thread is stopped, ms. */
const CANCEL_GRACE_MS = 5000;

export interface DriftPoolOptions {
  /** Worker threads (each runs one whole job at a time). */
  readonly workers: number;
  /** Most runs one party may have waiting (not yet started); one more is refused with DriftQueueFullError. */
  readonly queuePerParty: number;
}

/** What a run is handed to the pool with. */
export interface PoolSubmission {
  /** The run's id (shown to users: `cancel` takes it). */
  readonly runId: string;
  /** The party whose share it runs in. */
  readonly party: string;
  readonly job: DriftJob;
  readonly files: PoolJob['files'];
  readonly storedTimes: readonly number[];
  /** A run accepted before (resumed after a restart): queued whatever the party's room, since it was let in once. */
  readonly accepted?: boolean;
  /** Called when a worker takes it, and with the fraction done (0..1) as it drifts. */
  readonly onStart?: () => void;
  readonly onProgress?: (fraction: number) => void;
}

interface Task extends PoolSubmission {
  readonly id: number;
  readonly resolve: (outcome: PoolOutcome) => void;
  readonly reject: (error: Error) => void;
  cancelledBy: string | null;
  startedAtMs: number;
}

interface Thread {
  readonly worker: Worker;
  readonly cancel: Int32Array;
  task: Task | null;
}

/**
 * The server's drift runs on worker threads, off the thread that answers requests and feeds live
 * updates. Each worker runs one whole job (reading its files, drifting, summarising and packing
 * its particles), so the main thread only hands out jobs and receives the packed result.
 *
 * Fair share: a free worker takes the next run of the party with the fewest runs going, ties going
 * to the party that was served least recently, so one party's burst of runs waits behind the
 * other party's single run, not the other way round. Each party may queue `queuePerParty` runs;
 * its next one is refused (503 with a retry time) without touching the other party's room.
 * Workers start on first need and stay for the next job; a worker that dies fails its job and is
 * replaced by the next dispatch.
 */
export class DriftPool {
  private readonly threads: Thread[] = [];
  private readonly queues = new Map<string, Task[]>();
  private readonly lastServed = new Map<string, number>();
  private readonly tasks = new Map<string, Task>();
  private sequence = 0;
  private served = 0;
  /** Mean seconds of the recent runs (for Retry-After), 10 s until one finished. */
  private meanRunS = 10;
  private closed = false;

  constructor(readonly options: DriftPoolOptions) {
    if (!(Number.isInteger(options.workers) && options.workers >= 1)) throw new RangeError(`drift pool workers must be an integer >= 1, not ${options.workers}`);
    if (!(Number.isInteger(options.queuePerParty) && options.queuePerParty >= 0)) throw new RangeError(`drift queue per party must be an integer >= 0, not ${options.queuePerParty}`);
  }

  /**
   * Queue a run in its party's share; resolves with what the worker made. Refused at once with
   * DriftQueueFullError when the party has `queuePerParty` runs waiting and no worker is free.
   * Rejects with DriftRunCancelledError after `cancel`, with WorkerError when the job failed.
   */
  submit(submission: PoolSubmission): Promise<PoolOutcome> {
    if (this.closed) return Promise.reject(new WorkerError('SARB_WORKER', 'the drift pool is closed (the server is stopping)'));
    if (!submission.accepted) this.checkRoom(submission.party);
    const queue = this.queues.get(submission.party) ?? [];
    return new Promise<PoolOutcome>((resolve, reject) => {
      const task: Task = { ...submission, id: ++this.sequence, resolve, reject, cancelledBy: null, startedAtMs: 0 };
      queue.push(task);
      this.queues.set(submission.party, queue);
      this.tasks.set(submission.runId, task);
      this.dispatch();
    });
  }

  /** Throws DriftQueueFullError when a run of `party` submitted now would be refused (no worker free, its queue full). */
  checkRoom(party: string): void {
    const queue = this.queues.get(party) ?? [];
    const idle = this.threads.some((t) => t.task === null) || this.threads.length < this.options.workers;
    if (!idle && queue.length >= this.options.queuePerParty) throw new DriftQueueFullError(party, queue.length, this.retryAfterS(queue.length));
  }

  /**
   * Cancel a run: a waiting run leaves its queue at once, a running one stops at its next step.
   * Returns what it was doing ('queued', 'running'), or null for a run the pool does not hold.
   */
  cancel(runId: string, by: string): 'queued' | 'running' | null {
    const task = this.tasks.get(runId);
    if (!task) return null;
    task.cancelledBy = by;
    const queue = this.queues.get(task.party) ?? [];
    const k = queue.indexOf(task);
    if (k >= 0) {
      queue.splice(k, 1);
      this.tasks.delete(runId);
      task.reject(new DriftRunCancelledError(runId, by));
      return 'queued';
    }
    const thread = this.threads.find((t) => t.task === task);
    if (thread) {
      Atomics.store(thread.cancel, 0, 1);
      // the flag is read at each drift step; a job still reading its files (a synchronous wasm
      // call cannot be interrupted) is stopped with its thread, which the next dispatch replaces
      const timer = setTimeout(() => { if (thread.task === task) void thread.worker.terminate(); }, CANCEL_GRACE_MS);
      timer.unref();
    }
    return 'running';
  }

  /** Where a run is: waiting (with how many runs the pool will start before it) or running. */
  where(runId: string): { state: 'queued'; ahead: number } | { state: 'running' } | null {
    const task = this.tasks.get(runId);
    if (!task) return null;
    if (this.threads.some((t) => t.task === task)) return { state: 'running' };
    return { state: 'queued', ahead: this.order().indexOf(task) };
  }

  /** Runs going and waiting, per party (health, tests). */
  get load(): { readonly workers: number; readonly running: number; readonly queued: Readonly<Record<string, number>> } {
    return {
      workers: this.options.workers,
      running: this.threads.filter((t) => t.task !== null).length,
      queued: Object.fromEntries([...this.queues].filter(([, q]) => q.length > 0).map(([party, q]) => [party, q.length])),
    };
  }

  /** Stop every worker; waiting and running runs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new WorkerError('SARB_WORKER', 'the server stopped before the drift run finished');
    for (const queue of this.queues.values()) for (const task of queue.splice(0)) task.reject(error);
    await Promise.all(this.threads.splice(0).map((t) => { t.task?.reject(error); return t.worker.terminate(); }));
    this.tasks.clear();
  }

  /** Seconds a refused party should wait: its queue's runs shared over the workers, at the recent mean run time. */
  private retryAfterS(queued: number): number {
    return Math.min(3600, Math.max(1, Math.ceil(((queued + 1) / this.options.workers) * this.meanRunS)));
  }

  /** The waiting runs in the order the pool would start them if no run ended meanwhile (the fair-share rule, played forward). */
  private order(): Task[] {
    const queues = new Map([...this.queues].map(([p, q]) => [p, [...q]]));
    const running = new Map<string, number>();
    for (const t of this.threads) if (t.task) running.set(t.task.party, (running.get(t.task.party) ?? 0) + 1);
    const served = new Map(this.lastServed);
    let clock = this.served;
    const order: Task[] = [];
    for (;;) {
      const party = this.pick(queues, running, served);
      if (party === null) return order;
      order.push(queues.get(party)!.shift()!);
      running.set(party, (running.get(party) ?? 0) + 1);
      served.set(party, ++clock);
    }
  }

  /** The party a free worker serves next: fewest runs going, then served least recently, then the oldest waiting run. */
  private pick(queues: Map<string, Task[]>, running: Map<string, number>, served: Map<string, number>): string | null {
    let best: string | null = null;
    let key: [number, number, number] = [Infinity, Infinity, Infinity];
    for (const [party, queue] of queues) {
      if (queue.length === 0) continue;
      const k: [number, number, number] = [running.get(party) ?? 0, served.get(party) ?? -1, queue[0].id];
      if (k[0] < key[0] || (k[0] === key[0] && (k[1] < key[1] || (k[1] === key[1] && k[2] < key[2])))) { best = party; key = k; }
    }
    return best;
  }

  private dispatch(): void {
    for (;;) {
      let thread = this.threads.find((t) => t.task === null);
      if (!thread && this.threads.length < this.options.workers && this.hasWaiting()) thread = this.spawn();
      if (!thread) return;
      const running = new Map<string, number>();
      for (const t of this.threads) if (t.task) running.set(t.task.party, (running.get(t.task.party) ?? 0) + 1);
      const party = this.pick(this.queues, running, this.lastServed);
      if (party === null) return;
      const task = this.queues.get(party)!.shift()!;
      this.lastServed.set(party, ++this.served);
      thread.task = task;
      task.startedAtMs = performance.now();
      Atomics.store(thread.cancel, 0, 0);
      const message: PoolJob = { id: task.id, job: task.job, files: task.files, storedTimes: task.storedTimes };
      thread.worker.postMessage(message);
      thread.worker.ref();
      task.onStart?.();
    }
  }

  private hasWaiting(): boolean {
    for (const q of this.queues.values()) if (q.length > 0) return true;
    return false;
  }

  private spawn(): Thread {
    const cancel = new SharedArrayBuffer(4);
    const worker = startModuleWorker(import.meta.url, 'drift_pool_worker', { workerData: { cancel } });
    const thread: Thread = { worker, cancel: new Int32Array(cancel), task: null };
    this.threads.push(thread);
    worker.on('message', (message: PoolMessage) => this.receive(thread, message));
    const lost = (why: string) => {
      const k = this.threads.indexOf(thread);
      if (k < 0) return;
      this.threads.splice(k, 1);
      const task = thread.task;
      thread.task = null;
      if (task) {
        this.tasks.delete(task.runId);
        task.reject(task.cancelledBy !== null ? new DriftRunCancelledError(task.runId, task.cancelledBy)
          : new WorkerError('SARB_WORKER', `the drift worker stopped (${why}) while running drift run ${task.runId}`));
      }
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return thread;
  }

  private receive(thread: Thread, message: PoolMessage): void {
    const task = thread.task;
    if (!task || task.id !== message.id) return;
    if (message.type === 'progress') { task.onProgress?.(message.fraction); return; }
    thread.task = null;
    thread.worker.unref();   // an idle worker does not keep the process alive
    this.tasks.delete(task.runId);
    if (message.lowered) {
      // its priority was lowered for a long drift (drift_pool_worker.ts): a fresh thread takes the next job
      this.threads.splice(this.threads.indexOf(thread), 1);
      void thread.worker.terminate();
    }
    if (message.type === 'done') {
      this.meanRunS = 0.7 * this.meanRunS + 0.3 * ((performance.now() - task.startedAtMs) / 1000);
      task.resolve({ times: message.times, forcingLabels: message.forcingLabels, warnings: message.warnings, blob: message.blob });
    } else if (message.type === 'cancelled') {
      task.reject(new DriftRunCancelledError(task.runId, task.cancelledBy ?? 'the server'));
    } else {
      task.reject(new WorkerError(message.code, message.message));
    }
    this.dispatch();
  }
}
