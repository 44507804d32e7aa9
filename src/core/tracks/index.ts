/** Recorded tracks: GPX 1.1 tracks and NMEA 0183 logs (GGA, RMC, GLL) as timed positions. */
export { parseTrackFile, TRACK_FILE_EXTENSIONS } from './track_file.js';
export { parseGpxTrack } from './gpx_track.js';
export { parseNmeaTrack, type NmeaOptions } from './nmea_track.js';
export { TRACK_LIMITS, type TimedPosition, type TrackReading } from './timed_track.js';
export { TrackFileError } from './track_file_error.js';
export { thinByTime, trackSegments } from './thin_track.js';
