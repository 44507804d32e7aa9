/**
 * The players' probability map at each issued plan, re-run on the server for the score: the drift
 * of the planning inputs in force when the plan was issued (the same inputs and seed every
 * browser of the case planned from, so the same cloud, app/browser.ts's path), with the searches
 * done those inputs hold applied as the plan applied them (searchPod, then the Bayesian update).
 * Kept per planning-inputs event, since the same inputs give the same cloud.
 */
import { runDrift } from '../../core/drift/index.js';
import type { PlanScoreInput } from '../../core/exercise/index.js';
import { afterUnsuccessfulSearch, searchPod } from '../../core/search/index.js';
import { loadBundledCoastline } from '../../io/coastline/bundled_coastline.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { openJobForcing } from '../drift_job/forcing_chain.js';
import { coastlineForSpec } from '../drift_job/job_coastline.js';
import { planCaseFromFile, type PlanFile } from '../plan/plan_file.js';
import type { TruthTracks } from './truth_track.js';

type Cloud = Pick<PlanScoreInput, 'snapshots' | 'weight'>;

let objects: ReturnType<typeof loadLeewayTable> | null = null;

export class PlanClouds {
  private readonly clouds = new Map<string, Promise<Cloud>>();

  constructor(private readonly forcing: TruthTracks) {}

  /** The cloud of `inputs` (kept under `key`: the case and the planningInputs version). */
  cloud(key: string, inputs: PlanFile): Promise<Cloud> {
    let cloud = this.clouds.get(key);
    if (!cloud) {
      cloud = (async () => {
        objects ??= loadLeewayTable();
        const planCase = planCaseFromFile(inputs, objects, null, 'planningInputs');
        const forcing = await openJobForcing(planCase.drift, (ref) => this.forcing.open(ref));
        const shoreline = await coastlineForSpec(planCase.drift.coastline, { bundled: loadBundledCoastline });
        const result = runDrift(planCase.drift.request, forcing, { shoreline });
        const status = result.snapshots[result.snapshots.length - 1].status;
        const prior = { count: result.particles.count, weight: result.particles.weight, status, scenario: result.particles.scenario };
        const weight = planCase.searchesDone.length === 0 ? prior.weight
          : afterUnsuccessfulSearch(prior.weight, searchPod({ particles: prior, snapshots: result.snapshots, tracks: planCase.searchesDone, law: planCase.law }).pod).weight;
        return { snapshots: result.snapshots, weight };
      })();
      this.clouds.set(key, cloud);
      cloud.catch(() => this.clouds.delete(key));
    }
    return cloud;
  }
}
