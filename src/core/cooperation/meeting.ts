/**
 * Meetings between the parties (the annual defence ministers' meeting): host, date or `not set`,
 * participants by role even when no name is known, agenda, and outcomes (expected or achieved).
 */
import type { ApproximateDate } from './approximate_date.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';
import { composeParts, LIST_WORDS_EN, record, words, wordsFrom, type WordPart } from './words.js';

/** A participant, by role; the name only when a source gives it. */
export interface Participant {
  readonly party: PartyId;
  readonly role: string;
  readonly name?: string;
}

/** Whether a meeting's outcome was expected beforehand, achieved, or not achieved. */
export type MeetingOutcomeState = 'expected' | 'achieved' | 'not-achieved';

/** An outcome of a meeting: expected beforehand, or achieved. */
export interface MeetingOutcome {
  readonly text: string;
  readonly state: MeetingOutcomeState;
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

/** sarbridge's words about a meeting's people and outcomes: a participant whose name is not known, an outcome's state. */
export type MeetingWordKey = 'participant' | 'participant.nameNotKnown' | `outcome.${MeetingOutcomeState}`;

/** The English words about a meeting's people and outcomes. */
export const MEETING_WORDS_EN: Readonly<Record<MeetingWordKey, string>> = {
  'participant': '{role} {name} ({party})',
  'participant.nameNotKnown': '{role}, name not known ({party})',
  'outcome.expected': '{text} (expected)',
  'outcome.achieved': '{text} (achieved)',
  'outcome.not-achieved': '{text} (not achieved)',
};

/** A participant as a part: role, name and party as given. */
export function participantPart(p: Participant): WordPart<MeetingWordKey> {
  return p.name
    ? words('participant', { role: record(p.role), name: record(p.name), party: record(p.party) })
    : words('participant.nameNotKnown', { role: record(p.role), party: record(p.party) });
}

/** An outcome as a part, its text (already named for the reader) with its state. */
export function outcomePart(text: string, state: MeetingOutcomeState): WordPart<MeetingWordKey> {
  const key: MeetingWordKey = `outcome.${state}`;
  return words(key, { text: record(text) });
}

const englishMeetings = wordsFrom({ ...MEETING_WORDS_EN, ...LIST_WORDS_EN });

/** A participant in one line: `Defense Minister Shigeru Ishiba (JP)` or `Defense Minister, name not known (KR)`. */
export function describeParticipant(p: Participant): string {
  return composeParts([participantPart(p)], englishMeetings);
}
