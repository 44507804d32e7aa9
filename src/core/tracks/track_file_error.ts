import { DataFileError } from '../errors.js';

/**
 * A track file (GPX or NMEA 0183) that cannot be read: names the file, the line where known, and
 * what was wrong (`track.nmea: line 17: RMC latitude '37xx.5' is not ddmm.mmm`).
 */
export class TrackFileError extends DataFileError {
  override readonly code = 'SARB_TRACK_FILE';
  constructor(file: string, readonly line: number | null, problem: string) {
    super(file, line === null ? problem : `line ${line}: ${problem}`);
  }
}
