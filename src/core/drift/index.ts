export type { Particles, ParticleStatusCode } from './particles.js';
export { allocateParticles, PARTICLE_COLUMNS, PARTICLE_STATUS_NAMES, ParticleStatus, particleViews } from './particles.js';
export type { DriftForcing, DriftRequest, PointSeeding, Scenario, Seeding, Shoreline, SpreadKind, TrackSeeding } from './request.js';
export { DRIFT_SETTINGS, driftSetting, MAX_POSITION_ERROR_NM } from './settings.js';
export { checkSeedingReachesWater, moveSeedingOffLand, seedingMovedOffLand, seedingWarnings } from './seeding_on_land.js';
export type { DriftSettingName } from './settings.js';
export { jibeRatePerS, LEEWAY_SPLIT_WIND_MPS, scenarioOffsets, seedParticles } from './seeding.js';
export { leewayStep } from './leeway_step.js';
export type { DriftBlock, DriftProgress, DriftResult, DriftRunOptions, DriftSnapshot } from './run.js';
export {
  checkDriftCoverage, checkDriftRequest, driftBlock, driftMemoryBytes, isOutputStep, MAX_DRIFT_MEMORY_BYTES, outputTimes, runDrift, sharedDriftBlock, stepBlock, stepCount,
} from './run.js';
export type { CloudSummary } from './summary.js';
export { summariseCloud } from './summary.js';
export type { SnapshotSelection } from './geojson.js';
export { driftGeoJsonChunks } from './geojson.js';
