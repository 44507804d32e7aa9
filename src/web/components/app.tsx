/**
 * The application shell: who is signed in (or the sign-in / first-start setup), the language,
 * the palette, the particle renderer, the error banner, and which case is open (`#/case/<id>`).
 */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { api, ApiError, NetworkError } from '../api/http.js';
import { keepAgreement, keepUser, keptAgreement, keptUser } from '../api/offline_store.js';
import type { UserView } from '../api/types.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, preferredLanguage, translate, type Language, type MessageKey, type MessageValues } from '../i18n/dictionary.js';
import { problemWords, refusalWords } from '../i18n/refusals.js';
import { PlannerClient } from '../planner/planner_client.js';
import { probe } from '../probe.js';
import { TID } from '../test_ids.js';
import { CaseList } from './case_list.js';
import { CaseView } from './case_view.js';
import { SignIn } from './sign_in.js';

export type RendererChoice = 'auto' | 'gpu' | 'cpu';

/** What every component may use. */
export interface AppContextValue {
  readonly user: UserView;
  readonly language: Language;
  readonly t: (key: MessageKey, values?: MessageValues) => string;
  readonly night: boolean;
  readonly rendererChoice: RendererChoice;
  readonly planner: PlannerClient;
  /** The server's cooperation agreement (null: the server runs without one). */
  readonly agreement: CooperationConfig | null;
  /**
   * Show an error in words, with its code; `from` names the action it came from (a track upload,
   * a drift, a plan), so that the action's next success takes it away (clearError).
   */
  readonly showError: (message: string, code?: string, from?: ErrorSource) => void;
  /** Take away the banner of an earlier failure of `from`, once it has worked (an error of anything else stays). */
  readonly clearError: (from: ErrorSource) => void;
  /** The map tells the shell which particle renderer it chose (the menu shows it). */
  readonly setRendererInUse: (renderer: 'gpu' | 'cpu') => void;
}

/** Actions whose failure the banner shows until they work. */
export type ErrorSource = 'track' | 'drift' | 'plan';

export const AppContext = createContext<AppContextValue | null>(null);

/** The app's context (inside the signed-in shell). */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the signed-in shell');
  return value;
}

/** Words for an error, in the reader's language where we know the error. */
export function errorWords(t: AppContextValue['t'], error: unknown): { message: string; code: string } {
  if (error instanceof NetworkError) return { message: t('error.network'), code: 'SARB_NETWORK' };
  if (error instanceof ApiError) return { message: refusalWords(t, error), code: error.code };
  const e = error as { message?: string; code?: string };
  const code = e?.code ?? 'SARB_PAGE';
  return { message: problemWords(t, code, e?.message ?? String(error)), code };
}

const storedLanguage = (userName: string | null): Language | null => {
  const v = localStorage.getItem(`sarbridge.lang.${userName ?? '*'}`);
  return isLanguage(v) ? v : null;
};

export function App() {
  const [user, setUser] = useState<UserView | null | undefined>(undefined);
  const [online, setOnline] = useState(true);
  const [language, setLanguageState] = useState<Language>(storedLanguage(null) ?? preferredLanguage(navigator.languages));
  const [night, setNight] = useState(localStorage.getItem('sarbridge.night') === '1');
  const [rendererChoice, setRendererChoice] = useState<RendererChoice>((localStorage.getItem('sarbridge.renderer') as RendererChoice | null) ?? 'auto');
  const [agreement, setAgreement] = useState<CooperationConfig | null>(null);
  const [error, setError] = useState<{ message: string; code: string; from?: ErrorSource } | null>(null);
  const [rendererInUse, setRendererInUse] = useState<'gpu' | 'cpu' | null>(null);
  const [route, setRoute] = useState(location.hash);
  const planner = useMemo(() => new PlannerClient(), []);
  const t = useCallback((key: MessageKey, values?: MessageValues) => translate(language, key, values), [language]);

  useEffect(() => {
    const onHash = () => setRoute(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => { document.documentElement.lang = language; }, [language]);
  useEffect(() => {
    document.documentElement.dataset.palette = night ? 'night' : 'day';
    localStorage.setItem('sarbridge.night', night ? '1' : '0');
  }, [night]);

  // who is signed in: the server says; without a server, this device's last session
  useEffect(() => {
    api<{ user: UserView }>('GET', '/api/session').then(({ user: u }) => { setUser(u); void keepUser(u); setOnline(true); }, async (e: unknown) => {
      if (e instanceof NetworkError) { setOnline(false); setUser(await keptUser()); } else setUser(null);
    });
  }, []);
  useEffect(() => {
    if (!user) return;
    const own = storedLanguage(user.userName);
    if (own) setLanguageState(own);
    // the agreement: from the server, else the copy kept on this device
    api<CooperationConfig>('GET', '/api/agreement').then((config) => { setAgreement(config); void keepAgreement(config); }, async (e: unknown) => {
      if (e instanceof ApiError && e.status === 404) { setAgreement(null); return; }
      setAgreement(await keptAgreement<CooperationConfig>());
    });
  }, [user]);
  useEffect(() => { if (user !== undefined) probe.ready = true; }, [user]);

  const setLanguage = (l: Language) => {
    setLanguageState(l);
    localStorage.setItem(`sarbridge.lang.${user?.userName ?? '*'}`, l);
    localStorage.setItem('sarbridge.lang.*', l);
  };
  const showError = useCallback((message: string, code = 'SARB_PAGE', from?: ErrorSource) => { setError({ message, code, from }); probe.lastError = `${code}: ${message}`; }, []);
  const clearError = useCallback((from: ErrorSource) => setError((e) => (e?.from === from ? null : e)), []);
  const signOut = async () => {
    try { await api('DELETE', '/api/session'); } catch { /* signed out locally all the same */ }
    await keepUser(null);
    setUser(null);
    location.hash = '';
  };

  if (user === undefined) return <p class="loading">{t('app.loading')}</p>;

  const header = (
    <header class="shell-header">
      <span class="brand">{t('app.name')}</span>
      <span class="tagline">{t('app.tagline')}</span>
      <span class="spacer" />
      {user && <span class="who">{user.userName} · {user.party}</span>}
      <label class="inline">
        <span class="visually-hidden">{t('lang.label')}</span>
        <select data-testid={TID.langSelect} aria-label={t('lang.label')} value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
          {LANGUAGES.map((l) => <option value={l} key={l}>{LANGUAGE_NAMES[l]}</option>)}
        </select>
      </label>
      <button type="button" data-testid={TID.nightToggle} aria-pressed={night} onClick={() => setNight(!night)}>{night ? t('night.off') : t('night.on')}</button>
      {user && (
        <label class="inline">
          <span>{t('renderer.label')}</span>
          <select data-testid={TID.rendererSelect} value={rendererChoice} onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as RendererChoice;
            setRendererChoice(v);
            localStorage.setItem('sarbridge.renderer', v);
          }}>
            <option value="auto">{t('renderer.auto', { chosen: rendererInUse === null ? '…' : t(rendererInUse === 'cpu' ? 'renderer.cpu' : 'renderer.gpu') })}</option>
            <option value="gpu">{t('renderer.gpu')}</option>
            <option value="cpu">{t('renderer.cpu')}</option>
          </select>
        </label>
      )}
      {user && <button type="button" data-testid={TID.signOut} onClick={() => void signOut()}>{t('signout')}</button>}
    </header>
  );
  const banner = error && (
    <div class="error-banner" role="alert" data-testid={TID.errorBanner} data-code={error.code}>
      <span>{error.message}</span> <code>{error.code}</code>
      <button type="button" onClick={() => setError(null)}>{t('error.dismiss')}</button>
    </div>
  );

  if (user === null) {
    return (
      <div class="shell">
        {header}{banner}
        <SignIn t={t} online={online} onSignedIn={(u) => { setUser(u); void keepUser(u); setOnline(true); }} />
      </div>
    );
  }

  const caseId = /^#\/case\/([A-Za-z0-9._-]+)$/.exec(route)?.[1] ?? null;
  const context: AppContextValue = { user, language, t, night, rendererChoice, planner, agreement, showError, clearError, setRendererInUse };
  return (
    <AppContext.Provider value={context}>
      <div class="shell">
        {header}{banner}
        <main class="shell-main">
          {caseId ? <CaseView caseId={caseId} key={caseId} /> : <CaseList />}
        </main>
      </div>
    </AppContext.Provider>
  );
}
