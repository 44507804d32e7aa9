/**
 * The plan file: a drift case file (app/case_file/drift_case.ts) extended with the search units,
 * the planning time and the searches already done. YAML or JSON, checked against PlanFileSchema;
 * errors name the file, the field path and the problem (`plan.yaml: units/0/speedKn: ...`).
 * Pure (no node:* imports, checked by src/app/browser_safe.test.ts); reading the file from disk
 * is load_plan_case.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { InvalidInputError } from '../../core/errors.js';
import { parsePosition, type LonLatDeg } from '../../core/geo/index.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { sweepWidthForLeewayClass, type AllocationUnit, type DetectionLaw, type SearchTrack } from '../../core/search/index.js';
import { parseTime } from '../../core/time/index.js';
import { DriftCaseSchema, driftJobFromCase, type ResolveForcingPath } from '../case_file/drift_case.js';
import type { DriftJob } from '../drift_job/job.js';
import { parseCheckedYaml } from '../../io/yaml_file.js';

const Position = Type.String({ description: "latitude then longitude: '37 14.4N 131 52.2E' or '37.24 131.87'" });
const Time = Type.String({ description: "UTC: '2026-03-10T06:00Z' or '100600Z MAR 26'" });
const Pattern = Type.Union([Type.Literal('PS'), Type.Literal('CS'), Type.Literal('SS'), Type.Literal('VS'), Type.Literal('TSN'), Type.Literal('TSR')],
  { description: 'IAMSAR pattern: PS parallel sweep, CS creeping line, SS expanding square, VS sector, TSN/TSR track line' });

const Platform = Type.Union([
  Type.Object({ kind: Type.Literal('vessel'), eyeHeightFt: Type.Number({ minimum: 1, maximum: 200 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('helicopter'), Type.Literal('aircraft')]), altitudeFt: Type.Number({ minimum: 100, maximum: 10_000 }) }, { additionalProperties: false }),
]);

const UnitSchema = Type.Object({
  id: Type.String({ minLength: 1, description: 'call sign or name, unique in the plan' }),
  party: Type.Optional(Type.String({ description: 'who the unit belongs to, e.g. a navy' })),
  description: Type.Optional(Type.String()),
  speedKn: Type.Number({ exclusiveMinimum: 0, maximum: 400, description: 'search speed, knots' }),
  enduranceH: Type.Number({ exclusiveMinimum: 0, maximum: 72, description: 'time the unit can search on scene, hours' }),
  arrival: Time,
  startPosition: Type.Optional(Position),
  patterns: Type.Array(Pattern, { minItems: 1 }),
  sweepWidthNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50, description: 'manual sweep width, NM' })),
  platform: Type.Optional(Platform),
  fatigued: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const SearchDoneSchema = Type.Object({
  unit: Type.String({ minLength: 1 }),
  sweepWidthNm: Type.Number({ exclusiveMinimum: 0, maximum: 50 }),
  speedKn: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 400 })),
  track: Type.Array(Type.Object({ position: Position, time: Time }, { additionalProperties: false }), { minItems: 2 }),
}, { additionalProperties: false });

/** A plan file: the drift case's fields plus units, planning time, weather and searches done. */
export const PlanFileSchema = Type.Object({
  ...DriftCaseSchema.properties,
  planningTime: Time,
  searchObject: Type.Optional(Type.String({ description: 'Leeway class for table sweep widths; default the most probable scenario\'s' })),
  weather: Type.Optional(Type.Object({
    visibilityNm: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    windKn: Type.Number({ minimum: 0, maximum: 150 }),
    seaHeightM: Type.Number({ minimum: 0, maximum: 30 }),
  }, { additionalProperties: false })),
  detection: Type.Optional(Type.Union([Type.Literal('inverse-cube'), Type.Literal('exponential')])),
  units: Type.Array(UnitSchema, { minItems: 1, maxItems: 24 }),
  searchesDone: Type.Optional(Type.Array(SearchDoneSchema)),
}, { additionalProperties: false });

export type PlanFile = Static<typeof PlanFileSchema>;

/** A unit as planned, with how its sweep width was found. */
export interface PlannedUnit extends AllocationUnit {
  readonly description?: string;
  /** 'manual' or the table path, e.g. 'table: Raft 4 person, Helicopter-500ft/750ft, fw 1 fv 1 ff 1'. */
  readonly sweepWidthSource: string;
}

/** Everything a plan needs, read and checked. */
export interface PlanCase {
  readonly fileName: string;
  readonly title?: string;
  readonly drift: DriftJob;
  readonly planningTimeS: number;
  readonly units: readonly PlannedUnit[];
  readonly searchesDone: readonly SearchTrack[];
  readonly law: DetectionLaw;
}

/** Parse and check a plan file's text (YAML or JSON). */
export function parsePlanFile(text: string, fileName: string): PlanFile {
  return parseCheckedYaml(PlanFileSchema, text, fileName);
}

/**
 * Turn a checked plan file into a plan case: positions, times and sweep widths are read here, so
 * their errors carry the field path. When the file gives no `durationH`, the drift runs to the end
 * of the last unit's search; when it gives one that ends earlier, that is an error. Forcing file
 * names go through `resolvePath` (kept as given when it is null).
 */
export function planCaseFromFile(
  f: PlanFile, objects: readonly LeewayObjectClass[], resolvePath: ResolveForcingPath | null, fileName = 'plan',
): PlanCase {
  const at = (path: string): string => `${fileName}: ${path}`;
  const base = driftJobFromCase(f, objects, resolvePath, fileName);
  if (base.request.direction !== 'forward') throw new InvalidInputError(at('direction'), 'a search plan needs a forward drift');
  const planningTimeS = parseTime(f.planningTime, at('planningTime'));
  const searchObject = f.searchObject ?? [...f.scenarios].sort((a, b) => b.weight - a.weight)[0].object;
  const ids = new Set<string>();
  const units: PlannedUnit[] = f.units.map((u, k) => {
    const field = `units/${k}`;
    if (ids.has(u.id)) throw new InvalidInputError(at(`${field}/id`), `'${u.id}' is used by another unit`);
    ids.add(u.id);
    const arrivalTimeS = parseTime(u.arrival, at(`${field}/arrival`));
    const startPosition: LonLatDeg | undefined = u.startPosition === undefined ? undefined : parsePosition(u.startPosition, at(`${field}/startPosition`));
    if (!u.patterns.some((p) => p === 'PS' || p === 'CS' || p === 'SS')) {
      throw new InvalidInputError(at(`${field}/patterns`), `[${u.patterns.join(', ')}] has no area pattern (PS, CS or SS): the planner lays out areas`);
    }
    let sweepWidthNm: number, sweepWidthSource: string;
    if (u.sweepWidthNm !== undefined) {
      sweepWidthNm = u.sweepWidthNm; sweepWidthSource = 'manual';
    } else if (u.platform !== undefined) {
      if (!f.weather) throw new InvalidInputError(at('weather'), `unit ${u.id} takes its sweep width from the tables, which need visibilityNm, windKn and seaHeightM`);
      const platform = u.platform.kind === 'vessel' ? u.platform : { ...u.platform, speedKn: u.speedKn };
      let r;
      try {
        r = sweepWidthForLeewayClass(searchObject, { visibilityNm: f.weather.visibilityNm, platform, weather: { windKn: f.weather.windKn, seaHeightM: f.weather.seaHeightM }, fatigued: u.fatigued });
      } catch (error) {
        throw new InvalidInputError(at(f.searchObject ? 'searchObject' : `${field}/platform`), (error as Error).message);
      }
      sweepWidthNm = r.sweepWidthNm;
      sweepWidthSource = `table: ${searchObject} as '${r.searchObject}', ${r.tables.join('/')}, fw ${r.weatherFactor} fv ${r.speedFactor.toFixed(2)} ff ${r.fatigueFactor}${r.warnings.length ? ` (${r.warnings.join('; ')})` : ''}`;
    } else {
      throw new InvalidInputError(at(field), 'give sweepWidthNm (manual) or platform (from the tables)');
    }
    return {
      unitId: u.id, ...(u.party === undefined ? {} : { party: u.party }), ...(u.description === undefined ? {} : { description: u.description }),
      speedKn: u.speedKn, enduranceH: u.enduranceH, arrivalTimeS, ...(startPosition ? { startPosition } : {}),
      sweepWidthNm, sweepWidthSource, patterns: u.patterns,
    };
  });
  const searchesDone: SearchTrack[] = (f.searchesDone ?? []).map((s, k) => ({
    unitId: s.unit, sweepWidthNm: s.sweepWidthNm, ...(s.speedKn === undefined ? {} : { searchSpeedKn: s.speedKn }),
    waypoints: s.track.map((w, j) => ({
      ...parsePosition(w.position, at(`searchesDone/${k}/track/${j}/position`)),
      timeS: parseTime(w.time, at(`searchesDone/${k}/track/${j}/time`)),
    })),
  }));
  searchesDone.forEach((s, k) => s.waypoints.forEach((w, j) => {
    if (j > 0 && w.timeS < s.waypoints[j - 1].timeS) throw new InvalidInputError(at(`searchesDone/${k}/track/${j}/time`), 'times along a track must not go back');
  }));
  // the drift must run until the last search ends
  const r = base.request;
  const lastS = Math.max(planningTimeS, ...units.map((u) => u.arrivalTimeS + u.enduranceH * 3600), ...searchesDone.flatMap((s) => s.waypoints.map((w) => w.timeS)));
  const firstS = Math.min(planningTimeS, ...units.map((u) => u.arrivalTimeS), ...searchesDone.flatMap((s) => s.waypoints.map((w) => w.timeS)));
  if (firstS < r.startS) throw new InvalidInputError(at(firstS === planningTimeS ? 'planningTime' : 'units'), `${f.planningTime}: the plan starts before the drift does`);
  const neededS = Math.ceil((lastS - r.startS) / r.timeStepS) * r.timeStepS;
  let durationS = r.durationS;
  if (f.durationH === undefined) durationS = neededS;
  else if (r.durationS < lastS - r.startS) {
    throw new InvalidInputError(at('durationH'), `${f.durationH} h ends before the last search does; give at least ${(neededS / 3600).toFixed(1)} h or leave it out`);
  }
  return {
    fileName, ...(f.title === undefined ? {} : { title: f.title }),
    drift: { ...base, request: { ...r, durationS } },
    planningTimeS, units, searchesDone, law: f.detection ?? 'inverse-cube',
  };
}
