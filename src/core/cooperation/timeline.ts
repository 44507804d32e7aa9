/**
 * The agreement's story in date order: its status history, the meetings and the incidents at sea,
 * each entry with its date as the source gives it, its text named for the reader, and its sources.
 * Entries whose date anchors nothing (`not set`, a bare phrase) keep their place after the entry
 * before them in their own list; equal dates keep the order status, incident, meeting, exercise.
 */
import { agreementStatusLabel, type AgreementStatus } from './agreement.js';
import { approximateDateSortKey, formatApproximateDate, type ApproximateDate } from './approximate_date.js';
import type { CooperationConfig } from './cooperation_config.js';
import { describeParticipant } from './meeting.js';
import type { ProgrammeItemState } from './programme.js';
import { nameForReader, partyName } from './place_names.js';
import type { Reader } from './reader.js';
import type { RecordHistory } from './record_history.js';
import { describeSource } from './source.js';

/** The kinds of timeline entry, in their order when dates are equal. */
export type TimelineEntryKind = 'agreement-status' | 'incident' | 'meeting' | 'exercise' | 'exchange';
/** Every kind, in that order. */
export const TIMELINE_ENTRY_KINDS: readonly TimelineEntryKind[] = ['agreement-status', 'incident', 'meeting', 'exercise', 'exchange'];

/** One entry of the timeline, worded for a reader. */
export interface TimelineEntry {
  readonly kind: TimelineEntryKind;
  readonly date: ApproximateDate;
  /** The date as shown: `2005`, `within the year (as stated on 2008-04-28)`, `not set`. */
  readonly dateText: string;
  /** Short heading, e.g. `proposed`, `incident`, `meeting`. */
  readonly label: string;
  /** What the heading says, for a page that words it in its reader's language: an `agreement-status` entry's status. */
  readonly status?: AgreementStatus;
  /** Likewise an `exercise` entry's state. */
  readonly exerciseState?: ProgrammeItemState;
  readonly text: string;
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

/** Source ids to one-line descriptions (unknown ids are shown as they are). */
export function describeSources(config: CooperationConfig, ids: readonly string[]): string[] {
  return ids.map((id) => { const s = config.sources.find((x) => x.id === id); return s ? describeSource(s) : id; });
}

/** The whole timeline for a reader. */
export function buildTimeline(config: CooperationConfig, reader: Reader): TimelineEntry[] {
  const named = (text: string) => nameForReader(text, config, reader);
  const keyed: { key: string; order: number; seq: number; entry: TimelineEntry }[] = [];
  const push = (key: string, entry: TimelineEntry) => keyed.push({ key, order: TIMELINE_ENTRY_KINDS.indexOf(entry.kind), seq: keyed.length, entry });

  const history = config.agreement.statusHistory;
  const historyKeys = inheritedKeys(history.map((h) => h.date));
  history.forEach((h, k) => {
    const actor = h.actor ? `${partyName(config, h.actor)}: ` : '';
    push(historyKeys[k], {
      kind: 'agreement-status', date: h.date, dateText: formatApproximateDate(h.date), label: agreementStatusLabel(h.status), status: h.status,
      text: `${actor}${named(h.summary)}${h.reason ? ` Reason: ${named(h.reason)}` : ''}`,
      sources: describeSources(config, h.sources), record: config.agreement.record,
    });
  });
  for (const i of config.incidents) {
    push(approximateDateSortKey(i.date) ?? '\uffff', {
      kind: 'incident', date: i.date, dateText: formatApproximateDate(i.date), label: 'incident',
      text: `${named(i.title)}: ${named(i.what)} Outcome: ${named(i.outcome)}`,
      sources: describeSources(config, i.sources), record: i.record,
    });
  }
  for (const m of config.meetings) {
    const when = m.date.kind === 'not-set' && m.expected ? `date not set; expected ${formatApproximateDate(m.expected)}` : formatApproximateDate(m.date);
    const outcomes = m.outcomes.map((o) => `${o.text} (${o.state.replace('-', ' ')})`).join('; ');
    push(approximateDateSortKey(m.date) ?? (m.expected ? approximateDateSortKey(m.expected) : undefined) ?? '\uffff', {
      kind: 'meeting', date: m.date, dateText: when, label: 'meeting',
      text: `${named(m.title)}, hosted by ${partyName(config, m.host)}. Participants: ${m.participants.map(describeParticipant).join('; ')}.` +
        (m.agenda.length ? ` Agenda: ${m.agenda.map(named).join('; ')}.` : '') + (outcomes ? ` Outcomes: ${named(outcomes)}.` : ''),
      sources: describeSources(config, m.sources), record: m.record,
    });
  }
  for (const p of config.programmes) {
    for (const e of p.exercises) {
      push(approximateDateSortKey(e.date) ?? `${p.year}-12-31`, {
        kind: 'exercise', date: e.date, dateText: formatApproximateDate(e.date), label: `exercise (${e.state})`, exerciseState: e.state,
        text: `${named(e.name)}, hosted by ${partyName(config, e.host)}, area ${named(e.area)}.${e.result ? ` ${named(e.result)}` : ''}`,
        sources: [], record: e.record,
      });
    }
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order || a.seq - b.seq));
  return keyed.map((k) => k.entry);
}
