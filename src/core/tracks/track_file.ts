import { parseGpxTrack } from './gpx_track.js';
import { parseNmeaTrack, type NmeaOptions } from './nmea_track.js';
import type { TrackReading } from './timed_track.js';
import { TrackFileError } from './track_file_error.js';

/** The file names a track may have: GPX, or an NMEA 0183 log. */
export const TRACK_FILE_EXTENSIONS = ['.gpx', '.nmea', '.txt', '.log'] as const;

/**
 * Read a unit's recorded track from the text of a GPX or NMEA 0183 file: `.gpx` is GPX,
 * `.nmea`/`.txt`/`.log` NMEA; another name is taken by its first character (`<` GPX, `$` NMEA).
 * @example parseTrackFile(text, 'kr-ship-1.nmea', { dateUtc: '2026-03-10' }).points[0].timeS
 */
export function parseTrackFile(text: string, fileName: string, options: NmeaOptions = {}): TrackReading {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.gpx')) return parseGpxTrack(text, fileName);
  if (lower.endsWith('.nmea') || lower.endsWith('.txt') || lower.endsWith('.log')) return parseNmeaTrack(text, fileName, options);
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '<') return parseGpxTrack(text, fileName);
  if (first === '$') return parseNmeaTrack(text, fileName, options);
  throw new TrackFileError(fileName, null, `neither GPX nor NMEA 0183: name it ${TRACK_FILE_EXTENSIONS.join(', ')}`);
}
