/** Exercise files and doctrine trials (`sarbridge exercise simulate`). */
export { ExerciseFileSchema, parseExerciseFile, exerciseCaseFromFile } from './exercise_file.js';
export type { ExerciseFile, ExerciseCase, ExerciseTruthSetup, ExercisePhase, TruthSpread } from './exercise_file.js';
export { loadExerciseCase } from './load_exercise_case.js';
export { playersFlights, flightsEffort, playRun, playRuns, drawTruth, runSeedOf, playersDriftSeed, TRIAL_METHODS } from './doctrine_trial.js';
export type { TrialMethod, PhaseFlight, MethodFlights, DrawnTruth, MethodOutcome, RunOutcome, RunRecord, LoadedExercise, PlayRunInput } from './doctrine_trial.js';
export { simulateExercises, openExercise, type SimulateOptions, type TrialResult, type MethodSummary } from './simulate.js';
export { trialReport, trialJson } from './trial_report.js';
