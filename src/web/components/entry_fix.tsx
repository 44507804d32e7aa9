/**
 * Under one entry of the log: what became of it (corrected, with who, when and why and what was
 * first written; retracted, with the same) and, on the reader's own party's reports, sightings,
 * unit positions and messages, Correct (a form prefilled with what it says now, the position as
 * sailors write it) and Retract (with a reason). Both go through the outbox like every write.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ViewedEvent } from '../api/types.js';
import { formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { useCase } from './case_view.js';
import { currentPayload, fixFormFrom, mayFix, replacementFrom, type EventFix, type FixForm, type FixMark } from './case_trust.js';
import { PositionInput } from './position_input.js';
import { positionProblemText } from './position_fields.js';

type Words = ReturnType<typeof useApp>['t'];

/** "kr-smc (KR) at 10 Mar 2026 06:00 UTC (15:00 KST): why". */
function markWords(t: Words, m: FixMark, party: string, language: ReturnType<typeof useApp>['language']): { who: string; when: string; reason: string } {
  return {
    who: m.author ? t('log.by', { author: m.author, party: m.party ?? '' }) : (m.party ?? ''),
    when: m.recordedAt ? formatUtcWithLocal(Date.parse(m.recordedAt), party, language) : '',
    reason: m.reason ?? t('fix.noReason'),
  };
}

/** The marks of a corrected or retracted entry, and its Correct / Retract actions. */
export function EntryFix(props: { event: ViewedEvent; fixes: ReadonlyMap<number, EventFix>; closed: boolean; describe: (payload: Record<string, unknown>) => string }) {
  const { t, user, language } = useApp();
  const { event, fixes } = props;
  const fix = fixes.get(event.version);
  const [open, setOpen] = useState<'correct' | 'retract' | null>(null);
  const may = mayFix(event, user, fixes, props.closed);
  if (!fix && !may) return null;
  return (
    <div class="entry-fix">
      {fix?.corrections.length ? (
        <div class="fix-marks" data-testid={TID.fixCorrected}>
          {fix.corrections.map((m) => <p key={m.version} class="fix-mark">{t('fix.corrected', markWords(t, m, user.party, language))}</p>)}
          <p class="fix-original">{t('fix.original')} <s data-testid={TID.fixOriginal}>{props.describe(event.payload ?? {})}</s></p>
        </div>
      ) : null}
      {fix?.retracted && <p class="fix-mark retracted" data-testid={TID.fixRetracted}>{t('fix.retracted', markWords(t, fix.retracted, user.party, language))}</p>}
      {may && open === null && (
        <div class="fix-actions">
          <button type="button" data-testid={TID.fixCorrect} onClick={() => setOpen('correct')}>{t('fix.correct')}</button>
          <button type="button" data-testid={TID.fixRetract} onClick={() => setOpen('retract')}>{t('fix.retract')}</button>
        </div>
      )}
      {may && open === 'correct' && <CorrectForm event={event} current={currentPayload(event, fixes)} onDone={() => setOpen(null)} />}
      {may && open === 'retract' && <RetractForm event={event} onDone={() => setOpen(null)} />}
    </div>
  );
}

/** Send one correction or retraction through the outbox; the server's refusal in its words, here and in the banner. */
function useFixWriter(onDone: () => void) {
  const { t, showError } = useApp();
  const c = useCase();
  const [problem, setProblem] = useState<string | null>(null);
  const write = async (event: Parameters<typeof c.append>[0]) => {
    setProblem(null);
    try {
      await c.append(event);
      onDone();
    } catch (error) {
      const w = errorWords(t, error);
      setProblem(w.message);
      showError(w.message, w.code);
    }
  };
  return { problem, setProblem, write };
}

function CorrectForm(props: { event: ViewedEvent; current: Record<string, unknown>; onDone: () => void }) {
  const { t, language } = useApp();
  const c = useCase();
  const type = props.event.type!;
  const [form, setForm] = useState<FixForm>(() => fixFormFrom(props.current));
  const [reason, setReason] = useState('');
  const { problem, setProblem, write } = useFixWriter(props.onDone);
  const update = (patch: Partial<FixForm>) => setForm({ ...form, ...patch });
  useEffect(() => () => c.setPreview(null), []);   // the live marker goes with the form
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) { setProblem(t('fix.needReason')); return; }
    const built = replacementFrom(type, props.current, form);
    if ('problem' in built) {
      const detail = built.position ? positionProblemText(built.position, language) : built.detail;
      setProblem(`${t(`fix.problem.${built.problem}`)}${detail ? ` (${detail})` : ''}`);
      return;
    }
    await write({ type: 'eventCorrected', payload: { eventVersion: props.event.version, reason: reason.trim(), replacement: built.replacement } });
  };
  return (
    <form class="fix-form" data-testid={TID.fixForm} onSubmit={(e) => void submit(e)}>
      {type !== 'unitPosition' && (
        <label>{t('fix.text')}
          <textarea data-testid={TID.fixText} rows={2} value={form.text} onInput={(e) => update({ text: (e.target as HTMLTextAreaElement).value })} />
        </label>
      )}
      {type !== 'message' && (
        <>
          {typeof props.current.unitId === 'string' && <p class="hint">{t('fix.unit', { unit: props.current.unitId })}</p>}
          <PositionInput value={form.fields} onChange={(fields) => update({ fields })} onPreview={c.setPreview} />
          <label>{t('fix.time')}
            <input data-testid={TID.fixTime} value={form.time} placeholder="YYYY-MM-DD HH:MM" onInput={(e) => update({ time: (e.target as HTMLInputElement).value })} />
          </label>
        </>
      )}
      {type === 'unitPosition' && (
        <div class="row">
          <label>{t('fix.course')} <input inputMode="decimal" size={5} value={form.courseDeg} onInput={(e) => update({ courseDeg: (e.target as HTMLInputElement).value })} /></label>
          <label>{t('fix.speed')} <input inputMode="decimal" size={5} value={form.speedKn} onInput={(e) => update({ speedKn: (e.target as HTMLInputElement).value })} /></label>
        </div>
      )}
      <label>{t('fix.reason')}
        <input data-testid={TID.fixReason} maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" data-testid={TID.fixSubmit}>{t('fix.submitCorrect')}</button>
      <button type="button" onClick={props.onDone}>{t('fix.cancel')}</button>
      {problem && <p class="problem" role="alert" data-testid={TID.fixProblem}>{problem}</p>}
    </form>
  );
}

function RetractForm(props: { event: ViewedEvent; onDone: () => void }) {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const { problem, setProblem, write } = useFixWriter(props.onDone);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) { setProblem(t('fix.needReason')); return; }
    await write({ type: 'eventRetracted', payload: { eventVersion: props.event.version, reason: reason.trim() } });
  };
  return (
    <form class="fix-form" data-testid={TID.fixForm} onSubmit={(e) => void submit(e)}>
      <label>{t('fix.reason')}
        <input data-testid={TID.fixReason} maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" data-testid={TID.fixSubmit}>{t('fix.submitRetract')}</button>
      <button type="button" onClick={props.onDone}>{t('fix.cancel')}</button>
      {problem && <p class="problem" role="alert" data-testid={TID.fixProblem}>{problem}</p>}
    </form>
  );
}
