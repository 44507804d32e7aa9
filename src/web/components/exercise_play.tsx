/**
 * An exercise as the players see it (docs/exercises.md): the exercise clock (in the case bar), the
 * injects exercise control released (in the log, on the map; a reported position taken into the
 * report form with one click, never into the log by itself), a detection of the target (banner and
 * map), a simulated search per unit of an issued plan, and a unit's real track uploaded (GPX 1.1 or
 * NMEA 0183, read by core/tracks, bad lines refused with their number) as a search done. Nothing
 * here reads exercise control's stream: a player's page never asks for it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FeatureCollection } from 'geojson';
import { exerciseTimeAt } from '../../core/exercise/index.js';
import { parseTrackFile, type TrackReading } from '../../core/tracks/index.js';
import { reportUrl, simulateSearch } from '../api/exercise_api.js';
import type { ViewedEvent } from '../api/types.js';
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';
import { formatUtc, formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp, type AppContextValue } from './app.js';
import { useCase } from './case_view.js';
import { formatDegreesMinutes } from './position_fields.js';
import { tracksToStore, TRACK_UPLOAD_ACCEPT } from './track_upload.js';

type Position = { readonly lonDeg: number; readonly latDeg: number };
interface ClockPayload { mode: 'real' | 'accelerated' | 'stepped'; rate: number; exerciseTime: string; wallTime: string }
interface InjectPayload {
  injectId: string; kind: string; at: string; text: string; position?: Position; unitId?: string; delayH?: number;
  weather?: { windKn?: number; windFromDeg?: number; visibilityNm?: number; seaHeightM?: number };
}
/** A detection; by a unit the agreement does not release to the reader, only its party (`unitParty`) in place of its id. */
interface DetectedPayload { unitId?: string; unitParty?: string; time: string; position: Position; searchVersion?: number; searchPhaseEnded?: boolean }

/** Who detected: the unit's id, or "a KR unit" when the agreement releases no more of it. */
const detectorName = (t: AppContextValue['t'], d: DetectedPayload): string => d.unitId ?? t('ex.unitOfParty', { party: d.unitParty ?? '?' });

export const INJECT_KIND_KEYS: Readonly<Record<string, MessageKey>> = {
  distressCall: 'ex.kind.distressCall', sighting: 'ex.kind.sighting', debris: 'ex.kind.debris',
  unitBreakdown: 'ex.kind.unitBreakdown', unitLate: 'ex.kind.unitLate', weatherChange: 'ex.kind.weatherChange',
};

const payloads = <T,>(events: readonly ViewedEvent[], type: string): (T & { version: number })[] =>
  events.filter((e) => e.type === type && e.payload).map((e) => ({ ...(e.payload as T), version: e.version }));

/** The newest clock exercise control set, or null before it started. */
export function latestClock(events: readonly ViewedEvent[]): ClockPayload | null {
  return payloads<ClockPayload>(events, 'exerciseClock').at(-1) ?? null;
}

/** The exercise time now, seconds, ticking once a second (null before the clock started). */
export function useExerciseTime(clock: ClockPayload | null): number | null {
  const [nowMs, setNowMs] = useState(Date.now());
  useEffect(() => {
    if (!clock || clock.mode === 'stepped') return;
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [clock]);
  if (!clock) return null;
  return exerciseTimeAt({ mode: clock.mode, rate: clock.rate, exerciseTimeS: Date.parse(clock.exerciseTime) / 1000, wallTimeS: Date.parse(clock.wallTime) / 1000 }, nowMs / 1000);
}

/** The clock's mode in words: real time, ×N, stepped. */
export function clockModeText(t: AppContextValue['t'], clock: { mode: string; rate: number }): string {
  return clock.mode === 'real' ? t('ex.mode.real') : clock.mode === 'stepped' ? t('ex.mode.stepped') : t('ex.mode.accelerated', { rate: clock.rate });
}

/** The exercise clock in the case bar: exercise time (UTC, local), mode and rate. */
export function ExerciseClockBadge() {
  const { t, user, language } = useApp();
  const c = useCase();
  const clock = latestClock(c.snapshot.events);
  const timeS = useExerciseTime(clock);
  if (!clock || timeS === null) return <span class="exercise-clock" data-testid={TID.exerciseClock} data-mode="none">{t('ex.clock.none')}</span>;
  return (
    <span class="exercise-clock" data-testid={TID.exerciseClock} data-mode={clock.mode} data-rate={clock.rate} data-exercise-time={new Date(Math.floor(timeS) * 1000).toISOString()}>
      {t('ex.clock', { time: formatUtcWithLocal(timeS * 1000, user.party, language) })} · {clockModeText(t, clock)}
    </span>
  );
}

/** The banner when the target was detected (the first detection; the others are in the panel). */
export function DetectionBanner() {
  const { t, user, language } = useApp();
  const c = useCase();
  const detected = payloads<DetectedPayload>(c.snapshot.events, 'targetDetected')[0];
  if (!detected) return null;
  return (
    <p class="detected-banner" role="alert" data-testid={TID.exerciseDetected} data-unit-id={detected.unitId ?? ''} data-unit-party={detected.unitParty ?? ''}>
      {t('ex.detected', { unit: detectorName(t, detected), time: formatUtcWithLocal(Date.parse(detected.time), user.party, language), position: formatDegreesMinutes(detected.position.latDeg, detected.position.lonDeg) })}
    </p>
  );
}

/** The players' exercise layer: released injects with a position, detections. */
export function exerciseFeatures(events: readonly ViewedEvent[], t: AppContextValue['t']): FeatureCollection {
  const injects = payloads<InjectPayload>(events, 'injectReleased').filter((i) => i.position);
  const detections = payloads<DetectedPayload>(events, 'targetDetected');
  return {
    type: 'FeatureCollection',
    features: [
      ...injects.map((i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [i.position!.lonDeg, i.position!.latDeg] },
        properties: { layer: 'inject', injectId: i.injectId, label: t(INJECT_KIND_KEYS[i.kind] ?? 'log.type.injectReleased') } })),
      ...detections.map((d) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [d.position.lonDeg, d.position.latDeg] },
        properties: { layer: 'detection', unitId: d.unitId ?? '', label: `${t('log.type.targetDetected')}: ${detectorName(t, d)}` } })),
    ],
  };
}

/** A released inject's details in one line (kind-specific: unit, delay, weather, position). */
export function injectDetails(t: AppContextValue['t'], i: InjectPayload): string {
  const parts: string[] = [];
  if (i.position) parts.push(formatDegreesMinutes(i.position.latDeg, i.position.lonDeg));
  if (i.unitId) parts.push(i.unitId);
  if (i.delayH !== undefined) parts.push(t('ex.delay', { hours: i.delayH }));
  const w = i.weather;
  if (w?.windKn !== undefined) parts.push(t('ex.weather.wind', { kn: w.windKn, deg: w.windFromDeg ?? '—' }));
  if (w?.visibilityNm !== undefined) parts.push(t('ex.weather.visibility', { nm: w.visibilityNm }));
  if (w?.seaHeightM !== undefined) parts.push(t('ex.weather.sea', { m: w.seaHeightM }));
  return parts.join(' · ');
}

/** The after-action report: this party's copy (its place names) and the shared copy (neutral names), HTML, PDF and the score as JSON. */
export function ReportLinks(props: { caseId: string }) {
  const { t, user } = useApp();
  return (
    <p class="report-links">{t('ex.report')}:{' '}
      {([[user.party, 'ex.report.party'], ['shared', 'ex.report.shared']] as const).map(([copy, key]) => (
        <span key={copy}>
          {t(key)}:{' '}
          {(['html', 'pdf', 'json'] as const).map((format) => (
            <a key={format} data-testid={TID.reportLink} data-format={format} data-copy={copy === 'shared' ? 'shared' : 'party'} href={reportUrl(props.caseId, format, copy)} target="_blank" rel="noopener">{format.toUpperCase()} </a>
          ))}
        </span>
      ))}
    </p>
  );
}

const utcSeconds = (timeS: number) => { const iso = new Date(Math.round(timeS) * 1000).toISOString(); return `${iso.slice(0, 19)}Z`; };

export function ExercisePlayPanel(props: { onReport: (inject: InjectPayload) => void }) {
  const { t, user, language, agreement, showError } = useApp();
  const c = useCase();
  const events = c.snapshot.events;
  const injects = payloads<InjectPayload>(events, 'injectReleased');
  const detections = payloads<DetectedPayload>(events, 'targetDetected');
  const ended = payloads<{ text?: string; exerciseTime?: string }>(events, 'exerciseEnded')[0];
  const clock = latestClock(events);
  const plan = useMemo(() => [...events].reverse().find((e) => e.type === 'planIssued' && (e.payload?.plan as { units?: unknown[] } | undefined)?.units?.length), [events]);
  const planUnits = ((plan?.payload?.plan as { units: { unitId: string; party: string }[] } | undefined)?.units ?? []);
  const [note, setNote] = useState<{ key: MessageKey; values?: MessageValues } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const units = useMemo(() => [...new Set([...planUnits.map((u) => u.unitId), ...(agreement?.units.filter((u) => u.party === user.party).map((u) => u.id) ?? [])])], [planUnits.length, agreement]);
  const [track, setTrack] = useState<{ unit: string; file: { name: string; text: string } | null; date: string; widthNm: string; speedKn: string }>({ unit: '', file: null, date: '', widthNm: '', speedKn: '' });
  const [reading, setReading] = useState<{ ok: TrackReading } | { problem: string; code: string } | null>(null);

  // the sweep width and speed this page's plan gives the unit, when it has one
  useEffect(() => {
    const u = c.plan?.units.find((x) => x.unitId === track.unit);
    if (u) setTrack((x) => ({ ...x, widthNm: x.widthNm || String(Math.round(u.sweepWidthNm * 100) / 100), speedKn: x.speedKn || String(u.speedKn) }));
  }, [track.unit, c.plan]);
  // read the file again when it or the NMEA date changes
  useEffect(() => {
    if (!track.file) { setReading(null); return; }
    try {
      setReading({ ok: parseTrackFile(track.file.text, track.file.name, track.date.trim() ? { dateUtc: track.date.trim() } : {}) });
    } catch (error) {
      const e = error as { message?: string; code?: string };
      setReading({ problem: e.message ?? String(error), code: e.code ?? 'SARB_TRACK_FILE' });
    }
  }, [track.file, track.date]);

  const simulate = async (unitId: string) => {
    if (!plan) return;
    setBusy(unitId);
    try {
      const { event } = await simulateSearch(c.snapshot.caseId, unitId, plan.version);
      setNote({ key: 'ex.simulated', values: { unit: unitId, version: event.version } });
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    } finally {
      setBusy(null);
    }
  };

  const recordTrack = async () => {
    if (!reading || !('ok' in reading) || !track.unit) return;
    const widthNm = Number(track.widthNm);
    const speedKn = Number(track.speedKn);
    try {
      // one search per recorded segment (the recorder was off between them), each thinned evenly in time to what a stored search holds
      const segments = tracksToStore({ name: track.file!.name, points: reading.ok.points, reading: reading.ok }).filter((seg) => seg.length >= 2);
      let outcome: Awaited<ReturnType<typeof c.append>> | null = null;
      for (const [k, seg] of segments.entries()) {
        outcome = await c.append({
          type: 'searchDone',
          payload: {
            unitId: track.unit, ...(plan?.payload?.planId ? { planId: String(plan.payload.planId) } : {}),
            text: `track from ${track.file!.name} (${reading.ok.format === 'gpx' ? 'GPX' : 'NMEA 0183'}${segments.length > 1 ? `, segment ${k + 1} of ${segments.length}` : ''}, ${seg.length} positions)`,
            track: seg.map((p) => ({ lonDeg: p.lonDeg, latDeg: p.latDeg, time: utcSeconds(p.timeS) })),
            ...(widthNm > 0 ? { sweepWidthNm: widthNm } : {}), ...(speedKn > 0 ? { speedKn } : {}),
          },
        });
      }
      if (outcome) setNote(outcome.sent ? { key: 'ex.upload.saved', values: { unit: track.unit, version: outcome.version } } : { key: 'ex.upload.queued', values: { unit: track.unit } });
      setTrack({ ...track, file: null });
      setReading(null);
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  const when = (iso: string) => formatUtcWithLocal(Date.parse(iso), user.party, language);
  const points = reading && 'ok' in reading ? reading.ok.points : [];

  // the track can be recorded once it has a unit and a sweep width over 0 (the button and its hint say the same)
  const unitAndWidth = track.unit !== '' && Number(track.widthNm) > 0;
  return (
    <div class="exercise-play">
      <h2>{t('tab.exercise')}</h2>
      <p>{clock ? <ExerciseClockBadge /> : t('ex.clock.none')}</p>
      {note && <p class="ok" role="status">{t(note.key, note.values)}</p>}
      {ended && (
        <div class="ended" data-testid={TID.exerciseEnded}>
          <p><strong>{t('ex.ended', { text: ended.text ?? '' })}</strong></p>
          <ReportLinks caseId={c.snapshot.caseId} />
        </div>
      )}

      <h3>{t('ex.detections')}</h3>
      {detections.length === 0 ? <p class="hint">{t('ex.detections.none')}</p> : (
        <ul>{detections.map((d) => <li key={d.version}><strong>{detectorName(t, d)}</strong> {when(d.time)} · {formatDegreesMinutes(d.position.latDeg, d.position.lonDeg)}</li>)}</ul>
      )}

      <h3>{t('ex.injects')}</h3>
      {injects.length === 0 ? <p class="hint">{t('ex.injects.none')}</p> : (
        <ul class="injects">
          {[...injects].reverse().map((i) => (
            <li key={i.version} data-testid={TID.injectEntry} data-inject-id={i.injectId} data-kind={i.kind}>
              <strong>{t(INJECT_KIND_KEYS[i.kind] ?? 'log.type.injectReleased')}</strong> <span class="when">{when(i.at)}</span>
              <div>{i.text}</div>
              {injectDetails(t, i) && <div class="hint">{injectDetails(t, i)}</div>}
              {i.position && <button type="button" data-testid={TID.injectToReport} data-inject-id={i.injectId} onClick={() => props.onReport(i)}>{t('ex.useAsReport')}</button>}
            </li>
          ))}
        </ul>
      )}

      <h3>{plan ? t('ex.simulate', { planId: String(plan.payload?.planId ?? plan.version) }) : t('ex.simulate.title')}</h3>
      {!plan ? <p class="hint">{t('ex.simulate.none')}</p> : (
        <div class="row wrap">
          {planUnits.map((u) => (
            <button type="button" key={u.unitId} data-testid={TID.simulateSearch} data-unit-id={u.unitId} disabled={busy !== null || !clock || ended !== undefined} onClick={() => void simulate(u.unitId)}>
              {busy === u.unitId ? '…' : t('ex.simulateUnit', { unit: u.unitId })}
            </button>
          ))}
        </div>
      )}
      {plan && !clock && <p class="hint">{t('ex.clock.none')}</p>}

      <h3>{t('ex.upload')}</h3>
      <form class="track-upload" onSubmit={(e) => { e.preventDefault(); void recordTrack(); }}>
        <div class="row">
          <label>{t('ex.upload.unit')}
            <select data-testid={TID.trackUnit} required value={track.unit} onChange={(e) => setTrack({ ...track, unit: (e.target as HTMLSelectElement).value })}>
              <option value="">—</option>
              {units.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </label>
          <label>{t('ex.upload.width')} <input data-testid={TID.trackWidth} size={5} inputMode="decimal" required value={track.widthNm} onInput={(e) => setTrack({ ...track, widthNm: (e.target as HTMLInputElement).value })} /></label>
          <label>{t('ex.upload.speed')} <input data-testid={TID.trackSpeed} size={5} inputMode="decimal" value={track.speedKn} onInput={(e) => setTrack({ ...track, speedKn: (e.target as HTMLInputElement).value })} /></label>
        </div>
        <label>{t('ex.upload.file')} <input type="file" data-testid={TID.trackFile} accept={TRACK_UPLOAD_ACCEPT} onChange={async (e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          setTrack({ ...track, file: f ? { name: f.name, text: await f.text() } : null });
        }} /></label>
        <label>{t('ex.upload.date')} <input data-testid={TID.trackDate} size={10} placeholder="2026-03-10" value={track.date} onInput={(e) => setTrack({ ...track, date: (e.target as HTMLInputElement).value })} /></label>
        {reading && 'problem' in reading && <p class="problem" role="alert" data-testid={TID.trackError} data-code={reading.code}>{reading.problem}</p>}
        {reading && 'ok' in reading && track.file && (
          <div data-testid={TID.trackRead} data-points={points.length}>
            <p>{t('ex.upload.read', { file: track.file!.name, points: points.length, from: formatUtc(points[0].timeS * 1000), to: formatUtc(points[points.length - 1].timeS * 1000) })}</p>
            {(points.length > 5000 || reading.ok.segmentStarts.length > 1) && <p class="hint">{t('ex.upload.thinned', { points: points.length, segments: reading.ok.segmentStarts.length })}</p>}
            {reading.ok.warnings.map((w, k) => <p key={k} class="hint">{t('ex.upload.warning', { text: w })}</p>)}
          </div>
        )}
        {/* a track read, but the button greyed: say what is missing rather than leave it to guess */}
        {reading && 'ok' in reading && track.file && !unitAndWidth && (
          <p class="hint" data-testid={TID.trackMissing}>{t(!track.unit ? 'ex.upload.needUnit' : track.widthNm.trim() === '' ? 'ex.upload.needWidth' : 'ex.upload.badWidth', { width: track.widthNm.trim() })}</p>
        )}
        <button type="submit" data-testid={TID.trackSubmit} disabled={!reading || !('ok' in reading) || !unitAndWidth}>{t('ex.upload.submit')}</button>
      </form>
    </div>
  );
}
