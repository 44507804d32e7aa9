/**
 * The exercise file: a plan file (app/plan/plan_file.ts, the schema of `sarbridge plan`) plus an
 * `exercise:` block saying what exercise control knows and the players do not: the truth (object,
 * release position and time, the truth forcing and its perturbation, how a doctrine trial draws
 * it), the injects, the detection step and the planning cycles. YAML or JSON; errors name the
 * file, the field path and the problem (`sarex.yaml: exercise/truth/position: ...`), as plan files'
 * do. Pure (no node:* imports); reading it from disk is load_exercise_case.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { InvalidInputError } from '../../core/errors.js';
import { checkInject, ExerciseInjectError, type Inject, type InjectWeather, type PositionError, type TruthPerturbation } from '../../core/exercise/index.js';
import { nmToMetres, parsePosition, type LonLatDeg } from '../../core/geo/index.js';
import { findObjectClass, type LeewayObjectClass } from '../../core/objects/index.js';
import { formatTimeUtc, parseTime } from '../../core/time/index.js';
import { parseCheckedYaml } from '../../io/yaml_file.js';
import { DriftCaseSchema, driftJobFromCase, type ResolveForcingPath } from '../case_file/drift_case.js';
import type { ForcingSourceSpec } from '../drift_job/job.js';
import { PlanFileSchema, planCaseFromFile, type PlanCase, type PlannedUnit } from '../plan/plan_file.js';

const Position = Type.String({ description: "latitude then longitude: '37 14.4N 131 52.2E' or '37.24 131.87'" });
const Time = Type.String({ description: "UTC: '2026-03-10T06:00Z' or '100600Z MAR 26'" });
const Factor = Type.Number({ minimum: 0, maximum: 10 });
const Turn = Type.Number({ minimum: -180, maximum: 180 });

const TruthSchema = Type.Object({
  object: Type.Optional(Type.String({ description: "Leeway class of the truth; default the drawn scenario's (doctrine trials) or the first scenario's" })),
  position: Type.Optional(Position),
  time: Type.Optional(Time),
  seed: Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1, description: 'seed of the truth (Leeway coefficients, side, jibes; the draws of a doctrine trial)' }),
  forcing: Type.Optional(DriftCaseSchema.properties.forcing),
  perturbation: Type.Optional(Type.Object({
    windSpeedFactor: Factor, windDirectionOffsetDeg: Turn, currentSpeedFactor: Factor, currentDirectionOffsetDeg: Turn,
  }, { additionalProperties: false, description: 'how the truth forcing differs from its files: speeds × factor, directions turned clockwise' })),
  spread: Type.Optional(Type.Union([
    Type.Literal('scenarios'),
    Type.Object({
      radiusNm: Type.Number({ minimum: 0, maximum: 500 }),
      spread: Type.Optional(Type.Union([Type.Literal('gaussian'), Type.Literal('uniform-disc')])),
      timeWindowMin: Type.Optional(Type.Number({ minimum: 0, maximum: 7 * 24 * 60 })),
    }, { additionalProperties: false }),
  ], { description: "doctrine trials: 'scenarios' draws each run's truth as the plan's seeding draws a particle; { radiusNm } spreads it about position" })),
}, { additionalProperties: false });

const InjectSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  kind: Type.Union(['distressCall', 'sighting', 'debris', 'unitBreakdown', 'unitLate', 'weatherChange'].map((k) => Type.Literal(k))),
  at: Time,
  text: Type.String({ minLength: 1 }),
  position: Type.Optional(Position),
  positionError: Type.Optional(Type.Union([
    Type.Object({ bearingDeg: Type.Number(), distanceNm: Type.Number() }, { additionalProperties: false }),
    Type.Object({ radiusNm: Type.Number(), seed: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  ])),
  unit: Type.Optional(Type.String({ minLength: 1 })),
  delayH: Type.Optional(Type.Number()),
  weather: Type.Optional(Type.Object({
    windKn: Type.Optional(Type.Number()), windFromDeg: Type.Optional(Type.Number()),
    visibilityNm: Type.Optional(Type.Number()), seaHeightM: Type.Optional(Type.Number()),
  }, { additionalProperties: false })),
  datumShare: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 0.95, description: "a sighting's or debris find's new datum, or a distress call after the first plan: the share of the probability the scripted players give it (default 0.5)" })),
  datumRadiusNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50, description: "the reported position's probable error (50 % radius), NM, as the scripted players take it: a sighting's or debris find's (default 1, IAMSAR Vol. II's fix error of a radar or visual fix); a distress call's initial position error X (default the probable error of its positionError; needed with an explicit position)" })),
}, { additionalProperties: false });

const ExerciseBlock = Type.Object({
  truth: TruthSchema,
  injects: Type.Optional(Type.Array(InjectSchema)),
  detection: Type.Optional(Type.Object({ stepMin: Type.Number({ exclusiveMinimum: 0, maximum: 60, description: 'one detection draw per this many minutes of a track; default 1' }) }, { additionalProperties: false })),
  phases: Type.Optional(Type.Array(Type.Object({
    name: Type.String({ minLength: 1 }),
    replanAfterH: Type.Number({ exclusiveMinimum: 0, maximum: 72, description: 'hours after the first planning time: the units are recalled and the search is planned again with what they searched' }),
  }, { additionalProperties: false }), { maxItems: 8 })),
}, { additionalProperties: false });

/** An exercise file: the plan file's fields plus `exercise:`. */
export const ExerciseFileSchema = Type.Object({ ...PlanFileSchema.properties, exercise: ExerciseBlock }, { additionalProperties: false });
export type ExerciseFile = Static<typeof ExerciseFileSchema>;

/** How each run of a doctrine trial draws its truth. */
export type TruthSpread =
  /** the same position and time every run (the seed still draws new Leeway coefficients per run) */
  | { readonly kind: 'none' }
  /** as the plan's seeding draws a particle: a scenario by weight, its position spread and release time */
  | { readonly kind: 'scenarios' }
  /** about the truth's position (gaussian per axis or uniform in the disc), the time uniform in a window centred on it */
  | { readonly kind: 'around'; readonly radiusM: number; readonly spread: 'gaussian' | 'uniform-disc'; readonly timeWindowS: number };

/** The truth as exercise control sets it up in the file. */
export interface ExerciseTruthSetup {
  /** Leeway class key, or null: the drawn scenario's. */
  readonly objectClass: string | null;
  readonly position: LonLatDeg | null;
  readonly timeS: number | null;
  readonly seed: number;
  /** The truth forcing's sources, or null for the players' (the plan's) forcing. */
  readonly forcing: { readonly wind: readonly ForcingSourceSpec[]; readonly current: readonly ForcingSourceSpec[] } | null;
  readonly perturbation?: TruthPerturbation;
  readonly spread: TruthSpread;
}

/** A planning cycle: the plan at its planning time, the units searching until the next cycle. */
export interface ExercisePhase {
  readonly name: string;
  readonly planningTimeS: number;
  /** Added to every unit's arrival of the plan file (0 for the first phase). */
  readonly shiftS: number;
}

/**
 * A sighting or debris find as the scripted players take it (IAMSAR Vol. II, new datum: a credible
 * report of the object or its debris is a new datum, drifted on from its position and time): one
 * more scenario of the players' drift, seeded at the reported position with its probable error and
 * released at the report's time, with `share` of the probability (the scenarios before it keep
 * their relative weights in the rest).
 */
export interface NewDatum {
  readonly injectId: string;
  readonly atS: number;
  readonly position: LonLatDeg;
  /** The reported position's probable error (IAMSAR: the radius of the circle holding it with 50 % probability), metres. */
  readonly probableErrorM: number;
  readonly share: number;
}

/**
 * A distress call as the scripted players take it (IAMSAR Vol. II ch. 4, datum from a reported
 * position): the distress position is the datum, its position error the initial position error X.
 * The position is the file's, or null when exercise control makes it from each run's truth with
 * the stated `positionError` (doctrine_trial.ts heardCalls): then the players' plans differ per run.
 */
export interface DistressDatum {
  readonly injectId: string;
  readonly atS: number;
  readonly position: LonLatDeg | null;
  /** The call's error as exercise control states it (position null). */
  readonly positionError?: PositionError;
  /** X, the probable error the players take for the reported position, metres. */
  readonly probableErrorM: number;
  /** Its share of the probability when it comes after the first plan (as a sighting's). */
  readonly share: number;
}

/** The players' units re-derived with the weather after a weather change (every change up to it applied). */
export interface WeatherUnits {
  readonly injectId: string;
  readonly atS: number;
  /** The plan file's weather with the changes applied. */
  readonly weather: { readonly visibilityNm: number; readonly windKn: number; readonly seaHeightM: number };
  readonly units: readonly PlannedUnit[];
}

/** The default share of a new datum and its default probable error (IAMSAR Vol. II fix errors: radar or visual fix 1 NM). */
export const NEW_DATUM_SHARE = 0.5;
export const NEW_DATUM_RADIUS_NM = 1;

/** An exercise file read and checked. */
export interface ExerciseCase {
  readonly fileName: string;
  readonly title?: string;
  /** The players' plan (the plan file), its drift long enough for every phase. */
  readonly plan: PlanCase;
  readonly truth: ExerciseTruthSetup;
  readonly injects: readonly Inject[];
  readonly detectionStepS: number;
  /** At least one: the plan file's own planning time first. */
  readonly phases: readonly ExercisePhase[];
  /** End of the last unit's search of the last phase, seconds since 1970. */
  readonly endS: number;
  /** The sightings and debris finds as new data for the scripted players, by time. */
  readonly newDatums: readonly NewDatum[];
  /** The distress calls as the scripted players take them, by time. */
  readonly distressCalls: readonly DistressDatum[];
  /** The units after each weather change, by time (none when the plan file gives no weather to change). */
  readonly weatherUnits: readonly WeatherUnits[];
}

/** Parse and check an exercise file's text (YAML or JSON). */
export function parseExerciseFile(text: string, fileName: string): ExerciseFile {
  return parseCheckedYaml(ExerciseFileSchema, text, fileName);
}

/**
 * Turn a checked exercise file into an exercise case: the plan through planCaseFromFile (its
 * errors as for `sarbridge plan`), then the exercise block, its errors naming `exercise/...`.
 */
export function exerciseCaseFromFile(f: ExerciseFile, objects: readonly LeewayObjectClass[], resolvePath: ResolveForcingPath | null, fileName = 'exercise'): ExerciseCase {
  const at = (path: string): string => `${fileName}: exercise/${path}`;
  const { exercise, ...planFile } = f;
  const firstPlan = planCaseFromFile(planFile, objects, resolvePath, fileName);
  const t = exercise.truth;
  const scenarioObjects = firstPlan.drift.request.scenarios.map((s) => s.objectClass.key);
  let objectClass: string | null = null;
  if (t.object !== undefined) {
    try {
      objectClass = findObjectClass(objects, t.object).key;
    } catch (error) {
      throw new InvalidInputError(at('truth/object'), (error as Error).message);
    }
    if (!scenarioObjects.includes(objectClass)) {
      throw new InvalidInputError(at('truth/object'), `${objectClass} is the object of no scenario (${[...new Set(scenarioObjects)].join(', ')}): the units have a sweep width only for those`);
    }
  }
  const position = t.position === undefined ? null : parsePosition(t.position, at('truth/position'));
  const timeS = t.time === undefined ? null : parseTime(t.time, at('truth/time'));
  if ((position === null) !== (timeS === null)) throw new InvalidInputError(at('truth'), 'give both position and time, or neither (each run then draws them from the scenarios)');
  let spread: TruthSpread;
  if (t.spread === undefined) spread = position === null ? { kind: 'scenarios' } : { kind: 'none' };
  else if (t.spread === 'scenarios') spread = { kind: 'scenarios' };
  else {
    if (position === null) throw new InvalidInputError(at('truth/spread'), 'a spread about the truth needs its position and time');
    spread = { kind: 'around', radiusM: nmToMetres(t.spread.radiusNm), spread: t.spread.spread ?? 'gaussian', timeWindowS: (t.spread.timeWindowMin ?? 0) * 60 };
  }
  let forcing: ExerciseTruthSetup['forcing'] = null;
  if (t.forcing !== undefined) {
    // the truth forcing reads as a case's forcing does (files relative to the file, constants)
    const job = driftJobFromCase({ ...planFile, forcing: t.forcing }, objects, resolvePath, `${fileName}: exercise/truth`);
    forcing = job.forcing;
  }
  const truth: ExerciseTruthSetup = {
    objectClass, position, timeS, seed: t.seed, forcing, spread,
    ...(t.perturbation === undefined ? {} : { perturbation: t.perturbation }),
  };

  const phases: ExercisePhase[] = [{ name: 'plan 1', planningTimeS: firstPlan.planningTimeS, shiftS: 0 }];
  (exercise.phases ?? []).forEach((p, k) => {
    const shiftS = p.replanAfterH * 3600;
    if (shiftS <= phases[phases.length - 1].shiftS) {
      throw new InvalidInputError(at(`phases/${k}/replanAfterH`), `${p.replanAfterH} h: each phase replans later than the one before`);
    }
    phases.push({ name: p.name, planningTimeS: firstPlan.planningTimeS + shiftS, shiftS });
  });
  const lastShiftS = phases[phases.length - 1].shiftS;
  const endS = Math.max(...firstPlan.units.map((u) => u.arrivalTimeS + lastShiftS + u.enduranceH * 3600));
  // one drift for every phase: it runs to the end of the last phase's searches
  const r = firstPlan.drift.request;
  const neededS = Math.ceil((endS - r.startS) / r.timeStepS) * r.timeStepS;
  if (planFile.durationH !== undefined && r.durationS < endS - r.startS) {
    throw new InvalidInputError(`${fileName}: durationH`, `${planFile.durationH} h ends before the last phase's searches do; give at least ${(neededS / 3600).toFixed(1)} h or leave it out`);
  }
  const plan: PlanCase = { ...firstPlan, drift: { ...firstPlan.drift, request: { ...r, durationS: Math.max(r.durationS, neededS) } } };
  if (timeS !== null && timeS > endS) throw new InvalidInputError(at('truth/time'), `${t.time} is after the last search ends`);

  const unitIds = plan.units.map((u) => u.unitId);
  const injects = (exercise.injects ?? []).map((raw, k) => injectFromFile(raw, k, at, unitIds));
  const ids = new Set<string>();
  injects.forEach((i, k) => {
    if (ids.has(i.injectId)) throw new InvalidInputError(at(`injects/${k}/id`), `'${i.injectId}' is used by another inject`);
    ids.add(i.injectId);
  });
  const raw = exercise.injects ?? [];
  // the players seed a datum at a report's time: it must fall inside their drift
  injects.forEach((i, k) => {
    if ((i.kind === 'sighting' || i.kind === 'debris' || i.kind === 'distressCall') && i.atS < r.startS) {
      throw new InvalidInputError(at(`injects/${k}/at`), `${raw[k].at} is before the players' drift starts (${formatTimeUtc(r.startS)}): the scripted players could not drift from the reported position`);
    }
  });
  const newDatums: NewDatum[] = injects.flatMap((i, k) => (i.kind === 'sighting' || i.kind === 'debris'
    ? [{ injectId: i.injectId, atS: i.atS, position: i.position, probableErrorM: nmToMetres(raw[k].datumRadiusNm ?? NEW_DATUM_RADIUS_NM), share: raw[k].datumShare ?? NEW_DATUM_SHARE }] : []))
    .sort((a, b) => a.atS - b.atS);
  const distressCalls: DistressDatum[] = injects.flatMap((i, k) => (i.kind === 'distressCall'
    ? [{ injectId: i.injectId, atS: i.atS, position: i.position ?? null, ...(i.positionError ? { positionError: i.positionError } : {}),
      probableErrorM: nmToMetres(raw[k].datumRadiusNm ?? statedProbableErrorNm(i.positionError, at(`injects/${k}/datumRadiusNm`))), share: raw[k].datumShare ?? NEW_DATUM_SHARE }] : []))
    .sort((a, b) => a.atS - b.atS);
  // a weather change re-derives the units' table sweep widths (IAMSAR weather correction, as the plan file's own)
  const weatherUnits: WeatherUnits[] = [];
  let weather = planFile.weather;
  for (const i of [...injects].sort((a, b) => a.atS - b.atS)) {
    if (i.kind !== 'weatherChange' || !weather) continue;
    const w = i.weather;
    weather = { visibilityNm: w.visibilityNm ?? weather.visibilityNm, windKn: w.windKn ?? weather.windKn, seaHeightM: w.seaHeightM ?? weather.seaHeightM };
    const units = planCaseFromFile({ ...planFile, weather }, objects, resolvePath, fileName).units;
    weatherUnits.push({ injectId: i.injectId, atS: i.atS, weather, units });
  }
  return {
    fileName, ...(f.title === undefined ? {} : { title: f.title }), plan, truth, injects,
    detectionStepS: (exercise.detection?.stepMin ?? 1) * 60, phases, endS, newDatums, distressCalls, weatherUnits,
  };
}

/**
 * The probable error (50 % radius) of a distress call's stated position error, NM: the distance of a
 * bearing-and-distance error; R/√2 for an error drawn uniformly in a disc of radius R (half the
 * disc's area lies within R/√2). A call with an explicit position states no error: the file gives X.
 */
function statedProbableErrorNm(e: PositionError | undefined, field: string): number {
  if (e === undefined) {
    throw new InvalidInputError(field, 'a distress call with an explicit position needs the probable error the players take for it (IAMSAR Vol. II fix errors: GNSS 0.1 NM, radar or visual fix 1 NM, celestial fix 2 NM)');
  }
  return e.kind === 'bearingDistance' ? e.distanceNm : e.radiusNm / Math.SQRT2;
}

type InjectFile = Static<typeof InjectSchema>;

function injectFromFile(raw: InjectFile, k: number, at: (path: string) => string, unitIds: readonly string[]): Inject {
  const field = `injects/${k}`;
  const base = { injectId: raw.id, atS: parseTime(raw.at, at(`${field}/at`)), text: raw.text };
  const position = raw.position === undefined ? undefined : parsePosition(raw.position, at(`${field}/position`));
  const allowed: Record<string, readonly string[]> = {
    distressCall: ['position', 'positionError', 'datumShare', 'datumRadiusNm'], sighting: ['position', 'datumShare', 'datumRadiusNm'], debris: ['position', 'datumShare', 'datumRadiusNm'],
    unitBreakdown: ['unit'], unitLate: ['unit', 'delayH'], weatherChange: ['weather'],
  };
  for (const name of ['position', 'positionError', 'unit', 'delayH', 'weather', 'datumShare', 'datumRadiusNm'] as const) {
    if (raw[name] !== undefined && !allowed[raw.kind].includes(name)) throw new InvalidInputError(at(`${field}/${name}`), `a ${raw.kind} inject has no ${name}`);
  }
  let inject: Inject;
  switch (raw.kind) {
    case 'distressCall': {
      const e = raw.positionError;
      const positionError: PositionError | undefined = e === undefined ? undefined
        : 'bearingDeg' in e ? { kind: 'bearingDistance', bearingDeg: e.bearingDeg, distanceNm: e.distanceNm } : { kind: 'random', radiusNm: e.radiusNm, seed: e.seed };
      inject = { ...base, kind: 'distressCall', ...(position ? { position } : {}), ...(positionError ? { positionError } : {}) };
      break;
    }
    case 'sighting': case 'debris':
      inject = { ...base, kind: raw.kind, position: position! };
      break;
    case 'unitBreakdown':
      inject = { ...base, kind: 'unitBreakdown', unitId: raw.unit! };
      break;
    case 'unitLate':
      inject = { ...base, kind: 'unitLate', unitId: raw.unit!, delayH: raw.delayH! };
      break;
    default:
      inject = { ...base, kind: 'weatherChange', weather: (raw.weather ?? {}) as InjectWeather };
  }
  try {
    checkInject(inject, -Infinity, { unitIds });
  } catch (error) {
    if (!(error instanceof ExerciseInjectError)) throw error;
    // the core names the inject's fields by id (`call-1.positionError.bearingDeg`); the file names its path
    const sub = error.field.startsWith(`${raw.id}.`) ? error.field.slice(raw.id.length + 1) : error.field;
    const path = sub.split('.').map((part) => (part === 'unitId' ? 'unit' : part === 'atS' ? 'at' : part)).join('/');
    throw new InvalidInputError(at(`${field}/${path}`), error.problem);
  }
  return inject;
}
