/**
 * The exercise clock (docs/exercises.md, "Clock and injects"): exercise time runs in real time,
 * accelerated by a rate, or stands still until exercise control steps it. Exercise time =
 * exerciseTime + (wall time − wallTime) × rate, frozen when stepped. All times are seconds since
 * 1970-01-01T00:00Z (UTC).
 */
import { InvalidInputError } from '../errors.js';
import { formatTimeUtc } from '../time/index.js';

/** How exercise time runs. */
export type ClockMode = 'real' | 'accelerated' | 'stepped';

/** The clock as `clockSet` gives it: at wall time `wallTimeS` the exercise time was `exerciseTimeS`. */
export interface ExerciseClockState {
  readonly mode: ClockMode;
  /** Exercise seconds per wall second: 1 for real, > 1 (or < 1) accelerated; ignored when stepped. */
  readonly rate: number;
  readonly exerciseTimeS: number;
  readonly wallTimeS: number;
}

/** The fastest a clock may run (an hour of exercise per wall second). */
export const MAX_CLOCK_RATE = 3600;

/** Check a clock state; InvalidInputError naming the field (`clock.rate: ...`). */
export function checkClockState(state: ExerciseClockState, field = 'clock'): void {
  if (state.mode !== 'real' && state.mode !== 'accelerated' && state.mode !== 'stepped') {
    throw new InvalidInputError(`${field}.mode`, `'${String(state.mode)}' is not one of real, accelerated, stepped`);
  }
  for (const name of ['exerciseTimeS', 'wallTimeS'] as const) {
    if (!Number.isFinite(state[name])) throw new InvalidInputError(`${field}.${name}`, `${state[name]} is not a time`);
  }
  if (state.mode === 'real' && state.rate !== 1) throw new InvalidInputError(`${field}.rate`, `a real-time clock runs at rate 1, not ${state.rate}`);
  if (state.mode === 'accelerated' && !(state.rate > 0 && state.rate <= MAX_CLOCK_RATE)) {
    throw new InvalidInputError(`${field}.rate`, `${state.rate} is not a rate above 0 and at most ${MAX_CLOCK_RATE}`);
  }
}

/**
 * Exercise time at a wall time: exerciseTimeS + (wallTimeS − state.wallTimeS) × rate; the
 * stepped clock's own time. A wall time before the state's is answered the same way (the formula
 * runs backward), so callers pass now.
 * @example exerciseTimeAt({ mode: 'accelerated', rate: 4, exerciseTimeS: 0, wallTimeS: 100 }, 130) // 120
 */
export function exerciseTimeAt(state: ExerciseClockState, wallTimeS: number): number {
  if (state.mode === 'stepped') return state.exerciseTimeS;
  const rate = state.mode === 'real' ? 1 : state.rate;
  return state.exerciseTimeS + (wallTimeS - state.wallTimeS) * rate;
}

/** The wall time at which the clock reaches an exercise time (for a ticker), or null when a stepped clock never does by itself. */
export function wallTimeWhen(state: ExerciseClockState, exerciseTimeS: number): number | null {
  if (state.mode === 'stepped') return exerciseTimeS <= state.exerciseTimeS ? state.wallTimeS : null;
  const rate = state.mode === 'real' ? 1 : state.rate;
  return state.wallTimeS + (exerciseTimeS - state.exerciseTimeS) / rate;
}

/**
 * A new clock (`clockSet`) replacing the current one at wall time `wallTimeS`: exercise time never
 * goes back (injects already released would be in the future again).
 */
export function setClock(current: ExerciseClockState | null, next: ExerciseClockState, wallTimeS: number): ExerciseClockState {
  checkClockState(next);
  if (current !== null) {
    const nowS = exerciseTimeAt(current, wallTimeS);
    const startS = exerciseTimeAt(next, wallTimeS);
    if (startS < nowS - 1e-6) {
      throw new InvalidInputError('clock.exerciseTimeS', `the exercise time is ${formatTimeUtc(nowS)}; a clock set to ${formatTimeUtc(startS)} would take it back`);
    }
  }
  return next;
}

/** `clockStepped`: a stepped clock moves forward to `toTimeS`. */
export function stepClock(state: ExerciseClockState, toTimeS: number, wallTimeS: number): ExerciseClockState {
  if (state.mode !== 'stepped') throw new InvalidInputError('clock.mode', `a ${state.mode} clock runs by itself; only a stepped clock is stepped`);
  if (!Number.isFinite(toTimeS)) throw new InvalidInputError('toTime', `${toTimeS} is not a time`);
  if (toTimeS < state.exerciseTimeS) {
    throw new InvalidInputError('toTime', `${formatTimeUtc(toTimeS)} is before the exercise time ${formatTimeUtc(state.exerciseTimeS)}: a step goes forward`);
  }
  return { ...state, exerciseTimeS: toTimeS, wallTimeS };
}
