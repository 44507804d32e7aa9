/** `sarbridge plan`: plan files, the plan run (drift, Bayesian update, allocation, baseline), its report and its files. */
export { PlanFileSchema, parsePlanFile, loadPlanCase, planCaseFromFile, type PlanFile, type PlanCase, type PlannedUnit } from './plan_file.js';
export { runPlan, datumAt, routesOverLand, type PlanRun, type RunPlanOptions, type DatumPoint, type SearchesDoneUpdate } from './run_plan.js';
export { writePlanOutputs, planGeoJson, planForRules, fileNameOf, type PlanForRules } from './plan_outputs.js';
export { planReport } from './plan_report.js';
