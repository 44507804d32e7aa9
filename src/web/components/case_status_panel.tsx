/**
 * The case's status above its panels: open or closed (the last change with who, when and why),
 * the agreements to close or reopen so far, and the actions the rule allows this reader
 * (app/case_log/case_status.ts): Close / Reopen (enabled only for whoever may; otherwise a sentence
 * saying who must do it or who must agree first), Agree to close / reopen, each with a reason; and
 * Add a party (a real case's SMC, from the agreement's parties not yet in the case). Every write
 * goes through the outbox with its version check; a refusal is shown in the server's words.
 */
import { useMemo, useState } from 'preact/hooks';
import type { NewEvent } from '../api/types.js';
import { formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { addableParties, caseStatus, coordinatorOf, statusRight, type CaseStatusView, type CoordinatorView, type StatusRight } from './case_trust.js';
import { useCase } from './case_view.js';

type Words = ReturnType<typeof useApp>['t'];
type Action = 'change' | 'agree' | 'addParty';

/** Why this reader may not close or reopen alone, in a sentence. */
export function whyNot(t: Words, right: StatusRight, coordinator: CoordinatorView): string | null {
  if (right.kind === 'not-smc') return t('status.notSmc');
  if (right.kind !== 'needs') return null;
  const missing = right.missing.join(', ');
  if (coordinator.ok) return t('status.needs.coordinator', { rcc: coordinator.rccId, party: coordinator.party, rule: coordinator.ruleId, plan: coordinator.planId, missing });
  switch (coordinator.why) {
    case 'no-agreement': return t('status.needs.noAgreement', { missing });
    case 'every-party': return t('status.needs.everyParty', { rule: coordinator.ruleId ?? '', missing });
    case 'no-srr': return t('status.needs.noSrr', { plan: coordinator.planId ?? '', missing });
    default: return t('status.needs.noPlan', { missing });
  }
}

export function CaseStatusPanel() {
  const { t, user, language, agreement, showError } = useApp();
  const c = useCase();
  const events = c.snapshot.events;
  const s: CaseStatusView = useMemo(() => caseStatus(events), [events]);
  const coordinator = useMemo(() => coordinatorOf(events, agreement, Date.now() / 1000), [events, agreement]);
  const right = statusRight(s, coordinator, user);
  const addable = addableParties(s, agreement, user);
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [party, setParty] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** What became of this reader's last write, shown until the log moves on. */
  const [note, setNote] = useState<{ text: string; version: number } | null>(null);
  const closing = s.to === 'closed';
  const mayChange = right.kind === 'alone' || right.kind === 'agreed';
  const why = whyNot(t, right, coordinator);

  const start = (a: Action) => { setAction(a); setReason(''); setProblem(null); setNote(null); setParty(addable[0] ?? ''); };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) { setProblem(t('status.needReason')); return; }
    const event: NewEvent = action === 'addParty' ? { type: 'partyAdded', payload: { party, reason: reason.trim() } }
      : action === 'agree' ? { type: 'statusChangeAgreed', payload: { to: s.to, reason: reason.trim() } }
      : closing ? { type: 'caseClosed', payload: { reason: reason.trim() } } : { type: 'caseReopened', payload: { reason: reason.trim() } };
    setProblem(null);
    try {
      const outcome = await c.append(event);
      setNote(outcome.sent ? { text: t('trust.saved', { version: outcome.version }), version: outcome.version } : { text: t('trust.queued'), version: c.snapshot.version });
      setAction(null);
    } catch (error) {
      const w = errorWords(t, error);
      setProblem(w.message);
      showError(w.message, w.code);
    }
  };

  const last = s.lastChange;
  return (
    <section class={`case-status status-${s.status}`} data-testid={TID.caseStatus} data-status={s.status} data-agreed={s.agreed.join(',')}>
      <p class="status-line">
        <strong>{t(s.status === 'open' ? 'status.open' : 'status.closed')}</strong>
        {last && <> · {t(last.status === 'closed' ? 'status.closedBy' : 'status.reopenedBy', {
          who: last.author ? t('log.by', { author: last.author, party: last.party ?? '' }) : (last.party ?? ''),
          when: last.recordedAt ? formatUtcWithLocal(Date.parse(last.recordedAt), user.party, language) : '', reason: last.reason ?? '',
        })}</>}
      </p>
      {s.agreed.length > 0 && <p class="status-pending" data-testid={TID.statusPending}>{t(closing ? 'status.pendingClose' : 'status.pendingReopen', { parties: s.agreed.join(', ') })}</p>}
      {action === null && (
        <div class="status-actions">
          <button type="button" data-testid={TID.statusChange} disabled={!mayChange} onClick={() => start('change')}>{t(closing ? 'status.close' : 'status.reopen')}</button>
          {right.kind !== 'not-smc' && right.agree && (
            <button type="button" data-testid={TID.statusAgree} onClick={() => start('agree')}>{t(closing ? 'status.agreeClose' : 'status.agreeReopen')}</button>
          )}
          {addable.length > 0 && <button type="button" data-testid={TID.partyAdd} onClick={() => start('addParty')}>{t('party.add')}</button>}
        </div>
      )}
      {action === null && why && <p class="hint" data-testid={TID.statusWhyNot}>{why}</p>}
      {action === null && right.kind === 'agreed' && <p class="hint">{t(closing ? 'status.allAgreedClose' : 'status.allAgreedReopen')}</p>}
      {action !== null && (
        <form class="status-form" data-testid={TID.statusForm} onSubmit={(e) => void submit(e)}>
          {action === 'addParty' && (
            <label>{t('party.pick')}
              <select data-testid={TID.partyPick} value={party} onChange={(e) => setParty((e.target as HTMLSelectElement).value)}>
                {addable.map((p) => <option value={p} key={p}>{p}</option>)}
              </select>
            </label>
          )}
          <label>{t('status.reason')}
            <input data-testid={TID.statusReason} maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" data-testid={TID.statusSubmit}>
            {action === 'addParty' ? t('party.submit', { party }) : action === 'agree' ? t(closing ? 'status.agreeClose' : 'status.agreeReopen') : t(closing ? 'status.close' : 'status.reopen')}
          </button>
          <button type="button" onClick={() => setAction(null)}>{t('fix.cancel')}</button>
        </form>
      )}
      {problem && <p class="problem" role="alert" data-testid={TID.statusProblem}>{problem}</p>}
      {note && note.version === c.snapshot.version && <p class="ok" role="status">{note.text}</p>}
    </section>
  );
}
