/**
 * Sign in, and on a server's first start (no account yet for a party) the one-time setup form the
 * server offers only to its own machine (`/api/setup`, loopback only).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, NetworkError } from '../api/http.js';
import type { UserView } from '../api/types.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';
import { refusalWords } from '../i18n/refusals.js';
import { TID } from '../test_ids.js';
import { isUserName } from '../../app/server/user_name_rule.js';

/** GET /api/setup: whether the one-time setup is open here, and which parties have accounts. */
interface SetupState { readonly open: boolean; readonly parties: readonly { party: string; hasAccounts: boolean; inAgreement: boolean }[]; readonly minPasswordLength: number }

export function SignIn(props: { t: (k: MessageKey, v?: MessageValues) => string; online: boolean; onSignedIn: (u: UserView) => void }) {
  const { t } = props;
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(props.online ? null : t('signin.offline'));
  const [busy, setBusy] = useState(false);
  const [setup, setSetup] = useState<SetupState | null>(null);
  const [setupParty, setSetupParty] = useState('');
  const [setupDone, setSetupDone] = useState<string | null>(null);

  useEffect(() => {
    api<SetupState>('GET', '/api/setup').then((s) => {
      setSetup(s);
      const first = s.parties.find((p) => !p.hasAccounts);
      if (first) setSetupParty(first.party);
    }, () => setSetup(null));
  }, [setupDone]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await api<{ user: UserView }>('POST', '/api/session', { userName: userName.trim(), password });
      props.onSignedIn(user);
    } catch (error) {
      setProblem(error instanceof NetworkError ? t('signin.offline') : error instanceof ApiError ? (error.status === 401 ? t('signin.failed') : refusalWords(t, error)) : (error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const createFirst = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    // the server's schema, said in words before it answers 'body/userName: must match pattern …'
    if (!isUserName(userName.trim())) { setProblem(t('setup.badName')); return; }
    if (password.length < (setup?.minPasswordLength ?? 0)) { setProblem(t('setup.shortPassword', { min: setup?.minPasswordLength ?? 0 })); return; }
    try {
      await api('POST', '/api/setup', { party: setupParty.trim().toUpperCase(), userName: userName.trim(), password });
      setSetupDone(t('setup.done', { user: userName.trim(), party: setupParty.trim().toUpperCase() }));
    } catch (error) {
      setProblem(error instanceof NetworkError ? t('signin.offline') : error instanceof ApiError ? refusalWords(t, error) : (error as Error).message);
    }
  };

  return (
    <section class="sign-in">
      <h1>{t('signin.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>{t('signin.user')}
          <input data-testid={TID.signinUser} autocomplete="username" value={userName} required onInput={(e) => setUserName((e.target as HTMLInputElement).value)} />
        </label>
        <label>{t('signin.password')}
          <input data-testid={TID.signinPassword} type="password" autocomplete="current-password" value={password} required onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </label>
        <button data-testid={TID.signinSubmit} type="submit" disabled={busy}>{t('signin.submit')}</button>
        {problem && <p class="problem" role="alert" data-testid={TID.signinError}>{problem}</p>}
        {setupDone && <p class="ok">{setupDone}</p>}
      </form>
      {setup?.open && (
        <form class="setup" onSubmit={(e) => void createFirst(e)}>
          <h2>{t('setup.title')}</h2>
          <p>{t('setup.explain')}</p>
          <label>{t('setup.party')}
            <input value={setupParty} pattern="[A-Za-z]{2,3}" required onInput={(e) => setSetupParty((e.target as HTMLInputElement).value)} />
          </label>
          <p class="hint">{t('signin.user')} / {t('signin.password')}: ↑</p>
          <button type="submit">{t('setup.submit')}</button>
        </form>
      )}
      {!setup?.open && setup && setup.parties.every((p) => !p.hasAccounts) && <p class="hint">{t('signin.noAccounts', { command: 'sarbridge admin create --party KR --user NAME' })}</p>}
    </section>
  );
}
