export type { CoastlineSpec, DriftJob, ForcingSourceSpec } from './job.js';
export { openJobCoastline, openJobForcing, type OpenedForcing } from './open.js';
export { runDriftJob, workerCount, WorkerError, type DriftJobOptions, type DriftJobResult } from './run_job.js';
