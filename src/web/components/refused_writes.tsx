/**
 * Writes the server refused after their author had moved on (written offline, sent from the
 * outbox when the link came back): each in the reader's language and the server's words with its
 * code, kept on this device until the author says they have read it. A refusal is never dropped silently.
 */
import { refusalKey, refusalWords } from '../i18n/refusals.js';
import { formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { useApp } from './app.js';
import { useCase } from './case_view.js';
import { TYPE_KEYS } from './log_panel.js';

export function RefusedWrites() {
  const { t, user, language } = useApp();
  const c = useCase();
  if (c.snapshot.refused.length === 0) return null;
  return (
    <section class="refused-writes" role="alert">
      <strong>{t('refused.title')}</strong>
      {c.snapshot.refused.map((r) => (
        <div key={r.localId} class="refused" data-testid={TID.refusedWrite} data-code={r.code}>
          <p>{t('refused.line', { type: t(TYPE_KEYS[r.event.type] ?? 'log.type.other'), when: formatUtcWithLocal(Date.parse(r.createdAt), user.party, language), problem: refusalKey(r.code) ? refusalWords(t, { code: r.code, message: r.problem, field: r.field }) : r.problem })} <code>{r.code}</code></p>
          <button type="button" onClick={() => void c.session.dismissRefusal(r.localId)}>{t('refused.dismiss')}</button>
        </div>
      ))}
    </section>
  );
}
