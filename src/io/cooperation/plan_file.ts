/**
 * Read a plan (JSON) for the cooperation rules: the datum's track and the units' timed waypoints,
 * plus optional acknowledgements of notifications. Errors name the file, the path and the problem.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Acknowledgement, CooperationPlan } from '../../core/cooperation/index.js';
import { DataFileError } from '../../core/errors.js';
import { readTextFile } from '../text_file.js';
import { problemsError, schemaProblems } from '../yaml_file.js';

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const TimeS = Type.Number({ description: 'seconds since 1970-01-01T00:00Z' });

/**
 * The plan file: `{ datumTrack, units, incidentTimeS?, planningTimeS?, acknowledgements? }` (extra
 * top-level fields such as `note` are allowed); with the two times, notifications due before them are overdue.
 */
export const PlanFileSchema = Type.Object({
  datumTrack: Type.Array(Type.Object({ timeS: TimeS, lonDeg: Lon, latDeg: Lat }, { additionalProperties: false })),
  units: Type.Array(Type.Object({
    unitId: Type.String({ minLength: 1 }), party: Type.String({ minLength: 1 }),
    waypoints: Type.Array(Type.Object({ lonDeg: Lon, latDeg: Lat, timeS: TimeS }, { additionalProperties: false })),
  }, { additionalProperties: false })),
  incidentTimeS: Type.Optional(TimeS),
  planningTimeS: Type.Optional(TimeS),
  acknowledgements: Type.Optional(Type.Array(Type.Object({ notificationId: Type.String({ minLength: 1 }), byRccId: Type.String({ minLength: 1 }), timeS: TimeS }, { additionalProperties: false }))),
});

/** A plan file's content. */
export type PlanFile = Static<typeof PlanFileSchema>;

/** Parse a plan's JSON text; times must not go backwards along a track. */
export function parsePlanJson(text: string, fileName: string): { plan: CooperationPlan; acknowledgements: Acknowledgement[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(fileName, `not valid JSON: ${(error as Error).message}`);
  }
  const problems = schemaProblems(PlanFileSchema, data);
  if (problems.length > 0) throw problemsError(fileName, problems);
  const file = data as PlanFile;
  const ordered = (points: readonly { timeS: number }[], path: string) => points.forEach((p, k) => {
    if (k > 0 && p.timeS < points[k - 1].timeS) throw new DataFileError(fileName, `${path}/${k}/timeS: earlier than the point before (times must increase)`);
  });
  ordered(file.datumTrack, 'datumTrack');
  file.units.forEach((u, k) => ordered(u.waypoints, `units/${k}/waypoints`));
  const times = {
    ...(file.incidentTimeS === undefined ? {} : { incidentTimeS: file.incidentTimeS }),
    ...(file.planningTimeS === undefined ? {} : { planningTimeS: file.planningTimeS }),
  };
  return { plan: { datumTrack: file.datumTrack, units: file.units, ...times }, acknowledgements: file.acknowledgements ?? [] };
}

/** Read a plan file from disk. */
export function loadPlanFile(path: string): { plan: CooperationPlan; acknowledgements: Acknowledgement[] } {
  const text = readTextFile(path, 'the plan');
  return parsePlanJson(text, path);
}
