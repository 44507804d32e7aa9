/**
 * NMEA 0183 position sentences (GGA, RMC, GLL) as timed positions.
 *
 * Sentence layouts as in NMEA 0183 v4.11 (and the public descriptions of it, e.g. gpsd's
 * "NMEA 0183 revealed"): `$<talker><type>,<fields>*<checksum>`; the checksum, when present, is
 * the XOR of the characters between `$` and `*` in two hex digits, and a wrong one is refused.
 * Any talker is read (GP, GN, GL, GA, BD, …); other sentence types are counted and left out.
 * - RMC: time, status (A valid / V void), lat, N/S, lon, E/W, SOG, COG, date ddmmyy, …, mode.
 * - GGA: time, lat, N/S, lon, E/W, fix quality (0 = no fix), …
 * - GLL: lat, N/S, lon, E/W, time, status, mode.
 * A void status, a quality of 0 or a mode of N (not valid) is not a fix: skipped, counted.
 * GGA and GLL carry only the time of day. Their date is the last RMC's, or before the first RMC
 * the date the caller gives, or else the first RMC's (a time of day after that RMC's is taken as
 * the day before). A time of day more than 12 h earlier than the one before is the next day
 * (midnight passed); an earlier time otherwise is a time going back, refused.
 * Two-digit years: 80-99 are 1980-1999, 00-79 2000-2079 (GPS began in 1980).
 * Text before the `$` on a line (a logger's time stamp) is ignored; `!` sentences (AIS) and
 * blank lines are left out; any other line is refused.
 */
import { TrackFileError } from './track_file_error.js';
import {
  checkEnoughPoints, checkNotBack, checkPointCount, checkTrackTextSize, isoSeconds,
  TRACK_LIMITS, type LinedPosition, type TrackReading,
} from './timed_track.js';

/** What the caller may add to an NMEA log. */
export interface NmeaOptions {
  /** The UTC date (YYYY-MM-DD) of the first fix, for a log of GGA/GLL without RMC before them. */
  readonly dateUtc?: string;
}

const DAY_S = 86_400;
const LAT_DDMM = /^(\d{2})(\d{2}(?:\.\d+)?)$/;
const LON_DDDMM = /^(\d{3})(\d{2}(?:\.\d+)?)$/;

interface Fix { line: number; todS: number; dayS: number | null; lonDeg: number; latDeg: number; type: string }

/** Read the position sentences of an NMEA 0183 log; errors name the file and the line. */
export function parseNmeaTrack(text: string, fileName: string, options: NmeaOptions = {}): TrackReading {
  checkTrackTextSize(text, fileName);
  const givenDayS = options.dateUtc === undefined ? null : parseDate(options.dateUtc);
  if (givenDayS === undefined) throw new TrackFileError(fileName, null, `the date given '${options.dateUtc}' is not YYYY-MM-DD`);
  const lines = text.split(/\r\n|\n|\r/);
  const fixes: Fix[] = [];
  const counts = { other: 0, ais: 0, void: 0 };
  const firstVoid: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const lineNo = k + 1;
    const raw = lines[k];
    const fail = (problem: string): never => { throw new TrackFileError(fileName, lineNo, problem); };
    if (raw.trim() === '') continue;
    if (raw.length > TRACK_LIMITS.maxNmeaLineChars) fail(`${raw.length} characters: not an NMEA sentence (at most 82)`);
    const dollar = raw.indexOf('$');
    if (dollar < 0) {
      if (raw.trimStart().startsWith('!')) { counts.ais += 1; continue; }
      fail(`'${shorten(raw)}' is not an NMEA sentence (no '$')`);
    }
    const sentence = raw.slice(dollar).trim();
    const star = sentence.indexOf('*');
    const body = star >= 0 ? sentence.slice(1, star) : sentence.slice(1);
    if (star >= 0) {
      const given = sentence.slice(star + 1);
      if (!/^[0-9A-Fa-f]{2}$/.test(given)) fail(`checksum '${shorten(given)}' is not two hex digits`);
      let sum = 0;
      for (let c = 0; c < body.length; c++) sum ^= body.charCodeAt(c);
      if (sum !== parseInt(given, 16)) fail(`checksum ${given.toUpperCase()} does not match the sentence (${sum.toString(16).toUpperCase().padStart(2, '0')}): the line was corrupted`);
    }
    const fields = body.split(',');
    const address = fields[0];
    if (!/^[A-Z0-9]{5}$/.test(address)) {
      if (/^P[A-Z0-9]+$/.test(address)) { counts.other += 1; continue; }  // proprietary sentence
      fail(`'${shorten(address)}' is not an NMEA address (two letters of talker and three of sentence, e.g. GPRMC)`);
    }
    const type = address.slice(2);
    if (type !== 'RMC' && type !== 'GGA' && type !== 'GLL') { counts.other += 1; continue; }
    const need = type === 'RMC' ? 10 : type === 'GGA' ? 7 : 7;
    if (fields.length < need) fail(`${type} has ${fields.length - 1} fields, fewer than the ${need - 1} it needs`);
    let valid: boolean;
    let todText: string, latText: string, ns: string, lonText: string, ew: string;
    let dayS: number | null = null;
    if (type === 'RMC') {
      [, todText, , latText, ns, lonText, ew] = fields;
      const status = fields[2], mode = fields[12];
      if (status !== 'A' && status !== 'V') fail(`RMC status '${status}' is neither A (valid) nor V (void)`);
      valid = status === 'A' && mode !== 'N';
      if (valid) {
        const date = /^(\d{2})(\d{2})(\d{2})$/.exec(fields[9]);
        const d = date ? ymdDay(twoDigitYear(Number(date[3])), Number(date[2]), Number(date[1])) : undefined;
        if (d === undefined) fail(`RMC date '${fields[9]}' is not ddmmyy`);
        dayS = d!;
      }
    } else if (type === 'GGA') {
      [, todText, latText, ns, lonText, ew] = fields;
      const quality = fields[6];
      if (!/^\d$/.test(quality)) fail(`GGA fix quality '${quality}' is not a digit`);
      valid = quality !== '0';
    } else {
      [, latText, ns, lonText, ew, todText] = fields;
      const status = fields[6], mode = fields[7];
      if (status !== 'A' && status !== 'V') fail(`GLL status '${status ?? ''}' is neither A (valid) nor V (void)`);
      valid = status === 'A' && mode !== 'N';
    }
    if (!valid) {
      counts.void += 1;
      if (firstVoid.length < 3) firstVoid.push(lineNo);
      continue;
    }
    const todS = timeOfDay(todText);
    if (todS === undefined) fail(`${type} time '${todText}' is not hhmmss.ss`);
    const latDeg = degreesMinutes(latText, 2, ns, 'N', 'S', 90);
    if (typeof latDeg === 'string') fail(`${type} latitude ${latDeg}`);
    const lonDeg = degreesMinutes(lonText, 3, ew, 'E', 'W', 180);
    if (typeof lonDeg === 'string') fail(`${type} longitude ${lonDeg}`);
    fixes.push({ line: lineNo, todS: todS!, dayS, lonDeg: lonDeg as number, latDeg: latDeg as number, type });
    checkPointCount(fixes.length, fileName, lineNo);
  }

  const warnings: string[] = [];
  if (counts.void > 0) warnings.push(`${counts.void} sentence${counts.void === 1 ? '' : 's'} without a valid fix (status V, quality 0 or mode N) left out, first at line${firstVoid.length === 1 ? '' : 's'} ${firstVoid.join(', ')}`);
  if (counts.other > 0) warnings.push(`${counts.other} sentence${counts.other === 1 ? '' : 's'} other than GGA, RMC and GLL left out`);
  if (counts.ais > 0) warnings.push(`${counts.ais} AIS sentence${counts.ais === 1 ? '' : 's'} (!…) left out`);
  if (fixes.length === 0) {
    checkEnoughPoints(0, fileName, `${lines.length} lines, ${counts.void} position sentences without a valid fix, ${counts.other} other sentences`);
  }

  // Dates for the sentences that carry only the time of day.
  const firstRmc = fixes.findIndex((f) => f.dayS !== null);
  let dayS: number;
  if (givenDayS !== null) dayS = givenDayS;
  else if (firstRmc >= 0) {
    dayS = fixes[firstRmc].dayS!;
    if (fixes.slice(0, firstRmc).some((f) => f.todS > fixes[firstRmc].todS)) dayS -= DAY_S;  // they began before midnight
  } else {
    throw new TrackFileError(fileName, fixes[0].line, `${fixes[0].type} gives only the time of day, and the log has no RMC to give the date: give the date of the first fix (UTC)`);
  }
  const points: LinedPosition[] = [];
  let previousTodS = fixes[0].todS;
  let duplicates = 0;
  let seenRmc = false;
  for (const f of fixes) {
    if (f.dayS !== null) {
      if (!seenRmc && givenDayS !== null && f.dayS !== dayS) {
        warnings.push(`the date given (${isoSeconds(givenDayS).slice(0, 10)}) is not the first RMC's (${isoSeconds(f.dayS).slice(0, 10)}, line ${f.line}); the RMC's is used`);
      }
      dayS = f.dayS;
      seenRmc = true;
    } else if (f.todS < previousTodS - DAY_S / 2) {
      dayS += DAY_S;  // midnight passed
    }
    previousTodS = f.todS;
    const point: LinedPosition = { timeS: dayS + f.todS, lonDeg: f.lonDeg, latDeg: f.latDeg, line: f.line };
    const last = points[points.length - 1];
    checkNotBack(last, point, fileName);
    if (last && last.timeS === point.timeS) { duplicates += 1; continue; }  // GGA and RMC of one fix
    points.push(point);
  }
  if (duplicates > 0) warnings.push(`${duplicates} sentence${duplicates === 1 ? '' : 's'} at the same time as the one before (the same fix in GGA and RMC) read once`);
  checkEnoughPoints(points.length, fileName, `${fixes.length} valid position sentences`);
  return {
    format: 'nmea',
    points: points.map((p) => ({ timeS: p.timeS, lonDeg: p.lonDeg, latDeg: p.latDeg })),
    segmentStarts: [0],
    warnings,
  };
}

function twoDigitYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

/** Midnight UTC of a date in seconds since epoch, or undefined when the date does not exist. */
function ymdDay(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms / 1000 : undefined;
}

/** `YYYY-MM-DD` → midnight UTC in seconds; undefined when it is not a date. */
function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? ymdDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** `hhmmss` or `hhmmss.ss` → seconds of the day. */
function timeOfDay(text: string): number | undefined {
  const m = /^(\d{2})(\d{2})(\d{2}(?:\.\d+)?)$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) >= 60) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** `ddmm.mmm` (degree digits 2 for latitude, 3 for longitude) and a hemisphere → signed degrees, or what is wrong. */
function degreesMinutes(text: string, degreeDigits: number, hemisphere: string, plus: string, minus: string, maxDeg: number): number | string {
  const pattern = degreeDigits === 2 ? 'ddmm.mmm' : 'dddmm.mmm';
  const m = (degreeDigits === 2 ? LAT_DDMM : LON_DDDMM).exec(text);
  if (!m) return `'${shorten(text)}' is not ${pattern}`;
  const minutes = Number(m[2]);
  if (minutes >= 60) return `'${text}' has ${m[2]} minutes (at most 59.999…)`;
  const deg = Number(m[1]) + minutes / 60;
  if (deg > maxDeg) return `'${text}' is more than ${maxDeg}°`;
  if (hemisphere !== plus && hemisphere !== minus) return `hemisphere '${shorten(hemisphere)}' is neither ${plus} nor ${minus}`;
  return hemisphere === minus ? -deg : deg;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
