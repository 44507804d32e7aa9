/**
 * The case log as a timeline: each event with its time in UTC and the reader's local time
 * labelled (KST/JST), who wrote it, what it says; events another party released as position only
 * say so; withheld ones are counted. Events written here and not yet acknowledged are listed with
 * their state, and a conflict (the case moved on meanwhile) asks the author what to do.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ViewedEvent } from '../api/types.js';
import type { MessageKey } from '../i18n/dictionary.js';
import { TEXT_MAX_CHARS } from '../../app/case_log/limits.js';
import { formatNumber, formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { useCase } from './case_view.js';
import { caseStatus, fixesOf } from './case_trust.js';
import { EntryFix } from './entry_fix.js';
import { clockModeText, INJECT_KIND_KEYS } from './exercise_play.js';
import { formatDegreesMinutes } from './position_fields.js';


export const TYPE_KEYS: Readonly<Record<string, MessageKey>> = {
  caseOpened: 'log.type.caseOpened', report: 'log.type.report', driftRun: 'log.type.driftRun', planIssued: 'log.type.planIssued',
  searchDone: 'log.type.searchDone', sighting: 'log.type.sighting', message: 'log.type.message',
  notificationAcknowledged: 'log.type.notificationAcknowledged', unitPosition: 'log.type.unitPosition', caseClosed: 'log.type.caseClosed',
  caseReopened: 'log.type.caseReopened', statusChangeAgreed: 'log.type.statusChangeAgreed', partyAdded: 'log.type.partyAdded',
  eventCorrected: 'log.type.eventCorrected', eventRetracted: 'log.type.eventRetracted',
  planningInputs: 'log.type.planningInputs', messageAcknowledged: 'log.type.messageAcknowledged',
  injectReleased: 'log.type.injectReleased', exerciseClock: 'log.type.exerciseClock', targetDetected: 'log.type.targetDetected', exerciseEnded: 'log.type.exerciseEnded',
};

/** One line of what an event says (its text, position, unit, plan, notification; an inject's kind, a clock's mode). */
function summary(e: ViewedEvent, t: ReturnType<typeof useApp>['t']): string {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (e.type === 'injectReleased' && typeof p.kind === 'string') parts.push(t(INJECT_KIND_KEYS[p.kind] ?? 'log.type.injectReleased'));
  if (e.type === 'exerciseClock' && typeof p.mode === 'string') parts.push(`${clockModeText(t, p as { mode: string; rate: number })} · ${String(p.exerciseTime)}`);
  if (typeof p.title === 'string') parts.push(p.title);
  if (e.type === 'statusChangeAgreed') parts.push(t(p.to === 'open' ? 'status.agreeReopen' : 'status.agreeClose'));
  if (typeof p.eventVersion === 'number') parts.push(t('fix.ofEvent', { version: p.eventVersion }));
  if (typeof p.party === 'string') parts.push(p.party);
  if (typeof p.reason === 'string') parts.push(p.reason);
  if (typeof p.text === 'string') parts.push(p.text.split('\n')[0]);
  if (typeof p.unitId === 'string') parts.push(p.unitId);
  if (typeof p.planId === 'string') parts.push(p.planId);
  if (typeof p.notificationId === 'string') parts.push(p.notificationId);
  if (typeof p.messageVersion === 'number') parts.push(`#${p.messageVersion}`);
  if (typeof p.note === 'string') parts.push(p.note);
  const pos = p.position as { lonDeg: number; latDeg: number } | undefined;
  if (pos) parts.push(formatDegreesMinutes(pos.latDeg, pos.lonDeg));
  if (typeof p.time === 'string') parts.push(`@ ${p.time}`);
  if (typeof p.objectClass === 'string') parts.push(p.objectClass);
  const inputs = p.inputs as { scenarios?: unknown[]; units?: unknown[] } | undefined;
  if (inputs) parts.push(t('log.inputs', { scenarios: inputs.scenarios?.length ?? 0, units: inputs.units?.length ?? 0 }));
  return parts.join(' · ');
}

export function LogPanel() {
  const { t, user, language, showError } = useApp();
  const c = useCase();
  const [message, setMessage] = useState('');
  const [tooLong, setTooLong] = useState<number | null>(null);
  const withheld = c.snapshot.events.filter((e) => e.withheld).length;
  const fixes = useMemo(() => fixesOf(c.snapshot.events), [c.snapshot.events]);
  const closed = caseStatus(c.snapshot.events).status === 'closed';
  // a message of another party addressed to mine (its `to`, or none: every other party) that my party has not acknowledged
  const acknowledged = new Set(c.snapshot.events.filter((e) => e.type === 'messageAcknowledged' && e.party === user.party).map((e) => Number(e.payload?.messageVersion)));
  const toAcknowledge = (e: ViewedEvent) => e.type === 'message' && !e.redacted && e.party !== user.party && (e.payload?.to === undefined || e.payload.to === user.party) && !acknowledged.has(e.version) && !fixes.get(e.version)?.retracted;
  const acknowledge = async (version: number) => {
    try { await c.append({ type: 'messageAcknowledged', payload: { messageVersion: version } }); } catch (error) { const w = errorWords(t, error); showError(w.message, w.code); }
  };
  const send = async (e: Event) => {
    e.preventDefault();
    if (!message.trim()) return;
    // said here and kept in the form: sent, it would be refused by the server (or, written offline, when the link returns)
    if (message.trim().length > TEXT_MAX_CHARS) { setTooLong(message.trim().length); return; }
    setTooLong(null);
    try { await c.append({ type: 'message', payload: { text: message.trim() } }); setMessage(''); } catch (error) { const w = errorWords(t, error); showError(w.message, w.code); }
  };
  return (
    <div class="log-panel">
      <h2>{t('log.title')}</h2>
      {c.snapshot.outbox.map((q) => (
        <div key={q.localId} class={q.state === 'conflict' ? 'conflict' : 'queued'} data-testid={q.state === 'conflict' ? TID.conflict : undefined}>
          {q.state === 'conflict' ? (
            <>
              <strong>{t('conflict.title')}</strong>
              <p>{t('conflict.explain', { mine: q.basedOnVersion, current: q.currentVersion ?? c.snapshot.version })}</p>
              <p class="hint">{t(TYPE_KEYS[q.event.type] ?? 'log.type.other')}: {summary({ caseId: q.caseId, version: 0, payload: q.event.payload as Record<string, unknown> }, t)}</p>
              <button type="button" onClick={() => void c.session.resend(q.localId)}>{t('conflict.resend')}</button>
              <button type="button" onClick={() => void c.session.drop(q.localId)}>{t('conflict.drop')}</button>
            </>
          ) : <span>{t(TYPE_KEYS[q.event.type] ?? 'log.type.other')} — {t('log.queued')}</span>}
        </div>
      ))}
      {withheld > 0 && <p class="hint">{t('log.withheld', { count: withheld })}</p>}
      {c.snapshot.events.length === 0 ? <p>{t('log.empty')}</p> : (
        <ol class="timeline" data-testid={TID.timeline} reversed>
          {[...c.snapshot.events].reverse().filter((e) => !e.withheld).map((e) => (
            <li key={e.version} data-testid={TID.timelineEntry} data-type={e.type} data-version={e.version}
              data-fixed={fixes.get(e.version)?.retracted ? 'retracted' : fixes.get(e.version)?.replacement ? 'corrected' : undefined}>
              <span class="when">{e.recordedAt ? formatUtcWithLocal(Date.parse(e.recordedAt), user.party, language) : ''}</span>{' '}
              <strong>{t(TYPE_KEYS[e.type ?? ''] ?? 'log.type.other')}</strong>{' '}
              <span class="who">{e.author ? t('log.by', { author: e.author, party: e.party ?? '' }) : e.redacted ? t('log.redacted', { party: e.party ?? '' }) : e.party}</span>
              <div class="what">{summary(fixes.get(e.version)?.replacement ? { ...e, payload: fixes.get(e.version)!.replacement } : e, t)}</div>
              <EntryFix event={e} fixes={fixes} closed={closed} describe={(payload) => summary({ ...e, payload }, t)} />
              {toAcknowledge(e) && <button type="button" data-testid={TID.acknowledgeMessage} onClick={() => void acknowledge(e.version)}>{t('log.acknowledge')}</button>}
            </li>
          ))}
        </ol>
      )}
      <form class="message" onSubmit={(e) => void send(e)}>
        <label>{t('log.message')} <textarea rows={2} value={message} onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} /></label>
        <button type="submit">{t('log.send')}</button>
        {tooLong !== null && <p class="problem" role="alert">{t('log.messageTooLong', { max: formatNumber(TEXT_MAX_CHARS, language), count: formatNumber(tooLong, language) })}</p>}
      </form>
    </div>
  );
}
