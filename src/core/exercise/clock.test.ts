import { describe, expect, test } from 'vitest';
import { exerciseTimeAt, setClock, stepClock, wallTimeWhen, type ExerciseClockState } from './clock.js';

const E0 = Date.UTC(2026, 2, 12, 9, 0) / 1000;   // exercise time 09:00Z
const W0 = Date.UTC(2026, 11, 2, 10, 0) / 1000;  // set at wall time 10:00Z

describe('exerciseTimeAt', () => {
  test('real time runs with the wall clock', () => {
    const c: ExerciseClockState = { mode: 'real', rate: 1, exerciseTimeS: E0, wallTimeS: W0 };
    expect(exerciseTimeAt(c, W0 + 90)).toBe(E0 + 90);
    expect(wallTimeWhen(c, E0 + 3600)).toBe(W0 + 3600);
  });
  test('accelerated ×6: ten wall minutes are an exercise hour', () => {
    const c: ExerciseClockState = { mode: 'accelerated', rate: 6, exerciseTimeS: E0, wallTimeS: W0 };
    expect(exerciseTimeAt(c, W0 + 600)).toBe(E0 + 3600);
    expect(wallTimeWhen(c, E0 + 7200)).toBe(W0 + 1200);
  });
  test('stepped stands still until stepped', () => {
    const c: ExerciseClockState = { mode: 'stepped', rate: 1, exerciseTimeS: E0, wallTimeS: W0 };
    expect(exerciseTimeAt(c, W0 + 86_400)).toBe(E0);
    expect(wallTimeWhen(c, E0 + 1)).toBeNull();
    const stepped = stepClock(c, E0 + 1800, W0 + 60);
    expect(exerciseTimeAt(stepped, W0 + 1e6)).toBe(E0 + 1800);
    expect(() => stepClock(stepped, E0, W0 + 120)).toThrow(/toTime: 2026-03-12T09:00Z is before the exercise time 2026-03-12T09:30Z/);
    expect(() => stepClock({ ...c, mode: 'real' }, E0 + 60, W0)).toThrow(/only a stepped clock is stepped/);
  });
});

describe('setClock', () => {
  test('switching from real to ×10 keeps the time; going back is refused; bad rates are refused', () => {
    const real: ExerciseClockState = { mode: 'real', rate: 1, exerciseTimeS: E0, wallTimeS: W0 };
    const fast = setClock(real, { mode: 'accelerated', rate: 10, exerciseTimeS: E0 + 300, wallTimeS: W0 + 300 }, W0 + 300);
    expect(exerciseTimeAt(fast, W0 + 360)).toBe(E0 + 900);
    expect(() => setClock(fast, { mode: 'real', rate: 1, exerciseTimeS: E0, wallTimeS: W0 + 400 }, W0 + 400)).toThrow(/would take it back/);
    expect(() => setClock(null, { mode: 'real', rate: 2, exerciseTimeS: E0, wallTimeS: W0 }, W0)).toThrow(/clock.rate: a real-time clock runs at rate 1/);
    expect(() => setClock(null, { mode: 'accelerated', rate: 0, exerciseTimeS: E0, wallTimeS: W0 }, W0)).toThrow(/clock.rate/);
    expect(() => setClock(null, { mode: 'warp' as 'real', rate: 1, exerciseTimeS: E0, wallTimeS: W0 }, W0)).toThrow(/clock.mode: 'warp'/);
  });
});
