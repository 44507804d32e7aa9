export {
  coastlineSpec, constantFrom, DriftCaseSchema, driftJobFromCase, parseDriftCase, type DriftCase, type ResolveForcingPath,
} from './drift_case.js';
export { forcingPathsFrom, loadDriftCase } from './load_drift_case.js';
