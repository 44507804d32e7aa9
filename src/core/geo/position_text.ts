import { InvalidInputError } from '../errors.js';
import { checkLonLat, type LonLatDeg } from './lon_lat.js';

/**
 * Read a position as people write it: decimal degrees (`37.24, 131.87`, `37.24N 131.87E`),
 * degrees and decimal minutes as sailors write them (`37 14.4N 131 52.2E`, `37°14.4'N 131°52.2'E`,
 * `N37 14.4 E131 52.2`, `37-14.4N 131-52.2E`) or degrees, minutes and seconds (`37 14 24N ...`).
 * Latitude first. Without hemisphere letters, signs give the hemisphere. Throws InvalidInputError
 * naming `field` and saying what could not be read.
 * @example parsePosition('37 14.4N 131 52.2E') // { latDeg: 37.24, lonDeg: 131.87 }
 */
export function parsePosition(text: string, field = 'position'): LonLatDeg {
  const cleaned = text.trim().toUpperCase()
    .replace(/[°º˚'′"″]/g, ' ')
    .replace(/(\d)-(\d)/g, '$1 $2')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  const withLetters = /^([NS])?\s?([\d.\s]+?)\s?([NS])?\s?([EW])?\s?([\d.\s]+?)\s?([EW])?$/.exec(cleaned);
  if (withLetters && (withLetters[1] || withLetters[3]) && (withLetters[4] || withLetters[6])
      && !(withLetters[1] && withLetters[3]) && !(withLetters[4] && withLetters[6])) {
    const latDeg = sexagesimal(withLetters[2], field, 'latitude') * ((withLetters[1] ?? withLetters[3]) === 'S' ? -1 : 1);
    const lonDeg = sexagesimal(withLetters[5], field, 'longitude') * ((withLetters[4] ?? withLetters[6]) === 'W' ? -1 : 1);
    return checkLonLat({ lonDeg, latDeg }, field);
  }
  const plain = cleaned.split(' ');
  if (plain.length === 2 && plain.every((x) => /^[+-]?\d+(\.\d+)?$/.test(x))) {
    return checkLonLat({ latDeg: Number(plain[0]), lonDeg: Number(plain[1]) }, field);
  }
  throw new InvalidInputError(field,
    `cannot read '${text}' as a position; write latitude then longitude, e.g. '37 14.4N 131 52.2E' or '37.24 131.87'`);
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
