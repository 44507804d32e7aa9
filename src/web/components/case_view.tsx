/**
 * One case on the map: the shared log (live, kept on this device, written through the outbox),
 * the drift and the plan computed in the Worker, and the panels to report, plan, read the log and
 * the agreement. Everything drawn comes from the events this reader's party may see.
 */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FeatureCollection } from 'geojson';
import { cooperationMapFeatures, type CooperationConfig } from '../../core/cooperation/index.js';
import { DRIFT_SETTINGS } from '../../core/drift/settings.js';
import { geodesicCircle, nmToMetres } from '../../core/geo/index.js';
import { CaseSession, type AppendOutcome, type CaseSnapshot } from '../api/case_session.js';
import { keptLocalForcing } from '../api/offline_store.js';
import type { NewEvent, ViewedEvent } from '../api/types.js';
import type { Language } from '../i18n/dictionary.js';
import { placeReader } from '../i18n/place_reader.js';
import { formatNumber, formatUtcWithLocal } from '../i18n/time_format.js';
import { naturalEarthLand } from '../map/natural_earth_land.js';
import { SarMap } from '../map/sar_map.js';
import type { DriftView, PlanAreaView, PlanView, PocView } from '../planner/protocol.js';
import { probe } from '../probe.js';
import { TID } from '../test_ids.js';
import { isExerciseControl } from '../api/exercise_api.js';
import { AgreementPanel } from './agreement_panel.js';
import { CaseStatusPanel } from './case_status_panel.js';
import { caseStatus, currentPayload, fixesOf } from './case_trust.js';
import { errorWords, useApp } from './app.js';
import { ExerciseControlPanel } from './exercise_control_panel.js';
import { DetectionBanner, ExerciseClockBadge, exerciseFeatures, ExercisePlayPanel } from './exercise_play.js';
import { LogPanel } from './log_panel.js';
import { PlanPanel } from './plan_panel.js';
import { RefusedWrites } from './refused_writes.js';
import { prefillReport, ReportPanel } from './report_panel.js';

/** What the panels of an open case share. */
export interface CaseContextValue {
  readonly snapshot: CaseSnapshot;
  readonly append: (event: NewEvent) => Promise<AppendOutcome>;
  readonly session: CaseSession;
  /** The newest planning inputs in the log (a plan file as JSON), or null. */
  readonly inputs: Record<string, unknown> | null;
  readonly inputsVersion: number | null;
  /** Units of another party the server left out of those inputs for this reader (their figures are not released to its party). */
  readonly inputsWithheldUnits: number;
  readonly drift: DriftView | null;
  readonly plan: PlanView | null;
  readonly running: { readonly what: 'drift' | 'plan'; readonly fraction: number } | null;
  /** Drift these planning inputs (the saved ones, or the panel's working copy). */
  readonly runDrift: (inputs: unknown) => Promise<void>;
  readonly runPlan: () => Promise<void>;
  /** Forcing files opened on this device, by the name the inputs give them (`local:NAME`). */
  readonly localFiles: Readonly<Record<string, ArrayBuffer>>;
  readonly addLocalFile: (name: string, bytes: ArrayBuffer) => void;
  readonly setPreview: (p: { lonDeg: number; latDeg: number; onLand: boolean } | null) => void;
  /** Draw the IAMSAR baseline's areas beside the plan's. */
  readonly showBaseline: (visible: boolean) => void;
  readonly particles: number | undefined;
  readonly setParticles: (n: number | undefined) => void;
  /** Exercise control's map layer (the truth track, the searches drawn): set by the control panel only. */
  readonly setControlLayer: (features: FeatureCollection | null) => void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);
export function useCase(): CaseContextValue {
  const v = useContext(CaseContext);
  if (!v) throw new Error('useCase outside a case');
  return v;
}


/** SRRs, places in the reader's names (in its own script outside English), and the contested features' notification circles. */
function cooperationLayer(config: CooperationConfig, party: string, language: Language): FeatureCollection {
  const base = cooperationMapFeatures(config, placeReader(party, language)) as unknown as FeatureCollection;
  const circles: FeatureCollection['features'] = [];
  for (const rule of config.rules) {
    if (rule.kind !== 'contested-feature-notification') continue;
    for (const place of config.places) {
      if (!place.contested || !place.position) continue;
      const ring = geodesicCircle(place.position, nmToMetres(rule.radiusNm));
      circles.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: ring }, properties: { layer: 'contested-circle', placeId: place.id, radiusNm: rule.radiusNm, ruleId: rule.id } });
    }
  }
  return { type: 'FeatureCollection', features: [...base.features, ...circles] };
}

type Tab = 'report' | 'plan' | 'log' | 'agreement' | 'exercise' | 'control';

export function CaseView(props: { caseId: string }) {
  const app = useApp();
  const { t, planner, agreement, user, language, showError, clearError } = app;
  const [session, setSession] = useState<CaseSession | null>(null);
  const [snapshot, setSnapshot] = useState<CaseSnapshot | null>(null);
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('plan');
  const [drift, setDrift] = useState<DriftView | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [running, setRunning] = useState<CaseContextValue['running']>(null);
  const [timeIndex, setTimeIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  // the cloud hidden shows the probability map and its contours beneath it (a dense cloud covers them)
  const [particlesShown, setParticlesShown] = useState(true);
  const [localFiles, setLocalFiles] = useState<Record<string, ArrayBuffer>>({});
  const [particles, setParticles] = useState<number | undefined>(undefined);
  const [mapProblem, setMapProblem] = useState<string | null>(null);
  const mapDiv = useRef<HTMLDivElement>(null);
  const map = useRef<SarMap | null>(null);
  const pocAsked = useRef<number>(-1);
  /** Bumped when the map is (re)created, so the layers' effects run again. */
  const [mapReady, setMapReady] = useState(0);
  /** Where the map looked when it was last taken down (a palette switch makes a new map): the new one looks there too. */
  const lastView = useRef<{ center: [number, number]; zoom: number } | null>(null);

  // open the case: this device's copy at once, the server's events, then live
  useEffect(() => {
    probe.timings!.caseOpenedAtMs = performance.now();
    delete probe.timings!.openToCloudMs;
    let s: CaseSession | null = null;
    let unsubscribe = () => {};
    CaseSession.open(props.caseId).then((opened) => {
      s = opened;
      setSession(opened);
      unsubscribe = opened.subscribe((snap) => { setSnapshot(snap); probe.liveEvents = snap.liveEvents; });
    }, (error: unknown) => setOpenProblem(errorWords(t, error).message));
    return () => { unsubscribe(); s?.close(); probe.caseReady = false; };
  }, [props.caseId]);

  // the map and its basemap (the page still plans without WebGL2)
  useEffect(() => {
    if (!mapDiv.current) return;
    let m: SarMap;
    try {
      m = new SarMap(mapDiv.current, app.night ? 'night' : 'day');
    } catch (error) {
      setMapProblem(t('error.webgl'));
      return;
    }
    map.current = m;
    if (lastView.current) m.map.jumpTo(lastView.current);
    // the new map has no POC image yet: the POC effect asks again for the output time shown
    pocAsked.current = -1;
    m.map.on('error', (e) => console.warn('map:', e.error?.message ?? e));
    void m.whenLoaded().then(async () => {
      probe.renderer = m.particles.renderer;
      const [land, shoreline] = await Promise.all([naturalEarthLand(), planner.shoreline()]);
      await m.setLand(land);
      await m.setShoreline(shoreline);
    });
    (window.sarbridgeApp.bench ??= benchHooks(() => map.current, (n) => setParticles(n || undefined)));
    setMapReady((n) => n + 1);
    return () => {
      const c = m.map.getCenter();
      lastView.current = { center: [c.lng, c.lat], zoom: m.map.getZoom() };
      m.remove();
      map.current = null;
    };
  }, [app.night, session !== null]);

  useEffect(() => { map.current?.particles.setVisible(particlesShown); }, [particlesShown, mapReady]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    m.setRenderer(app.rendererChoice === 'auto' ? null : app.rendererChoice);
    void m.whenLoaded().then(() => { probe.renderer = m.particles.renderer; app.setRendererInUse(m.particles.chosen.renderer); });
  }, [app.rendererChoice, mapReady]);

  useEffect(() => {
    if (map.current && agreement) void map.current.setCooperation(cooperationLayer(agreement, user.party, language));
  }, [agreement, mapReady, language]);

  const events = snapshot?.events ?? [];
  const inputsEvent = useMemo(() => [...events].reverse().find((e) => e.type === ('planningInputs' as never) && e.payload), [events]);
  const inputs = (inputsEvent?.payload?.inputs as Record<string, unknown> | undefined) ?? null;

  // files opened on this device earlier, that the inputs still name
  useEffect(() => {
    if (!inputs) return;
    const forcing = (inputs.forcing ?? {}) as Record<string, { file?: string }[]>;
    const names = Object.values(forcing).flat().map((s) => s.file).filter((f): f is string => typeof f === 'string' && f.startsWith('local:'));
    void Promise.all(names.filter((n) => !localFiles[n]).map(async (n) => [n, await keptLocalForcing(n)] as const)).then((found) => {
      const add = Object.fromEntries(found.filter(([, b]) => b !== null)) as Record<string, ArrayBuffer>;
      if (Object.keys(add).length) setLocalFiles((f) => ({ ...f, ...add }));
    });
  }, [inputs]);

  // reports and units on the map
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    // a corrected report or position is drawn where its newest correction puts it; a retracted
    // report is drawn dimmed, and a retracted position is no part of its unit's track
    const fixes = fixesOf(events);
    const pos = (e: ViewedEvent) => currentPayload(e, fixes).position as { lonDeg: number; latDeg: number } | undefined;
    const reports = events.filter((e) => (e.type === 'report' || e.type === 'sighting') && pos(e));
    void m.setReports({ type: 'FeatureCollection', features: reports.map((e) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [pos(e)!.lonDeg, pos(e)!.latDeg] },
      properties: { version: e.version, type: e.type, corrected: Boolean(fixes.get(e.version)?.replacement), retracted: Boolean(fixes.get(e.version)?.retracted) } })) });
    // each unit's reported positions in log order: its track, and its last position labelled
    const tracks = new Map<string, [number, number][]>();
    for (const e of events) {
      if ((e.type !== 'unitPosition' && !(e.type === 'sighting' && e.payload?.unitId)) || !pos(e) || fixes.get(e.version)?.retracted) continue;
      const id = String(currentPayload(e, fixes).unitId ?? e.payload!.unitId);
      tracks.set(id, [...(tracks.get(id) ?? []), [pos(e)!.lonDeg, pos(e)!.latDeg]]);
    }
    void m.setUnits({ type: 'FeatureCollection', features: [...tracks.entries()].flatMap(([id, track]) => [
      { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: track[track.length - 1] }, properties: { label: id } },
      ...(track.length > 1 ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: track }, properties: { unit: id } }] : []),
    ]) });
  }, [events, mapReady]);

  // an exercise: the injects released with a position and the detections
  useEffect(() => {
    if (map.current) void map.current.setExercise(exerciseFeatures(events, t));
  }, [events, mapReady, language]);

  // the plan on the map: this page's plan, else the last one issued in the log
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (plan) {
      const fc = JSON.parse(plan.files['plan.geojson']) as FeatureCollection;
      for (const f of fc.features) {
        const p = f.properties as Record<string, unknown> | null;
        if (p && p.kind === 'area') p.label = `${String(p.unit)} ${String(p.pattern)} · POS ${(100 * Number(p.pos)).toFixed(1)} %`;
      }
      void m.setPlan(fc);
      return;
    }
    const issued = [...events].reverse().find((e) => e.type === 'planIssued' && e.payload?.plan);
    const geometry = issued?.payload?.plan as { units: { unitId: string; waypoints: { lonDeg: number; latDeg: number }[] }[] } | undefined;
    void m.setPlan(geometry ? {
      type: 'FeatureCollection',
      features: geometry.units.map((u) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: u.waypoints.map((w) => [w.lonDeg, w.latDeg]) }, properties: { unit: u.unitId } })),
    } : null);
  }, [plan, events, mapReady]);

  // the datum track and the drift
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    m.setDrift(drift);
    if (!drift) { void m.setDatum(null); void m.setPoc(null); return; }
    const points = drift.summaries.filter((s) => s.centroid !== null);
    void m.setDatum({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: points.map((s) => [s.centroid!.lonDeg, s.centroid!.latDeg]) }, properties: {} },
        ...points.map((s) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [s.centroid!.lonDeg, s.centroid!.latDeg] }, properties: { timeS: s.timeS } })),
      ],
    });
  }, [drift, mapReady]);

  // the POC image and contours of the output time shown (one request at a time)
  useEffect(() => {
    const m = map.current;
    if (!m || !drift) return;
    m.setTime(timeIndex);
    const k = Math.round(timeIndex);
    if (pocAsked.current === k) return;
    pocAsked.current = k;
    planner.poc(k).then((poc: PocView) => { if (pocAsked.current === k) void m.setPoc(poc); }, () => undefined);
    // a new map (the palette switched) starts at the first output time without POC: it is given the time shown
  }, [timeIndex, drift, mapReady]);

  // play: one output interval every half second
  useEffect(() => {
    if (!playing || !drift) return;
    let last = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const dt = (now - last) / 1000;
      last = now;
      setTimeIndex((i) => {
        const next = i + dt * 2;
        return next > drift.timesS.length - 1 ? 0 : next;
      });
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, drift]);

  // the case is ready once its events are in and the map has drawn them
  useEffect(() => {
    if (!snapshot || probe.caseReady) return;
    const m = map.current;
    if (!m) { probe.caseReady = true; return; }
    // ready once the style is loaded and a frame has drawn the case (not waiting on the land fill)
    void m.whenLoaded().then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).then(() => {
      probe.caseReady = true;
      probe.timings!.caseReadyMs = performance.now() - probe.timings!.caseOpenedAtMs;
    });
  }, [snapshot, mapReady]);

  const runDrift = useCallback(async (inputs: unknown) => {
    setRunning({ what: 'drift', fraction: 0 });
    setPlan(null);
    const started = performance.now();
    const frames = watchFrames();
    try {
      const title = snapshot?.events.find((e) => e.type === 'caseOpened')?.payload?.title;
      const d = await planner.drift(inputs, String(title ?? props.caseId), localFiles, particles, (fraction) => setRunning({ what: 'drift', fraction }));
      setDrift(d);
      clearError('drift');
      setTimeIndex(0);
      pocAsked.current = -1;
      map.current?.fitTo(d.bounds);
      probe.driftsDone++;
      probe.timings!.lastDriftMs = performance.now() - started;
      for (const [phase, s] of Object.entries(d.phasesS)) probe.timings![`drift_${phase}Ms`] = s * 1000;
      if (map.current) {
        map.current.particles.onFirstFrame = () => {
          probe.timings!.firstCloudMs = performance.now() - started;
          probe.timings!.openToCloudMs ??= performance.now() - probe.timings!.caseOpenedAtMs;
        };
      }
    } catch (error) {
      const { code, values } = error as { code?: string; values?: Readonly<Record<string, number>> };
      const w = code === 'SARB_PAGE_MEMORY' && values
        ? { code, message: t('error.pageMemory', Object.fromEntries(Object.entries({ ...values, commandLineMax: DRIFT_SETTINGS.particleCount.max }).map(([k, v]) => [k, formatNumber(v, language)]))) }
        : errorWords(t, error);
      showError(t('error.drift', { message: w.message }), w.code, 'drift');
    } finally {
      setRunning(null);
      const f = frames.stop();
      probe.timings!.driftFrameP50Ms = f.p50Ms;
      probe.timings!.driftFrameMaxMs = f.maxMs;
    }
  }, [localFiles, particles, snapshot]);

  // a case that has planning inputs shows its drift when it opens (the coordinator's first question)
  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current || !inputs || drift || running || !snapshot || !map.current) return;
    autoRan.current = true;
    probe.timings!.autoDriftStartMs = performance.now();
    void runDrift(inputs);
  }, [inputs, snapshot, mapReady]);

  const runPlan = useCallback(async () => {
    if (!drift) { showError(t('plan.needDrift')); return; }
    setRunning({ what: 'plan', fraction: 0 });
    try {
      // a re-plan: the areas of the plan issued last in the case (every unit sent there with one)
      const issued = [...(snapshot?.events ?? [])].reverse().find((e) => e.type === 'planIssued');
      const sent = (issued?.payload?.units ?? []) as readonly { unitId: string; pattern?: string; area?: PlanAreaView['area'] }[];
      const previous = sent.length > 0 && sent.every((u) => u.area !== undefined)
        ? sent.map((u) => ({ unitId: u.unitId, area: u.area!, ...(u.pattern === undefined ? {} : { pattern: u.pattern }) })) : undefined;
      const p = await planner.plan(agreement, previous);
      setPlan(p);
      clearError('plan');
      probe.plansDone++;
      probe.timings!.lastPlanMs = p.seconds * 1000;
    } catch (error) {
      const w = errorWords(t, error);
      showError(t('error.plan', { message: w.message }), w.code, 'plan');
    } finally {
      setRunning(null);
    }
  }, [drift, agreement, snapshot]);

  if (openProblem) return <section class="case-problem"><p class="problem" role="alert">{openProblem}</p><a href="#">{t('case.back')}</a></section>;
  if (!session || !snapshot) return <p class="loading">{t('app.loading')}</p>;

  const opened = snapshot.events.find((e) => e.type === 'caseOpened');
  const title = String(opened?.payload?.title ?? props.caseId);
  const caseParties = caseStatus(snapshot.events).parties;   // with the parties added since it opened
  const context: CaseContextValue = {
    snapshot, session, append: (e) => session.append(e), inputs, inputsVersion: inputsEvent?.version ?? null,
    inputsWithheldUnits: inputsEvent?.withheldUnits ?? 0,
    drift, plan, running, runDrift, runPlan, localFiles,
    addLocalFile: (name, bytes) => setLocalFiles((f) => ({ ...f, [name]: bytes })),
    setPreview: (p) => { void map.current?.setPreview(p); },
    showBaseline: (visible) => { void map.current?.showBaseline(visible); },
    particles, setParticles,
    setControlLayer: (features) => { void map.current?.setControl(features); },
  };
  const isExercise = opened?.payload?.kind === 'exercise';
  // a player's page never asks for exercise control's stream: the tab exists only for the role
  const controls = isExercise && isExerciseControl(user);
  const tabs = ([
    ['report', TID.tabReport, 'tab.report'], ['plan', TID.tabPlan, 'tab.plan'], ['log', TID.tabLog, 'tab.log'], ['agreement', TID.tabAgreement, 'tab.agreement'],
    ...(isExercise ? [['exercise', TID.tabExercise, 'tab.exercise'] as const] : []),
    ...(controls ? [['control', TID.tabControl, 'tab.control'] as const] : []),
  ] as const);
  const time = drift ? drift.timesS[Math.min(drift.timesS.length - 1, Math.round(timeIndex))] : null;
  const queued = snapshot.outbox.length;

  return (
    <CaseContext.Provider value={context}>
      <div class="case-view">
        <div class="case-bar">
          <a href="#">← {t('case.back')}</a>
          <h1 data-testid={TID.caseTitle}>{title}</h1>
          <span class="meta">{t('case.parties', { parties: caseParties.join(' / ') })}</span>
          {isExercise && <ExerciseClockBadge />}
          <span class={`link link-${snapshot.link}`} data-testid={TID.connection} data-state={snapshot.link} role="status">
            {t(snapshot.link === 'online' ? 'conn.online' : snapshot.link === 'offline' ? 'conn.offline' : 'conn.reconnecting')}
            {queued > 0 && ` · ${t('conn.queued', { count: queued })}`}
          </span>
        </div>
        {/SYNTHETIC/.test(title) && <p class="synthetic">{t('case.synthetic')}</p>}
        {isExercise && <DetectionBanner />}
        <div class="case-body">
          <div class="map-column">
            {mapProblem ? <p class="problem" role="alert" data-testid={TID.errorBanner} data-code="SARB_WEBGL">{mapProblem}</p>
              : <div class="map" ref={mapDiv} data-testid={TID.map} />}
            <div class="time-bar">
              <button type="button" data-testid={TID.playPause} disabled={!drift} onClick={() => setPlaying(!playing)} aria-pressed={playing}>{playing ? t('map.pause') : t('map.play')}</button>
              <input type="range" data-testid={TID.timeSlider} aria-label={t('map.time')} min={0} max={drift ? drift.timesS.length - 1 : 0} step="any"
                value={timeIndex} disabled={!drift} onInput={(e) => { setPlaying(false); setTimeIndex(Number((e.target as HTMLInputElement).value)); }} />
              <span data-testid={TID.timeLabel} class="time-label">{time === null ? t('map.noDrift') : formatUtcWithLocal(time * 1000, user.party, language)}</span>
              <span class="legend">
                <label class="check"><input type="checkbox" data-testid={TID.particlesShown} checked={particlesShown} disabled={!drift}
                  onChange={(e) => setParticlesShown((e.target as HTMLInputElement).checked)} /> {t('map.showParticles')}</label>
                <i class="dot active" />{t('map.legend.active')} <i class="dot stranded" />{t('map.legend.stranded')} <i class="dot outside" />{t('map.legend.outside')}
                <i class="swatch poc" />{t('map.legend.poc')} <i class="line c50" />{t('map.legend.c50')} <i class="line c90" />{t('map.legend.c90')}
              </span>
            </div>
          </div>
          <aside class="side">
            <nav class="tabs" role="tablist">
              {tabs.map(([id, testId, key]) => (
                <button type="button" role="tab" key={id} data-testid={testId} aria-selected={tab === id} onClick={() => setTab(id)}>{t(key)}</button>
              ))}
            </nav>
            <RefusedWrites />
            <CaseStatusPanel />
            <div class="panel">
              {tab === 'report' && <ReportPanel />}
              {tab === 'plan' && <PlanPanel />}
              {tab === 'log' && <LogPanel />}
              {tab === 'agreement' && <AgreementPanel />}
              {tab === 'exercise' && <ExercisePlayPanel onReport={(i) => {
                prefillReport(props.caseId, { text: `${i.text}`, ...(i.position ? { latDeg: i.position.latDeg, lonDeg: i.position.lonDeg } : {}), timeS: Date.parse(i.at) / 1000 });
                setTab('report');
              }} />}
              {tab === 'control' && controls && <ExerciseControlPanel />}
            </div>
          </aside>
        </div>
      </div>
    </CaseContext.Provider>
  );
}

/** The page's frame intervals while something runs (is the page responsive during a drift?). */
function watchFrames(): { stop: () => { p50Ms: number; maxMs: number } } {
  const gaps: number[] = [];
  let last = performance.now();
  let frame = requestAnimationFrame(function tick(now) { gaps.push(now - last); last = now; frame = requestAnimationFrame(tick); });
  return {
    stop: () => {
      cancelAnimationFrame(frame);
      gaps.sort((a, b) => a - b);
      return { p50Ms: gaps[Math.floor(gaps.length / 2)] ?? 0, maxMs: gaps[gaps.length - 1] ?? 0 };
    },
  };
}

/** The benchmark's hooks on the open map (bench/web_bench.mjs). */
function benchHooks(getMap: () => SarMap | null, setParticleCount: (n: number) => void): NonNullable<Window['sarbridgeApp']['bench']> {
  return {
    setParticlesVisible: (visible) => getMap()?.particles.setVisible(visible),
    setParticles: setParticleCount,
    view: () => { const m = getMap(); if (!m) return null; const c = m.map.getCenter(); return { lonDeg: c.lng, latDeg: c.lat, zoom: m.map.getZoom() }; },
    drawn: () => { const m = getMap(); return m ? m.drawn() : null; },
    measureFps: (ms) => new Promise((resolve) => {
      const m = getMap();
      if (!m) { resolve({ fps: 0, frames: 0, jsRenderMsP50: 0 }); return; }
      const times: number[] = [];
      let frames = 0;
      const start = performance.now();
      let index = 0;
      const tick = (now: number) => {
        frames++;
        index += 0.05;
        m.setTime(index % 24);
        times.push(m.particles.lastRenderMs);
        m.map.triggerRepaint();
        if (now - start < ms) requestAnimationFrame(tick);
        else {
          times.sort((a, b) => a - b);
          resolve({ fps: (1000 * frames) / (now - start), frames, jsRenderMsP50: times[Math.floor(times.length / 2)] ?? 0 });
        }
      };
      requestAnimationFrame(tick);
    }),
  };
}
