// Worker-thread entry: runs one range of a drift job's particles and sends the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { runDrift } from '../../core/drift/index.js';
import type { DriftJob } from './job.js';
import { openJobCoastline, openJobForcing } from './open.js';

interface WorkerInput { readonly job: DriftJob; readonly firstIndex: number; readonly count: number }

const { job, firstIndex, count } = workerData as WorkerInput;
const port = parentPort!;
try {
  const forcing = await openJobForcing(job);
  const shoreline = await openJobCoastline(job.coastline);
  const result = runDrift(job.request, forcing, {
    shoreline, firstIndex, count,
    onProgress: (done) => port.postMessage({ type: 'progress', done }),
  });
  const { particles, snapshots } = result;
  const transfer = [
    ...Object.values(particles).filter(ArrayBuffer.isView).map((column) => (column as Uint8Array).buffer as ArrayBuffer),
    ...snapshots.flatMap((s) => [s.lonDeg.buffer, s.latDeg.buffer, s.status.buffer] as ArrayBuffer[]),
  ];
  port.postMessage({ type: 'result', result: { ...result, request: undefined } }, transfer);
} catch (error) {
  const e = error as Error & { code?: string };
  port.postMessage({ type: 'error', name: e.name, code: e.code, message: e.message ?? String(error) });
}
