import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { InvalidInputError } from '../../core/errors.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { loadExerciseCase } from '../exercise/load_exercise_case.js';
import { MAX_TRIAL_RUNS, simulateExercises } from '../exercise/simulate.js';
import { trialJson, trialReport } from '../exercise/trial_report.js';
import { positiveInteger, threadCount, wholeNumberBetween } from './option_values.js';
import { progressBar } from './progress.js';

interface SimulateOptions { runs: string; seed?: string; threads?: string; json?: boolean; particles?: string; driftPerRun?: boolean }

/** `sarbridge exercise`: joint exercises; `simulate` plays doctrine trials headless. */
export function exerciseCommand(): Command {
  const command = new Command('exercise').description(COMMAND_DESCRIPTIONS.exercise);
  command.command('simulate')
    .description('play N exercises headless with scripted players, the optimal allocation against the IAMSAR baseline (same units and effort), a new truth per run; print detection rates and median times to detection with 95 % intervals')
    .argument('<file>', 'exercise file: a plan file plus an exercise: block (see examples/exercises/)')
    .requiredOption('--runs <n>', 'number of exercises to play')
    .option('--seed <s>', "trial seed (default the truth's seed in the file): the same seed gives the same output")
    .option('--threads <t>', 'threads (default: every core when each run drifts on its own)')
    .option('-n, --particles <count>', "override the number of particles of the players' drift")
    .option('--drift-per-run', "drift the players' forecast again in every run with its own seed (separate exercises; slower; always so when a distress call is made from each run's truth)")
    .option('--json', 'print the summary and every run as JSON')
    .action(async (file: string, options: SimulateOptions) => {
      const objects = loadLeewayTable();
      const loaded = loadExerciseCase(file, objects);
      const particles = options.particles === undefined ? undefined : positiveInteger(options.particles, '--particles');
      const exercise = particles === undefined ? loaded
        : { ...loaded, plan: { ...loaded.plan, drift: { ...loaded.plan.drift, request: { ...loaded.plan.drift.request, particleCount: particles } } } };
      const seed = options.seed === undefined ? undefined : nonNegativeInteger(options.seed, '--seed');
      const bar = progressBar('exercises', !options.json);
      const result = await simulateExercises(exercise, {
        runs: wholeNumberBetween(options.runs, '--runs', 1, MAX_TRIAL_RUNS, 'exercises'), objects, onProgress: bar.update,
        ...(seed === undefined ? {} : { seed }),
        ...(options.threads === undefined ? {} : { threads: threadCount(options.threads, '--threads') }),
        driftPerRun: options.driftPerRun ?? false,
      }).finally(() => bar.stop());
      console.log(options.json ? trialJson(result) : trialReport(result));
    });
  return command;
}

function nonNegativeInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) throw new InvalidInputError(flag, `'${text}' is not a whole number between 0 and 2^32-1`);
  return value;
}
