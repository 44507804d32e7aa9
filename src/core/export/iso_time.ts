/** Times in exports: ISO 8601 in UTC (e.g. 2026-03-10T00:06:00Z), as GPX, KML and RTZ expect. */
import { InvalidInputError } from '../errors.js';

/**
 * Seconds since 1970-01-01T00:00:00Z as ISO 8601 UTC, to the millisecond; whole seconds are
 * written without a fraction.
 */
export function isoUtc(timeS: number, field = 'timeS'): string {
  const date = new Date(Math.round(timeS * 1000));
  if (!Number.isFinite(timeS) || Number.isNaN(date.getTime())) {
    throw new InvalidInputError(field, `${timeS} is not a time in seconds since 1970`);
  }
  return date.toISOString().replace('.000Z', 'Z');
}
