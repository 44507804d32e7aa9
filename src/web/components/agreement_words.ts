/**
 * sarbridge's own words in the agreement's record, in the reader's language: a status's name and
 * a timeline entry's heading (the core words them in English for the CLI and the reports). The
 * keys follow the core's values (`agreement.statusName.<status>`, `agreement.kind.<kind>`), so a
 * new status or kind without words is a compile error here. The record's own texts (titles, rules,
 * what each entry says, its sources) are the agreement's words and are shown as written.
 */
import type { AgreementStatus, TimelineEntry, TimelineEntryKind } from '../../core/cooperation/index.js';
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
