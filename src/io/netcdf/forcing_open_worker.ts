// Worker-thread entry of `openForcingFile` for files h5wasm reads (forcing_worker_pool.ts): opens
// each requested file (and its grid file) here, where a hang inside h5wasm (a synchronous
// WebAssembly call no timer interrupts) can be ended by terminating the thread, and posts the
// built fields back, their buffers transferred. HDF5's diagnostic dump on a corrupt file (dozens
// of "HDF5-DIAG: Error detected …" lines, noise for a user: the error names the file) is dropped.
// One request at a time, in order: a file on disk (`path`), or bytes in memory named `path` (an
// upload to the server, openBytesInWorker).
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { SarbridgeError } from '../../core/errors.js';
import { packInstances, transferableBuffers } from '../worker_transfer.js';
import { FORCING_CLASSES } from './forcing_classes.js';
import { openForcingBytes } from './open_forcing_bytes.js';
import { openForcingFileHere, type ForcingFileOnDiskOptions } from './open_forcing_file.js';

const port = parentPort!;
// the thread is started for NetCDF4 files only (or ahead of them, warmForcingReader): start
// h5wasm now, while the first request is on its way (openDatasetFile awaits the same module)
import('h5wasm/node').then((h5) => h5.default.ready).catch(() => undefined);

// h5wasm's Node build (Emscripten NODERAWFS) writes the C library's stderr with fs.writeSync(2, …)
// straight to the process's file descriptor, past the thread's stderr stream; this thread's fs is
// its own module instance, so dropping fd 2 here leaves the main thread's stderr as it is.
const writeSync = fs.writeSync;
fs.writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
  if (fd !== 2) return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  if (typeof data === 'string') return Buffer.byteLength(data);
  const offset = typeof rest[0] === 'number' ? rest[0] : 0;
  return typeof rest[1] === 'number' ? rest[1] : data.byteLength - offset;
}) as typeof fs.writeSync;

port.on('message', ({ id, path, options, bytes }: { id: number; path: string; options: ForcingFileOnDiskOptions; bytes?: Uint8Array }) => {
  (bytes ? openForcingBytes(path, bytes, options) : openForcingFileHere(path, options)).then(
    (file) => port.postMessage({ id, type: 'done', file: packInstances(file, FORCING_CLASSES) }, transferableBuffers(file)),
    (error: unknown) => {
      const e = error as Error & Partial<{ code: string; file: string; variable: string; problem: string; field: string }>;
      port.postMessage({
        id, type: 'error', sarbridge: error instanceof SarbridgeError, name: e?.name, code: e?.code, message: e?.message ?? String(error),
        file: e?.file, variable: e?.variable, problem: e?.problem, field: e?.field,
      });
    },
  );
});
