// Worker-thread entry of the server's drift pool (drift_pool.ts): takes one whole job at a time,
// reads its forcing (files on disk, or uploaded bytes sent with the job) and its coastline, drifts
// every particle with runDriftJob on this thread, summarises each output time and packs the
// stored ones into a particle blob as they come, then hands the blob back without a copy.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { summariseCloud } from '../../core/drift/index.js';
import { openForcingBytes, openForcingFile } from '../../io/netcdf/index.js';
import type { ForcingOpener } from './forcing_chain.js';
import type { PoolJob, PoolMessage, PoolSummaryTime } from './drift_pool_protocol.js';
import { ParticleBlobWriter } from './particle_blob.js';
import { runDriftJob } from './run_job.js';

/** Set to 1 by the pool to cancel the job this worker runs (read at every progress step). */
const cancel = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);
const port = parentPort!;

class Cancelled extends Error {}

/**
 * A drift that has held its core this long (ms) goes on at nice DRIFT_NICE, below the thread that
 * answers requests and feeds live updates: on a machine with as many busy threads as cores (two
 * cores, one drift worker, other processes) that thread then gets the core when it needs it, and a
 * long run loses little. Lowered once the files are open (a NetCDF reader thread started from a
 * lowered thread would inherit it, and its deadline was seen to expire on a busy machine), and a
 * thread cannot raise itself again: the pool replaces a lowered worker when its job ends.
 * Linux only, where setpriority(0) is the calling thread's (elsewhere it would be the process's).
 */
const LOWER_AFTER_MS = 1000;
const DRIFT_NICE = 10;
let lowered = false;
const lower = () => {
  if (lowered || process.platform !== 'linux') return;
  try { setPriority(0, DRIFT_NICE); lowered = true; } catch { /* not allowed here: the drift goes on at normal priority */ }
};

port.on('message', (job: PoolJob) => { void run(job); });

async function run(job: PoolJob): Promise<void> {
  const post = (message: PoolMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    const files = new Map(job.files);
    const open: ForcingOpener = (path, o = {}) => {
      const bytes = files.get(path);
      return bytes
        ? openForcingBytes(path, bytes, { standardNames: o.variables, timeOriginS: o.timeOriginS })
        : openForcingFile(path, { gridPath: o.grid, standardNames: o.variables, timeOriginS: o.timeOriginS });
    };
    const n = job.job.request.particleCount;
    const blob = new ParticleBlobWriter(n, job.storedTimes.length);
    const stored = new Map(job.storedTimes.map((k, i) => [k, i]));
    const times: PoolSummaryTime[] = [];
    let reported = -1;
    let driftStartedMs: number | null = null;
    const { result } = await runDriftJob(job.job, {
      workers: 1,
      openForcing: open,
      onSnapshot: (k, timeS, p) => {
        const snapshot = { timeS, lonDeg: p.lonDeg, latDeg: p.latDeg, status: p.status };
        const s = summariseCloud(snapshot, p.weight);
        times.push({ timeS, centroid: s.centroid, radius50M: s.radius50M, radius90M: s.radius90M, counts: { ...s.counts } });
        const at = stored.get(k);
        if (at !== undefined) blob.writeTime(at, timeS, p.lonDeg, p.latDeg, p.status);
        if (k === 0) blob.writeParticles(p.weight, p.scenario);
      },
      onProgress: (fraction) => {
        if (Atomics.load(cancel, 0) === 1) throw new Cancelled();
        // the first progress comes once the files are open and the drift has begun
        driftStartedMs ??= performance.now();
        if (performance.now() - driftStartedMs > LOWER_AFTER_MS) lower();
        // at most every 1 %: a message per step would cost the main thread more than it tells
        const percent = Math.floor(fraction * 100);
        if (percent > reported) { reported = percent; post({ type: 'progress', id: job.id, fraction }); }
      },
    });
    post({ type: 'done', id: job.id, lowered, times, forcingLabels: result.forcingLabels, warnings: result.warnings, blob: blob.bytes }, [blob.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    if (error instanceof Cancelled) { post({ type: 'cancelled', id: job.id, lowered }); return; }
    const e = error as Error & { code?: string };
    post({ type: 'error', id: job.id, lowered, code: typeof e.code === 'string' && e.code.startsWith('SARB_') ? e.code : 'SARB_WORKER', message: e.message ?? String(error) });
  }
}
