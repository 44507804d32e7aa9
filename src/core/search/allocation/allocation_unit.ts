/**
 * A search and rescue unit (SRU) as the allocation sees it, and the checks on it.
 */
import { InvalidInputError } from '../../errors.js';
import { checkLonLat, type LonLatDeg } from '../../geo/lon_lat.js';
import type { PatternCode } from '../pattern.js';
import type { AreaPattern } from './track_spacing_fit.js';

/** One unit to allocate. */
export interface AllocationUnit {
  readonly unitId: string;
  /** Who the unit belongs to (e.g. a navy), carried into the plan. */
  readonly party?: string;
  /** Search speed, knots. */
  readonly speedKn: number;
  /** Time the unit can search on scene, hours (its effort is W x V x T). */
  readonly enduranceH: number;
  /** Time the unit commences its search (arrival on scene), seconds since 1970-01-01T00:00Z. */
  readonly arrivalTimeS: number;
  /** Where the unit comes from: the pattern starts at the corner of its area nearest to it. */
  readonly startPosition?: LonLatDeg;
  /**
   * Corrected sweep width W for the planning object, NM (sweepWidth() or a manual value): the
   * track spacing and coverage factor are chosen with it.
   */
  readonly sweepWidthNm: number;
  /**
   * Sweep width per scenario index, NM, when the scenarios' objects differ: a particle of scenario
   * s is detected with entry s (POD, POS, the fast score). Default sweepWidthNm for all.
   */
  readonly sweepWidthByScenarioNm?: readonly number[];
  /** Patterns the unit can fly or steam; the allocation uses PS, then CS, then SS. */
  readonly patterns: readonly PatternCode[];
}

/** Order in which an area pattern is chosen when a unit can do several. */
const AREA_PATTERNS: readonly AreaPattern[] = ['PS', 'CS', 'SS'];

/** The area pattern a unit searches with: its first of PS, CS, SS; InvalidInputError when it has none. */
export function areaPatternOf(unit: AllocationUnit, field: string): AreaPattern {
  const p = AREA_PATTERNS.find((code) => unit.patterns.includes(code));
  if (!p) {
    throw new InvalidInputError(`${field}.patterns`,
      `[${unit.patterns.join(', ')}] has no area pattern: the allocation lays out PS, CS or SS (sector and track line searches are planned by hand)`);
  }
  return p;
}

/** Check a unit's numbers; InvalidInputError names the field. */
export function checkAllocationUnit(unit: AllocationUnit, field: string): void {
  if (typeof unit.unitId !== 'string' || unit.unitId.trim() === '') throw new InvalidInputError(`${field}.unitId`, 'must be a non-empty name');
  for (const key of ['speedKn', 'enduranceH', 'sweepWidthNm'] as const) {
    const v = unit[key];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw new InvalidInputError(`${field}.${key}`, `must be a number > 0, got ${String(v)}`);
  }
  unit.sweepWidthByScenarioNm?.forEach((w, s) => {
    if (!(typeof w === 'number' && Number.isFinite(w) && w > 0)) throw new InvalidInputError(`${field}.sweepWidthByScenarioNm[${s}]`, `must be a number > 0, got ${String(w)}`);
  });
  if (!Number.isFinite(unit.arrivalTimeS)) throw new InvalidInputError(`${field}.arrivalTimeS`, `${unit.arrivalTimeS} is not a time`);
  if (unit.startPosition !== undefined) checkLonLat(unit.startPosition, `${field}.startPosition`);
  areaPatternOf(unit, field);
}

/** End of the unit's search, seconds since 1970. */
export function searchEndS(unit: AllocationUnit): number {
  return unit.arrivalTimeS + unit.enduranceH * 3600;
}

/** True when two units search during overlapping times (their areas must then not overlap). */
export function searchTimesOverlap(a: AllocationUnit, b: AllocationUnit): boolean {
  return a.arrivalTimeS < searchEndS(b) && b.arrivalTimeS < searchEndS(a);
}
