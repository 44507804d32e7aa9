/**
 * Run a plan: the drift (on worker threads, files from disk), then `planAfterDrift` (the Bayesian
 * update for the searches already done, the optimal allocation and the IAMSAR baseline, and the
 * datum over time).
 */
import { openJobCoastline, runDriftJob, type DriftJobResult } from '../drift_job/index.js';
import type { Shoreline } from '../../core/drift/index.js';
import { planAfterDrift, type PlanAfterDrift } from './plan_after_drift.js';
import type { PlanCase } from './plan_file.js';

export { datumAt, routesOverLand, type DatumPoint, type SearchesDoneUpdate } from './plan_after_drift.js';

/** Everything a plan run gives. */
export interface PlanRun extends PlanAfterDrift {
  readonly drift: DriftJobResult;
  /** The coastline the drift and the plan ran with (null for none). */
  readonly shoreline: Shoreline | null;
  readonly seconds: { readonly drift: number; readonly plan: number };
}

/** Options of runPlan. */
export interface RunPlanOptions {
  readonly workers?: number;
  readonly onProgress?: (fraction: number) => void;
}

/** Drift, update, allocate, compare. */
export async function runPlan(planCase: PlanCase, options: RunPlanOptions = {}): Promise<PlanRun> {
  const t0 = performance.now();
  const drift = await runDriftJob(planCase.drift, options);
  const t1 = performance.now();
  const shoreline = await openJobCoastline(planCase.drift.coastline);
  const plan = planAfterDrift(planCase, drift.result, shoreline);
  return { ...plan, drift, shoreline, seconds: { drift: (t1 - t0) / 1000, plan: (performance.now() - t1) / 1000 } };
}
