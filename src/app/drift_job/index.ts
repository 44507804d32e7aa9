export type { CoastlineSpec, DriftJob, ForcingFileSpec, ForcingSourceSpec } from './job.js';
export { openJobForcing, type ForcingOpener, type OpenedForcing } from './forcing_chain.js';
export { bundledCoastlineFromText, coastlineForSpec, type CoastlineSources } from './job_coastline.js';
export { openJobCoastline, openJobForcingFiles } from './open.js';
export { runDriftJob, workerCount, WorkerError, type DriftJobOptions, type DriftJobResult } from './run_job.js';
export { DriftPool, DriftQueueFullError, DriftRunCancelledError, type DriftPoolOptions, type PoolSubmission } from './drift_pool.js';
export type { PoolOutcome, PoolSummaryTime } from './drift_pool_protocol.js';
export { ParticleBlobWriter, particleBlobLayout, readParticleBlob, storedTimeIndices, STORED_POSITIONS_MAX, type StoredParticles } from './particle_blob.js';
