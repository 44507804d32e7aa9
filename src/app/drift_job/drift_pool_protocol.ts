/** The messages between the server's drift pool (drift_pool.ts) and its worker threads. */
import type { DriftResult } from '../../core/drift/index.js';
import type { DriftJob } from './job.js';

/** One job as a pool worker receives it. */
export interface PoolJob {
  readonly id: number;
  readonly job: DriftJob;
  /** Forcing bytes by the `path` the job's file specs give (uploaded files); other paths are read from disk. */
  readonly files: readonly (readonly [string, Uint8Array])[];
  /** Which output times go into the particle blob (particle_blob.ts storedTimeIndices). */
  readonly storedTimes: readonly number[];
}

/** The summary of one output time (core/drift summariseCloud). */
export interface PoolSummaryTime {
  readonly timeS: number;
  readonly centroid: { readonly lonDeg: number; readonly latDeg: number } | null;
  readonly radius50M: number;
  readonly radius90M: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** What the worker has finished: every output time summarised, the stored ones packed. */
export interface PoolOutcome {
  readonly times: readonly PoolSummaryTime[];
  readonly forcingLabels: DriftResult['forcingLabels'];
  readonly warnings: readonly string[];
  readonly blob: Uint8Array;
}

/**
 * `lowered`: the worker thread lowered its own priority for a long drift (drift_pool_worker.ts) and
 * cannot raise it again; the pool replaces it, so the next job opens its files at normal priority.
 */
export type PoolMessage =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | ({ readonly type: 'done'; readonly id: number; readonly lowered?: boolean } & PoolOutcome)
  | { readonly type: 'cancelled'; readonly id: number; readonly lowered?: boolean }
  | { readonly type: 'error'; readonly id: number; readonly code: string; readonly message: string; readonly lowered?: boolean };
