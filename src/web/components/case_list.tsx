/** The cases and exercises shared with the reader's party, opening a new one, and the programme (exercises are created from it). */
import { useEffect, useState } from 'preact/hooks';
import { api, NetworkError } from '../api/http.js';
import { keepCases, keptCases } from '../api/offline_store.js';
import type { CaseSummary } from '../api/types.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';
import { formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { readNewCase } from './new_case_fields.js';
import { ProgrammePanel } from './programme_panel.js';

export function CaseList() {
  const { t, user, language, showError, agreement } = useApp();
  const [cases, setCases] = useState<readonly CaseSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'case' | 'exercise'>('case');
  const otherParties = agreement ? agreement.parties.map((p) => p.id).filter((p) => p !== user.party) : [];
  const [parties, setParties] = useState([user.party, ...otherParties].join(', '));
  const [problem, setProblem] = useState<{ key: MessageKey; values?: MessageValues } | null>(null);

  useEffect(() => {
    api<{ cases: CaseSummary[] }>('GET', '/api/cases').then(({ cases: c }) => { setCases(c); void keepCases(c); }, async (e: unknown) => {
      if (e instanceof NetworkError) setCases(await keptCases());
      else { showError(errorWords(t, e).message, errorWords(t, e).code); setCases([]); }
    });
  }, []);

  const open = async (e: Event) => {
    e.preventDefault();
    const reading = readNewCase(title, parties, user.party, agreement ? agreement.parties.map((p) => p.id) : null);
    if (reading.kind === 'problem') { setProblem(reading); return; }
    setProblem(null);
    try {
      const { caseId } = await api<{ caseId: string }>('POST', '/api/cases', { kind, title: reading.title, parties: reading.parties });
      location.hash = `#/case/${caseId}`;
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  return (
    <section class="case-list">
      <h1>{t('cases.title')}</h1>
      {cases === null ? <p>{t('app.loading')}</p> : cases.length === 0 ? <p>{t('cases.none')}</p> : (
        <ul data-testid={TID.caseList}>
          {cases.map((c) => (
            <li key={c.caseId}>
              <a href={`#/case/${c.caseId}`} data-testid={TID.caseItem} data-case-id={c.caseId}>
                <strong>{c.title}</strong>
              </a>
              <span class="meta"> {t(c.kind === 'exercise' ? 'cases.kind.exercise' : 'cases.kind.case')} · {c.parties.join(' / ')} · {formatUtcWithLocal(Date.parse(c.openedAt), user.party, language)} · {t('cases.version', { version: c.version })}</span>
            </li>
          ))}
        </ul>
      )}
      {!creating ? <button type="button" data-testid={TID.newCase} onClick={() => setCreating(true)}>{t('cases.new')}</button> : (
        <form class="new-case" onSubmit={(e) => void open(e)}>
          <label>{t('newcase.title')} <input data-testid={TID.newCaseTitle} required maxLength={200} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} /></label>
          <label>{t('newcase.kind')}
            <select data-testid={TID.newCaseKind} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as 'case' | 'exercise')}>
              <option value="case">{t('cases.kind.case')}</option>
              <option value="exercise">{t('cases.kind.exercise')}</option>
            </select>
          </label>
          <label>{t('newcase.parties')} <input data-testid={TID.newCaseParties} value={parties} onInput={(e) => setParties((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" data-testid={TID.newCaseSubmit}>{t('newcase.submit')}</button>
          {problem && <p class="problem" role="alert">{t(problem.key, problem.values)}</p>}
        </form>
      )}
      <ProgrammePanel />
    </section>
  );
}
