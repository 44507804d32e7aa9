const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};
const CALENDARS = new Set(['standard', 'gregorian', 'proleptic_gregorian']);

/**
 * Parse CF time units ("hours since 2024-01-01", "seconds since 1970-01-01 00:00:00 +00:00") into
 * a factor to seconds and the reference epoch (seconds since 1970-01-01 UTC); a string explaining
 * the problem when they cannot be read. Calendars: standard, gregorian, proleptic_gregorian (the
 * same after 1582, which forcing files always are). CF conventions §4.4.
 */
export function parseCfTimeUnits(units: string, calendar = 'standard'): { factorS: number; epochS: number } | string {
  if (!CALENDARS.has(calendar.trim().toLowerCase())) {
    return `calendar '${calendar}' is not supported (only standard, gregorian, proleptic_gregorian)`;
  }
  const m = /^\s*([a-zA-Z]+)\s+since\s+(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?\s*(?:UTC)?\s*$/.exec(units);
  if (!m) return `time units '${units}' are not "<unit> since <yyyy-mm-dd[ hh:mm:ss][ zone]>"`;
  const factorS = UNIT_SECONDS[m[1].toLowerCase()];
  if (factorS === undefined) return `time unit '${m[1]}' in '${units}' is not seconds, minutes, hours or days`;
  const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const [hh, mm, ss] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 24 || mm > 59 || ss >= 61) return `reference date in '${units}' is not a valid date`;
  let zoneS = 0;
  const zone = m[8];
  if (zone && /^[+-]/.test(zone)) {
    const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
    zoneS = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60);
  }
  const ms = Date.UTC(y, mo - 1, d, hh, mm, 0) + ss * 1000;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return `reference date in '${units}' is not a valid date`;
  return { factorS, epochS: ms / 1000 - zoneS };
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
