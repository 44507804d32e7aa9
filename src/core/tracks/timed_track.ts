import { TrackFileError } from './track_file_error.js';

/** A position at a time: seconds since 1970-01-01T00:00Z, degrees east and north (WGS 84). */
export interface TimedPosition {
  readonly timeS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
}

/** A track read from a file: its positions in time order, where segments start, and what was left out. */
export interface TrackReading {
  readonly format: 'gpx' | 'nmea';
  /** In time order; a time never goes back (equal times are kept once). */
  readonly points: readonly TimedPosition[];
  /**
   * Index in `points` where each recorded segment starts (always `[0, …]`): a GPX `trkseg`, a
   * `trk`; between segments the recorder was off, so a consumer should not assume the unit
   * searched along the straight line from one segment's end to the next one's start.
   */
  readonly segmentStarts: readonly number[];
  /** What was read but not used, or read by an assumption, in sentences (counts, first lines). */
  readonly warnings: readonly string[];
}

/** The bounds on a track file, so a huge file is refused before it takes the page's memory. */
export const TRACK_LIMITS = {
  /** Characters of text (about 64 MB of ASCII: 24 h of 1 Hz NMEA with GGA+RMC is about 13 MB). */
  maxTextChars: 64 * 1024 * 1024,
  /** Timed positions kept (two days and more at one fix a second). */
  maxPoints: 200_000,
  /** Characters in one NMEA line (a sentence is at most 82; loggers may prefix a time stamp). */
  maxNmeaLineChars: 512,
} as const;

/** Refuse a text longer than `TRACK_LIMITS.maxTextChars`. */
export function checkTrackTextSize(text: string, fileName: string): void {
  if (text.length > TRACK_LIMITS.maxTextChars) {
    throw new TrackFileError(fileName, null, `${text.length} characters is more than the ${TRACK_LIMITS.maxTextChars} a track file may have; split it or thin it to fewer fixes`);
  }
}

/** A point being kept, with the line it came from (for errors). */
export interface LinedPosition extends TimedPosition { readonly line: number }

/** Refuse more than `TRACK_LIMITS.maxPoints` positions, naming the line where the limit was passed. */
export function checkPointCount(count: number, fileName: string, line: number): void {
  if (count > TRACK_LIMITS.maxPoints) {
    throw new TrackFileError(fileName, line, `more than ${TRACK_LIMITS.maxPoints} timed positions; thin the track (one fix every few seconds is plenty for a search track)`);
  }
}

/** An ISO 8601 UTC time for messages, to the second (and its fraction when it has one). */
export function isoSeconds(timeS: number): string {
  const iso = new Date(Math.round(timeS * 1000)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** Refuse a position whose time goes back from the previous one (same segment or stream). */
export function checkNotBack(previous: LinedPosition | undefined, point: LinedPosition, fileName: string): void {
  if (previous && point.timeS < previous.timeS) {
    throw new TrackFileError(fileName, point.line, `time ${isoSeconds(point.timeS)} goes back from ${isoSeconds(previous.timeS)} at line ${previous.line}; a track's times must not go back (two logs joined out of order?)`);
  }
}

/** Refuse a track with fewer than two usable positions, saying what was found instead. */
export function checkEnoughPoints(count: number, fileName: string, found: string): void {
  if (count < 2) {
    throw new TrackFileError(fileName, null, `${count === 0 ? 'no usable position' : 'only one usable position'}: a track needs at least two timed positions (${found})`);
  }
}
