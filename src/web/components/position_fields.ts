/**
 * A position typed as sailors write it: degrees, minutes, seconds and a hemisphere per axis,
 * latitude first. A decimal in the degrees overrides the minutes and seconds; a decimal in the
 * minutes overrides the seconds (so `37.24`, `37 14.4` and `37 14 24` are one position).
 */
import { MAX_POSITION_ERROR_NM } from '../../core/drift/settings.js';
import { translate, type Language, type MessageKey } from '../i18n/dictionary.js';

/** The fields of one axis as typed. */
export interface AxisFields { readonly deg: string; readonly min: string; readonly sec: string; readonly hem: 'N' | 'S' | 'E' | 'W' }
/** Both axes, latitude first. */
export interface PositionFields { readonly lat: AxisFields; readonly lon: AxisFields }

/** A field of the position form: axis and part (`lat-min`). */
export type PositionField = `${'lat' | 'lon'}-${'deg' | 'min' | 'sec'}`;

/**
 * What is wrong with one field, as data so the page says it in the reader's language
 * (positionProblemText): text that is no number (a minus sign: the hemisphere says it), minutes
 * or seconds of 60 or more, degrees beyond the axis's limit.
 */
export type PositionProblem =
  | { readonly code: 'notNumber' | 'minusSign'; readonly value: string }
  | { readonly code: 'minutes' | 'seconds'; readonly value: string }
  | { readonly code: 'beyond'; readonly valueDeg: number; readonly maxDeg: number };

/** What the fields read as: a position, nothing yet, or what is wrong (field and problem). */
export type FieldsReading =
  | { readonly kind: 'position'; readonly latDeg: number; readonly lonDeg: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'problem'; readonly field: PositionField; readonly problem: PositionProblem };

const NUMBER = /^\d+(\.\d+)?$/;

/** One axis in signed decimal degrees, or the problem. */
function readAxis(a: AxisFields, axis: 'lat' | 'lon'): number | { field: PositionField; problem: PositionProblem } | null {
  const max = axis === 'lat' ? 90 : 180;
  const deg = a.deg.trim().replace(',', '.'), min = a.min.trim().replace(',', '.'), sec = a.sec.trim().replace(',', '.');
  if (deg === '') return null;
  for (const [name, v] of [['deg', deg], ['min', min], ['sec', sec]] as const) {
    if (v !== '' && !NUMBER.test(v)) return { field: `${axis}-${name}`, problem: { code: /^[-−]\s*\d/.test(v) ? 'minusSign' : 'notNumber', value: v } };
  }
  let value = Number(deg);
  if (!deg.includes('.')) {
    if (min !== '') {
      const m = Number(min);
      if (m >= 60) return { field: `${axis}-min`, problem: { code: 'minutes', value: min } };
      value += m / 60;
      if (!min.includes('.') && sec !== '') {
        const s = Number(sec);
        if (s >= 60) return { field: `${axis}-sec`, problem: { code: 'seconds', value: sec } };
        value += s / 3600;
      }
    }
  }
  if (value > max) return { field: `${axis}-deg`, problem: { code: 'beyond', valueDeg: value, maxDeg: max } };
  const negative = a.hem === 'S' || a.hem === 'W';
  return negative ? -value : value;
}

/** Read the fields. */
export function readPositionFields(f: PositionFields): FieldsReading {
  const lat = readAxis(f.lat, 'lat');
  const lon = readAxis(f.lon, 'lon');
  for (const r of [lat, lon]) if (r !== null && typeof r === 'object') return { kind: 'problem', ...r };
  if (lat === null || lon === null) return { kind: 'incomplete' };
  return { kind: 'position', latDeg: lat as number, lonDeg: lon as number };
}

const PROBLEM_KEYS: Readonly<Record<PositionProblem['code'], MessageKey>> = {
  notNumber: 'pos.problem.notNumber', minusSign: 'pos.problem.minusSign', minutes: 'pos.problem.minutes', seconds: 'pos.problem.seconds', beyond: 'pos.problem.beyond',
};

/** A problem of the fields in words of `language`, naming the field as the form labels it (`Latitude (minutes): …`). */
export function positionProblemText(reading: { readonly field: PositionField; readonly problem: PositionProblem }, language: Language): string {
  const [axis, part] = reading.field.split('-') as ['lat' | 'lon', 'deg' | 'min' | 'sec'];
  const field = translate(language, 'pos.field', { axis: translate(language, axis === 'lat' ? 'pos.lat' : 'pos.lon'), part: translate(language, `pos.part.${part}`) });
  const p = reading.problem;
  const value = p.code === 'beyond'
    // a few decimals, and a number typed far too long said as typed would fill the panel: an exponent then
    ? (p.valueDeg < 1e6 ? String(Math.round(p.valueDeg * 1e4) / 1e4) : p.valueDeg.toExponential(2))
    : p.value.length > 24 ? `${p.value.slice(0, 24)}…` : p.value;
  return translate(language, PROBLEM_KEYS[p.code], { field, value, max: p.code === 'beyond' ? p.maxDeg : '' });
}

/** The position error as typed, in NM (0 to MAX_POSITION_ERROR_NM, a scenario's limit; a comma as the decimal mark), or null when it is not one. */
export function readPositionErrorNm(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!NUMBER.test(v)) return null;
  const nm = Number(v);
  return nm <= MAX_POSITION_ERROR_NM ? nm : null;
}

/** Empty fields (northern and eastern hemispheres: the agreement's waters). */
export const EMPTY_POSITION_FIELDS: PositionFields = {
  lat: { deg: '', min: '', sec: '', hem: 'N' },
  lon: { deg: '', min: '', sec: '', hem: 'E' },
};

/** Degrees-minutes text with a hemisphere, the form of plan messages: `37 14.40N 131 52.20E`. */
export function formatDegreesMinutes(latDeg: number, lonDeg: number): string {
  const part = (v: number, width: number, pos: string, neg: string): string => {
    const a = Math.abs(v);
    let d = Math.floor(a);
    let m = Math.round((a - d) * 60 * 100) / 100;
    if (m >= 60) { d += 1; m = 0; }
    return `${String(d).padStart(width, '0')} ${m.toFixed(2).padStart(5, '0')}${v < 0 ? neg : pos}`;
  };
  return `${part(latDeg, 2, 'N', 'S')} ${part(lonDeg, 3, 'E', 'W')}`;
}

/** Fields holding a position in degrees and decimal minutes (a released inject's position, taken into the report form). */
export function fieldsFromDegrees(latDeg: number, lonDeg: number): PositionFields {
  const axis = (v: number, pos: 'N' | 'E', neg: 'S' | 'W'): AxisFields => {
    const a = Math.abs(v);
    let d = Math.floor(a);
    let m = Math.round((a - d) * 60 * 1000) / 1000;
    if (m >= 60) { d += 1; m = 0; }
    return { deg: String(d), min: m.toFixed(3), sec: '', hem: v < 0 ? neg : pos };
  };
  return { lat: axis(latDeg, 'N', 'S'), lon: axis(lonDeg, 'E', 'W') };
}
