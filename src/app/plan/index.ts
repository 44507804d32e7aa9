/** `sarbridge plan`: plan files, the plan run (drift, Bayesian update, allocation, baseline), its report and its files. */
export { PlanFileSchema, parsePlanFile, planCaseFromFile, type PlanFile, type PlanCase, type PlannedUnit } from './plan_file.js';
export { loadPlanCase, loadPreviousPlan } from './load_plan_case.js';
export { parsePreviousPlan, type PreviousArea } from './previous_plan.js';
export { planAfterDrift, type PlanAfterDrift } from './plan_after_drift.js';
export { runPlan, datumAt, routesOverLand, type PlanRun, type RunPlanOptions, type DatumPoint, type SearchesDoneUpdate } from './run_plan.js';
export { planOutputFiles, planGeoJson, planForRules, fileNameOf, type PlanFilesInput, type PlanForRules } from './plan_files.js';
export { writePlanOutputs } from './plan_outputs.js';
export { planReport } from './plan_report.js';
export { placesOffTheCoastline, PLACE_OUTLINE_SEARCH_NM, PLACE_OUTLINE_TOLERANCE_NM, type PlaceOffTheCoastline } from './place_outlines.js';
