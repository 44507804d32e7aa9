import { InvalidInputError } from '../errors.js';
import { checkLonLat, type LonLatDeg } from './lon_lat.js';

/** The longest position text read: the longest real one (`37°14'24.5"N 131°52'12.5"E`) is under 40. */
export const MAX_POSITION_LENGTH = 100;

/**
 * Read a position as people write it: decimal degrees (`37.24, 131.87`, `37.24N 131.87E`),
 * degrees and decimal minutes as sailors write them (`37 14.4N 131 52.2E`, `37°14.4'N 131°52.2'E`,
 * `N37 14.4 E131 52.2`, `37-14.4N 131-52.2E`) or degrees, minutes and seconds (`37 14 24N ...`).
 * Latitude first. Without hemisphere letters, signs give the hemisphere. A longitude beyond 180°
 * is refused (`200 00E` is a slip, not 160°W). Reads in one pass over at most
 * MAX_POSITION_LENGTH characters (a backtracking expression took 10-31 s on 20 KB). Throws
 * InvalidInputError naming `field` and saying what could not be read.
 * @example parsePosition('37 14.4N 131 52.2E') // { latDeg: 37.24, lonDeg: 131.87 }
 */
export function parsePosition(text: string, field = 'position'): LonLatDeg {
  if (text.length > MAX_POSITION_LENGTH) {
    throw new InvalidInputError(field, `a position of ${text.length} characters is no position (at most ${MAX_POSITION_LENGTH}); write latitude then longitude, e.g. '37 14.4N 131 52.2E'`);
  }
  const cannotRead = (): never => {
    throw new InvalidInputError(field,
      `cannot read '${text}' as a position; write latitude then longitude, e.g. '37 14.4N 131 52.2E' or '37.24 131.87'`);
  };
  // every character class is replaced by a space or kept, then letters become tokens of their own
  const tokens = text.trim().toUpperCase()
    .replace(/[°º˚'′"″,]/g, ' ')
    .replace(/(\d)-(\d)/g, '$1 $2')
    .replace(/([NSEW])/g, ' $1 ')
    .split(/\s+/).filter(Boolean);
  const letters = tokens.filter((t) => /^[NSEW]$/.test(t));
  if (letters.length === 0) {
    if (tokens.length === 2 && tokens.every((x) => /^[+-]?\d+(\.\d+)?$/.test(x))) {
      return checked({ latDeg: Number(tokens[0]), lonDeg: Number(tokens[1]) }, field);
    }
    return cannotRead();
  }
  // one latitude letter and one longitude letter, the latitude's first; they cut the numbers into
  // exactly two groups (before and after a letter), or which numbers are whose is a guess
  const ns = tokens.findIndex((t) => t === 'N' || t === 'S');
  const ew = tokens.findIndex((t) => t === 'E' || t === 'W');
  if (letters.length !== 2 || ns < 0 || ew < 0 || ew < ns) return cannotRead();
  const groups: string[][] = [[]];
  for (const t of tokens) {
    if (/^[NSEW]$/.test(t)) { if (groups[groups.length - 1].length > 0) groups.push([]); continue; }
    if (!/^\d+(\.\d+)?$/.test(t)) return cannotRead();
    groups[groups.length - 1].push(t);
  }
  const parts = groups.filter((g) => g.length > 0);
  if (parts.length !== 2) return cannotRead();
  const latDeg = sexagesimal(parts[0].join(' '), field, 'latitude') * (tokens[ns] === 'S' ? -1 : 1);
  const lonDeg = sexagesimal(parts[1].join(' '), field, 'longitude') * (tokens[ew] === 'W' ? -1 : 1);
  return checked({ lonDeg, latDeg }, field);
}

/** checkLonLat, with a longitude beyond ±180° refused rather than wrapped (a typed 200°E is a slip). */
function checked(p: LonLatDeg, field: string): LonLatDeg {
  if (Math.abs(p.lonDeg) > 180) {
    throw new InvalidInputError(field, `longitude ${Number(Math.abs(p.lonDeg).toFixed(4))}° ${p.lonDeg < 0 ? 'W' : 'E'} is beyond 180°; write a longitude up to 180°E or 180°W`);
  }
  return checkLonLat(p, field);
}

/** `37`, `37.24`, `37 14.4`, `37 14 24` → decimal degrees. */
function sexagesimal(part: string, field: string, what: string): number {
  const numbers = part.trim().split(' ').filter(Boolean);
  if (numbers.length < 1 || numbers.length > 3 || !numbers.every((x) => /^\d+(\.\d+)?$/.test(x))) {
    throw new InvalidInputError(field, `cannot read the ${what} '${part.trim()}'`);
  }
  const [deg, min = 0, sec = 0] = numbers.map(Number);
  if (numbers.length > 1 && !Number.isInteger(deg)) throw new InvalidInputError(field, `${what} degrees '${numbers[0]}' must be whole when minutes follow`);
  if (min >= 60 || sec >= 60) throw new InvalidInputError(field, `${what} minutes and seconds must be below 60 in '${part.trim()}'`);
  return deg + min / 60 + sec / 3600;
}

/**
 * Format a position the way a sailor reads it: `37°14.40'N 131°52.20'E`, or with `ascii` as a
 * radio message or a telex writes it, `37 14.40N 131 52.20E` (parsePosition reads both back).
 */
export function formatPosition(position: LonLatDeg, minuteDecimals = 2, style: 'symbols' | 'ascii' = 'symbols'): string {
  const part = (value: number, positive: string, negative: string, degreeDigits: number): string => {
    const abs = Math.abs(value);
    let deg = Math.floor(abs);
    let min = Number(((abs - deg) * 60).toFixed(minuteDecimals));
    if (min >= 60) { deg += 1; min = 0; }
    const degText = String(deg).padStart(degreeDigits, '0'), minText = min.toFixed(minuteDecimals).padStart(3 + minuteDecimals, '0');
    const hemisphere = value < 0 ? negative : positive;
    return style === 'ascii' ? `${degText} ${minText}${hemisphere}` : `${degText}°${minText}'${hemisphere}`;
  };
  return `${part(position.latDeg, 'N', 'S', 2)} ${part(position.lonDeg, 'E', 'W', 3)}`;
}
