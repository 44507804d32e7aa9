/**
 * An exercise's control stream rebuilt from its events (pure): the director and controllers, the
 * truth, the injects, the clock, every detection draw, the lessons, the end.
 */
import { exerciseTimeAt, type ExerciseClockState, type Inject } from '../../core/exercise/index.js';
import type { StoredEvent } from '../../io/storage/index.js';
import type { ControlEventPayload, Truth } from './events.js';

/** The exercise clock as set: exercise time = exerciseTime + (now − wallTime) × rate; frozen when stepped. */
export interface ExerciseClock {
  readonly mode: 'real' | 'accelerated' | 'stepped';
  readonly rate: number;
  /** UTC text as the log stores it. */
  readonly exerciseTime: string;
  readonly wallTime: string;
}

/**
 * The exercise time on `clock` at wall time `nowMs`, seconds since epoch (docs/exercises.md).
 * A stepped clock stands still until stepped.
 */
export function exerciseTimeS(clock: ExerciseClock, nowMs: number): number {
  return exerciseTimeAt(clockState(clock), nowMs / 1000);
}

/** The clock as core/exercise takes it (seconds). */
export function clockState(clock: ExerciseClock): ExerciseClockState {
  return { mode: clock.mode, rate: clock.rate, exerciseTimeS: Date.parse(clock.exerciseTime) / 1000, wallTimeS: Date.parse(clock.wallTime) / 1000 };
}

/** A scheduled inject as core/exercise takes it. */
export function coreInject(inject: ControlEventPayload<'injectScheduled'>): Inject {
  return { ...inject, atS: Date.parse(inject.at) / 1000 } as unknown as Inject;
}

export interface ScheduledInject {
  readonly version: number;
  readonly scheduledBy: string;
  readonly inject: ControlEventPayload<'injectScheduled'>;
  readonly cancelled: boolean;
}

/** The control stream's picture (controllers only). */
export interface ControlState {
  readonly streamId: string;
  readonly version: number;
  readonly caseId: string;
  readonly programmeItemId: string;
  readonly title: string;
  readonly director: { readonly userName: string; readonly party: string };
  /** User names who read and write the stream; the director first. */
  readonly controllers: readonly string[];
  /** The truth as last set (null before), with the version that set it. */
  readonly truth: (Truth & { readonly version: number }) | null;
  readonly injects: readonly ScheduledInject[];
  readonly clock: ExerciseClock | null;
  readonly detections: readonly (ControlEventPayload<'detectionDrawn'> & { readonly version: number; readonly recordedAt: string })[];
  readonly lessons: readonly { readonly version: number; readonly by: string; readonly recordedAt: string; readonly text: string }[];
  readonly ended: { readonly version: number; readonly by: string; readonly recordedAt: string; readonly text?: string } | null;
}

/** Rebuild the control state; null for a stream without its opening. */
export function foldControl(events: readonly StoredEvent[]): ControlState | null {
  let s: { -readonly [K in keyof ControlState]: ControlState[K] } | null = null;
  const injects: ScheduledInject[] = [];
  const detections: ControlState['detections'][number][] = [];
  const lessons: ControlState['lessons'][number][] = [];
  for (const e of events) {
    const p = e.payload as Record<string, unknown>;
    if (e.type === 'controlOpened') {
      const o = p as ControlEventPayload<'controlOpened'>;
      s = {
        streamId: e.caseId, version: e.version, caseId: o.caseId, programmeItemId: o.programmeItemId, title: o.title, director: o.director,
        controllers: [o.director.userName], truth: null, injects, clock: null, detections, lessons, ended: null,
      };
      continue;
    }
    if (!s) continue;
    s.version = e.version;
    switch (e.type) {
      case 'controllersSet': {
        const named = (p as ControlEventPayload<'controllersSet'>).controllers;
        s.controllers = [s.director.userName, ...named.filter((n) => n !== s!.director.userName)];
        break;
      }
      case 'truthSet': s.truth = { ...(p as Truth), version: e.version }; break;
      case 'injectScheduled': {
        const inject = p as ControlEventPayload<'injectScheduled'>;
        const k = injects.findIndex((i) => i.inject.injectId === inject.injectId);
        const entry = { version: e.version, scheduledBy: e.author, inject, cancelled: false };
        if (k >= 0) injects[k] = entry; else injects.push(entry);
        break;
      }
      case 'injectCancelled': {
        const k = injects.findIndex((i) => i.inject.injectId === (p as { injectId: string }).injectId);
        if (k >= 0) injects[k] = { ...injects[k], cancelled: true };
        break;
      }
      case 'clockSet': {
        const c = p as ControlEventPayload<'clockSet'> & { wallTime: string };
        s.clock = { mode: c.mode, rate: c.mode === 'real' ? 1 : c.mode === 'stepped' ? 0 : c.rate ?? 1, exerciseTime: c.exerciseTime, wallTime: c.wallTime };
        break;
      }
      case 'clockStepped':
        if (s.clock) s.clock = { ...s.clock, exerciseTime: (p as { toTime: string }).toTime, wallTime: e.recordedAt };
        break;
      case 'detectionDrawn': detections.push({ ...(p as ControlEventPayload<'detectionDrawn'>), version: e.version, recordedAt: e.recordedAt }); break;
      case 'lessonEntered': lessons.push({ version: e.version, by: e.author, recordedAt: e.recordedAt, text: (p as { text: string }).text }); break;
      case 'exerciseEnded': s.ended = { version: e.version, by: e.author, recordedAt: e.recordedAt, ...((p as { text?: string }).text ? { text: (p as { text: string }).text } : {}) }; break;
    }
  }
  return s;
}
