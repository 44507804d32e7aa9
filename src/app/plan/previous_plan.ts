/**
 * The plan issued before for the same case, read back for a re-plan (core optimalAllocation's
 * `previousAreas`, its step 8: those areas are kept while no layout found is better beyond the
 * particles' noise). Each unit's area comes from either product of `sarbridge plan`: the JSON
 * summary `--json` prints (`units[].area`) or the plan.geojson it writes (its `kind: area`
 * polygons: the centre is the mean of the four corners in a local frame about them). A unit the
 * previous plan held in reserve has no area there. Pure (no node:* imports; browser-safe).
 */
import { Type } from '@sinclair/typebox';
import { DataFileError } from '../../core/errors.js';
import { fromLocal, localFrame, localXM, localYM } from '../../core/probability/local_frame.js';
import type { AreaOnEarth } from '../../core/search/index.js';
import { parseYamlText, problemsError, schemaProblems } from '../../io/yaml_file.js';

/** One unit's area in the previous plan, and the pattern it was issued with (a PS issued as CS is the same rectangle turned). */
export interface PreviousArea {
  readonly unitId: string;
  readonly area: AreaOnEarth;
  readonly pattern?: string;
}

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Side = Type.Number({ exclusiveMinimum: 0, maximum: 2000, description: 'NM' });
const Orientation = Type.Number({ minimum: -360, maximum: 360, description: 'degrees true' });
const UnitId = Type.String({ minLength: 1, maxLength: 64 });

/** A unit's search area as a plan gives it (core AreaOnEarth); the planIssued event carries the same. */
export const AreaOnEarthSchema = Type.Object({
  centre: Type.Object({ lonDeg: Lon, latDeg: Lat }, { additionalProperties: false }), lengthNm: Side, widthNm: Side, orientationDeg: Orientation,
}, { additionalProperties: false });

const SummarySchema = Type.Object({
  units: Type.Array(Type.Object({ unitId: UnitId, pattern: Type.Optional(Type.String({ maxLength: 8 })), area: AreaOnEarthSchema }), { minItems: 1, maxItems: 200 }),
});

const Corner = Type.Tuple([Lon, Lat]);
const AreaFeatureSchema = Type.Object({
  geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Corner, { minItems: 4, maxItems: 5 }), { minItems: 1 }) }),
  properties: Type.Object({ kind: Type.Literal('area'), unit: UnitId, pattern: Type.Optional(Type.String({ maxLength: 8 })), lengthNm: Side, widthNm: Side, orientationDeg: Orientation }),
});

/**
 * The units' areas of a previous plan, from the text of its JSON summary or plan.geojson; errors
 * name the file, the field path and the problem.
 * @example parsePreviousPlan(readFileSync('out/plan.geojson', 'utf8'), 'out/plan.geojson')[0].unitId
 */
export function parsePreviousPlan(text: string, fileName: string): PreviousArea[] {
  const data = parseYamlText(text, fileName) as { units?: unknown; type?: unknown; features?: unknown };
  let areas: PreviousArea[];
  if (data !== null && typeof data === 'object' && Array.isArray(data.units)) {
    const problems = schemaProblems(SummarySchema, data);
    if (problems.length > 0) throw problemsError(fileName, problems);
    areas = (data as { units: PreviousArea[] }).units.map((u) => ({ unitId: u.unitId, ...(u.pattern === undefined ? {} : { pattern: u.pattern }), area: {
      centre: { lonDeg: u.area.centre.lonDeg, latDeg: u.area.centre.latDeg }, lengthNm: u.area.lengthNm, widthNm: u.area.widthNm, orientationDeg: u.area.orientationDeg,
    } }));
  } else if (data !== null && typeof data === 'object' && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
    const problems: string[] = [];
    areas = [];
    (data.features as { properties?: { kind?: unknown } | null }[]).forEach((f, k) => {
      if (f?.properties?.kind !== 'area') return;
      const own = schemaProblems(AreaFeatureSchema, f);
      if (own.length > 0) { problems.push(...own.map((p) => `features/${k}/${p}`)); return; }
      const { geometry, properties: p } = f as unknown as { geometry: { coordinates: [number, number][][] }; properties: { unit: string; pattern?: string; lengthNm: number; widthNm: number; orientationDeg: number } };
      areas.push({ unitId: p.unit, ...(p.pattern === undefined ? {} : { pattern: p.pattern }), area: { centre: cornersCentre(geometry.coordinates[0]), lengthNm: p.lengthNm, widthNm: p.widthNm, orientationDeg: p.orientationDeg } });
    });
    if (problems.length > 0) throw problemsError(fileName, problems);
    if (areas.length === 0) throw new DataFileError(fileName, 'a GeoJSON FeatureCollection without any search area (features with properties.kind "area", as plan.geojson has)');
  } else {
    throw new DataFileError(fileName, "neither a plan's JSON summary (an object with `units`, as `sarbridge plan --json` prints) nor its plan.geojson (a FeatureCollection)");
  }
  const seen = new Set<string>();
  for (const a of areas) {
    if (seen.has(a.unitId)) throw new DataFileError(fileName, `unit ${a.unitId} has two areas`);
    seen.add(a.unitId);
  }
  return areas;
}

/** Centre of a rectangle's corners (a closed ring repeats the first): their mean in a local frame about the first. */
function cornersCentre(ring: readonly (readonly [number, number])[]): { lonDeg: number; latDeg: number } {
  const corners = ring.length === 5 ? ring.slice(0, 4) : ring;
  const frame = localFrame({ lonDeg: corners[0][0], latDeg: corners[0][1] });
  let x = 0, y = 0;
  for (const [lon, lat] of corners) { x += localXM(frame, lon); y += localYM(frame, lat); }
  return fromLocal(frame, x / corners.length, y / corners.length);
}
