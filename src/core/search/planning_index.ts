// Search planning: sweep width, detection, POD per particle, POS, Bayesian update.
// Named re-exports only; the lead merges these into core/search/index.ts.
export { parseSweepWidthTable, parseWeatherCorrectionTypes } from './sweep_width_table.js';
export type { ObjectTable, WeatherCorrectionType } from './sweep_width_table.js';
export {
  sweepWidth, searchObjects, tabulatedHeightsFt, uncorrectedSweepWidthNm, weatherBand, weatherFactor,
} from './sweep_width.js';
export type { SweepWidthPlatform, SearchWeather, SweepWidthRequest, SweepWidthResult } from './sweep_width.js';
export { LEEWAY_TO_SEARCH_OBJECT, searchObjectForLeewayClass, sweepWidthForLeewayClass } from './object_mapping.js';
export type { ObjectMappingRow } from './object_mapping.js';
export {
  DEFAULT_DETECTION_LAW, EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH, erf, passExposure, lateralRangePod, parallelTrackPod,
} from './detection.js';
export type { DetectionLaw } from './detection.js';
export { searchPod } from './pod.js';
export type { TrackWaypoint, SearchTrack, PositionSnapshot, ParticleWeights, SearchPodInput, SearchPodResult } from './pod.js';
export { probabilityOfSuccess, cumulativePod } from './pod_success.js';
export { afterUnsuccessfulSearch } from './bayes.js';
export type { BayesUpdate } from './bayes.js';
