/**
 * The agreement's record as the reader's party reads it (read-only here): its status and history
 * with sources, the rules the plans are checked against, and the yearly programme with the rosters
 * of exchanged liaison officers and observers as the server keeps them (programme_panel.tsx: staff
 * change it there). Place names are the reader's party's; sarbridge's own words (a status, an
 * entry's heading, the words joining an entry's texts, its date and sources: agreement_words.ts)
 * are in the reader's language; the record's texts stay as the agreement has them.
 */
import { buildTimeline, currentAgreementStatus, nameForReader, placeName } from '../../core/cooperation/index.js';
import { placeReader } from '../i18n/place_reader.js';
import { TID } from '../test_ids.js';
import { agreementStatusWords, timelineEntryWords } from './agreement_words.js';
import { useApp } from './app.js';
import { ProgrammePanel } from './programme_panel.js';

export function AgreementPanel() {
  const { t, agreement, user, language } = useApp();
  if (!agreement) return <p data-testid={TID.agreementRecord}>{t('agreement.none')}</p>;
  // in Korean or Japanese the party's own names in its own script (독도, 竹島); in English, romanised
  const reader = placeReader(user.party, language);
  const status = currentAgreementStatus(agreement.agreement);
  const timeline = buildTimeline(agreement, reader);
  return (
    <div class="agreement-panel" data-testid={TID.agreementRecord}>
      <h2>{agreement.agreement.title}</h2>
      <p class="hint">{t('agreement.ownWords')}</p>
      <p><strong>{t('agreement.status')}:</strong> {status ? agreementStatusWords(t, status.status) : '—'}</p>
      <h3>{t('agreement.places')}</h3>
      <ul>
        {agreement.places.map((p) => (
          <li key={p.id}>
            <strong data-testid={TID.placeLabel} data-place-id={p.id}>{placeName(p, reader, agreement.sharedNaming, agreement.parties.map((x) => x.id))}</strong>
            {p.contested && <span class="hint"> · {t('agreement.contested')}: {p.claims.map((c) => `${c.party}: ${nameForReader(c.claim, agreement, reader)}`).join('; ')}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('agreement.history')}</h3>
      <ol class="timeline-record">
        {timeline.map((e, k) => {
          const words = timelineEntryWords(t, e);
          return (
            <li key={k} data-testid={TID.agreementEntry} data-kind={e.kind}>
              <strong>{words.date}</strong> · {words.text}{words.sources && <span class="hint">{words.sources}</span>}
            </li>
          );
        })}
      </ol>
      <h3>{t('agreement.rules')}</h3>
      <ul>{agreement.rules.map((r) => <li key={r.id}><strong>{r.id}</strong> {r.text}</li>)}</ul>
      <ProgrammePanel />
    </div>
  );
}
