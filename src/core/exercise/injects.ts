/**
 * Injects (docs/exercises.md, "Clock and injects"): events exercise control schedules and the
 * ticker releases to the players at their exercise time. `checkInject` refuses a malformed inject
 * or one at a time the clock has passed; `releasedInject` turns one into what the players receive
 * (a distress call's reported position is the truth's position at the call's time plus the error
 * the controller states, so the players hear a position as uncertain as a real call's).
 */
import { uniform01 } from '../drift/random.js';
import { checkLonLat, nmToMetres, type LonLatDeg } from '../geo/index.js';
import { fromLocal, localFrame } from '../probability/index.js';
import { formatTimeUtc } from '../time/index.js';
import { ExerciseInjectError, ExerciseTruthError } from './errors.js';
import { truthPositionAt, type TruthTrack } from './truth.js';

/** The kinds of inject. */
export type InjectKind = 'distressCall' | 'sighting' | 'debris' | 'unitBreakdown' | 'unitLate' | 'weatherChange';
export const INJECT_KINDS: readonly InjectKind[] = ['distressCall', 'sighting', 'debris', 'unitBreakdown', 'unitLate', 'weatherChange'];

/** How a distress call's reported position is made from the truth's. */
export type PositionError =
  /** the reported position lies this far from the truth, on this bearing from it */
  | { readonly kind: 'bearingDistance'; readonly bearingDeg: number; readonly distanceNm: number }
  /** uniformly within a disc of this radius about the truth, drawn from the seed */
  | { readonly kind: 'random'; readonly radiusNm: number; readonly seed: number };

/** New weather figures; at least one. */
export interface InjectWeather {
  readonly windKn?: number;
  /** Direction the wind comes from, degrees true. */
  readonly windFromDeg?: number;
  readonly visibilityNm?: number;
  readonly seaHeightM?: number;
}

/** What every inject has. */
interface InjectBase {
  readonly injectId: string;
  /** Exercise time of release, seconds since 1970-01-01T00:00Z. */
  readonly atS: number;
  /** What the players read (a radio call, a report). */
  readonly text: string;
}

/** A distress call: its position given explicitly, or made from the truth with a stated error. */
export interface DistressCallInject extends InjectBase {
  readonly kind: 'distressCall';
  readonly position?: LonLatDeg;
  readonly positionError?: PositionError;
}
/** Something seen (a flare, a raft) at a position. */
export interface SightingInject extends InjectBase { readonly kind: 'sighting'; readonly position: LonLatDeg }
/** Debris found at a position. */
export interface DebrisInject extends InjectBase { readonly kind: 'debris'; readonly position: LonLatDeg }
/** A unit breaks down: its search stops at the inject's time. */
export interface UnitBreakdownInject extends InjectBase { readonly kind: 'unitBreakdown'; readonly unitId: string }
/** A unit arrives late by delayH hours. */
export interface UnitLateInject extends InjectBase { readonly kind: 'unitLate'; readonly unitId: string; readonly delayH: number }
/** The weather changes (text and new figures). */
export interface WeatherChangeInject extends InjectBase { readonly kind: 'weatherChange'; readonly weather: InjectWeather }

/** An inject as scheduled (`injectScheduled`). */
export type Inject = DistressCallInject | SightingInject | DebrisInject | UnitBreakdownInject | UnitLateInject | WeatherChangeInject;

/** What the players receive (`injectReleased`): never the truth itself, only what the inject says. */
export interface ReleasedInject {
  readonly injectId: string;
  readonly kind: InjectKind;
  readonly atS: number;
  readonly text: string;
  readonly position?: LonLatDeg;
  readonly unitId?: string;
  readonly delayH?: number;
  readonly weather?: InjectWeather;
}

/** Options of checkInject. */
export interface CheckInjectOptions {
  /** The exercise's unit ids: a unit inject must name one. */
  readonly unitIds?: readonly string[];
}

/**
 * Check an inject against the exercise time now: ExerciseInjectError (SARB_EXERCISE_INJECT) for a
 * malformed one (the field and what is wrong) or one at a time the exercise clock has passed.
 */
export function checkInject(inject: Inject, exerciseNowS: number, options: CheckInjectOptions = {}): void {
  const bad = (field: string, problem: string): ExerciseInjectError => new ExerciseInjectError(field, problem);
  if (typeof inject !== 'object' || inject === null) throw bad('inject', 'is not an object');
  if (typeof inject.injectId !== 'string' || inject.injectId.trim() === '') throw bad('injectId', 'an inject needs an id');
  const at = (f: string): string => `${inject.injectId}.${f}`;
  if (!INJECT_KINDS.includes(inject.kind)) throw bad(at('kind'), `'${String(inject.kind)}' is not one of ${INJECT_KINDS.join(', ')}`);
  if (!Number.isFinite(inject.atS)) throw bad(at('at'), `${inject.atS} is not a time`);
  if (inject.atS < exerciseNowS) {
    throw bad(at('at'), `${formatTimeUtc(inject.atS)} is in the past: the exercise time is already ${formatTimeUtc(exerciseNowS)}`);
  }
  if (typeof inject.text !== 'string' || inject.text.trim() === '') throw bad(at('text'), 'an inject needs the text the players receive');
  const position = (p: LonLatDeg | undefined, field: string, required: boolean): void => {
    if (p === undefined) { if (required) throw bad(at(field), `a ${inject.kind} needs a position`); return; }
    try { checkLonLat(p, field); } catch (error) { throw bad(at(field), (error as Error).message); }
  };
  const unit = (id: unknown): void => {
    if (typeof id !== 'string' || id === '') throw bad(at('unitId'), `a ${inject.kind} names a unit`);
    if (options.unitIds && !options.unitIds.includes(id)) throw bad(at('unitId'), `'${id}' is not a unit of the exercise (${options.unitIds.join(', ')})`);
  };
  switch (inject.kind) {
    case 'distressCall': {
      const e = inject.positionError;
      if ((inject.position === undefined) === (e === undefined)) throw bad(at('position'), 'give either the position or the positionError made from the truth, one of them');
      position(inject.position, 'position', false);
      if (e !== undefined) {
        if (e.kind === 'bearingDistance') {
          if (!(e.bearingDeg >= 0 && e.bearingDeg < 360)) throw bad(at('positionError.bearingDeg'), `${e.bearingDeg} is not a bearing in [0, 360)`);
          if (!(e.distanceNm >= 0 && e.distanceNm <= 500)) throw bad(at('positionError.distanceNm'), `${e.distanceNm} is not a distance between 0 and 500 NM`);
        } else if (e.kind === 'random') {
          if (!(e.radiusNm >= 0 && e.radiusNm <= 500)) throw bad(at('positionError.radiusNm'), `${e.radiusNm} is not a radius between 0 and 500 NM`);
          if (!Number.isInteger(e.seed) || e.seed < 0) throw bad(at('positionError.seed'), `${e.seed} is not a whole number >= 0`);
        } else {
          throw bad(at('positionError.kind'), `'${String((e as { kind: unknown }).kind)}' is neither bearingDistance nor random`);
        }
      }
      return;
    }
    case 'sighting':
    case 'debris':
      return position(inject.position, 'position', true);
    case 'unitBreakdown':
      return unit(inject.unitId);
    case 'unitLate':
      unit(inject.unitId);
      if (!(inject.delayH > 0 && inject.delayH <= 72)) throw bad(at('delayH'), `${inject.delayH} is not a delay above 0 and at most 72 h`);
      return;
    case 'weatherChange': {
      const w = inject.weather;
      if (typeof w !== 'object' || w === null) throw bad(at('weather'), 'a weatherChange gives the new figures');
      const limits: Record<keyof InjectWeather, [number, number]> = { windKn: [0, 150], windFromDeg: [0, 360], visibilityNm: [0, 100], seaHeightM: [0, 30] };
      let given = 0;
      for (const [name, [lo, hi]] of Object.entries(limits) as [keyof InjectWeather, [number, number]][]) {
        const v = w[name];
        if (v === undefined) continue;
        given++;
        if (!(typeof v === 'number' && v >= lo && v <= hi)) throw bad(at(`weather.${name}`), `${v} is not between ${lo} and ${hi}`);
      }
      if (given === 0) throw bad(at('weather'), 'give at least one of windKn, windFromDeg, visibilityNm, seaHeightM');
      return;
    }
  }
}

/**
 * A distress call's reported position: the truth's position at the call's time moved by the
 * stated error (in the equirectangular frame about the truth: under 1 % off at tens of NM), or
 * the position given. ExerciseTruthError when the truth is not in the water at that time.
 */
export function distressCallPosition(inject: DistressCallInject, truthTrack: TruthTrack): LonLatDeg {
  if (inject.position !== undefined) return inject.position;
  const truth = truthPositionAt(truthTrack, inject.atS);
  if (truth === null) {
    throw new ExerciseTruthError(`inject ${inject.injectId}`, `the distress call at ${formatTimeUtc(inject.atS)} is outside the truth track ` +
      `(${formatTimeUtc(truthTrack.points[0].timeS)} to ${formatTimeUtc(truthTrack.points[truthTrack.points.length - 1].timeS)})`);
  }
  const e = inject.positionError!;
  let distanceNm: number, bearingRad: number;
  if (e.kind === 'bearingDistance') {
    distanceNm = e.distanceNm;
    bearingRad = (e.bearingDeg * Math.PI) / 180;
  } else {
    // uniform in the disc: radius R sqrt(u), bearing 2 pi v
    distanceNm = e.radiusNm * Math.sqrt(uniform01(e.seed >>> 0, 0, INJECT_ERROR_STREAM));
    bearingRad = 2 * Math.PI * uniform01(e.seed >>> 0, 1, INJECT_ERROR_STREAM);
  }
  const frame = localFrame(truth);
  const dM = nmToMetres(distanceNm);
  return fromLocal(frame, dM * Math.sin(bearingRad), dM * Math.cos(bearingRad));
}

/** Draw stream of a distress call's random position error. */
const INJECT_ERROR_STREAM = 0x1e7;

/** What the players receive for an inject (a distress call's position made from the truth). */
export function releasedInject(inject: Inject, truthTrack: TruthTrack | null): ReleasedInject {
  const base = { injectId: inject.injectId, kind: inject.kind, atS: inject.atS, text: inject.text };
  switch (inject.kind) {
    case 'distressCall':
      if (inject.position === undefined && truthTrack === null) throw new ExerciseTruthError(`inject ${inject.injectId}`, 'a distress call made from the truth needs the truth track');
      return { ...base, position: inject.position ?? distressCallPosition(inject, truthTrack!) };
    case 'sighting':
    case 'debris':
      return { ...base, position: inject.position };
    case 'unitBreakdown':
      return { ...base, unitId: inject.unitId };
    case 'unitLate':
      return { ...base, unitId: inject.unitId, delayH: inject.delayH };
    case 'weatherChange':
      return { ...base, weather: inject.weather };
  }
}

/** The injects due by an exercise time that are not yet released, in time order (ties by id). */
export function dueInjects(injects: readonly Inject[], released: ReadonlySet<string>, exerciseNowS: number): Inject[] {
  return injects.filter((i) => i.atS <= exerciseNowS && !released.has(i.injectId)).sort((a, b) => a.atS - b.atS || (a.injectId < b.injectId ? -1 : a.injectId > b.injectId ? 1 : 0));
}
