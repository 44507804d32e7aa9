import { Worker } from 'node:worker_threads';
import { DataFileError, ForcingFileError, InvalidInputError, type SarbridgeError } from '../../core/errors.js';
import { unpackInstances, type Packed } from '../worker_transfer.js';
import { FORCING_CLASSES } from './forcing_classes.js';
import type { ForcingFile, ForcingFileOptions } from './forcing_file.js';
import type { ForcingFileOnDiskOptions } from './open_forcing_file.js';

/**
 * Opening forcing files in one worker thread (forcing_open_worker.ts), each file with a deadline
 * after which the thread is killed and the file named in a ForcingFileError. h5wasm can loop for
 * ever inside one synchronous WebAssembly call on a corrupt file (get_attached_scales on a mutated
 * dimension list), which no timer in the thread running it could interrupt.
 *
 * One thread serves the files in turn, so h5wasm is compiled and started once per process (about
 * 0.1-0.3 s) rather than once per file; a killed thread is replaced for the next file; an idle one
 * is ended after IDLE_MS so it holds no memory, and never keeps the process alive. The thread's
 * stdout and stderr, where HDF5 prints its diagnostic dump, are read and dropped.
 */
const IDLE_MS = 250;

type Reply =
  | { id: number; type: 'done'; file: Packed<ForcingFile> }
  | { id: number; type: 'error'; sarbridge: boolean; name?: string; code?: string; message: string; file?: string; variable?: string; problem?: string; field?: string };

interface Request {
  readonly id: number;
  /** The file on disk, or (with `bytes`) the name its messages give it. */
  readonly path: string;
  /** The file's bytes when they are in memory (an upload), not on disk. */
  readonly bytes?: Uint8Array;
  readonly options: Omit<ForcingFileOnDiskOptions, 'deadlineMs'>;
  readonly deadlineMs: number;
  readonly resolve: (file: ForcingFile) => void;
  readonly reject: (error: unknown) => void;
}

let worker: Worker | null = null;
let current: { request: Request; timer: ReturnType<typeof setTimeout>; worker: Worker } | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
const queue: Request[] = [];
let nextId = 0;

/** Open `path` in the worker thread, or fail with a ForcingFileError naming it at `deadlineMs`. */
export function openInWorker(path: string, options: ForcingFileOnDiskOptions, deadlineMs: number): Promise<ForcingFile> {
  const { deadlineMs: _unused, ...plain } = options;
  return new Promise<ForcingFile>((resolve, reject) => {
    queue.push({ id: ++nextId, path, options: plain, deadlineMs, resolve, reject });
    pump();
  });
}

function startWorker(): Worker {
  // (a module loaded by tsx inside a worker has a query after its path: read the path only)
  const fromSource = new URL(import.meta.url).pathname.endsWith('.ts');
  const streams = { stderr: true, stdout: true };
  // From dist the worker is plain JS; from sources (tests, tsx) a small eval'd bootstrap loads it
  // through tsx's API, since Node 20 does not pass module hooks on to workers.
  const w = fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(new URL('./forcing_open_worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`, { ...streams, eval: true })
    : new Worker(new URL('./forcing_open_worker.js', import.meta.url), streams);
  w.stderr.resume();
  w.stdout.resume();
  w.on('message', (reply: Reply) => {
    if (!current || current.worker !== w || reply.id !== current.request.id) return;
    const { request } = finish();
    if (reply.type === 'done') request.resolve(unpackInstances(reply.file, FORCING_CLASSES));
    else request.reject(errorFromWorker(request.path, reply));
    pump();
  });
  const lost = (problem: string): void => {
    if (worker === w) worker = null;
    if (!current || current.worker !== w) return;   // a thread ended when idle, or killed at a deadline already answered
    const { request } = finish();
    request.reject(new ForcingFileError(request.path, '', problem));
    pump();
  };
  w.on('error', (error) => lost(`cannot be read (${error.message.split('\n')[0]}); the file may be corrupt or truncated`));
  w.on('exit', (code) => lost(`the reader stopped (exit code ${code}) before it finished; the file may be corrupt`));
  return w;
}

/** End the request in flight (its timer too) and give it back. */
function finish(): { request: Request } {
  const done = current!;
  clearTimeout(done.timer);
  current = null;
  return done;
}

/** How long a thread started ahead (warmForcingReader) waits for its first file before it ends. */
const WARM_IDLE_MS = 3000;

/**
 * Start the reader thread now, before any file is asked for, so h5wasm compiles and starts while
 * the caller does other work (a drift loads its modules and builds its job meanwhile). It never
 * keeps the process alive, and ends after WARM_IDLE_MS if no file comes.
 */
export function warmForcingReader(): void {
  if (worker || current || queue.length > 0) return;
  worker = startWorker();
  worker.unref();
  idleTimer = setTimeout(() => { idleTimer = null; if (!current && queue.length === 0 && worker) { void worker.terminate(); worker = null; } }, WARM_IDLE_MS);
  idleTimer.unref();
}

/**
 * End the reader thread now if it has nothing to do (a job that opened all its files at once
 * calls it, so the thread's memory, h5wasm's heap included, is not held while the drift runs).
 */
export function releaseForcingReader(): void {
  if (current || queue.length > 0 || !worker) return;
  if (idleTimer !== null) { clearTimeout(idleTimer); idleTimer = null; }
  void worker.terminate();
  worker = null;
}

/**
 * Open forcing whose bytes are in memory (a server's upload) in the worker thread, or fail with a
 * ForcingFileError naming `name` at `deadlineMs`. The bytes are copied to the thread.
 */
export function openBytesInWorker(name: string, bytes: Uint8Array, options: ForcingFileOptions, deadlineMs: number): Promise<ForcingFile> {
  return new Promise<ForcingFile>((resolve, reject) => {
    queue.push({ id: ++nextId, path: name, bytes, options, deadlineMs, resolve, reject });
    pump();
  });
}

/** Send the next queued request, or let an idle thread go. */
function pump(): void {
  if (current) return;
  const request = queue.shift();
  if (!request) {
    worker?.unref();
    if (idleTimer === null && worker) {
      idleTimer = setTimeout(() => { idleTimer = null; if (!current && queue.length === 0 && worker) { void worker.terminate(); worker = null; } }, IDLE_MS);
      idleTimer.unref();
    }
    return;
  }
  if (idleTimer !== null) { clearTimeout(idleTimer); idleTimer = null; }
  worker ??= startWorker();
  worker.ref();
  const timer = setTimeout(() => {
    if (current?.request !== request) return;
    finish();
    const stuck = worker;
    worker = null;
    void stuck?.terminate();
    request.reject(new ForcingFileError(request.path, '',
      `reading it did not finish within ${(request.deadlineMs / 1000).toFixed(0)} s and was stopped; the file is probably corrupt (HDF5 structures that loop)`));
    pump();
  }, request.deadlineMs);
  current = { request, timer, worker };
  worker.postMessage({ id: request.id, path: request.path, options: request.options, ...(request.bytes ? { bytes: request.bytes } : {}) });
}

/** The error the worker reported, rebuilt as the class it was (any other becomes a ForcingFileError). */
function errorFromWorker(path: string, m: Extract<Reply, { type: 'error' }>): SarbridgeError {
  if (m.sarbridge && m.name === 'ForcingFileError' && m.file !== undefined) {
    return Object.assign(new ForcingFileError(m.file, '', m.problem ?? ''), { message: m.message, variable: m.variable ?? '' });
  }
  if (m.sarbridge && m.name === 'DataFileError' && m.file !== undefined && m.problem !== undefined) return new DataFileError(m.file, m.problem);
  if (m.sarbridge && m.name === 'InvalidInputError' && m.field !== undefined && m.problem !== undefined) return new ForcingFileError(path, '', new InvalidInputError(m.field, m.problem).message);
  const message = m.message.split('\n')[0].slice(0, 300);
  return new ForcingFileError(path, '', m.sarbridge ? message : `cannot be read (${message || 'unknown failure'}); the file may be corrupt or truncated`);
}
