/**
 * Joint exercises, pure (docs/exercises.md): the hidden truth and its track, the exercise clock,
 * injects, detection along a search track, scoring. Named re-exports only.
 */
export { ExerciseTruthError, ExerciseInjectError } from './errors.js';
export { PerturbedField, type FieldPerturbation } from './perturbed_field.js';
export { SwitchedField } from './switched_field.js';
export { simulateTruthTrack, strandedTruthTrack, truthPositionAt, truthDriftRequest, perturbedForcing } from './truth.js';
export type { TruthSpec, TruthPerturbation, TruthForcingRefs, TruthTrack, TruthTrackPoint, TruthStatus, TruthLeeway, TruthTrackOptions } from './truth.js';
export { detectAlongTrack, simulatedSearchTrack } from './detection.js';
export type { DetectAlongTrackInput, DetectAlongTrackResult, Detection, PlannedRoute, SimulatedSearchOptions } from './detection.js';
export { exerciseTimeAt, wallTimeWhen, setClock, stepClock, checkClockState, MAX_CLOCK_RATE } from './clock.js';
export type { ClockMode, ExerciseClockState } from './clock.js';
export { checkInject, releasedInject, distressCallPosition, dueInjects, INJECT_KINDS } from './injects.js';
export type {
  Inject, InjectKind, PositionError, InjectWeather, DistressCallInject, SightingInject, DebrisInject, UnitBreakdownInject,
  UnitLateInject, WeatherChangeInject, ReleasedInject, CheckInjectOptions,
} from './injects.js';
export { scoreExercise, scorePlan, planMap, truthOnMap, scoreEffort, scoreRules, scoreExchanges, cloudAt } from './scoring.js';
export type {
  ExerciseScore, PlanScore, PlanMap, UnitEffort, RulesScore, PartyExchanges, ScoringInput, PlanScoreInput, SearchEffortInput,
  NotificationInput, ExchangeInput, AboardInput, StatusSnapshot,
} from './scoring.js';
export { wilsonInterval, medianInterval } from './trial_statistics.js';
export type { ProportionInterval, MedianInterval } from './trial_statistics.js';
