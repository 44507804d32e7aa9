/**
 * The planning path for a browser Worker: the same modules the CLI and the server run, without
 * anything that needs Node (src/app/browser_safe.test.ts walks this module's imports and fails on
 * any node:* or Node builtin). A Worker goes:
 *
 *   parsePlanFile(text, name) -> planCaseFromFile(file, objects, null, name)      // PlanCase
 *   openJobForcing(planCase.drift, forcingBytesOpener(filesByName))               // DriftForcing
 *   coastlineForSpec(planCase.drift.coastline, { bundled: () => bundledCoastlineFromText(text) })
 *   runDrift(planCase.drift.request, forcing, { shoreline, onProgress })          // core/drift
 *   planAfterDrift(planCase, result, shoreline)                                    // the plan
 *   planOutputFiles(plan)                                                          // its files as text
 *   planMessage({ title, planningTimeS, datum: plan.datumAtPlanning, plan: plan.optimal,
 *                 baselinePos: plan.baseline.pos, chosen: plan.optimal.chosen })        // core/export
 *
 * The object table is core/objects `parseLeewayTable(text)` over data/leeway/OBJECTPROP.DAT's text
 * (ASCII, so `?raw` is fine); the sweep-width tables are compiled into core/search.
 */
export {
  coastlineSpec, constantFrom, DriftCaseSchema, driftJobFromCase, parseDriftCase, type DriftCase, type ResolveForcingPath,
} from './case_file/drift_case.js';
export { PlanFileSchema, parsePlanFile, planCaseFromFile, type PlanCase, type PlanFile, type PlannedUnit } from './plan/plan_file.js';
export type { CoastlineSpec, DriftJob, ForcingSourceSpec } from './drift_job/job.js';
export { openJobForcing, type ForcingOpener, type OpenedForcing } from './drift_job/forcing_chain.js';
export { forcingBytesOpener } from './drift_job/forcing_bytes.js';
export { bundledCoastlineFromText, coastlineForSpec, type CoastlineSources } from './drift_job/job_coastline.js';
export {
  datumAt, planAfterDrift, routesOverLand, type DatumPoint, type PlanAfterDrift, type SearchesDoneUpdate,
} from './plan/plan_after_drift.js';
export { placesOffTheCoastline, type PlaceOffTheCoastline } from './plan/place_outlines.js';
export { fileNameOf, planForRules, planGeoJson, planOutputFiles, type PlanFilesInput, type PlanForRules } from './plan/plan_files.js';
