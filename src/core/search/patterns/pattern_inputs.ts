/**
 * Input checks shared by the pattern generators. Each throws InvalidInputError naming the field
 * (e.g. `trackSpacingNm`, `unit.speedKn`) and what was wrong with its value.
 */
import { InvalidInputError } from '../../errors.js';
import { checkLonLat, type LonLatDeg } from '../../geo/lon_lat.js';
import type { LegOrder, TurnDirection, UnitMotion } from '../pattern.js';
import { normaliseBearingDeg } from './local_plane.js';

/** Most legs a generator will lay out: a guard against an endurance of weeks at tiny spacing. */
export const MAX_LEG_COUNT = 100_000;

/** A finite number > 0, or InvalidInputError naming `field`. */
export function requirePositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(field, `must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** A finite bearing in degrees true, returned in [0, 360). */
export function requireBearing(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInputError(field, `must be a finite bearing in degrees true, got ${String(value)}`);
  }
  return normaliseBearingDeg(value);
}

/** 'left' or 'right'. */
export function requireTurn(field: string, value: unknown): TurnDirection {
  if (value !== 'left' && value !== 'right') {
    throw new InvalidInputError(field, `must be 'left' or 'right', got ${String(value)}`);
  }
  return value;
}

/** 'sequential' (the default, for undefined) or 'interleaved'. */
export function optionalLegOrder(field: string, value: unknown): LegOrder {
  if (value === undefined) return 'sequential';
  if (value !== 'sequential' && value !== 'interleaved') {
    throw new InvalidInputError(field, `must be 'sequential' or 'interleaved', got ${String(value)}`);
  }
  return value;
}

/** An optional whole number of legs >= 1 (undefined passes through). */
export function optionalLegCount(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LEG_COUNT) {
    throw new InvalidInputError(field, `must be a whole number of legs from 1 to ${MAX_LEG_COUNT}, got ${String(value)}`);
  }
  return value;
}

/** A position (checkLonLat), or InvalidInputError naming `field` when missing. */
export function requirePosition(field: string, value: unknown): LonLatDeg {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidInputError(field, 'must be a position { lonDeg, latDeg }');
  }
  return checkLonLat(value as LonLatDeg, field);
}

/** The unit's speed (> 0), start time (finite), optional endurance (> 0 hours) and turn radius (>= 0 NM). */
export function requireMotion(field: string, value: unknown): UnitMotion {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidInputError(field, 'must give speedKn, startTimeS and optionally enduranceH');
  }
  const m = value as UnitMotion;
  const speedKn = requirePositive(`${field}.speedKn`, m.speedKn);
  if (typeof m.startTimeS !== 'number' || !Number.isFinite(m.startTimeS)) {
    throw new InvalidInputError(`${field}.startTimeS`, `must be finite seconds since 1970, got ${String(m.startTimeS)}`);
  }
  const enduranceH = m.enduranceH === undefined ? undefined : requirePositive(`${field}.enduranceH`, m.enduranceH);
  const turnRadiusNm = m.turnRadiusNm;
  if (turnRadiusNm !== undefined && !(typeof turnRadiusNm === 'number' && Number.isFinite(turnRadiusNm) && turnRadiusNm >= 0)) {
    throw new InvalidInputError(`${field}.turnRadiusNm`, `must be a finite number >= 0, got ${String(turnRadiusNm)}`);
  }
  return {
    speedKn, startTimeS: m.startTimeS, ...(enduranceH === undefined ? {} : { enduranceH }),
    ...(turnRadiusNm === undefined ? {} : { turnRadiusNm }),
  };
}

/** True when two bearings are the same direction (within 1e-6 degree). */
export function sameBearing(aDeg: number, bDeg: number): boolean {
  const d = Math.abs(normaliseBearingDeg(aDeg - bDeg));
  return d < 1e-6 || 360 - d < 1e-6;
}
