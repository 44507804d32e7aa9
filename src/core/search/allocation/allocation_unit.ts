/**
 * A search and rescue unit (SRU) as the allocation sees it, and the checks on it.
 */
import { InvalidInputError } from '../../errors.js';
import { checkLonLat, type LonLatDeg } from '../../geo/lon_lat.js';
import type { PatternCode } from '../pattern.js';
import { FIXED_WING_SS_MIN_SPACING_NM, clearanceOf, isAircraft, type CraftKind } from '../operational_minimums.js';
import { interleavedTrackSpacingNm, minimumTrackSpacingNm } from '../turns.js';
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
  /** What the unit is (its default clearance and limits); default 'ship', the most careful. */
  readonly craft?: CraftKind;
  /**
   * Radius the unit turns on, NM (turns.ts: a rate-one turn at its speed unless it gives its own);
   * default 0, instantaneous turns. Its routes are flown with fly-by turns and its track spacing is
   * at least 2 r, or r with its legs interleaved (PS, CS: interleavedSpacingOf).
   */
  readonly turnRadiusNm?: number;
  /** Least distance of its routes from any coastline, NM; default its craft's (operational_minimums.ts). */
  readonly clearanceNm?: number;
}

/**
 * The closest track spacing the unit may be given for a pattern, NM: 2 r for its turns (turns.ts),
 * and for a fixed-wing aircraft's expanding square IAMSAR's 2 NM (operational_minimums.ts).
 */
export function minimumSpacingOf(unit: AllocationUnit, pattern: PatternCode): number {
  const turns = minimumTrackSpacingNm(unit.turnRadiusNm ?? 0);
  return pattern === 'SS' && unit.craft === 'aircraft' ? Math.max(turns, FIXED_WING_SS_MIN_SPACING_NM) : turns;
}

/**
 * The closest spacing the unit reaches for a PS or CS with its legs interleaved (turns.ts), NM: r
 * when it turns on a radius; 0 when it cannot or need not (no radius, or an SS).
 */
export function interleavedSpacingOf(unit: AllocationUnit, pattern: PatternCode): number {
  const r = unit.turnRadiusNm ?? 0;
  return r > 0 && (pattern === 'PS' || pattern === 'CS') ? interleavedTrackSpacingNm(r) : 0;
}

/** The closest spacing the unit may be given for a pattern in any order of its legs, NM (the coverage it can reach is W over it). */
export function closestSpacingOf(unit: AllocationUnit, pattern: PatternCode): number {
  const interleaved = interleavedSpacingOf(unit, pattern);
  return interleaved > 0 ? interleaved : minimumSpacingOf(unit, pattern);
}

/** The unit's clearance from land, NM (its own or its craft's default). */
export function unitClearanceNm(unit: AllocationUnit): number {
  return clearanceOf(unit.craft ?? 'ship', unit.clearanceNm);
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

/** Check that there is a unit and every unit's numbers (checkAllocationUnit, fields `units[k]`). */
export function checkAllocationUnits(units: readonly AllocationUnit[]): void {
  if (units.length === 0) throw new InvalidInputError('units', 'no search unit given');
  units.forEach((u, k) => checkAllocationUnit(u, `units[${k}]`));
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
  for (const key of ['turnRadiusNm', 'clearanceNm'] as const) {
    const v = unit[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new InvalidInputError(`${field}.${key}`, `must be a number >= 0, got ${String(v)}`);
  }
  areaPatternOf(unit, field);
}

/** End of the unit's search, seconds since 1970. */
export function searchEndS(unit: AllocationUnit): number {
  return unit.arrivalTimeS + unit.enduranceH * 3600;
}

/** True when two units search during overlapping times. */
export function searchTimesOverlap(a: AllocationUnit, b: AllocationUnit): boolean {
  return a.arrivalTimeS < searchEndS(b) && b.arrivalTimeS < searchEndS(a);
}

/**
 * True when two units' areas must not overlap: they search at the same time and, unless
 * `airOverSurface`, whatever their craft; with it, only when both are surface units or both in the
 * air. A ship (or boat) and an aircraft (or helicopter) may search the same water at the same time:
 * IAMSAR Vol. III (section 12, sector search: "an aircraft and a vessel may be used to perform
 * independent sector searches of the same area"; and its co-ordinated vessel-aircraft search
 * pattern) has them do so, the aircraft above the vessel; two units of the same domain at once in
 * one area would be a collision risk. A unit without a craft counts as a ship, as for its clearance.
 * Off by default: allowed, it raises POS (bench/RESULTS.md, "Aircraft over surface areas") but the
 * plans are less stable between particle counts (more layouts of nearly equal worth).
 */
export function mustSearchApart(a: AllocationUnit, b: AllocationUnit, airOverSurface = false): boolean {
  return searchTimesOverlap(a, b) && (!airOverSurface || isAircraft(a.craft ?? 'ship') === isAircraft(b.craft ?? 'ship'));
}
