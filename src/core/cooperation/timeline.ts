/**
 * The agreement's story in date order: its status history, the meetings and the incidents at sea,
 * each entry with its date as the source gives it, its text named for the reader, and its sources.
 * Entries whose date anchors nothing (`not set`, a bare phrase) keep their place after the entry
 * before them in their own list; equal dates keep the order status, incident, meeting, exercise.
 * Date, text and sources are kept as parts (words.ts): the record's texts, and sarbridge's words
 * joining them, which `dateText`, `text` and `sources` give in English and a page in its reader's.
 */
import { agreementStatusLabel, type AgreementStatus } from './agreement.js';
import { approximateDatePart, approximateDateSortKey, DATE_WORDS_EN, type ApproximateDate, type DateWordKey } from './approximate_date.js';
import type { CooperationConfig } from './cooperation_config.js';
import { MEETING_WORDS_EN, outcomePart, participantPart, type MeetingWordKey } from './meeting.js';
import type { ProgrammeItemState } from './programme.js';
import { nameForReader, partyName } from './place_names.js';
import type { Reader } from './reader.js';
import type { RecordHistory } from './record_history.js';
import { SOURCE_WORDS_EN, sourceParts, type SourceWordKey } from './source.js';
import { composeParts, LIST_WORDS_EN, record, words, wordsFrom, type WordPart } from './words.js';

/** The kinds of timeline entry, in their order when dates are equal. */
export type TimelineEntryKind = 'agreement-status' | 'incident' | 'meeting' | 'exercise' | 'exchange';
/** Every kind, in that order. */
export const TIMELINE_ENTRY_KINDS: readonly TimelineEntryKind[] = ['agreement-status', 'incident', 'meeting', 'exercise', 'exchange'];

/** sarbridge's words in the timeline's entries: those it joins texts with, and those of the dates, sources and meetings within. */
export type TimelineWordKey =
  | 'status.actor' | 'status.reason' | 'incident' | 'meeting' | 'meeting.agenda' | 'meeting.outcomes' | 'exercise' | 'exercise.result'
  | 'date.notSetExpected' | DateWordKey | SourceWordKey | MeetingWordKey;

/** A part of an entry: the record's words as written (named for the reader), or sarbridge's words around them. */
export type TimelinePart = WordPart<TimelineWordKey>;

/** The English words of the timeline (the CLI, the server and the reports read its entries in English). */
export const TIMELINE_WORDS_EN: Readonly<Record<TimelineWordKey | 'list', string>> = {
  'status.actor': '{party}: ',
  'status.reason': ' Reason: {reason}',
  'incident': '{title}: {what} Outcome: {outcome}',
  'meeting': '{title}, hosted by {host}. Participants: {participants}.',
  'meeting.agenda': ' Agenda: {agenda}.',
  'meeting.outcomes': ' Outcomes: {outcomes}.',
  'exercise': '{name}, hosted by {host}, area {area}.',
  'exercise.result': ' {result}',
  'date.notSetExpected': 'date not set; expected {expected}',
  ...DATE_WORDS_EN,
  ...SOURCE_WORDS_EN,
  ...MEETING_WORDS_EN,
  ...LIST_WORDS_EN,
};

/** The timeline's English wording. */
const englishTimelineWords = wordsFrom(TIMELINE_WORDS_EN);

/** One entry of the timeline, worded for a reader. */
export interface TimelineEntry {
  readonly kind: TimelineEntryKind;
  readonly date: ApproximateDate;
  /** The date as parts (the meeting's expected date when its own is not set); `dateText` is them in English. */
  readonly dateParts: readonly TimelinePart[];
  /** The date as shown: `2005`, `within the year (as stated on 2008-04-28)`, `not set`. */
  readonly dateText: string;
  /** Short heading, e.g. `proposed`, `incident`, `meeting`. */
  readonly label: string;
  /** What the heading says, for a page that words it in its reader's language: an `agreement-status` entry's status. */
  readonly status?: AgreementStatus;
  /** Likewise an `exercise` entry's state. */
  readonly exerciseState?: ProgrammeItemState;
  /** What the entry says, as parts; `text` is them in English. */
  readonly parts: readonly TimelinePart[];
  readonly text: string;
  /** Each source as parts; `sources` is them in English. */
  readonly sourceParts: readonly (readonly TimelinePart[])[];
  /** Sources, each in one line. */
  readonly sources: readonly string[];
  /** The record the entry belongs to (its created/modified times and revisions). */
  readonly record: RecordHistory;
}

/** Sort keys for a list whose unanchored entries follow the entry before them. */
function inheritedKeys(dates: readonly ApproximateDate[]): string[] {
  let last = '';
  return dates.map((d) => (last = approximateDateSortKey(d) ?? last));
}

/** Source ids to their lines as parts (an unknown id is shown as it is). */
function sourcesAsParts(config: CooperationConfig, ids: readonly string[]): TimelinePart[][] {
  return ids.map((id) => { const s = config.sources.find((x) => x.id === id); return s ? sourceParts(s) : [record(id)]; });
}

/** Source ids to one-line descriptions (unknown ids are shown as they are). */
export function describeSources(config: CooperationConfig, ids: readonly string[]): string[] {
  return sourcesAsParts(config, ids).map((parts) => composeParts(parts, englishTimelineWords));
}

/** An entry's parts, and its texts in English from them. */
type EntryParts = Omit<TimelineEntry, 'dateText' | 'text' | 'sources'>;

function inEnglish(entry: EntryParts): TimelineEntry {
  return {
    ...entry,
    dateText: composeParts(entry.dateParts, englishTimelineWords),
    text: composeParts(entry.parts, englishTimelineWords),
    sources: entry.sourceParts.map((parts) => composeParts(parts, englishTimelineWords)),
  };
}

/** The whole timeline for a reader. */
export function buildTimeline(config: CooperationConfig, reader: Reader): TimelineEntry[] {
  const named = (text: string) => record(nameForReader(text, config, reader));
  const party = (id: string) => record(partyName(config, id));
  const keyed: { key: string; order: number; seq: number; entry: TimelineEntry }[] = [];
  const push = (key: string, entry: EntryParts) => keyed.push({ key, order: TIMELINE_ENTRY_KINDS.indexOf(entry.kind), seq: keyed.length, entry: inEnglish(entry) });

  const history = config.agreement.statusHistory;
  const historyKeys = inheritedKeys(history.map((h) => h.date));
  history.forEach((h, k) => {
    push(historyKeys[k], {
      kind: 'agreement-status', date: h.date, dateParts: [approximateDatePart(h.date)], label: agreementStatusLabel(h.status), status: h.status,
      parts: [
        ...(h.actor ? [words('status.actor', { party: party(h.actor) })] : []),
        named(h.summary),
        ...(h.reason ? [words('status.reason', { reason: named(h.reason) })] : []),
      ],
      sourceParts: sourcesAsParts(config, h.sources), record: config.agreement.record,
    });
  });
  for (const i of config.incidents) {
    push(approximateDateSortKey(i.date) ?? '\uffff', {
      kind: 'incident', date: i.date, dateParts: [approximateDatePart(i.date)], label: 'incident',
      parts: [words('incident', { title: named(i.title), what: named(i.what), outcome: named(i.outcome) })],
      sourceParts: sourcesAsParts(config, i.sources), record: i.record,
    });
  }
  for (const m of config.meetings) {
    const when = m.date.kind === 'not-set' && m.expected ? words('date.notSetExpected', { expected: approximateDatePart(m.expected) }) : approximateDatePart(m.date);
    push(approximateDateSortKey(m.date) ?? (m.expected ? approximateDateSortKey(m.expected) : undefined) ?? '\uffff', {
      kind: 'meeting', date: m.date, dateParts: [when], label: 'meeting',
      parts: [
        words('meeting', { title: named(m.title), host: party(m.host), participants: m.participants.map(participantPart) }),
        ...(m.agenda.length ? [words('meeting.agenda', { agenda: m.agenda.map(named) })] : []),
        ...(m.outcomes.length ? [words('meeting.outcomes', { outcomes: m.outcomes.map((o) => outcomePart(nameForReader(o.text, config, reader), o.state)) })] : []),
      ],
      sourceParts: sourcesAsParts(config, m.sources), record: m.record,
    });
  }
  for (const p of config.programmes) {
    for (const e of p.exercises) {
      push(approximateDateSortKey(e.date) ?? `${p.year}-12-31`, {
        kind: 'exercise', date: e.date, dateParts: [approximateDatePart(e.date)], label: `exercise (${e.state})`, exerciseState: e.state,
        parts: [
          words('exercise', { name: named(e.name), host: party(e.host), area: named(e.area) }),
          ...(e.result ? [words('exercise.result', { result: named(e.result) })] : []),
        ],
        sourceParts: [], record: e.record,
      });
    }
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order || a.seq - b.seq));
  return keyed.map((k) => k.entry);
}
