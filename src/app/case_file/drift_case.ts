/**
 * The drift part of a case file: its schema, and the step from a checked case to a runnable job.
 * Pure (no node:* imports, checked by src/app/browser_safe.test.ts): the browser application uses
 * it as the CLI and the server do; reading the file from disk is load_drift_case.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DRIFT_SETTINGS, MAX_POSITION_ERROR_NM, type DriftRequest, type Scenario, type Seeding } from '../../core/drift/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { nmToMetres } from '../../core/geo/index.js';
import { parsePosition } from '../../core/geo/position_text.js';
import { findObjectClass, type LeewayObjectClass } from '../../core/objects/index.js';
import { parseTime } from '../../core/time/index.js';
import { parseCheckedYaml } from '../../io/yaml_file.js';
import type { DriftJob, ForcingSourceSpec } from '../drift_job/job.js';
import { coastlineSpec, constantFrom } from './job_specs.js';

export { coastlineSpec, constantFrom } from './job_specs.js';

const Position = Type.String({ description: "latitude then longitude: '37 14.4N 131 52.2E' or '37.24 131.87'" });
const Time = Type.String({ description: "UTC: '2026-03-10T06:00Z' or '100600Z MAR 26'" });
const Spread = Type.Union([Type.Literal('gaussian'), Type.Literal('uniform-disc')]);
const setting = (name: keyof typeof DRIFT_SETTINGS, scale = 1) =>
  Type.Number({ minimum: DRIFT_SETTINGS[name].min / scale, maximum: DRIFT_SETTINGS[name].max / scale, description: DRIFT_SETTINGS[name].description });

/**
 * A forcing file, with what the file may not say itself: its separate grid file (ROMS/CROCO), a
 * variable mapping (CF standard name → variable) and the model's time origin for time in "second".
 */
const FileSource = Type.Object({
  file: Type.String(),
  grid: Type.Optional(Type.String({ description: 'separate grid file (ROMS/CROCO lon_rho, lat_rho, angle, mask_rho); relative to the case file' })),
  variables: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }), {
    description: "CF standard name → variable name, e.g. { sea_water_x_velocity: u, sea_water_y_velocity: v, time: scrum_time }",
  })),
  timeOrigin: Type.Optional(Type.String({ description: "the model's time origin for time units without an epoch (ROMS/CROCO 'second'), UTC: '2001-01-01T00:00Z'" })),
}, { additionalProperties: false });

const WindSource = Type.Union([
  FileSource,
  Type.Object({ constant: Type.Object({ speedMps: Type.Number({ minimum: 0, maximum: 100 }), fromDeg: Type.Number({ minimum: 0, maximum: 360 }) }, { additionalProperties: false }) }, { additionalProperties: false }),
], { description: 'a wind source: { file: wind.nc } (with grid, variables, timeOrigin if needed) or { constant: { speedMps: 10, fromDeg: 270 } }' });
const CurrentSource = Type.Union([
  FileSource,
  Type.Object({ constant: Type.Object({ speedMps: Type.Number({ minimum: 0, maximum: 10 }), towardDeg: Type.Number({ minimum: 0, maximum: 360 }) }, { additionalProperties: false }) }, { additionalProperties: false }),
], { description: 'a current source: { file: currents.nc } (with grid, variables, timeOrigin if needed) or { constant: { speedMps: 0.3, towardDeg: 90 } }' });

const ScenarioSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  weight: Type.Number({ exclusiveMinimum: 0 }),
  object: Type.String({ description: 'Leeway object class key (PIW-1) or id' }),
  position: Type.Optional(Position),
  time: Type.Optional(Time),
  radiusNm: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_POSITION_ERROR_NM })),
  spread: Type.Optional(Spread),
  track: Type.Optional(Type.Object({
    from: Position, fromTime: Time, fromRadiusNm: Type.Number({ minimum: 0, maximum: 500 }),
    to: Position, toTime: Time, toRadiusNm: Type.Number({ minimum: 0, maximum: 500 }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

/** The drift part of a case file (YAML or JSON). Units are in the field names. */
export const DriftCaseSchema = Type.Object({
  title: Type.Optional(Type.String()),
  start: Type.Optional(Time),
  durationH: Type.Optional(setting('durationS', 3600)),
  direction: Type.Optional(Type.Union([Type.Literal('forward'), Type.Literal('backward')])),
  timeStepMin: Type.Optional(setting('timeStepS', 60)),
  outputEverySteps: Type.Optional(Type.Integer({ minimum: 1, maximum: DRIFT_SETTINGS.outputEverySteps.max })),
  particles: Type.Optional(Type.Integer({ minimum: 1, maximum: DRIFT_SETTINGS.particleCount.max })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: DRIFT_SETTINGS.seed.max })),
  jibeProbabilityPerHour: Type.Optional(setting('jibeProbabilityPerHour')),
  forcing: Type.Object({
    wind: Type.Array(WindSource, { minItems: 1 }),
    current: Type.Array(CurrentSource, { minItems: 1 }),
  }, { additionalProperties: false }),
  coastline: Type.Optional(Type.Union([Type.Literal('bundled'), Type.Literal('gshhg'), Type.Literal('none')])),
  scenarios: Type.Array(ScenarioSchema, { minItems: 1, maxItems: 64 }),
}, { additionalProperties: false });

export type DriftCase = Static<typeof DriftCaseSchema>;

/**
 * The keys a plan file adds to a drift case (app/plan/plan_file.ts; a test keeps the two lists
 * equal). `drift --case plan.yaml` drifts a plan file's case, so these are let through unread here
 * and checked by `sarbridge plan`; every other unknown key is refused (`duration: 48` would
 * otherwise run the default 24 h).
 */
export const PLAN_FILE_KEYS = ['planningTime', 'searchObject', 'weather', 'detection', 'airOverSurface', 'reserveBelowPosPct', 'units', 'searchesDone'] as const;

const DriftCaseFileSchema = Type.Object({
  ...DriftCaseSchema.properties,
  ...Object.fromEntries(PLAN_FILE_KEYS.map((key) => [key, Type.Optional(Type.Unknown({ description: 'read by `sarbridge plan`' }))])),
}, { additionalProperties: false });

/**
 * Read a case file: YAML (or JSON) text checked against DriftCaseSchema (a plan file's keys let
 * through). Errors name the file, the field path and the problem, e.g. `case.yaml: scenarios/0/radiusNm:
 * Expected number ...` or `case.yaml: particels: unknown key; did you mean 'particles'?`.
 */
export function parseDriftCase(text: string, fileName: string): DriftCase {
  return parseCheckedYaml(DriftCaseFileSchema, text, fileName) as DriftCase;
}

/**
 * How a forcing file named in a case becomes the path (or name) its opener gets: the Node loaders
 * resolve a relative path against the case file's folder; without one, names are kept as given.
 */
export type ResolveForcingPath = (path: string) => string;

/**
 * Turn a checked case into a runnable job. Positions, times and object classes are read here, so
 * their errors carry the field path (`scenarios/1/position: ...`). Forcing file names go through
 * `resolvePath` (kept as given when it is null, as in a browser holding the files' bytes by name).
 */
export function driftJobFromCase(
  c: DriftCase, objects: readonly LeewayObjectClass[], resolvePath: ResolveForcingPath | null, fileName = 'case',
): DriftJob {
  const at = (path: string): string => `${fileName}: ${path}`;
  const scenarios: Scenario[] = c.scenarios.map((s, k) => {
    const field = `scenarios/${k}`;
    let objectClass: LeewayObjectClass;
    try {
      objectClass = findObjectClass(objects, s.object);
    } catch (error) {
      throw new InvalidInputError(at(`${field}/object`), (error as Error).message);
    }
    let seeding: Seeding;
    if (s.track) {
      if (s.position !== undefined) throw new InvalidInputError(at(field), 'give either position or track, not both');
      seeding = {
        kind: 'track',
        from: parsePosition(s.track.from, at(`${field}/track/from`)),
        to: parsePosition(s.track.to, at(`${field}/track/to`)),
        fromTimeS: parseTime(s.track.fromTime, at(`${field}/track/fromTime`)),
        toTimeS: parseTime(s.track.toTime, at(`${field}/track/toTime`)),
        fromRadiusM: nmToMetres(s.track.fromRadiusNm),
        toRadiusM: nmToMetres(s.track.toRadiusNm),
        spread: s.spread ?? 'gaussian',
      };
    } else {
      if (s.position === undefined) throw new InvalidInputError(at(field), 'needs a position (or a track)');
      seeding = {
        kind: 'point',
        position: parsePosition(s.position, at(`${field}/position`)),
        radiusM: nmToMetres(s.radiusNm ?? 0.5),
        spread: s.spread ?? 'gaussian',
        timeS: s.time === undefined ? undefined : parseTime(s.time, at(`${field}/time`)),
      };
    }
    return { name: s.name, weight: s.weight, objectClass, seeding };
  });
  const direction = c.direction ?? 'forward';
  const releases = scenarios.flatMap((s) => s.seeding.kind === 'point'
    ? (s.seeding.timeS === undefined ? [] : [s.seeding.timeS])
    : [s.seeding.fromTimeS, s.seeding.toTimeS]);
  let startS: number;
  if (c.start !== undefined) startS = parseTime(c.start, at('start'));
  else if (releases.length > 0) startS = direction === 'forward' ? Math.min(...releases) : Math.max(...releases);
  else throw new InvalidInputError(at('start'), 'needs a start time when no scenario gives a time');
  const request: DriftRequest = {
    scenarios, startS, direction,
    durationS: (c.durationH ?? DRIFT_SETTINGS.durationS.default / 3600) * 3600,
    timeStepS: (c.timeStepMin ?? DRIFT_SETTINGS.timeStepS.default / 60) * 60,
    outputEverySteps: c.outputEverySteps ?? DRIFT_SETTINGS.outputEverySteps.default,
    particleCount: c.particles ?? DRIFT_SETTINGS.particleCount.default,
    seed: c.seed ?? DRIFT_SETTINGS.seed.default,
    jibeProbabilityPerHour: c.jibeProbabilityPerHour ?? DRIFT_SETTINGS.jibeProbabilityPerHour.default,
  };
  const resolve = (path: string): string => (resolvePath === null ? path : resolvePath(path));
  const file = (s: Static<typeof FileSource>, field: string): ForcingSourceSpec => ({
    kind: 'file', path: resolve(s.file),
    ...(s.grid === undefined ? {} : { grid: resolve(s.grid) }),
    ...(s.variables === undefined ? {} : { variables: s.variables }),
    ...(s.timeOrigin === undefined ? {} : { timeOriginS: parseTime(s.timeOrigin, at(`${field}/timeOrigin`)) }),
  });
  const wind = c.forcing.wind.map((s, k): ForcingSourceSpec => 'file' in s ? file(s, `forcing/wind/${k}`) : constantFrom(s.constant.speedMps, s.constant.fromDeg + 180));
  const current = c.forcing.current.map((s, k): ForcingSourceSpec => 'file' in s ? file(s, `forcing/current/${k}`) : constantFrom(s.constant.speedMps, s.constant.towardDeg));
  return { title: c.title, request, forcing: { wind, current }, coastline: coastlineSpec(c.coastline ?? 'bundled', scenarios) };
}
