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
