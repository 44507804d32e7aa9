const UNIT_SECONDS: Record<string, number> = {
  us: 1e-6, usec: 1e-6, usecs: 1e-6, microsecond: 1e-6, microseconds: 1e-6,
  ms: 0.001, msec: 0.001, msecs: 0.001, millisecond: 0.001, milliseconds: 0.001,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

/**
 * The calendars of CF conventions §4.4.1 and how sarbridge places their times in UTC:
 * - standard (gregorian): the mixed Julian/Gregorian calendar of UDUNITS; a reference date before
 *   1582-10-15 is a Julian date (the NOMADS GrADS Data Server's "days since 1-1-1"), and time is
 *   elapsed time from that instant;
 * - proleptic_gregorian: the Gregorian calendar extended back; julian: the Julian calendar; both
 *   elapsed time from the reference instant;
 * - noleap/365_day and all_leap/366_day: a model's calendar (climate models); each time is the
 *   model date (year, month, day, time of day), placed at the same date in UTC, as xarray's
 *   convert_calendar does; a model date UTC lacks (29 February of a common year) is refused.
 * 360_day (every month 30 days) and none are refused: their dates are no real dates.
 */
type Calendar = 'standard' | 'proleptic_gregorian' | 'julian' | 'noleap' | 'all_leap';
const CALENDARS: Readonly<Record<string, Calendar>> = {
  standard: 'standard', gregorian: 'standard', proleptic_gregorian: 'proleptic_gregorian', julian: 'julian',
  noleap: 'noleap', '365_day': 'noleap', all_leap: 'all_leap', '366_day': 'all_leap',
};
const REFUSED_CALENDARS: Readonly<Record<string, string>> = {
  '360_day': "has twelve 30-day months (30 February, no 31st), so its dates are no dates in UTC and a drift cannot be placed in real time; " +
    'use forcing in the standard calendar (an operational forecast or reanalysis)',
  none: 'has no dates at all; use forcing in the standard calendar',
};

/** A CF time axis: how one value of a time variable becomes seconds since 1970-01-01 UTC. */
export interface CfTimeAxis {
  /** Seconds per unit of the value. */
  readonly factorS: number;
  /** The reference time's instant, seconds since 1970-01-01 UTC (in the model calendars: its date's). */
  readonly epochS: number;
  /** The calendar, as CF names it (standard for gregorian, noleap for 365_day, all_leap for 366_day). */
  readonly calendar: Calendar;
  /** The value's instant, seconds since 1970-01-01 UTC; throws an Error saying why for a model date UTC lacks. */
  toEpochS(value: number): number;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil; any year, month 1-12). */
function gregorianDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days from 1970-01-01 (Gregorian) to a Julian-calendar date (the Julian day number, less 2440588). */
function julianDays(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - 32083 - 2440588;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isGregorianLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const isJulianLeap = (y: number): boolean => ((y % 4) + 4) % 4 === 0;

function daysInMonth(calendar: Calendar, y: number, m: number): number {
  if (m !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  const leap = calendar === 'all_leap' || (calendar === 'julian' && isJulianLeap(y)) ||
    (calendar === 'proleptic_gregorian' && isGregorianLeap(y)) || (calendar === 'standard' && (y < 1583 ? isJulianLeap(y) : isGregorianLeap(y)));
  return calendar === 'noleap' ? 28 : leap ? 29 : 28;
}

/** Days of a model calendar with a fixed year (noleap 365, all_leap 366) from its year 0 to a date. */
function fixedYearDays(calendar: 'noleap' | 'all_leap', y: number, m: number, d: number): number {
  const leap = calendar === 'all_leap' && m > 2 ? 1 : 0;
  return y * (calendar === 'noleap' ? 365 : 366) + DAYS_BEFORE_MONTH[m - 1] + leap + d - 1;
}

/** The date of a day count of a fixed-year model calendar (the inverse of fixedYearDays). */
function fixedYearDate(calendar: 'noleap' | 'all_leap', days: number): [number, number, number] {
  const yearDays = calendar === 'noleap' ? 365 : 366;
  const y = Math.floor(days / yearDays);
  let doy = days - y * yearDays;
  let m = 1;
  while (m < 12 && doy >= daysInMonth(calendar, y, m)) { doy -= daysInMonth(calendar, y, m); m++; }
  return [y, m, doy + 1];
}

const REFERENCE = new RegExp('^\\s*([a-zA-Z]+)\\s+since\\s+' +
  // extended (2024-01-01[T ]00:00[:00.0]) or basic (20240101[T000000]) date and time
  '(?:(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})(?:[T\\s]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?)?' +
  '|(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2}(?:\\.\\d*)?)?)?)' +
  // a zone: Z, UTC, GMT or an offset, signed or not ("0:00" as wgrib2 writes it; UDUNITS reads it so)
  '\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?|\\d{1,2}:\\d{2})?\\s*(?:UTC)?\\s*$');

/**
 * Read CF time units and calendar ("hours since 2024-01-01", "seconds since 1970-01-01 00:00:00.0 0:00",
 * "days since 1-1-1 00:00:0.0") into a time axis, or a string explaining why they cannot be read.
 * CF conventions §4.4: the reference time follows UDUNITS (extended or basic ISO 8601, an optional
 * zone offset with or without a sign); calendars as in CALENDARS above.
 */
export function cfTimeAxis(units: string, calendarName = 'standard'): CfTimeAxis | string {
  const key = calendarName.trim().toLowerCase();
  const calendar = CALENDARS[key];
  if (calendar === undefined) {
    const refused = REFUSED_CALENDARS[key];
    return refused !== undefined ? `calendar '${calendarName.trim()}' ${refused}`
      : `calendar '${calendarName.trim()}' is not a CF calendar (standard, gregorian, proleptic_gregorian, julian, noleap, 365_day, all_leap, 366_day)`;
  }
  const m = REFERENCE.exec(units);
  if (!m) return `time units '${units}' are not "<unit> since <yyyy-mm-dd[ hh:mm:ss][ zone]>"`;
  const factorS = UNIT_SECONDS[m[1].toLowerCase()];
  if (factorS === undefined) return `time unit '${m[1]}' in '${units}' is not seconds, minutes, hours or days`;
  const basic = m[2] === undefined;
  const [y, mo, d] = (basic ? [m[8], m[9], m[10]] : [m[2], m[3], m[4]]).map(Number);
  const [hh, mm, ss] = (basic ? [m[11], m[12], m[13]] : [m[5], m[6], m[7]]).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(calendar, y, mo) || hh > 24 || mm > 59 || ss >= 61) {
    return `reference date in '${units}' is not a valid date`;
  }
  if (y === 0 && (calendar === 'standard' || calendar === 'julian')) {
    return `reference date in '${units}' is in year 0, which the ${calendar} calendar does not have (1 BC is followed by AD 1); ` +
      "if the model counts a year 0, its calendar is proleptic_gregorian: say so in the time variable's calendar attribute";
  }
  let zoneS = 0;
  const zone = m[14];
  if (zone && /^[+-]?\d/.test(zone)) {
    const z = /^([+-]?)(\d{1,2}):?(\d{2})?$/.exec(zone)!;
    zoneS = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60);
  }
  const secondsOfDay = hh * 3600 + mm * 60 + ss - zoneS;
  if (calendar === 'noleap' || calendar === 'all_leap') {
    const referenceDays = fixedYearDays(calendar, y, mo, d);
    return {
      factorS, epochS: gregorianDays(y, mo, d) * 86400 + secondsOfDay, calendar,
      toEpochS(value: number): number {
        // the model's days and time of day, then the same date in UTC
        const modelS = referenceDays * 86400 + secondsOfDay + value * factorS;
        const dayCount = Math.floor(modelS / 86400);
        const [yd, md, dd] = fixedYearDate(calendar, dayCount);
        if (md === 2 && dd === 29 && !isGregorianLeap(yd)) {
          throw new Error(`time ${value} (${units}, calendar ${calendarName.trim()}) is ${String(yd).padStart(4, '0')}-02-29, which is not a date in UTC`);
        }
        return gregorianDays(yd, md, dd) * 86400 + (modelS - dayCount * 86400);
      },
    };
  }
  let days: number;
  if (calendar === 'proleptic_gregorian') days = gregorianDays(y, mo, d);
  else if (calendar === 'julian') days = julianDays(y, mo, d);
  else {
    // standard: Julian up to 1582-10-04, Gregorian from 1582-10-15 (UDUNITS, CF §4.4.1)
    const ymd = y * 10000 + mo * 100 + d;
    if (ymd > 15821004 && ymd < 15821015) return `reference date in '${units}': the days 1582-10-05 to 1582-10-14 do not exist in the standard (mixed Julian/Gregorian) calendar`;
    days = ymd < 15821015 ? julianDays(y, mo, d) : gregorianDays(y, mo, d);
  }
  const epochS = days * 86400 + secondsOfDay;
  return { factorS, epochS, calendar, toEpochS: (value: number) => epochS + value * factorS };
}

/**
 * Parse CF time units ("hours since 2024-01-01", "seconds since 1970-01-01 00:00:00 +00:00") into
 * a factor to seconds and the reference epoch (seconds since 1970-01-01 UTC); a string explaining
 * the problem when they cannot be read. For the calendars whose times are elapsed time from the
 * reference instant (standard, gregorian, proleptic_gregorian, julian); `cfTimeAxis` reads every
 * calendar. CF conventions §4.4.
 */
export function parseCfTimeUnits(units: string, calendar = 'standard'): { factorS: number; epochS: number } | string {
  const axis = cfTimeAxis(units, calendar);
  if (typeof axis === 'string') return axis;
  if (axis.calendar === 'noleap' || axis.calendar === 'all_leap') {
    return `calendar '${calendar.trim()}' counts model days, not elapsed time from one instant: read it with cfTimeAxis`;
  }
  return { factorS: axis.factorS, epochS: axis.epochS };
}

/** Seconds per unit of a bare time unit without an epoch ("second", "days"), or undefined. */
export function bareTimeUnitS(units: string): number | undefined {
  const m = /^\s*([a-zA-Z]+)\s*$/.exec(units);
  return m ? UNIT_SECONDS[m[1].toLowerCase()] : undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * A time origin as models write it in an attribute, in seconds since 1970-01-01 UTC, or a string
 * saying why it cannot be read. Accepts "2001-01-01 00:00:00" (ISO-like, as in CF units) and
 * "01-JAN-2000 00:00:00" (the Ferret/COARDS `time_origin` form CROCO writes with START_DATE).
 */
export function parseTimeOrigin(text: string, calendar = 'standard'): number | string {
  const ferret = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:[\s:]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  let iso = text;
  if (ferret) {
    const month = MONTHS.indexOf(ferret[2].toUpperCase());
    if (month < 0) return `'${text}' has no month '${ferret[2]}'`;
    const p2 = (s: string | undefined) => (s ?? '0').padStart(2, '0');
    iso = `${ferret[3]}-${p2(String(month + 1))}-${p2(ferret[1])} ${p2(ferret[4])}:${p2(ferret[5])}:${p2(ferret[6])}`;
  }
  const parsed = parseCfTimeUnits(`seconds since ${iso.trim()}`, calendar);
  return typeof parsed === 'string' ? `'${text}' is not a date such as '2001-01-01 00:00:00' or '01-JAN-2001 00:00:00'` : parsed.epochS;
}
