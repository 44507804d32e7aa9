/**
 * A position typed as sailors write it: degrees, minutes, seconds and a hemisphere per axis,
 * latitude first. A decimal in the degrees overrides the minutes and seconds; a decimal in the
 * minutes overrides the seconds (so `37.24`, `37 14.4` and `37 14 24` are one position).
 */

/** The fields of one axis as typed. */
export interface AxisFields { readonly deg: string; readonly min: string; readonly sec: string; readonly hem: 'N' | 'S' | 'E' | 'W' }
/** Both axes, latitude first. */
export interface PositionFields { readonly lat: AxisFields; readonly lon: AxisFields }

/** What the fields read as: a position, nothing yet, or what is wrong (field and problem). */
export type FieldsReading =
  | { readonly kind: 'position'; readonly latDeg: number; readonly lonDeg: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'problem'; readonly field: string; readonly problem: string };

const NUMBER = /^\d+(\.\d+)?$/;

/** One axis in signed decimal degrees, or the problem. */
function readAxis(a: AxisFields, axis: 'lat' | 'lon'): number | { field: string; problem: string } | null {
  const max = axis === 'lat' ? 90 : 180;
  const deg = a.deg.trim().replace(',', '.'), min = a.min.trim().replace(',', '.'), sec = a.sec.trim().replace(',', '.');
  if (deg === '') return null;
  for (const [name, v] of [['deg', deg], ['min', min], ['sec', sec]] as const) {
    if (v !== '' && !NUMBER.test(v)) return { field: `${axis}-${name}`, problem: `'${v}' is not a number` };
  }
  let value = Number(deg);
  if (!deg.includes('.')) {
    if (min !== '') {
      const m = Number(min);
      if (m >= 60) return { field: `${axis}-min`, problem: `${min} minutes: must be below 60` };
      value += m / 60;
      if (!min.includes('.') && sec !== '') {
        const s = Number(sec);
        if (s >= 60) return { field: `${axis}-sec`, problem: `${sec} seconds: must be below 60` };
        value += s / 3600;
      }
    }
  }
  if (value > max) return { field: `${axis}-deg`, problem: `${axis === 'lat' ? 'latitude' : 'longitude'} ${value.toFixed(4)}° is beyond ${max}°` };
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
