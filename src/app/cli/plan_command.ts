import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { checkIssuable, checkPlan } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { loadPlanCase, loadPreviousPlan, placesOffTheCoastline, planForRules, planReport, runPlan, writePlanOutputs } from '../plan/index.js';
import { findingsReport } from './cooperation_command.js';
import { reportNotIssuable } from './outcome.js';
import { positiveInteger, threadCount } from './option_values.js';
import { progressBar } from './progress.js';

interface PlanOptions { out: string; particles?: string; workers?: string; json?: boolean; agreement?: string; party?: string; utc?: boolean; previous?: string }

/** `sarbridge plan`: drift, probability, optimal allocation of the units, IAMSAR baseline, exports. */
export function planCommand(): Command {
  return new Command('plan')
    .description(COMMAND_DESCRIPTIONS.plan)
    .argument('<file>', 'plan file (YAML/JSON): a drift case plus planningTime, units and optional searchesDone (see examples/plans/)')
    .option('--out <dir>', 'folder for the exports', 'sarbridge-plan')
    .option('-n, --particles <count>', 'override the number of particles')
    .option('--workers <count>', 'drift worker threads (default: every core when the drift is large)')
    .option('--json', 'print a JSON summary instead of the table')
    .option('--agreement <config>', "check the plan against a cooperation agreement's rules (coordinating RCC, notifications; exit code 4 while notifications await acknowledgement); e.g. examples/cooperation/korea-japan.yaml")
    .option('--party <id>', 'with --agreement: read the findings as this party (its names and time zone)')
    .option('--utc', 'with --agreement: times in UTC')
    .option('--previous <file>', "a re-plan: the plan issued before for this case (its --json summary or its plan.geojson); its areas are kept while no layout is better beyond the particles' noise")
    .action(async (file: string, options: PlanOptions) => {
      const planCase = loadPlanCase(file, loadLeewayTable());
      const agreement = options.agreement === undefined ? null : loadCooperationConfig(options.agreement);   // a bad config fails before the drift
      const particles = options.particles === undefined ? undefined : positiveInteger(options.particles, '--particles');
      const previousAreas = options.previous === undefined ? undefined : loadPreviousPlan(options.previous);   // a bad file fails before the drift
      const counted = particles === undefined ? planCase : { ...planCase, drift: { ...planCase.drift, request: { ...planCase.drift.request, particleCount: particles } } };
      const c = previousAreas === undefined ? counted : { ...counted, previousAreas };
      const bar = progressBar('drifting', !options.json);
      const run = await runPlan(c, {
        workers: options.workers === undefined ? undefined : threadCount(options.workers, '--workers'),
        onProgress: bar.update,
      }).finally(() => bar.stop());
      const written = await writePlanOutputs(run, options.out);
      const rules = agreement === null ? null : checkPlan(agreement, planForRules(run));
      // the agreement's islands and islets where the coastline has no land (place_outlines.ts)
      const offTheCoastline = agreement === null || run.shoreline === null ? [] : placesOffTheCoastline(agreement, run.shoreline);
      if (rules !== null && !checkIssuable(rules, []).issuable) reportNotIssuable();   // exit code 4: written, not yet issuable
      if (options.json) {
        console.log(JSON.stringify({
          ...(rules === null ? {} : { findings: rules, issue: checkIssuable(rules, []), placesOffTheCoastline: offTheCoastline }),
          pos: run.optimal.pos, baselinePos: run.baseline.pos, baselineIssuable: run.baseline.clearOfLand, chosen: run.optimal.chosen, optimiserPos: run.optimal.optimiserPos, previous: run.optimal.previous ?? null, ...(run.optimal.placedOn === undefined ? {} : { placedOn: run.optimal.placedOn }), negligibleUnits: run.optimal.negligible, heldUnits: run.optimal.held,
          units: run.optimal.assignments.map((a, k) => ({
            unitId: a.unitId, party: a.party, pattern: a.pattern, area: a.area, trackSpacingNm: a.trackSpacingNm, pos: run.optimal.unitPos[k],
            legs: a.route.legs.length, turnRadiusNm: a.route.turnRadiusNm ?? 0, flownTrackNm: a.route.flownTrackNm ?? a.route.totalTrackNm,
            turnTrackNm: a.route.turnTrackNm ?? 0, clearanceNm: run.clearances.optimal[k]?.clearanceNm,
            closestToLandNm: run.clearances.optimal[k]?.closest?.distanceNm ?? null,
          })),
          baselineUnits: run.baseline.assignments.map((a, k) => ({
            unitId: a.unitId, trackSpacingNm: a.trackSpacingNm, pos: run.baseline.unitPos[k], area: a.area,
            closestToLandNm: run.clearances.baseline[k]?.closest?.distanceNm ?? null,
          })),
          searchesDone: run.update, datumTrack: planForRules(run).datumTrack, routes: planForRules(run).units, files: written,
        }, null, 2));
        return;
      }
      console.log(planReport(run, written));
      if (agreement !== null) {
        console.log('');
        console.log(findingsReport(agreement, planForRules(run), [], `this plan under ${options.agreement}`, options.party, options.utc,
          offTheCoastline, `the coastline (${run.shoreline?.label})`).join('\n'));
      }
    });
}
