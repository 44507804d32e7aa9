/**
 * A unit's recorded track uploaded in the browser (GPX 1.1, or an NMEA 0183 log named .nmea,
 * .txt or .log), read by core/tracks: the errors name the file and the line, and what was left
 * out (void fixes, waypoints, other sentences) is said in one line under the upload.
 */
import { parseTrackFile, thinByTime, trackSegments, TRACK_FILE_EXTENSIONS, type TimedPosition, type TrackReading } from '../../core/tracks/index.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';

/** The most points a stored `searchDone` track holds (its `maxItems` in app/case_log/events.ts). */
const STORED_TRACK_MAX_POINTS = 5000;

/** The file picker's `accept`: the names core/tracks reads, and the GPX media type. */
export const TRACK_UPLOAD_ACCEPT = [...TRACK_FILE_EXTENSIONS, 'application/gpx+xml'].join(',');

/** A track read from an uploaded file. */
export interface UploadedTrack {
  readonly name: string;
  readonly points: readonly TimedPosition[];
  readonly reading: TrackReading;
}

/** Read an uploaded file; `dateUtc` (YYYY-MM-DD) dates an NMEA log whose GGA/GLL have no RMC. Throws TrackFileError. */
export async function readTrackUpload(file: File, dateUtc?: string): Promise<UploadedTrack> {
  const reading = parseTrackFile(await file.text(), file.name, dateUtc ? { dateUtc } : {});
  return { name: file.name, points: reading.points, reading };
}

/**
 * One line on what was read, in the reader's language (`t`): the count, the span in UTC, the
 * segments; then the reader's warnings (core/tracks' words).
 */
export function describeUpload(track: UploadedTrack, t: (key: MessageKey, values?: MessageValues) => string): string {
  const iso = (s: number): string => new Date(Math.round(s) * 1000).toISOString().slice(0, 16).replace('T', ' ');
  const r = track.reading;
  const parts = [t('track.read', { file: track.name, points: r.points.length, format: r.format.toUpperCase(), from: iso(r.points[0].timeS), to: iso(r.points[r.points.length - 1].timeS) })];
  if (r.segmentStarts.length > 1) parts.push(t('track.segments', { count: r.segmentStarts.length }));
  return [...parts, ...r.warnings].join('; ');
}

/**
 * The tracks to store for an upload: one per recorded segment (the recorder was off between
 * them, so no straight line is assumed across the gap), each thinned evenly in time to what a
 * stored search holds.
 */
export function tracksToStore(track: UploadedTrack): TimedPosition[][] {
  return trackSegments(track.reading).map((seg) => thinByTime(seg, STORED_TRACK_MAX_POINTS));
}
