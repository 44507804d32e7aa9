/**
 * The revision history every cooperation record keeps: when it was created and modified, by whom
 * and why, shown in each party's time zone and in UTC. Times are seconds since
 * 1970-01-01T00:00Z; zones are IANA names resolved by `Intl.DateTimeFormat` (its zone data).
 */
import { InvalidInputError } from '../errors.js';

/** One change to a record. */
export interface Revision {
  /** When the change was made, seconds since 1970-01-01T00:00Z. */
  readonly timeS: number;
  readonly by: string;
  readonly summary: string;
}

/** A record's revisions, oldest first; the first is its creation. */
export interface RecordHistory {
  readonly revisions: readonly Revision[];
}

/** Check that a history has at least one revision and is in time order; `field` names it in errors. */
export function checkRecordHistory(history: RecordHistory, field: string): RecordHistory {
  if (history.revisions.length === 0) throw new InvalidInputError(field, 'needs at least one revision (its creation)');
  for (let k = 1; k < history.revisions.length; k++) {
    if (history.revisions[k].timeS < history.revisions[k - 1].timeS) {
      throw new InvalidInputError(`${field}/${k}/time`, 'revisions must be in time order (this one is earlier than the one before)');
    }
  }
  return history;
}

/** When the record was created (its first revision), seconds since epoch. */
export function createdS(history: RecordHistory): number {
  return history.revisions[0].timeS;
}

/** When the record was last modified (its last revision), seconds since epoch. */
export function modifiedS(history: RecordHistory): number {
  return history.revisions[history.revisions.length - 1].timeS;
}

/** A new history with one more revision (refuses a revision earlier than the last). */
export function addRevision(history: RecordHistory, revision: Revision): RecordHistory {
  if (history.revisions.length > 0 && revision.timeS < modifiedS(history)) {
    throw new InvalidInputError('revision/time', 'is earlier than the record\'s last modification');
  }
  return { revisions: [...history.revisions, revision] };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A time in an IANA zone, to the minute, with the zone's offset:
 * `2008-04-28 12:52 Asia/Seoul (UTC+09:00)`; zone `UTC` gives `2008-04-28 03:52 UTC`.
 */
export function formatTimeInZone(timeS: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
        hourCycle: 'h23', timeZoneName: 'longOffset',
      });
    } catch {
      throw new InvalidInputError('timeZone', `'${timeZone}' is not a known IANA time zone (e.g. Asia/Seoul)`);
    }
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(timeS * 1000)).map((p) => [p.type, p.value]));
  const stamp = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  if (timeZone === 'UTC') return `${stamp} UTC`;
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${stamp} ${timeZone} (UTC${offset})`;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Created and modified times of a record in each of the given zones (UTC is always added last). */
export function describeRecordTimes(history: RecordHistory, timeZones: readonly string[]): string[] {
  const zones = [...new Set([...timeZones.filter((z) => z !== 'UTC'), 'UTC'])];
  return [
    `created ${zones.map((z) => formatTimeInZone(createdS(history), z)).join(' = ')}`,
    `modified ${zones.map((z) => formatTimeInZone(modifiedS(history), z)).join(' = ')}`,
  ];
}

/** Every revision of a record, one line each, times in the given zone. */
export function describeRevisions(history: RecordHistory, timeZone: string): string[] {
  return history.revisions.map((r, k) => `${k === 0 ? 'created' : 'revised'} ${formatTimeInZone(r.timeS, timeZone)} by ${r.by}: ${r.summary}`);
}
