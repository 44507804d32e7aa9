/**
 * Meetings between the parties (the annual defence ministers' meeting): host, date or `not set`,
 * participants by role even when no name is known, agenda, and outcomes (expected or achieved).
 */
import type { ApproximateDate } from './approximate_date.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';

/** A participant, by role; the name only when a source gives it. */
export interface Participant {
  readonly party: PartyId;
  readonly role: string;
  readonly name?: string;
}

/** An outcome of a meeting: expected beforehand, or achieved. */
export interface MeetingOutcome {
  readonly text: string;
  readonly state: 'expected' | 'achieved' | 'not-achieved';
  readonly sources: readonly string[];
}

/** A meeting. */
export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly host: PartyId;
  /** The meeting's date, `not set` until fixed. */
  readonly date: ApproximateDate;
  /** When the meeting is expected while its date is not set (e.g. `within the year`). */
  readonly expected?: ApproximateDate;
  readonly participants: readonly Participant[];
  readonly agenda: readonly string[];
  readonly outcomes: readonly MeetingOutcome[];
  readonly sources: readonly string[];
  readonly record: RecordHistory;
}

/** A participant in one line: `Defense Minister Shigeru Ishiba (JP)` or `Defense Minister, name not known (KR)`. */
export function describeParticipant(p: Participant): string {
  return `${p.role}${p.name ? ` ${p.name}` : ', name not known'} (${p.party})`;
}
