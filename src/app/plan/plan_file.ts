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
import { findObjectClass, type LeewayObjectClass } from '../../core/objects/index.js';
import {
  rateOneTurnRadiusNm, sweepWidthForLeewayClass, type AllocationUnit, type CraftKind, type DetectionLaw, type SearchTrack,
} from '../../core/search/index.js';
import { parseTime } from '../../core/time/index.js';
import { parseTrackFile, trackSegments } from '../../core/tracks/index.js';
import { DriftCaseSchema, driftJobFromCase, type ResolveForcingPath } from '../case_file/drift_case.js';
import type { DriftJob } from '../drift_job/job.js';
import type { PreviousArea } from './previous_plan.js';
import { parseCheckedYaml } from '../../io/yaml_file.js';

const Position = Type.String({ description: "latitude then longitude: '37 14.4N 131 52.2E' or '37.24 131.87'" });
const Time = Type.String({ description: "UTC: '2026-03-10T06:00Z' or '100600Z MAR 26'" });
const Pattern = Type.Union([Type.Literal('PS'), Type.Literal('CS'), Type.Literal('SS'), Type.Literal('VS'), Type.Literal('TSN'), Type.Literal('TSR')],
  { description: 'IAMSAR pattern: PS parallel sweep, CS creeping line, SS expanding square, VS sector, TSN/TSR track line' });

const Platform = Type.Union([
  Type.Object({ kind: Type.Literal('vessel'), eyeHeightFt: Type.Number({ minimum: 1, maximum: 200 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('helicopter'), Type.Literal('aircraft')]), altitudeFt: Type.Number({ minimum: 100, maximum: 10_000 }) }, { additionalProperties: false }),
]);

const SweepWidthNm = Type.Union([
  Type.Number({ exclusiveMinimum: 0, maximum: 50 }),
  Type.Record(Type.String({ minLength: 1 }), Type.Number({ exclusiveMinimum: 0, maximum: 50 }), { minProperties: 1 }),
], { description: "manual sweep width, NM: one number when every scenario has the same object, else one per object, e.g. { LIFE-RAFT-DB-10: 2.5, PIW-1: 0.5 }" });

const UnitSchema = Type.Object({
  id: Type.String({ minLength: 1, description: 'call sign or name, unique in the plan' }),
  party: Type.Optional(Type.String({ description: 'who the unit belongs to, e.g. a navy' })),
  description: Type.Optional(Type.String()),
  speedKn: Type.Number({ exclusiveMinimum: 0, maximum: 400, description: 'search speed, knots' }),
  enduranceH: Type.Number({ exclusiveMinimum: 0, maximum: 72, description: 'time the unit can search on scene, hours' }),
  arrival: Time,
  startPosition: Type.Optional(Position),
  patterns: Type.Array(Pattern, { minItems: 1 }),
  sweepWidthNm: Type.Optional(SweepWidthNm),
  platform: Type.Optional(Platform),
  fatigued: Type.Optional(Type.Boolean()),
  craft: Type.Optional(Type.Union([Type.Literal('ship'), Type.Literal('boat'), Type.Literal('helicopter'), Type.Literal('aircraft')], {
    description: "what the unit is, for its clearance from land and its limits; default from platform.kind (a vessel is a 'ship'), else 'ship'",
  })),
  clearanceNm: Type.Optional(Type.Number({ minimum: 0, maximum: 20,
    description: 'least distance of the unit\'s routes from any coastline, NM; default ship 1, boat 0.3, helicopter and aircraft 0.081 (150 m)' })),
  turnRadiusNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10,
    description: 'radius the unit turns on, NM; default a rate-one turn (3 degrees/s) at its search speed, speedKn / 188.5' })),
}, { additionalProperties: false });

const SearchDoneSchema = Type.Object({
  unit: Type.String({ minLength: 1 }),
  sweepWidthNm: SweepWidthNm,
  speedKn: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 400 })),
  track: Type.Optional(Type.Array(Type.Object({ position: Position, time: Time }, { additionalProperties: false }), { minItems: 2 })),
  trackFile: Type.Optional(Type.String({ minLength: 1, description: "instead of track: the unit's recorded track, a GPX 1.1 file (.gpx) or an NMEA 0183 log (.nmea, .txt, .log), relative to the plan file; one search per recorded segment" })),
  trackDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'UTC date (YYYY-MM-DD) of the first fix of an NMEA log whose GGA/GLL come without RMC' })),
}, { additionalProperties: false, description: 'a search done: give track or trackFile' });

/** A plan file: the drift case's fields plus units, planning time, weather and searches done. */
export const PlanFileSchema = Type.Object({
  ...DriftCaseSchema.properties,
  planningTime: Time,
  searchObject: Type.Optional(Type.String({ description: 'Leeway class for table sweep widths; default the most probable scenario\'s' })),
  weather: Type.Optional(Type.Object({
    visibilityNm: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    windKn: Type.Number({ minimum: 0, maximum: 150 }),
    seaHeightM: Type.Number({ minimum: 0, maximum: 30 }),
    windFromDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360,
      description: 'direction the wind blows from, degrees true: an expanding square\'s first leg goes into it (IAMSAR)' })),
  }, { additionalProperties: false })),
  detection: Type.Optional(Type.Union([Type.Literal('inverse-cube'), Type.Literal('exponential')])),
  airOverSurface: Type.Optional(Type.Boolean({
    description: 'an aircraft may search over a ship\'s area at the same time (IAMSAR Vol. III, co-ordinated vessel-aircraft search); default false: every area apart' })),
  reserveBelowPosPct: Type.Optional(Type.Number({ minimum: 0, maximum: 10,
    description: 'units whose search would together add under this much POS (percent) are held in reserve ("hold: no useful area"); default 1, 0 sends every unit' })),
  units: Type.Array(UnitSchema, { minItems: 1, maxItems: 24 }),
  searchesDone: Type.Optional(Type.Array(SearchDoneSchema)),
}, { additionalProperties: false });

export type PlanFile = Static<typeof PlanFileSchema>;

/** A unit's sweep width for one search object, and how it was found. */
export interface ObjectSweepWidth {
  /** Leeway class key. */
  readonly object: string;
  readonly sweepWidthNm: number;
  /** 'manual' or the table path, e.g. 'table: PIW-1 as 'Person in water', ...'. */
  readonly source: string;
}

/** A unit as planned, with how its sweep widths were found. */
export interface PlannedUnit extends AllocationUnit {
  readonly description?: string;
  /** Source of sweepWidthNm (the planning object's W): 'manual' or the table path, e.g. 'table: Raft 4 person, Helicopter-500ft/750ft, fw 1 fv 1 ff 1'. */
  readonly sweepWidthSource: string;
  /** W for each scenario's object (in the order objects first appear among the scenarios): what each particle is detected with. */
  readonly sweepWidthByObject: readonly ObjectSweepWidth[];
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
  /** Direction the wind blows from on scene, degrees true, when the plan file gives it. */
  readonly windFromDeg?: number;
  /** The plan file's airOverSurface, when it gives one (allocation_unit.ts, mustSearchApart). */
  readonly airOverSurface?: boolean;
  /** The plan file's reserveBelowPosPct as a fraction, when it gives one (hold_units.ts). */
  readonly reserveBelowPos?: number;
  /**
   * A re-plan: the areas of the plan issued before for this case (previous_plan.ts; units held then
   * have none). They are kept while no layout found is better beyond the particles' noise.
   */
  readonly previousAreas?: readonly PreviousArea[];
}

/** Parse and check a plan file's text (YAML or JSON). */
export function parsePlanFile(text: string, fileName: string): PlanFile {
  return parseCheckedYaml(PlanFileSchema, text, fileName);
}

/** Read a track file named in a plan file (its path as written there) to text; null: no file access here. */
export type ReadTrackText = (path: string) => { text: string; fileName: string };

/**
 * Turn a checked plan file into a plan case: positions, times and sweep widths are read here, so
 * their errors carry the field path. When the file gives no `durationH`, the drift runs to the end
 * of the last unit's search; when it gives one that ends earlier, that is an error. Forcing file
 * names go through `resolvePath` (kept as given when it is null). A search done's `trackFile` is
 * read through `readTrack` (core/tracks parses it; each recorded segment is one search); without
 * `readTrack` (the browser, the server's planning inputs) a `trackFile` is refused.
 */
export function planCaseFromFile(
  f: PlanFile, objects: readonly LeewayObjectClass[], resolvePath: ResolveForcingPath | null, fileName = 'plan',
  readTrack: ReadTrackText | null = null,
): PlanCase {
  const at = (path: string): string => `${fileName}: ${path}`;
  const base = driftJobFromCase(f, objects, resolvePath, fileName);
  if (base.request.direction !== 'forward') throw new InvalidInputError(at('direction'), 'a search plan needs a forward drift');
  const planningTimeS = parseTime(f.planningTime, at('planningTime'));
  // Each particle is detected with its own scenario's object's W; the planning object (searchObject,
  // default the most probable scenario's) gives the W the track spacing is chosen with.
  const scenarioObjects = base.request.scenarios.map((sc) => sc.objectClass.key);
  const objectKeys = [...new Set(scenarioObjects)];
  const mostProbable = base.request.scenarios.reduce((best, sc, k) => (sc.weight > base.request.scenarios[best].weight ? k : best), 0);
  const searchObject = f.searchObject ?? scenarioObjects[mostProbable];
  const canonical = (key: string, field: string): string => {
    try {
      return findObjectClass(objects, key).key;
    } catch (error) {
      throw new InvalidInputError(at(field), (error as Error).message);
    }
  };
  const planningKey = f.searchObject === undefined ? searchObject : canonical(f.searchObject, 'searchObject');
  /** Manual W per object: a number when every scenario has the same object, else a map with one entry per object. */
  const manualWidths = (given: number | Record<string, number>, field: string, what: string): Map<string, number> => {
    const widths = new Map<string, number>();
    if (typeof given === 'number') {
      if (objectKeys.length > 1) {
        throw new InvalidInputError(at(field), `one sweep width for ${what}, but the scenarios have different objects (${objectKeys.join(', ')}), ` +
          `each with its own W: give one per object, e.g. { ${objectKeys.map((o) => `${o}: ...`).join(', ')} }`);
      }
      for (const o of new Set([...objectKeys, planningKey])) widths.set(o, given);
      return widths;
    }
    for (const [key, w] of Object.entries(given)) {
      const o = canonical(key, `${field}/${key}`);
      if (widths.has(o)) throw new InvalidInputError(at(`${field}/${key}`), `${o} is given twice`);
      if (!objectKeys.includes(o) && o !== planningKey) throw new InvalidInputError(at(`${field}/${key}`), `no scenario has the object ${o} (they have ${objectKeys.join(', ')})`);
      widths.set(o, w);
    }
    for (const o of new Set([...objectKeys, planningKey])) {
      if (!widths.has(o)) throw new InvalidInputError(at(field), `no sweep width for ${o}${objectKeys.includes(o) ? ', the object of a scenario' : ', the searchObject'}`);
    }
    return widths;
  };
  const byScenario = (widths: (object: string) => number): { sweepWidthByScenarioNm?: number[] } =>
    objectKeys.length > 1 ? { sweepWidthByScenarioNm: scenarioObjects.map(widths) } : {};
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
    const widths = new Map<string, { sweepWidthNm: number; source: string }>();
    if (u.sweepWidthNm !== undefined) {
      for (const [o, w] of manualWidths(u.sweepWidthNm, `${field}/sweepWidthNm`, `unit ${u.id}`)) widths.set(o, { sweepWidthNm: w, source: 'manual' });
    } else if (u.platform !== undefined) {
      if (!f.weather) throw new InvalidInputError(at('weather'), `unit ${u.id} takes its sweep width from the tables, which need visibilityNm, windKn and seaHeightM`);
      const platform = u.platform.kind === 'vessel' ? u.platform : { ...u.platform, speedKn: u.speedKn };
      for (const o of new Set([...objectKeys, planningKey])) {
        const where = at(!objectKeys.includes(o) ? 'searchObject' : `${field}/platform`);
        let r;
        try {
          r = sweepWidthForLeewayClass(o, { visibilityNm: f.weather.visibilityNm, platform, weather: { windKn: f.weather.windKn, seaHeightM: f.weather.seaHeightM }, fatigued: u.fatigued });
        } catch (error) {
          throw new InvalidInputError(where, `${o}: ${(error as Error).message}`);
        }
        if (!(r.sweepWidthNm > 0)) {
          // the table's own 0.0 (a person in the water from 1,500 ft in 1 NM of visibility): not an input error of the core's
          throw new InvalidInputError(where,
            `unit ${u.id} cannot see ${o} ('${r.searchObject}') in these conditions: the sweep-width table ${r.tables.join('/')} gives 0 NM at ${f.weather.visibilityNm} NM visibility` +
            '. Fly it lower, wait for better visibility, give sweepWidthNm by hand, or leave it out of the plan');
        }
        widths.set(o, {
          sweepWidthNm: r.sweepWidthNm,
          source: `table: ${o} as '${r.searchObject}', ${r.tables.join('/')}, fw ${r.weatherFactor} fv ${r.speedFactor.toFixed(2)} ff ${r.fatigueFactor}${r.warnings.length ? ` (${r.warnings.join('; ')})` : ''}`,
        });
      }
    } else {
      throw new InvalidInputError(at(field), 'give sweepWidthNm (manual) or platform (from the tables)');
    }
    const planning = widths.get(planningKey)!;
    const craft: CraftKind = u.craft ?? (u.platform === undefined ? 'ship' : u.platform.kind === 'vessel' ? 'ship' : u.platform.kind);
    return {
      unitId: u.id, ...(u.party === undefined ? {} : { party: u.party }), ...(u.description === undefined ? {} : { description: u.description }),
      speedKn: u.speedKn, enduranceH: u.enduranceH, arrivalTimeS, ...(startPosition ? { startPosition } : {}),
      sweepWidthNm: planning.sweepWidthNm, sweepWidthSource: planning.source, ...byScenario((o) => widths.get(o)!.sweepWidthNm),
      sweepWidthByObject: objectKeys.map((o) => ({ object: o, ...widths.get(o)! })),
      patterns: u.patterns,
      craft, turnRadiusNm: u.turnRadiusNm ?? rateOneTurnRadiusNm(u.speedKn), ...(u.clearanceNm === undefined ? {} : { clearanceNm: u.clearanceNm }),
    };
  });
  const searchesDone: SearchTrack[] = (f.searchesDone ?? []).flatMap((s, k) => {
    const widths = manualWidths(s.sweepWidthNm, `searchesDone/${k}/sweepWidthNm`, `the search by ${s.unit}`);
    const search = {
      unitId: s.unit, sweepWidthNm: widths.get(planningKey)!, ...byScenario((o) => widths.get(o)!),
      ...(s.speedKn === undefined ? {} : { searchSpeedKn: s.speedKn }),
    };
    if ((s.track === undefined) === (s.trackFile === undefined)) {
      throw new InvalidInputError(at(`searchesDone/${k}`), `give either track (positions and times) or trackFile (a GPX or NMEA file), ${s.track ? 'not both' : 'one of them'}`);
    }
    if (s.trackDate !== undefined && s.trackFile === undefined) throw new InvalidInputError(at(`searchesDone/${k}/trackDate`), 'only with trackFile (it dates an NMEA log)');
    if (s.trackFile !== undefined) {
      if (!readTrack) throw new InvalidInputError(at(`searchesDone/${k}/trackFile`), `'${s.trackFile}': track files are read from the command line only; here give the track's positions and times (track)`);
      const { text, fileName: trackName } = readTrack(s.trackFile);
      const reading = parseTrackFile(text, trackName, s.trackDate === undefined ? {} : { dateUtc: s.trackDate });
      return trackSegments(reading).map((segment) => ({ ...search, waypoints: segment.map((p) => ({ lonDeg: p.lonDeg, latDeg: p.latDeg, timeS: p.timeS })) }));
    }
    return [{
      ...search,
      waypoints: s.track!.map((w, j) => ({
        ...parsePosition(w.position, at(`searchesDone/${k}/track/${j}/position`)),
        timeS: parseTime(w.time, at(`searchesDone/${k}/track/${j}/time`)),
      })),
    }];
  });
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
    ...(f.reserveBelowPosPct === undefined ? {} : { reserveBelowPos: f.reserveBelowPosPct / 100 }),
    ...(f.airOverSurface === undefined ? {} : { airOverSurface: f.airOverSurface }),
    ...(f.weather?.windFromDeg === undefined ? {} : { windFromDeg: f.weather.windFromDeg }),
  };
}
