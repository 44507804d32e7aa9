/**
 * A new report for the case log: what was reported, where (as sailors write positions), when
 * (UTC), the position error and the search object; optionally the drift's last known position.
 * What is typed survives a reload and a lost link (a draft on this device, then the outbox).
 */
import { useEffect, useState } from 'preact/hooks';
import { parseTime } from '../../core/time/index.js';
import { draft, keepDraft } from '../api/offline_store.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { useCase } from './case_view.js';
import { ObjectPicker } from './object_picker.js';
import { PositionInput } from './position_input.js';
import { EMPTY_POSITION_FIELDS, fieldsFromDegrees, positionProblemText, readPositionErrorNm, readPositionFields, type PositionFields } from './position_fields.js';
import { inputsWithLkp } from './planning_inputs.js';
import { MAX_POSITION_ERROR_NM } from '../../core/drift/settings.js';

interface ReportDraft { text: string; fields: PositionFields; time: string; errorNm: string; object: string; asScenario: boolean }

const nowUtcMinute = (): string => new Date().toISOString().slice(0, 16).replace('T', ' ');

/**
 * Put a report into the case's report form (what a released inject said, where and when), for
 * the coordinator to check and add: nothing is written to the log until they submit it.
 */
export function prefillReport(caseId: string, report: { text: string; latDeg?: number; lonDeg?: number; timeS?: number; object?: string }): void {
  const key = `report.${caseId}`;
  const before = draft<ReportDraft>(key);
  const next: ReportDraft = {
    text: report.text,
    fields: report.latDeg !== undefined && report.lonDeg !== undefined ? fieldsFromDegrees(report.latDeg, report.lonDeg) : EMPTY_POSITION_FIELDS,
    time: report.timeS !== undefined ? new Date(report.timeS * 1000).toISOString().slice(0, 16).replace('T', ' ') : nowUtcMinute(),
    errorNm: before?.errorNm ?? '1', object: report.object ?? before?.object ?? 'PIW-1', asScenario: before?.asScenario ?? false,
  };
  keepDraft(key, next);
}

export function ReportPanel() {
  const { t, agreement, showError, language } = useApp();
  const c = useCase();
  const key = `report.${c.snapshot.caseId}`;
  const [d, setD] = useState<ReportDraft>(() => draft<ReportDraft>(key) ?? {
    text: '', fields: EMPTY_POSITION_FIELDS, time: nowUtcMinute(), errorNm: '1', object: 'PIW-1', asScenario: c.inputs === null,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => keepDraft(key, d), [d]);
  useEffect(() => () => c.setPreview(null), []);
  const update = (patch: Partial<ReportDraft>) => setD({ ...d, ...patch });

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setMessage(null);
    if (!d.text.trim()) { setProblem(t('report.needText')); return; }
    let timeMs: number;
    try {
      timeMs = parseTime(`${d.time.trim().replace(' ', 'T')}Z`, 'time') * 1000;
    } catch {
      setProblem(t('report.badTime'));
      return;
    }
    const reading = readPositionFields(d.fields);
    if (reading.kind === 'problem') { setProblem(positionProblemText(reading, language)); return; }
    const position = reading.kind === 'position' ? { lonDeg: reading.lonDeg, latDeg: reading.latDeg } : undefined;
    // checked before anything is written: the report must not reach the log while the inputs it makes are refused
    const radiusNm = readPositionErrorNm(d.errorNm);
    if (d.asScenario && position && radiusNm === null) { setProblem(t('report.badErrorNm', { max: MAX_POSITION_ERROR_NM })); return; }
    const time = new Date(timeMs).toISOString().replace('.000Z', 'Z');
    try {
      const outcome = await c.append({ type: 'report', payload: { text: d.text.trim(), ...(position ? { position } : {}), time, objectClass: d.object } });
      // the report is in the log from here: clear the text so that it is not sent twice
      const next = { ...d, text: '' };
      setD(next);
      keepDraft(key, next);
      setMessage(outcome.sent ? t('report.saved', { version: outcome.version }) : t('report.queued'));
      if (d.asScenario && position && radiusNm !== null) {
        const inputs = inputsWithLkp(c.inputs, { ...position, timeMs, object: d.object, radiusNm, name: d.text.trim().slice(0, 60) }, agreement);
        try {
          await c.append({ type: 'planningInputs' as never, payload: { inputs } as never });
        } catch (error) {
          const w = errorWords(t, error);
          setMessage(null);
          setProblem(t('report.savedInputsRefused', { version: outcome.sent ? outcome.version : '—', message: w.message }));
          showError(w.message, w.code);
        }
      }
    } catch (error) {
      const w = errorWords(t, error);
      setProblem(w.message);
      showError(w.message, w.code);
    }
  };

  return (
    <form class="report-panel" onSubmit={(e) => void submit(e)}>
      <h2>{t('report.title')}</h2>
      <label>{t('report.text')}
        <textarea data-testid={TID.reportText} rows={3} value={d.text} onInput={(e) => update({ text: (e.target as HTMLTextAreaElement).value })} />
      </label>
      <PositionInput value={d.fields} onChange={(fields) => update({ fields })} onPreview={c.setPreview} />
      <div class="row">
        <label>{t('report.time')}
          <input data-testid={TID.reportTime} value={d.time} placeholder="YYYY-MM-DD HH:MM" onInput={(e) => update({ time: (e.target as HTMLInputElement).value })} />
        </label>
        <label>{t('report.errorNm')}
          <input data-testid={TID.reportErrorNm} inputMode="decimal" size={4} value={d.errorNm} onInput={(e) => update({ errorNm: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      <label>{t('report.object')}</label>
      <ObjectPicker value={d.object} onChange={(object) => update({ object })} />
      <label class="check">
        <input type="checkbox" data-testid={TID.reportAsScenario} checked={d.asScenario} onChange={(e) => update({ asScenario: (e.target as HTMLInputElement).checked })} /> {t('report.asScenario')}
      </label>
      <button type="submit" data-testid={TID.reportSubmit}>{t('report.submit')}</button>
      {message && <p class="ok" role="status">{message}</p>}
      {problem && <p class="problem" role="alert">{problem}</p>}
    </form>
  );
}
