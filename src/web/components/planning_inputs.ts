/**
 * The case's planning inputs as the page edits them: a plan file as JSON (the schema of
 * app/plan/plan_file.ts, which the server checks on append and the Worker runs), built from a
 * report, the agreement's units and the coordinator's choices. Pure functions, no DOM.
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';

/** A plan file as JSON (checked by the server and the Worker, not here). */
export type PlanningInputs = Record<string, unknown> & {
  scenarios?: ScenarioInput[];
  units?: UnitInput[];
  forcing?: { wind: ForcingSourceInput[]; current: ForcingSourceInput[] };
};
export interface ScenarioInput { name: string; weight: number; object: string; position?: string; time?: string; radiusNm?: number }
export type ForcingSourceInput = { file: string } | { constant: { speedMps: number; fromDeg?: number; towardDeg?: number } };
export interface UnitInput {
  id: string; party?: string; description?: string; speedKn: number; enduranceH: number; arrival: string;
  startPosition?: string; patterns: string[]; sweepWidthNm?: number;
  platform?: { kind: 'vessel'; eyeHeightFt: number } | { kind: 'helicopter' | 'aircraft'; altitudeFt: number };
}

/** The bundled SYNTHETIC demo forcing's names and the box it covers (data/forcing/PROVENANCE.md). */
export const DEMO_FORCING = {
  wind: 'demo:east-sea-wind.nc',
  current: 'demo:east-sea-currents.nc',
  bounds: { westDeg: 128, eastDeg: 134, southDeg: 34.5, northDeg: 39.5 },
} as const;

/** A position as plan files take it: decimal latitude then longitude. */
export const positionText = (latDeg: number, lonDeg: number): string => `${latDeg.toFixed(6)} ${lonDeg.toFixed(6)}`;

/** An ISO UTC time to the minute. */
export const isoMinute = (ms: number): string => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(':00.000Z', 'Z');

/** The IAMSAR area patterns the planner may give any unit (PS, CS, SS); the coordinator narrows them in the plan file. */
export const AREA_PATTERNS = ['PS', 'CS', 'SS'];

const FT_PER_M = 1 / 0.3048;

/** The agreement's units as plan units, arriving at `arrivalIso` (their platform gives their sweep width). */
export function unitsFromAgreement(config: CooperationConfig, ids: readonly string[], arrivalIso: string): UnitInput[] {
  // units another party releases as position only come without their figures: they cannot be planned here
  return config.units.filter((u) => ids.includes(u.id) && typeof u.speedKn === 'number').map((u) => ({
    id: u.id, party: u.party, description: u.name, speedKn: u.speedKn,
    // the agreement gives a unit's endurance on task; a search sortie is at most 12 h of it (crew fatigue)
    enduranceH: Math.min(u.enduranceH, 12), arrival: arrivalIso, patterns: [...AREA_PATTERNS],
    platform: u.type === 'ship' || u.type === 'boat'
      ? { kind: 'vessel' as const, eyeHeightFt: Math.round((u.eyeHeightM ?? 10) * FT_PER_M) }
      : { kind: u.type, altitudeFt: u.altitudeFt ?? 500 },
  }));
}

/** Whether a position is inside the demo forcing's box. */
export function inDemoArea(latDeg: number, lonDeg: number): boolean {
  const b = DEMO_FORCING.bounds;
  return lonDeg >= b.westDeg && lonDeg <= b.eastDeg && latDeg >= b.southDeg && latDeg <= b.northDeg;
}

/**
 * Planning inputs with a report as the last known position: the existing inputs with their
 * scenarios replaced, or new inputs (the demo forcing inside the demo area, else no wind and no
 * current, both shown as such for the coordinator to replace; the agreement's units of both
 * parties arriving two hours after the report; planning time one hour after it).
 */
export function inputsWithLkp(
  existing: PlanningInputs | null,
  lkp: { latDeg: number; lonDeg: number; timeMs: number; object: string; radiusNm: number; name: string },
  config: CooperationConfig | null,
): PlanningInputs {
  const scenario: ScenarioInput = { name: lkp.name, weight: 1, object: lkp.object, position: positionText(lkp.latDeg, lkp.lonDeg), time: isoMinute(lkp.timeMs), radiusNm: lkp.radiusNm };
  if (existing) return { ...existing, scenarios: [scenario] };
  const demo = inDemoArea(lkp.latDeg, lkp.lonDeg);
  const units = config ? unitsFromAgreement(config, config.units.map((u) => u.id), isoMinute(lkp.timeMs + 2 * 3600_000)) : [];
  return {
    timeStepMin: 10, outputEverySteps: 6, particles: 5000, seed: 1,
    forcing: demo
      ? { wind: [{ file: DEMO_FORCING.wind }], current: [{ file: DEMO_FORCING.current }] }
      : { wind: [{ constant: { speedMps: 0, fromDeg: 0 } }], current: [{ constant: { speedMps: 0, towardDeg: 0 } }] },
    coastline: 'bundled',
    scenarios: [scenario],
    planningTime: isoMinute(lkp.timeMs + 3600_000),
    weather: { visibilityNm: 10, windKn: 10, seaHeightM: 1 },
    units,
  };
}

/** How a forcing source reads, for the panel. */
export function describeSource(s: ForcingSourceInput): { kind: 'demo' | 'upload' | 'local' | 'constant' | 'file'; name: string; speedMps?: number; dirDeg?: number } {
  if ('constant' in s) return { kind: 'constant', name: '', speedMps: s.constant.speedMps, dirDeg: s.constant.fromDeg ?? s.constant.towardDeg ?? 0 };
  if (s.file.startsWith('demo:')) return { kind: 'demo', name: s.file.slice(5) };
  if (s.file.startsWith('upload:')) return { kind: 'upload', name: s.file.slice(7, 19) };
  if (s.file.startsWith('local:')) return { kind: 'local', name: s.file.slice(6) };
  return { kind: 'file', name: s.file };
}
