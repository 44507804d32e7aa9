/**
 * Joint exercises, pure (docs/exercises.md): the hidden truth and its track, the exercise clock,
 * injects, detection along a search track, scoring. Named re-exports only.
 */
export { ExerciseTruthError, ExerciseInjectError } from './errors.js';
export { PerturbedField, type FieldPerturbation } from './perturbed_field.js';
export { simulateTruthTrack, truthPositionAt, truthDriftRequest, perturbedForcing } from './truth.js';
export type { TruthSpec, TruthPerturbation, TruthForcingRefs, TruthTrack, TruthTrackPoint, TruthStatus, TruthLeeway, TruthTrackOptions } from './truth.js';
export { detectAlongTrack, simulatedSearchTrack } from './detection.js';
export type { DetectAlongTrackInput, DetectAlongTrackResult, Detection, PlannedRoute, SimulatedSearchOptions } from './detection.js';
