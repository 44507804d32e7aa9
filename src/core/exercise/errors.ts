/**
 * Errors of exercise control (docs/errors.md). They are answered to controllers only: a player
 * never causes one, so their messages may speak of the truth.
 */
import { SarbridgeError } from '../errors.js';

/** A truth that cannot be simulated: outside the truth forcing's span or extent, on land, or malformed. */
export class ExerciseTruthError extends SarbridgeError {
  readonly code = 'SARB_EXERCISE_TRUTH';
  constructor(readonly field: string, readonly problem: string) {
    super(`truth: ${field}: ${problem}`);
  }
}

/** An inject that cannot be scheduled: malformed, or at a time the exercise clock has passed. */
export class ExerciseInjectError extends SarbridgeError {
  readonly code = 'SARB_EXERCISE_INJECT';
  constructor(readonly field: string, readonly problem: string) {
    super(`inject: ${field}: ${problem}`);
  }
}
