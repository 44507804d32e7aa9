export { coastlineSpec, constantFrom, DriftCaseSchema, driftJobFromCase, loadDriftCase, parseDriftCase, type DriftCase } from './drift_case.js';
