/**
 * sarbridge's own words in the agreement's record, in the reader's language: a status's name, a
 * timeline entry's heading, and the words the core joins the record's texts with in an entry, its
 * date and its sources (`Reason:`, `hosted by`, `not set`, `as stated on`, `on the record`). The
 * core builds each as parts and words them in English for the CLI and the reports; the page words
 * the same parts with its dictionary. The keys follow the core's values (`agreement.statusName.<status>`,
 * `agreement.kind.<kind>`, `agreement.words.<key>`), so a new one without words is a compile error
 * here. The record's own texts (titles, rules, what each entry says, its sources' names and notes)
 * are the agreement's words and are shown as written.
 */
import {
  approximateDatePart, composeParts,
  type AgreementStatus, type ApproximateDate, type TimelineEntry, type TimelineEntryKind, type TimelinePart, type TimelineWordKey, type Wording,
} from '../../core/cooperation/index.js';
import type { MessageKey } from '../i18n/dictionary.js';
import type { Translate } from '../i18n/refusals.js';

/** A status's name (`under consultation`, `협의 중`, `協議中`). */
export function agreementStatusWords(t: Translate, status: AgreementStatus): string {
  const key: MessageKey = `agreement.statusName.${status}`;
  return t(key);
}

/** A timeline entry's heading: its status, its kind, or an exercise with its state. */
export function timelineLabel(t: Translate, entry: Pick<TimelineEntry, 'kind' | 'status' | 'exerciseState'>): string {
  if (entry.kind === 'agreement-status' && entry.status) return agreementStatusWords(t, entry.status);
  const kind: TimelineEntryKind = entry.kind;
  const kindKey: MessageKey = `agreement.kind.${kind}`;
  if (!entry.exerciseState) return t(kindKey);
  const stateKey: MessageKey = `prog.state.${entry.exerciseState}`;
  return t('agreement.kindWithState', { kind: t(kindKey), state: t(stateKey) });
}

/** sarbridge's words in the record's texts, in the reader's language (`agreement.words.<key>`). */
export function recordWording(t: Translate): Wording<TimelineWordKey> {
  return (key, values) => {
    const messageKey: MessageKey = `agreement.words.${key}`;
    return t(messageKey, values);
  };
}

/** Parts of the record in the reader's language: sarbridge's words translated, the record's texts as written. */
export function recordWords(t: Translate, parts: readonly TimelinePart[]): string {
  return composeParts(parts, recordWording(t));
}

/** A date in the reader's language: `not set` and `as stated on` translated, the day or phrase as the source gives it. */
export function dateWords(t: Translate, date: ApproximateDate): string {
  return recordWords(t, [approximateDatePart(date)]);
}

/** An entry's sources, each worded, in one list. */
export function sourcesWords(t: Translate, entry: Pick<TimelineEntry, 'sourceParts'>): string {
  return entry.sourceParts.map((parts) => recordWords(t, parts)).join(t('agreement.words.list'));
}

/** A history entry as the panel shows it: its date; its heading with what it says; its sources, when it has any. */
export function timelineEntryWords(t: Translate, entry: TimelineEntry): { date: string; text: string; sources?: string } {
  const date = recordWords(t, entry.dateParts);
  const text = t('agreement.entryText', { label: timelineLabel(t, entry), text: recordWords(t, entry.parts) });
  return entry.sourceParts.length > 0 ? { date, text, sources: t('agreement.entrySources', { sources: sourcesWords(t, entry) }) } : { date, text };
}
