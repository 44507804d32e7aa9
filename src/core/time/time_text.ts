import { InvalidInputError } from '../errors.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Read a UTC time as coordinators write it, to seconds since epoch:
 * ISO 8601 with a zone (`2026-03-10T06:00Z`, `2026-03-10T15:00+09:00`), or a military date-time
 * group in UTC (`100600Z MAR 26`, `100600ZMAR2026`). A time without a zone is refused, since
 * guessing between UTC and the local zone of one rescue centre is how cases go wrong.
 */
export function parseTime(text: string, field = 'time'): number {
  const trimmed = text.trim();
  const dtg = /^(\d{2})(\d{2})(\d{2})Z\s*([A-Z]{3})\s*(\d{2}|\d{4})$/i.exec(trimmed);
  if (dtg) {
    const [, dd, hh, mm, mon, yy] = dtg;
    const month = MONTHS.indexOf(mon.toUpperCase());
    if (month < 0) throw new InvalidInputError(field, `unknown month '${mon}' in date-time group '${trimmed}'`);
    const year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
    const ms = utcMs(year, month, Number(dd), Number(hh), Number(mm));
    const check = new Date(ms);
    if (check.getUTCDate() !== Number(dd) || Number(hh) > 23 || Number(mm) > 59) {
      throw new InvalidInputError(field, `'${trimmed}' is not a valid date-time group (day ${dd}, ${hh}:${mm})`);
    }
    return ms / 1000;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h, mi, s = '0', zone] = iso;
    const offsetMin = zone.toUpperCase() === 'Z' ? 0 : zoneOffsetMin(zone, trimmed, field);
    const ms = utcMs(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) + Number(s) * 1000 - offsetMin * 60_000;
    const check = new Date(utcMs(Number(y), Number(mo) - 1, Number(d), 0, 0));
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) >= 60) {
      throw new InvalidInputError(field, `'${trimmed}' is not a valid date and time`);
    }
    return ms / 1000;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(trimmed)) {
    throw new InvalidInputError(field, `'${trimmed}' has no time zone; add Z for UTC (e.g. '${trimmed}Z') or an offset such as +09:00`);
  }
  throw new InvalidInputError(field, `cannot read '${trimmed}' as a time; write ISO 8601 with a zone ('2026-03-10T06:00Z') or a date-time group ('100600Z MAR 26')`);
}

/**
 * Milliseconds since 1970 of a UTC date and time. Date.UTC reads the years 0-99 as 1900-1999 (a
 * two-digit-year rule of ECMA-262); setUTCFullYear does not, so `0045-03-10T06:00Z` is the year 45.
 */
function utcMs(year: number, monthIndex: number, day: number, hour: number, minute: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime();
}

/**
 * The minutes east of UTC of an ISO 8601 offset (`+09:00`, `-0430`, `-00:30`). The sign is the
 * text's own, so `-00:30` keeps its half hour. Real zones run from −12:00 to +14:00 (Kiribati's
 * Line Islands) with minutes below 60; anything else (`+99:99`) is refused.
 */
function zoneOffsetMin(zone: string, text: string, field: string): number {
  const sign = zone[0] === '-' ? -1 : 1;
  const hours = Number(zone.slice(1, 3)), minutes = Number(zone.slice(-2));
  if (hours > 14 || minutes > 59 || (sign < 0 && hours > 12) || (hours === 14 && minutes > 0)) {
    throw new InvalidInputError(field, `'${text}' has the offset ${zone}, which is no time zone (zones run from -12:00 to +14:00)`);
  }
  return sign * (hours * 60 + minutes);
}

/** ISO 8601 UTC to the minute: `2026-03-10T06:00Z`. */
export function formatTimeUtc(timeS: number): string {
  return new Date(timeS * 1000).toISOString().slice(0, 16) + 'Z';
}

/**
 * ISO 8601 UTC as exact as the time is: to the minute when it is on one (`2026-03-10T06:00Z`), else
 * to the second (`2026-03-10T06:00:30Z`) or the millisecond, so a report of times a step or a start
 * with seconds made (a 30 s step) says each as it is, where formatTimeUtc would cut it to its minute.
 */
export function formatTimeUtcExact(timeS: number): string {
  const text = new Date(timeS * 1000).toISOString();
  return text.endsWith(':00.000Z') ? text.slice(0, 16) + 'Z' : text.replace(/\.000Z$/, 'Z');
}

/** A military date-time group in UTC to the minute, as parseTime reads it: `100600Z MAR 26`. */
export function formatDtg(timeS: number): string {
  const d = new Date(timeS * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCFullYear() % 100)}`;
}
