/**
 * Exercise control (docs/exercises.md), for the controllers the director named: the hidden truth
 * (object, release position and time, the truth forcing: the players' forecast or other files,
 * with a perturbation), the injects (six kinds) scheduled and cancelled, the exercise clock (real,
 * ×N, stepped with a step button), every detection drawn (hits and misses, on the map with the
 * truth track), lessons, the end, the score and the after-action report. The case view mounts this
 * only for a user holding the exercise-control role; the server answers anyone else's request for
 * the control stream as a case that does not exist.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeatureCollection } from 'geojson';
import { parseTime } from '../../core/time/index.js';
import { api, ApiError } from '../api/http.js';
import { controlCommand, getControl, getScore, type ControlEventType, type ControlView, type ScoreView } from '../api/exercise_api.js';
import type { TruthTrackPoint } from '../../core/exercise/index.js';
import { formatNumber, formatPercent, formatUtcWithLocal } from '../i18n/time_format.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { useCase } from './case_view.js';
import { clockModeText, INJECT_KIND_KEYS, ReportLinks, useExerciseTime } from './exercise_play.js';
import { ObjectPicker } from './object_picker.js';
import { EMPTY_POSITION_FIELDS, formatDegreesMinutes, positionProblemText, readPositionFields, type PositionFields } from './position_fields.js';
import { PositionInput } from './position_input.js';

const KINDS = ['distressCall', 'sighting', 'debris', 'unitBreakdown', 'unitLate', 'weatherChange'] as const;
/** While the live feed is down (reconnecting), the control view is read this often instead. */
const POLL_MS = 4000;
/** Waits before reconnecting the control stream's live feed, ms. */
const RECONNECT_MS = [1000, 2000, 5000, 15000];
/** The server closes a control feed with this code when its reader is no longer a controller (live_routes.ts). */
const LIVE_GONE_CODE = 4404;

/** `YYYY-MM-DD HH:MM` (UTC) as a form shows a time. */
const formUtc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
/** A form's UTC time as the API takes it, or null when it does not read. */
function readFormUtc(text: string): string | null {
  try {
    return new Date(parseTime(`${text.trim().replace(' ', 'T')}Z`, 'time') * 1000).toISOString().replace(/:00\.000Z$/, 'Z').replace('.000Z', 'Z');
  } catch {
    return null;
  }
}

interface TruthForm {
  object: string; fields: PositionFields; time: string; forcing: 'forecast' | 'files'; wind: string; current: string;
  windSpeedFactor: string; windDirectionOffsetDeg: string; currentSpeedFactor: string; currentDirectionOffsetDeg: string; seed: string; durationH: string;
}
interface InjectForm {
  injectId: string; kind: (typeof KINDS)[number]; at: string; text: string; positionMode: 'random' | 'bearing' | 'given'; fields: PositionFields;
  errorNm: string; bearingDeg: string; errorSeed: string; unitId: string; delayH: string; windKn: string; windFromDeg: string; visibilityNm: string; seaHeightM: string;
}


/** A forcing file as GET /api/forcing lists it (a withheld one only to exercise control that may read it). */
interface ForcingListed { readonly ref: string; readonly name: string; readonly synthetic: boolean; readonly withheld: boolean }

/** The truth's state in the reader's words (the map legend's). */
const TRUTH_STATUS_KEYS = { active: 'map.legend.active', stranded: 'map.legend.stranded', 'outside forcing': 'map.legend.outside' } as const;
export function ExerciseControlPanel() {
  const { t, user, language, agreement, showError, planner } = useApp();
  const c = useCase();
  const caseId = c.snapshot.caseId;
  const [track, setTrack] = useState<{ version: number; points: readonly TruthTrackPoint[] } | { version: number; problem: string } | null>(null);
  const [view, setView] = useState<ControlView | null>(null);
  const [notController, setNotController] = useState(false);
  const [note, setNote] = useState<{ key: MessageKey; values?: MessageValues } | null>(null);
  const [truth, setTruth] = useState<TruthForm>({
    object: 'LIFE-RAFT-DB-10', fields: EMPTY_POSITION_FIELDS, time: formUtc(Date.now()), forcing: 'forecast', wind: '', current: '',
    windSpeedFactor: '1', windDirectionOffsetDeg: '0', currentSpeedFactor: '1', currentDirectionOffsetDeg: '0', seed: String(1 + Math.floor(Math.random() * 1e6)), durationH: '48',
  });
  const [inject, setInject] = useState<InjectForm>({
    injectId: '', kind: 'distressCall', at: '', text: '', positionMode: 'random', fields: EMPTY_POSITION_FIELDS, errorNm: '2', bearingDeg: '0',
    errorSeed: String(Math.floor(Math.random() * 2 ** 31)),
    unitId: '', delayH: '2', windKn: '', windFromDeg: '', visibilityNm: '', seaHeightM: '',
  });
  const [clockForm, setClockForm] = useState({ mode: 'stepped' as 'real' | 'accelerated' | 'stepped', rate: '10', time: '' });
  const [stepMinutes, setStepMinutes] = useState('30');
  const [controllers, setControllers] = useState<string | null>(null);
  const [lesson, setLesson] = useState('');
  const [endText, setEndText] = useState('');
  const [scoreView, setScoreView] = useState<ScoreView | null>(null);
  const [forcingFiles, setForcingFiles] = useState<readonly ForcingListed[]>([]);
  const loading = useRef(false);
  const loadAgain = useRef(false);

  // One read at a time; a read asked for meanwhile (an event arrived while the last one was on its
  // way, which may have been answered before that event) is made once that one ends, so the panel
  // never stays on a view older than the last event it was told of.
  const load = async () => {
    if (loading.current) { loadAgain.current = true; return; }
    loading.current = true;
    try {
      do {
        loadAgain.current = false;
        try {
          setView(await getControl(caseId));
          setNotController(false);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) setNotController(true);
          else { const w = errorWords(t, error); showError(w.message, w.code); }
        }
      } while (loadAgain.current);
    } finally {
      loading.current = false;
    }
  };
  useEffect(() => { void load(); }, [c.snapshot.version]);
  // the control stream live (only its named controllers may follow it): each new control event
  // reads the control view again; removed from the exercise, the feed closes and the panel says so
  const live = useRef(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const connect = () => {
      if (stopped) return;
      const url = new URL(`/api/cases/${encodeURIComponent(`${caseId}.control`)}/live?afterVersion=0`, location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const s = new WebSocket(url);
      socket = s;
      s.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as { kind: string };
        if (data.kind === 'live') { live.current = true; attempts = 0; void load(); } else if (data.kind === 'event' && live.current) void load();
      };
      s.onclose = (event) => {
        live.current = false;
        if (stopped || socket !== s) return;
        if (event.code === LIVE_GONE_CODE) { setNotController(true); return; }
        retry = setTimeout(connect, RECONNECT_MS[Math.min(attempts++, RECONNECT_MS.length - 1)]);
      };
    };
    connect();
    // while the feed is down, read the view now and then
    const timer = setInterval(() => { if (!live.current) void load(); }, POLL_MS);
    return () => { stopped = true; clearInterval(timer); if (retry) clearTimeout(retry); socket?.close(); };
  }, [caseId]);
  const listForcing = () => api<{ files: ForcingListed[] }>('GET', '/api/forcing').then(({ files }) => setForcingFiles(files), () => undefined);
  // read again as the exercise moves on: a truth forcing a player has since uploaded too is listed as shared
  useEffect(() => { void listForcing(); }, [c.snapshot.version, view?.state.version]);
  useEffect(() => () => c.setControlLayer(null), []);

  const state = view?.state ?? null;
  const exerciseTimeS = useExerciseTime(state?.clock ?? null);

  // the truth's track, simulated in this page's Worker by the core function the server uses
  const truthVersion = state?.truth?.version ?? null;
  useEffect(() => {
    const tr = state?.truth;
    if (!tr) { setTrack(null); return; }
    const forecast = c.inputs?.forcing as { wind?: { file?: string }[]; current?: { file?: string }[] } | undefined;
    const refs = tr.forcing ?? { wind: forecast?.wind?.find((s) => s.file)?.file ?? '', current: forecast?.current?.find((s) => s.file)?.file ?? '' };
    if (!refs.wind || !refs.current) { setTrack({ version: tr.version, problem: t('ctl.truth.noForcing') }); return; }
    let stale = false;
    planner.truthTrack({
      objectClass: tr.objectClass, position: tr.position, timeS: Date.parse(tr.time) / 1000, forcing: tr.forcing,
      ...(tr.perturbation ? { perturbation: tr.perturbation } : {}), seed: tr.seed,
    }, refs, (tr.durationH ?? 48) * 3600).then(
      (points) => { if (!stale) setTrack({ version: tr.version, points }); },
      (error: unknown) => { if (!stale) setTrack({ version: tr.version, problem: (error as Error).message }); },
    );
    return () => { stale = true; };
  }, [truthVersion, c.inputsVersion]);
  const released = new Set(c.snapshot.events.filter((e) => e.type === 'injectReleased').map((e) => String(e.payload?.injectId)));

  // the truth track, the searches drawn (hit or miss) and the hits: on the map, for control only
  useEffect(() => {
    if (!state) return;
    const features: FeatureCollection['features'] = [];
    const points = track && 'points' in track ? track.points : [];
    if (points.length > 1) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: points.map((p) => [p.lonDeg, p.latDeg]) }, properties: { layer: 'truth' } });
    if (points.length > 0) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [points[0].lonDeg, points[0].latDeg] }, properties: { layer: 'truth-start', label: t('ctl.map.release') } });
    if (exerciseTimeS !== null && points.length > 0) {
      const now = points.reduce((best, p) => (Math.abs(p.timeS - exerciseTimeS) < Math.abs(best.timeS - exerciseTimeS) ? p : best), points[0]);
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [now.lonDeg, now.latDeg] }, properties: { layer: 'truth-now', label: t('ctl.map.now') } });
    }
    for (const d of state.detections) {
      const search = c.snapshot.events.find((e) => e.version === d.searchVersion);
      const track = (search?.payload?.track as { lonDeg: number; latDeg: number }[] | undefined) ?? [];
      if (track.length > 1) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: track.map((p) => [p.lonDeg, p.latDeg]) }, properties: { layer: 'search', hit: d.hit } });
      if (d.hit && d.position) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [d.position.lonDeg, d.position.latDeg] }, properties: { layer: 'hit', label: `${d.unitId}` } });
    }
    c.setControlLayer({ type: 'FeatureCollection', features });
  }, [view, track, language, c.snapshot.version, exerciseTimeS === null ? null : Math.floor(exerciseTimeS / 600)]);

  if (notController) return <p data-testid={TID.controlNotController}>{t('ctl.notController')}</p>;
  if (!state) return <p class="loading">{t('app.loading')}</p>;

  const command = async <T extends ControlEventType>(type: T, payload: Record<string, unknown>, after?: () => void) => {
    try {
      await controlCommand(caseId, state.version, type, payload as never);
      after?.();
      setNote({ key: 'ctl.done' });
      await load();
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
      await load();
    }
  };
  const when = (iso: string) => formatUtcWithLocal(Date.parse(iso), user.party, language);
  const isDirector = state.director.userName === user.userName;
  const ended = state.ended !== null;

  const setTruthNow = () => {
    const reading = readPositionFields(truth.fields);
    if (reading.kind !== 'position') { showError(reading.kind === 'problem' ? positionProblemText(reading, language) : t('pos.incomplete'), 'SARB_INVALID_INPUT'); return; }
    const time = readFormUtc(truth.time);
    if (!time) { showError(t('report.badTime'), 'SARB_INVALID_INPUT'); return; }
    const perturbation = {
      windSpeedFactor: Number(truth.windSpeedFactor), windDirectionOffsetDeg: Number(truth.windDirectionOffsetDeg),
      currentSpeedFactor: Number(truth.currentSpeedFactor), currentDirectionOffsetDeg: Number(truth.currentDirectionOffsetDeg),
    };
    const unperturbed = perturbation.windSpeedFactor === 1 && perturbation.windDirectionOffsetDeg === 0 && perturbation.currentSpeedFactor === 1 && perturbation.currentDirectionOffsetDeg === 0;
    void command('truthSet', {
      objectClass: truth.object, position: { lonDeg: reading.lonDeg, latDeg: reading.latDeg }, time,
      forcing: truth.forcing === 'files' ? { wind: truth.wind, current: truth.current } : null,
      ...(unperturbed ? {} : { perturbation }), seed: Number(truth.seed), ...(truth.durationH ? { durationH: Number(truth.durationH) } : {}),
    });
  };

  // the truth forcing goes to the server withheld: the players neither list nor read it (issue 9)
  const uploadWithheld = async (file: File) => {
    try {
      const bytes = await file.arrayBuffer();
      const answer = await api<{ file: ForcingListed & { contents: { quantities: string[] } } }>('POST', `/api/forcing?name=${encodeURIComponent(file.name)}&withheld=true`, bytes,
        { headers: { 'content-type': 'application/octet-stream' } });
      await listForcing();
      const { ref, name, withheld, contents } = answer.file;
      setTruth((before) => ({ ...before, forcing: 'files',
        ...(contents.quantities.includes('wind') ? { wind: ref } : {}), ...(contents.quantities.includes('current') ? { current: ref } : {}) }));
      setNote({ key: withheld ? 'ctl.truth.uploadedWithheld' : 'ctl.truth.uploadedShared', values: { name } });
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };
  /** Uploads among `refs` the players can list (not withheld; the SYNTHETIC demo is everyone's by design). */
  const sharedOf = (refs: readonly string[]) => forcingFiles.filter((f) => refs.includes(f.ref) && !f.withheld && !f.synthetic).map((f) => f.name);
  const sharedPicked = truth.forcing === 'files' ? sharedOf([truth.wind, truth.current]) : [];
  /** A forcing reference by its file's name, marked when withheld. */
  const forcingName = (ref: string) => {
    const f = forcingFiles.find((file) => file.ref === ref);
    return f ? `${f.name}${f.withheld ? ` (${t('ctl.truth.withheldTag')})` : ''}` : ref;
  };

  const scheduleInject = () => {
    const at = readFormUtc(inject.at);
    if (!at) { showError(t('report.badTime'), 'SARB_INVALID_INPUT'); return; }
    const payload: Record<string, unknown> = {
      injectId: inject.injectId.trim() || `inj-${state.injects.length + 1}`, kind: inject.kind, at, text: inject.text.trim(),
    };
    if (inject.kind === 'distressCall' || inject.kind === 'sighting' || inject.kind === 'debris') {
      // a sighting or debris is at a stated position; a distress call may instead report the truth's position then, off by a stated error
      const mode = inject.kind === 'distressCall' ? inject.positionMode : 'given';
      if (mode === 'given') {
        const reading = readPositionFields(inject.fields);
        if (reading.kind !== 'position') { showError(reading.kind === 'problem' ? positionProblemText(reading, language) : t('pos.incomplete'), 'SARB_INVALID_INPUT'); return; }
        payload.position = { lonDeg: reading.lonDeg, latDeg: reading.latDeg };
      } else if (mode === 'random') payload.positionError = { kind: 'random', radiusNm: Number(inject.errorNm), seed: Number(inject.errorSeed) };
      else payload.positionError = { kind: 'bearingDistance', bearingDeg: Number(inject.bearingDeg) % 360, distanceNm: Number(inject.errorNm) };
    }
    if (inject.unitId) payload.unitId = inject.unitId;
    if (inject.kind === 'unitLate') payload.delayH = Number(inject.delayH);
    if (inject.kind === 'weatherChange') {
      const weather: Record<string, number> = {};
      for (const k of ['windKn', 'windFromDeg', 'visibilityNm', 'seaHeightM'] as const) if (inject[k].trim() !== '') weather[k] = Number(inject[k]);
      payload.weather = weather;
    }
    void command('injectScheduled', payload, () => setInject({ ...inject, injectId: '', text: '' }));
  };

  const setClock = () => {
    const exerciseTime = readFormUtc(clockForm.time || (exerciseTimeS !== null ? formUtc(exerciseTimeS * 1000) : truth.time));
    if (!exerciseTime) { showError(t('report.badTime'), 'SARB_INVALID_INPUT'); return; }
    void command('clockSet', { mode: clockForm.mode, exerciseTime, ...(clockForm.mode === 'accelerated' ? { rate: Number(clockForm.rate) } : {}) });
  };
  const step = () => {
    if (!state.clock) return;
    const toMs = Date.parse(state.clock.exerciseTime) + Number(stepMinutes) * 60_000;
    void command('clockStepped', { toTime: new Date(toMs).toISOString().replace('.000Z', 'Z') });
  };

  const input = (value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <input value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} {...extra} />
  );
  const score = scoreView?.score ?? null;
  const tr = state.truth;
  const trackPoints = track && 'points' in track ? track.points : [];
  const last = trackPoints.at(-1);

  return (
    <div class="control-panel" data-testid={TID.controlPanel} data-version={state.version}>
      <h2>{t('ctl.title', { title: state.title })}</h2>
      <p class="hint">{t('ctl.secret')}</p>
      {note && <p class="ok" role="status">{t(note.key, note.values)}</p>}
      <p>{t('ctl.director', { director: state.director.userName, party: state.director.party })} · {t('ctl.controllers')}: {state.controllers.join(', ')}</p>
      {isDirector && !ended && (
        <form class="row" onSubmit={(e) => { e.preventDefault(); void command('controllersSet', { controllers: (controllers ?? '').split(/[\s,]+/).filter(Boolean) }, () => setControllers(null)); }}>
          <label>{t('ctl.controllersHint')} <input data-testid={TID.controllersInput} value={controllers ?? state.controllers.join(', ')} onInput={(e) => setControllers((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" data-testid={TID.controllersSubmit}>{t('ctl.controllersSet')}</button>
        </form>
      )}

      <h3>{t('ctl.clock')}</h3>
      <p>{state.clock && exerciseTimeS !== null ? t('ctl.clock.now', { time: formatUtcWithLocal(exerciseTimeS * 1000, user.party, language), mode: clockModeText(t, state.clock) }) : t('ex.clock.none')}</p>
      {!ended && (
        <div class="control-form">
          <div class="row wrap">
            <label>{t('ctl.clock.mode')}
              <select data-testid={TID.clockMode} value={clockForm.mode} onChange={(e) => setClockForm({ ...clockForm, mode: (e.target as HTMLSelectElement).value as typeof clockForm.mode })}>
                <option value="real">{t('ctl.clock.real')}</option>
                <option value="accelerated">{t('ctl.clock.accelerated')}</option>
                <option value="stepped">{t('ctl.clock.stepped')}</option>
              </select>
            </label>
            {clockForm.mode === 'accelerated' && <label>{t('ctl.clock.rate')} {input(clockForm.rate, (rate) => setClockForm({ ...clockForm, rate }), { 'data-testid': TID.clockRate, size: 5, inputMode: 'decimal' })}</label>}
            <label>{t('ctl.clock.start')} {input(clockForm.time, (time) => setClockForm({ ...clockForm, time }), { 'data-testid': TID.clockTime, size: 16, placeholder: exerciseTimeS !== null ? formUtc(exerciseTimeS * 1000) : truth.time })}</label>
          </div>
          <button type="button" data-testid={TID.clockSubmit} onClick={setClock}>{t('ctl.clock.set')}</button>
          {state.clock?.mode === 'stepped' && (
            <div class="row">
              <label>{t('ctl.clock.stepBy')} {input(stepMinutes, setStepMinutes, { 'data-testid': TID.clockStepMinutes, size: 4, inputMode: 'numeric' })}</label>
              <button type="button" data-testid={TID.clockStep} onClick={step}>{t('ctl.clock.step', { minutes: stepMinutes })}</button>
            </div>
          )}
        </div>
      )}

      <h3>{t('ctl.truth')}</h3>
      <div data-testid={TID.truthCurrent}>
        {tr ? (
          <>
            <p>{t('ctl.truth.current', {
              object: tr.objectClass, position: formatDegreesMinutes(tr.position.latDeg, tr.position.lonDeg), time: when(tr.time),
              forcing: tr.forcing ? `${forcingName(tr.forcing.wind)}, ${forcingName(tr.forcing.current)}` : t('ctl.truth.forecast'), seed: tr.seed,
            })}</p>
            {/* a truth forcing a player has uploaded too (or one never withheld) is every player's now: say so */}
            {tr.forcing && sharedOf([tr.forcing.wind, tr.forcing.current]).length > 0 && <p class="problem" data-testid={TID.truthSetShared}>{t('ctl.truth.sharedPicked', { names: sharedOf([tr.forcing.wind, tr.forcing.current]).join(', ') })}</p>}
            {tr.perturbation && <p class="hint">{t('ctl.truth.perturbed', { ws: tr.perturbation.windSpeedFactor, wd: tr.perturbation.windDirectionOffsetDeg, cs: tr.perturbation.currentSpeedFactor, cd: tr.perturbation.currentDirectionOffsetDeg })}</p>}
            {track && 'problem' in track && <p class="problem">{track.problem}</p>}
            {last && <p class="hint">{t('ctl.truth.track', { points: trackPoints.length, position: formatDegreesMinutes(last.latDeg, last.lonDeg), time: formatUtcWithLocal(last.timeS * 1000, user.party, language), status: t(TRUTH_STATUS_KEYS[last.status]) })}</p>}
          </>
        ) : <p class="hint">{t('ctl.truth.none')}</p>}
      </div>
      {!ended && (
        <form class="control-form" data-testid={TID.truthForm} onSubmit={(e) => { e.preventDefault(); setTruthNow(); }}>
          <label>{t('ctl.truth.object')}</label>
          <ObjectPicker value={truth.object} onChange={(object) => setTruth({ ...truth, object })} />
          <PositionInput value={truth.fields} onChange={(fields) => setTruth({ ...truth, fields })} onPreview={c.setPreview} />
          <div class="row wrap">
            <label>{t('ctl.truth.time')} {input(truth.time, (time) => setTruth({ ...truth, time }), { 'data-testid': TID.truthTime, size: 16 })}</label>
            <label>{t('ctl.truth.seed')} {input(truth.seed, (seed) => setTruth({ ...truth, seed }), { 'data-testid': TID.truthSeed, size: 8, inputMode: 'numeric' })}</label>
            <label>{t('ctl.truth.duration')} {input(truth.durationH, (durationH) => setTruth({ ...truth, durationH }), { size: 4, inputMode: 'decimal' })}</label>
          </div>
          <label>{t('ctl.truth.forcing')}
            <select data-testid={TID.truthForcing} value={truth.forcing} onChange={(e) => setTruth({ ...truth, forcing: (e.target as HTMLSelectElement).value as TruthForm['forcing'] })}>
              <option value="forecast">{t('ctl.truth.forecast')}</option>
              <option value="files">{t('ctl.truth.files')}</option>
            </select>
          </label>
          {truth.forcing === 'files' && (
            <div class="row wrap">
              {(['wind', 'current'] as const).map((q) => (
                <label key={q}>{t(q === 'wind' ? 'ctl.truth.wind' : 'ctl.truth.currentFile')}
                  <select required data-testid={q === 'wind' ? TID.truthWindFile : TID.truthCurrentFile} value={truth[q]} onChange={(e) => setTruth({ ...truth, [q]: (e.target as HTMLSelectElement).value })}>
                    <option value="">—</option>
                    {forcingFiles.map((f) => <option key={f.ref} value={f.ref}>{f.name}{f.synthetic ? ' (SYNTHETIC)' : ''}{f.withheld ? ` (${t('ctl.truth.withheldTag')})` : ''}</option>)}
                  </select>
                </label>
              ))}
            </div>
          )}
          {truth.forcing === 'files' && (
            <>
              <label>{t('ctl.truth.uploadWithheld')} <input type="file" data-testid={TID.truthForcingUpload} accept=".nc,.nc4,.cdf,application/x-netcdf" onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void uploadWithheld(f); }} /></label>
              <p class="hint">{t('ctl.truth.withheldHint')}</p>
              {sharedPicked.length > 0 && <p class="problem" data-testid={TID.truthForcingShared}>{t('ctl.truth.sharedPicked', { names: sharedPicked.join(', ') })}</p>}
            </>
          )}
          <fieldset>
            <legend>{t('ctl.truth.perturbation')}</legend>
            <div class="row wrap">
              <label>{t('ctl.truth.windFactor')} {input(truth.windSpeedFactor, (v) => setTruth({ ...truth, windSpeedFactor: v }), { 'data-testid': TID.truthWindFactor, size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.truth.windTurn')} {input(truth.windDirectionOffsetDeg, (v) => setTruth({ ...truth, windDirectionOffsetDeg: v }), { 'data-testid': TID.truthWindTurn, size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.truth.currentFactor')} {input(truth.currentSpeedFactor, (v) => setTruth({ ...truth, currentSpeedFactor: v }), { 'data-testid': TID.truthCurrentFactor, size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.truth.currentTurn')} {input(truth.currentDirectionOffsetDeg, (v) => setTruth({ ...truth, currentDirectionOffsetDeg: v }), { 'data-testid': TID.truthCurrentTurn, size: 4, inputMode: 'decimal' })}</label>
            </div>
          </fieldset>
          <button type="submit" data-testid={TID.truthSubmit}>{t('ctl.truth.set')}</button>
        </form>
      )}

      <h3>{t('ctl.injects')}</h3>
      {state.injects.length === 0 ? <p class="hint">{t('ctl.injects.none')}</p> : (
        <ul class="injects">
          {state.injects.map(({ inject: i, cancelled, scheduledBy }) => {
            const status = cancelled ? 'cancelled' : released.has(i.injectId) ? 'released' : 'pending';
            return (
              <li key={i.injectId} data-testid={TID.injectScheduledRow} data-inject-id={i.injectId} data-state={status}>
                <strong>{t(INJECT_KIND_KEYS[i.kind])}</strong> <code>{i.injectId}</code> · {status === 'pending' ? t('ctl.inject.pending', { at: when(i.at) }) : t(status === 'released' ? 'ctl.inject.released' : 'ctl.inject.cancelled')} · {scheduledBy}
                <div>{i.text}</div>
                {status === 'pending' && !ended && <button type="button" data-testid={TID.injectCancel} data-inject-id={i.injectId} onClick={() => void command('injectCancelled', { injectId: i.injectId })}>{t('ctl.inject.cancel')}</button>}
              </li>
            );
          })}
        </ul>
      )}
      {!ended && (
        <form class="control-form" data-testid={TID.injectForm} onSubmit={(e) => { e.preventDefault(); scheduleInject(); }}>
          <div class="row wrap">
            <label>{t('ctl.inject.kind')}
              <select data-testid={TID.injectKind} value={inject.kind} onChange={(e) => setInject({ ...inject, kind: (e.target as HTMLSelectElement).value as InjectForm['kind'] })}>
                {KINDS.map((k) => <option key={k} value={k}>{t(INJECT_KIND_KEYS[k])}</option>)}
              </select>
            </label>
            <label>{t('ctl.inject.id')} {input(inject.injectId, (injectId) => setInject({ ...inject, injectId }), { size: 8, placeholder: `inj-${state.injects.length + 1}` })}</label>
            <label>{t('ctl.inject.at')} {input(inject.at, (at) => setInject({ ...inject, at }), { 'data-testid': TID.injectAt, size: 16, placeholder: exerciseTimeS !== null ? formUtc(exerciseTimeS * 1000) : 'YYYY-MM-DD HH:MM' })}</label>
          </div>
          <label>{t('ctl.inject.text')} <textarea data-testid={TID.injectText} rows={2} required value={inject.text} onInput={(e) => setInject({ ...inject, text: (e.target as HTMLTextAreaElement).value })} /></label>
          {inject.kind === 'distressCall' && (
            <>
              <label>{t('ctl.inject.position')}
                <select data-testid={TID.injectPositionMode} value={inject.positionMode} onChange={(e) => setInject({ ...inject, positionMode: (e.target as HTMLSelectElement).value as InjectForm['positionMode'] })}>
                  <option value="random">{t('ctl.inject.positionMode.random')}</option>
                  <option value="bearing">{t('ctl.inject.positionMode.bearing')}</option>
                  <option value="given">{t('ctl.inject.positionMode.given')}</option>
                </select>
              </label>
              {inject.positionMode !== 'given' && (
                <div class="row wrap">
                  <label>{t(inject.positionMode === 'random' ? 'ctl.inject.radiusNm' : 'ctl.inject.distanceNm')} {input(inject.errorNm, (errorNm) => setInject({ ...inject, errorNm }), { 'data-testid': TID.injectErrorNm, size: 4, inputMode: 'decimal' })}</label>
                  {inject.positionMode === 'bearing' && <label>{t('ctl.inject.bearingDeg')} {input(inject.bearingDeg, (bearingDeg) => setInject({ ...inject, bearingDeg }), { size: 4, inputMode: 'decimal' })}</label>}
                  {inject.positionMode === 'random' && <label>{t('ctl.truth.seed')} {input(inject.errorSeed, (errorSeed) => setInject({ ...inject, errorSeed }), { size: 10, inputMode: 'numeric' })}</label>}
                </div>
              )}
            </>
          )}
          {(inject.kind === 'sighting' || inject.kind === 'debris' || (inject.kind === 'distressCall' && inject.positionMode === 'given')) && (
            <>
              <label>{t('ctl.inject.position')}</label>
              <PositionInput value={inject.fields} onChange={(fields) => setInject({ ...inject, fields })} />
            </>
          )}
          {(inject.kind === 'unitBreakdown' || inject.kind === 'unitLate' || inject.kind === 'sighting') && (
            <label>{t('ctl.inject.unit')}
              <select data-testid={TID.injectUnit} required={inject.kind !== 'sighting'} value={inject.unitId} onChange={(e) => setInject({ ...inject, unitId: (e.target as HTMLSelectElement).value })}>
                <option value="">—</option>
                {(agreement?.units ?? []).map((u) => <option key={u.id} value={u.id}>{u.id} ({u.party})</option>)}
              </select>
            </label>
          )}
          {inject.kind === 'unitLate' && <label>{t('ctl.inject.delay')} {input(inject.delayH, (delayH) => setInject({ ...inject, delayH }), { 'data-testid': TID.injectDelay, size: 4, inputMode: 'decimal' })}</label>}
          {inject.kind === 'weatherChange' && (
            <div class="row wrap">
              <label>{t('ctl.inject.windKn')} {input(inject.windKn, (windKn) => setInject({ ...inject, windKn }), { size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.inject.windFromDeg')} {input(inject.windFromDeg, (windFromDeg) => setInject({ ...inject, windFromDeg }), { size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.inject.visibilityNm')} {input(inject.visibilityNm, (visibilityNm) => setInject({ ...inject, visibilityNm }), { size: 4, inputMode: 'decimal' })}</label>
              <label>{t('ctl.inject.seaHeightM')} {input(inject.seaHeightM, (seaHeightM) => setInject({ ...inject, seaHeightM }), { size: 4, inputMode: 'decimal' })}</label>
            </div>
          )}
          <button type="submit" data-testid={TID.injectSubmit}>{t('ctl.inject.schedule')}</button>
        </form>
      )}

      <h3>{t('ctl.detections')}</h3>
      {state.detections.length === 0 ? <p class="hint">{t('ctl.detections.none')}</p> : (
        <ul>
          {state.detections.map((d) => (
            <li key={d.version} data-testid={TID.detectionDraw} data-search-version={d.searchVersion} data-hit={String(d.hit)} class={d.hit ? 'hit' : 'miss'}>
              {d.note ? t('ctl.draw.note', { unit: d.unitId, note: d.note })
                : d.hit ? t('ctl.draw.hit', { unit: d.unitId, time: d.time ? when(d.time) : '—', position: d.position ? formatDegreesMinutes(d.position.latDeg, d.position.lonDeg) : '—', expected: formatNumber(d.expectedDetections, language, 2), pod: formatPercent(1 - Math.exp(-d.expectedDetections), language) })
                  : t('ctl.draw.miss', { unit: d.unitId, expected: formatNumber(d.expectedDetections, language, 2), pod: formatPercent(1 - Math.exp(-d.expectedDetections), language) })}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('ctl.exchanges')}</h3>
      {/* live: the control view is read again on every event of the players' case and of the control stream */}
      <div data-testid={TID.exchangesView} data-messages={view!.exchanges.messages}>
        {view!.exchanges.parties.length === 0 ? <p class="hint">{t('ctl.exchanges.none')}</p> : (
          <ul>
            {view!.exchanges.parties.map((x) => (
              <li key={`${x.party}-${x.toParty}`} data-testid={TID.exchangesWay} data-from={x.party} data-to={x.toParty} data-messages={x.messages} data-acknowledged={x.acknowledged}>
                {t('ctl.exchanges.way', { from: x.party, to: x.toParty, messages: x.messages, acknowledged: x.acknowledged, share: formatPercent(x.acknowledgedShare, language) })}
                {x.acknowledged > 0 && <span class="hint"> · {t('ctl.exchanges.delays', {
                  mean: formatNumber(x.meanAckDelayS! / 60, language, 1), median: formatNumber(x.medianAckDelayS! / 60, language, 1), max: formatNumber(x.maxAckDelayS! / 60, language, 1),
                })}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>

      <h3>{t('ctl.lessons')}</h3>
      <ul>{state.lessons.map((l) => <li key={l.version} data-testid={TID.lessonEntry}><span class="when">{when(l.recordedAt)}</span> {l.by}: {l.text}</li>)}</ul>
      <form class="control-form" onSubmit={(e) => { e.preventDefault(); if (lesson.trim()) void command('lessonEntered', { text: lesson.trim() }, () => setLesson('')); }}>
        <textarea data-testid={TID.lessonText} rows={2} aria-label={t('ctl.lessons')} value={lesson} onInput={(e) => setLesson((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" data-testid={TID.lessonSubmit}>{t('ctl.lesson.add')}</button>
      </form>

      <h3>{t('ctl.end')}</h3>
      {state.ended ? <p>{t('ctl.ended', { by: state.ended.by, time: when(state.ended.recordedAt) })}{state.ended.text ? ` ${state.ended.text}` : ''}</p> : (
        <form class="control-form" onSubmit={(e) => { e.preventDefault(); if (confirm(t('ctl.end.confirm'))) void command('exerciseEnded', endText.trim() ? { text: endText.trim() } : {}); }}>
          <label>{t('ctl.end.text')} <textarea data-testid={TID.endText} rows={2} value={endText} onInput={(e) => setEndText((e.target as HTMLTextAreaElement).value)} /></label>
          <button type="submit" data-testid={TID.endSubmit}>{t('ctl.end')}</button>
        </form>
      )}

      <h3>{t('ctl.score')}</h3>
      <button type="button" data-testid={TID.scoreLoad} onClick={() => getScore(caseId).then(setScoreView, (error: unknown) => { const w = errorWords(t, error); showError(w.message, w.code); })}>{t('ctl.score.load')}</button>
      {score && (
        <ul data-testid={TID.scoreView}>
          {scoreView!.planProblems.map((p) => <li key={p.version} class="hint">{p.planId}: {p.problem}</li>)}
          <li>{score.detection.detected
            ? t('ctl.score.detected', { unit: score.detection.unitId ?? '—', hours: formatNumber((score.detection.timeToDetectionS ?? 0) / 3600, language, 1) })
            : t('ctl.score.notDetected')}</li>
          {score.plans.map((p) => (
            <li key={p.planId}>{t('ctl.score.plan', { planId: p.planId, in50: t(p.inside50 ? 'ctl.yes' : 'ctl.no'), in90: t(p.inside90 ? 'ctl.yes' : 'ctl.no'), rank: p.truthCellRank === null ? '—' : `${p.truthCellRank} / ${p.cellsWithProbability}` })}</li>
          ))}
          <li>{t('ctl.score.effort', { nm2: formatNumber(score.effort.totalSweptNm2, language, 1), hours: formatNumber(score.effort.totalUnitHours, language, 1) })}</li>
          <li>{t('ctl.score.rules', { kept: score.rules.keptInTime, total: score.rules.required })}</li>
          <li>{t('ctl.score.exchanges', { messages: score.exchanges.messages })}</li>
          <li>{t('ctl.score.aboard', { lo: score.aboard.liaisonOfficers, obs: score.aboard.observers })}</li>
        </ul>
      )}
      <ReportLinks caseId={caseId} />
    </div>
  );
}
