/**
 * Drift and plan: the case's planning inputs (scenarios, forcing, units), the drift and the
 * optimal plan run in the Worker, the comparison with the IAMSAR baseline, the agreement's
 * notifications and their acknowledgements, issuing the plan, the products for the units, and
 * recording searches done (as planned, or from a unit's recorded GPX or NMEA track) for the next plan.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { placeName, requiredNotifications, type RequiredNotification } from '../../core/cooperation/index.js';
import { formatPosition } from '../../core/geo/position_text.js';
import { PLACE_OUTLINE_SEARCH_NM } from '../../app/plan/place_outlines.js';
import { placeReader } from '../i18n/place_reader.js';
import { DRIFT_SETTINGS } from '../../core/drift/settings.js';
import { api } from '../api/http.js';
import { keepLocalForcing } from '../api/offline_store.js';
import { formatNumber, formatPercent, formatUtcWithLocal } from '../i18n/time_format.js';
import { TID } from '../test_ids.js';
import { errorWords, useApp } from './app.js';
import { useCase } from './case_view.js';
import { describeUpload, readTrackUpload, tracksToStore, TRACK_UPLOAD_ACCEPT, type UploadedTrack } from './track_upload.js';
import { describeSource, positionText, type ForcingSourceInput, type PlanningInputs, type ScenarioInput, type UnitInput } from './planning_inputs.js';

/** Searches done recorded in the log with their track: the plan file's `searchesDone`. */
function searchesDoneFromLog(events: ReturnType<typeof useCase>['snapshot']['events']): unknown[] {
  const out: unknown[] = [];
  for (const e of events) {
    const p = e.payload as { unitId?: string; track?: { lonDeg: number; latDeg: number; time: string }[]; sweepWidthNm?: number; speedKn?: number } | undefined;
    if (e.type !== 'searchDone' || !p?.track || p.track.length < 2 || !p.sweepWidthNm) continue;
    out.push({
      unit: p.unitId, sweepWidthNm: p.sweepWidthNm, ...(p.speedKn ? { speedKn: p.speedKn } : {}),
      track: p.track.map((w) => ({ position: positionText(w.latDeg, w.lonDeg), time: w.time })),
    });
  }
  return out;
}

const TYPES: Readonly<Record<string, string>> = {
  gpx: 'application/gpx+xml', kml: 'application/vnd.google-earth.kml+xml', rtz: 'application/xml', geojson: 'application/geo+json', txt: 'text/plain', json: 'application/json',
};

/** Object URLs for a plan's files (revoked when the plan changes). */
function useFileLinks(files: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  const links = useMemo(() => Object.fromEntries(Object.entries(files ?? {}).map(([name, text]) =>
    [name, URL.createObjectURL(new Blob([text], { type: `${TYPES[name.split('.').pop() ?? ''] ?? 'text/plain'};charset=utf-8` }))])), [files]);
  useEffect(() => () => { for (const url of Object.values(links)) URL.revokeObjectURL(url); }, [links]);
  return links;
}

/** A unit as the plan list names it: its id and, when the plan file gives one, its party. */
function unitLabel(unitId: string, party: string): string {
  return party === '' ? unitId : `${unitId} (${party})`;
}

export function PlanPanel() {
  const { t, user, language, agreement, showError, clearError, planner } = useApp();
  const c = useCase();
  const [working, setWorking] = useState<PlanningInputs | null>(c.inputs as PlanningInputs | null);
  const [raw, setRaw] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [forcingProblem, setForcingProblem] = useState<string | null>(null);
  const [held, setHeld] = useState<string | null>(null);
  const [searchUnit, setSearchUnit] = useState('');
  const [gpx, setGpx] = useState<UploadedTrack | null>(null);
  const [trackDate, setTrackDate] = useState('');
  const [showBaseline, setShowBaseline] = useState(false);
  useEffect(() => c.showBaseline(showBaseline), [showBaseline]);
  useEffect(() => setWorking(c.inputs as PlanningInputs | null), [c.inputsVersion]);
  const [constants, setConstants] = useState({ windMps: 0, windFromDeg: 0, currentMps: 0, currentTowardDeg: 0 });
  const [objectKeys, setObjectKeys] = useState<readonly string[]>([]);
  useEffect(() => { planner.objects().then((o) => setObjectKeys(o.map((x) => x.key)), () => undefined); }, []);
  /** The newest report with a position, as a scenario (weight 1, its object, 1 NM). */
  const latestReport = useMemo((): ScenarioInput | null => {
    const r = [...c.snapshot.events].reverse().find((e) => e.type === 'report' && e.payload?.position && e.payload?.time);
    if (!r) return null;
    const p = r.payload as { text: string; position: { lonDeg: number; latDeg: number }; time: string; objectClass?: string };
    return { name: p.text.slice(0, 60), weight: 1, object: p.objectClass ?? 'PIW-1', position: positionText(p.position.latDeg, p.position.lonDeg), time: p.time, radiusNm: 1 };
  }, [c.snapshot.events]);

  const fromLog = useMemo(() => searchesDoneFromLog(c.snapshot.events), [c.snapshot.events]);
  const effective = working ? { ...working, searchesDone: [...((working.searchesDone as unknown[]) ?? []), ...fromLog] } : null;
  // an acknowledgement counts only from the party the notification goes to (as the server's check)
  const acknowledged = new Set(c.snapshot.events.filter((e) => e.type === 'notificationAcknowledged').map((e) => `${String(e.payload?.notificationId)}@${e.party ?? ''}`));
  const isAcknowledged = (n: RequiredNotification) => acknowledged.has(`${n.id}@${n.toParty}`);
  const notifications: RequiredNotification[] = c.plan ? requiredNotifications(c.plan.findings) : [];
  // the server's refusal lists what was missing then; an acknowledgement since makes it stale
  useEffect(() => setHeld(null), [acknowledged.size]);
  const when = (s: number) => formatUtcWithLocal(s * 1000, user.party, language);
  const unitFiles = c.plan ? Object.keys(c.plan.files).filter((n) => n.endsWith('.rtz')) : [];
  const links = useFileLinks(c.plan?.files);

  const saveInputs = async (inputs: PlanningInputs) => {
    try {
      const o = await c.append({ type: 'planningInputs' as never, payload: { inputs } as never });
      setNote(o.sent ? t('plan.inputsSaved', { version: o.version }) : t('plan.inputsQueued'));
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  /** Put a file first for the quantities it holds (the others stay as fallbacks). */
  const useFile = (name: string, quantities: readonly ('wind' | 'current')[]): PlanningInputs | null => {
    if (!working?.forcing) return null;
    const forcing = { ...working.forcing };
    for (const q of quantities) forcing[q] = [{ file: name }, ...forcing[q].filter((s) => !('file' in s && s.file === name))];
    return { ...working, forcing };
  };

  const openLocal = async (file: File) => {
    setForcingProblem(null);
    try {
      const bytes = await file.arrayBuffer();
      const { description, quantities } = await planner.describeForcing(file.name, bytes);
      if (quantities.length === 0) throw new Error('it holds no wind or current variables');
      const name = `local:${file.name}`;
      c.addLocalFile(name, bytes);
      void keepLocalForcing(name, bytes);
      const next = useFile(name, quantities);
      if (next) setWorking(next);
      setNote(t('plan.localOpened', { name: file.name, what: description.join('; ') }));
    } catch (error) {
      setForcingProblem(t('error.forcingFile', { name: file.name, message: (error as Error).message }));
    }
  };

  const upload = async (file: File) => {
    setForcingProblem(null);
    try {
      const bytes = await file.arrayBuffer();
      const { quantities } = await planner.describeForcing(file.name, bytes);
      const answer = await api<{ file: { sha256: string; name: string; contents?: { description?: string[] } } }>('POST', `/api/forcing?name=${encodeURIComponent(file.name)}`, bytes,
        { headers: { 'content-type': 'application/octet-stream' } });
      const next = useFile(`upload:${answer.file.sha256}`, quantities);
      if (next) { setWorking(next); await saveInputs(next); }
      setNote(t('plan.uploaded', { name: file.name, what: (answer.file.contents?.description ?? []).join('; ') }));
    } catch (error) {
      setForcingProblem(t('error.forcingFile', { name: file.name, message: errorWords(t, error).message }));
    }
  };

  const issue = async () => {
    const p = c.plan;
    if (!p) return;
    setHeld(null);
    const planId = `P${c.snapshot.version + 1}-${new Date().toISOString().slice(11, 16).replace(':', '')}Z`;
    try {
      const o = await c.append({
        type: 'planIssued',
        payload: {
          planId, text: p.files['plan-message.txt'].slice(0, 4000),
          units: p.units.map((u) => ({ unitId: u.unitId, pattern: u.pattern, area: u.area })),
          plan: p.planForRules as never,
        },
      });
      setNote(o.sent ? t('plan.issued', { planId, version: o.version }) : t('plan.issueQueued', { planId }));
    } catch (error) {
      const w = errorWords(t, error);
      if (w.code === 'SARB_PLAN_NOT_ISSUABLE') setHeld(w.message);
      else showError(w.message, w.code);
    }
  };

  const acknowledge = async (n: RequiredNotification) => {
    try {
      await c.append({ type: 'notificationAcknowledged', payload: { notificationId: n.id } });
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  const recordSearch = async () => {
    const p = c.plan;
    const unit = p?.units.find((u) => u.unitId === searchUnit);
    if (!unit) return;
    const tracks = gpx ? tracksToStore(gpx) : [unit.waypoints];
    try {
      for (const [k, points] of tracks.entries()) {
        await c.append({
          type: 'searchDone',
          payload: {
            unitId: unit.unitId, podPercent: Math.round(1000 * unit.pos) / 10, sweepWidthNm: unit.sweepWidthNm, speedKn: unit.speedKn,
            text: gpx ? `track from ${gpx.name}${tracks.length > 1 ? ` (segment ${k + 1} of ${tracks.length})` : ''}` : 'searched as planned',
            track: points.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, time: new Date(Math.round(w.timeS) * 1000).toISOString().replace('.000Z', 'Z') })),
          } as never,
        });
      }
      setNote(t('plan.searchDoneSaved', { unit: unit.unitId }));
      setGpx(null);
    } catch (error) {
      const w = errorWords(t, error);
      showError(w.message, w.code);
    }
  };

  const scenarios = (working?.scenarios ?? []) as ScenarioInput[];
  const units = (working?.units ?? []) as UnitInput[];
  const sourceText = (s: ForcingSourceInput) => {
    const d = describeSource(s);
    return d.kind === 'constant' ? t('plan.forcing.constant', { speed: d.speedMps ?? 0, dir: d.dirDeg ?? 0 })
      : d.kind === 'demo' ? t('plan.forcing.demo', { name: d.name }) : d.kind === 'upload' ? t('plan.forcing.upload', { name: d.name })
        : d.kind === 'local' ? t('plan.forcing.local', { name: d.name }) : d.name;
  };

  return (
    <div class="plan-panel">
      <h2>{t('plan.inputs')}</h2>
      {!working ? <p>{t('plan.noInputs')}</p> : (
        <>
          <h3>{t('plan.scenarios')}</h3>
          <ul class="scenarios">{scenarios.map((s, k) => (
            <li key={k}>
              {t('plan.scenario', { name: s.name, object: s.object, weight: s.weight, position: s.position ?? '—', time: s.time ?? '—', radius: s.radiusNm ?? 0.5 })}
              <span class="edit">
                <label>{t('plan.weight')} <input type="number" min={0.01} step={0.05} size={4} value={s.weight}
                  onChange={(e) => setWorking({ ...working, scenarios: scenarios.map((x, j) => (j === k ? { ...x, weight: Number((e.target as HTMLInputElement).value) || x.weight } : x)) })} /></label>
                <label>{t('report.object')} <select value={s.object} onChange={(e) => setWorking({ ...working, scenarios: scenarios.map((x, j) => (j === k ? { ...x, object: (e.target as HTMLSelectElement).value } : x)) })}>
                  {objectKeys.map((key) => <option key={key} value={key}>{key}</option>)}
                </select></label>
                {scenarios.length > 1 && <button type="button" onClick={() => setWorking({ ...working, scenarios: scenarios.filter((_, j) => j !== k) })}>{t('plan.remove')}</button>}
              </span>
            </li>
          ))}</ul>
          {latestReport && <button type="button" onClick={() => setWorking({ ...working, scenarios: [...scenarios, latestReport] })}>{t('plan.addReport')}</button>}
          <h3>{t('plan.forcing')}</h3>
          <ul>
            {(working.forcing?.wind ?? []).map((s, k) => <li key={`w${k}`}>{t('plan.wind', { source: sourceText(s) })}</li>)}
            {(working.forcing?.current ?? []).map((s, k) => <li key={`c${k}`}>{t('plan.current', { source: sourceText(s) })}</li>)}
          </ul>
          <div class="constants">
            <label>{t('plan.windConstant')} <input type="number" min={0} max={60} step={0.5} size={4} value={constants.windMps} onInput={(e) => setConstants({ ...constants, windMps: Number((e.target as HTMLInputElement).value) })} /> m/s
              <input type="number" min={0} max={360} step={5} size={4} value={constants.windFromDeg} onInput={(e) => setConstants({ ...constants, windFromDeg: Number((e.target as HTMLInputElement).value) })} />°</label>
            <label>{t('plan.currentConstant')} <input type="number" min={0} max={5} step={0.05} size={4} value={constants.currentMps} onInput={(e) => setConstants({ ...constants, currentMps: Number((e.target as HTMLInputElement).value) })} /> m/s
              <input type="number" min={0} max={360} step={5} size={4} value={constants.currentTowardDeg} onInput={(e) => setConstants({ ...constants, currentTowardDeg: Number((e.target as HTMLInputElement).value) })} />°</label>
            <button type="button" onClick={() => setWorking({ ...working, forcing: {
              wind: [{ constant: { speedMps: constants.windMps, fromDeg: constants.windFromDeg } }],
              current: [{ constant: { speedMps: constants.currentMps, towardDeg: constants.currentTowardDeg } }],
            } })}>{t('plan.useConstants')}</button>
          </div>
          <label>{t('plan.localFile')} <input type="file" data-testid={TID.forcingLocalFile} accept=".nc,.nc4,.cdf,application/x-netcdf" onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void openLocal(f); }} /></label>
          <label>{t('plan.uploadFile')} <input type="file" data-testid={TID.forcingUploadFile} accept=".nc,.nc4,.cdf,application/x-netcdf" onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void upload(f); }} /></label>
          {forcingProblem && <p class="problem" role="alert" data-testid={TID.forcingError}>{forcingProblem}</p>}
          <h3>{t('plan.units')}</h3>
          <ul>{units.map((u) => <li key={u.id}>{t('plan.unit', { id: u.id, party: u.party ?? '—', speed: u.speedKn, endurance: u.enduranceH, arrival: u.arrival })}</li>)}</ul>
          {c.inputsWithheldUnits > 0 && <p class="hint" data-testid={TID.unitsNotShown}>{t('plan.unitsNotShown', { count: c.inputsWithheldUnits, party: user.party })}</p>}
          {fromLog.length > 0 && <p class="hint">{t('log.type.searchDone')}: {fromLog.length}</p>}
          {working !== c.inputs && <button type="button" onClick={() => void saveInputs(working)}>{t('plan.saveRaw')}</button>}
        </>
      )}
      <div class="run">
        <label>{t('plan.particles')}
          <input type="number" data-testid={TID.particleCount} min={100} max={DRIFT_SETTINGS.particleCount.max} step={100} value={c.particles ?? (working?.particles as number | undefined) ?? 5000}
            onChange={(e) => c.setParticles(Number((e.target as HTMLInputElement).value) || undefined)} />
        </label>
        <button type="button" data-testid={TID.driftRun} disabled={!effective || c.running !== null} onClick={() => void c.runDrift(effective!)}>{t('plan.runDrift')}</button>
        <button type="button" data-testid={TID.planRun} disabled={!c.drift || c.running !== null} onClick={() => void c.runPlan()}>{t('plan.runPlan')}</button>
      </div>
      {c.running && (
        <p role="status">
          <progress data-testid={TID.driftProgress} max={1} value={c.running.what === 'drift' ? c.running.fraction : undefined} />{' '}
          {c.running.what === 'drift' ? t('plan.running', { percent: Math.round(100 * c.running.fraction) }) : t('plan.planning')}
        </p>
      )}
      {c.drift && <p class="ok">{t('plan.driftDone', { particles: formatNumber(c.drift.count, language), hours: c.drift.durationH, seconds: c.drift.seconds.toFixed(1) })}</p>}
      {note && <p class="ok" role="status">{note}</p>}

      {c.plan && (
        <section class="plan-result">
          <p class="pos">
            <strong data-testid={TID.planPosTotal} data-pos={c.plan.pos}>{t('plan.total', { pos: formatPercent(c.plan.pos, language) })}</strong>
            {' · '}
            <span data-testid={TID.planBaselinePos} data-pos={c.plan.baselinePos}>{t('plan.baseline', { pos: formatPercent(c.plan.baselinePos, language) })}</span>
            {' · '}
            <span data-testid={TID.planChosen} data-chosen={c.plan.chosen}>{t(c.plan.chosen === 'optimiser' ? 'plan.chosenOptimiser' : 'plan.chosenBaseline')}</span>
          </p>
          {c.plan.previous && (
            <p class={c.plan.previous.kept ? 'ok' : 'hint'} data-testid={TID.planPrevious} data-kept={String(c.plan.previous.kept)}>
              {c.plan.previous.pos === null ? t('plan.previousUnused', { why: c.plan.previous.note.replace(/^previous areas not used: /, '') })
                : t(c.plan.previous.kept ? 'plan.previousKept' : 'plan.previousReplaced', { pos: formatPercent(c.plan.previous.pos, language), plan: formatPercent(c.plan.pos, language) })}
            </p>
          )}
          {c.inputsWithheldUnits > 0 && <p class="hint">{t('plan.leavesOut', { count: c.inputsWithheldUnits, party: user.party })}</p>}
          {c.plan.placedOn && (
            <p class="hint" data-testid={TID.planPlacedOn}>
              {t('plan.placedOn', { sample: formatNumber(c.plan.placedOn.particles, language), particles: formatNumber(c.plan.placedOn.of, language) })}
            </p>
          )}
          <p class="hint">{t('plan.planDone', { seconds: c.plan.seconds.toFixed(1) })}</p>
          <label class="check"><input type="checkbox" checked={showBaseline} onChange={(e) => setShowBaseline((e.target as HTMLInputElement).checked)} /> {t('plan.showBaseline')}</label>
          <table>
            <tbody>
              {c.plan.units.map((u) => (
                <tr key={u.unitId} data-testid={TID.planUnitRow} data-unit-id={u.unitId} data-craft={u.craft}>
                  <td>{t('plan.unitRow', { unit: unitLabel(u.unitId, u.party), pattern: u.pattern, spacing: u.trackSpacingNm.toFixed(2), area: u.areaNm2.toFixed(0), pos: formatPercent(u.pos, language) })}
                    <br /><span class="hint">W {u.sweepWidthNm.toFixed(2)} NM · {when(u.startS)} → {when(u.endS)}</span>
                    <br /><span class="hint">{t('plan.unitFlyable', {
                      radius: u.turnRadiusNm.toFixed(2), turns: u.turnTrackNm.toFixed(1), flown: u.flownTrackNm.toFixed(1),
                      closest: u.clearanceNm === null ? '—' : u.closestToLandNm === null ? '> 10 NM' : `${u.closestToLandNm.toFixed(2)} NM`,
                      clearance: u.clearanceNm === null ? '—' : u.clearanceNm.toFixed(2),
                    })}</span></td>
                </tr>
              ))}
              {c.plan.held.map((h) => (
                <tr key={h.unitId} data-testid={TID.planHeldRow} data-unit-id={h.unitId}>
                  <td>{h.noAreaClearanceNm !== null
                    ? t('plan.unitHeldNoArea', { unit: unitLabel(h.unitId, h.party), clearance: h.noAreaClearanceNm.toFixed(2) })
                    : h.inTheWay
                    ? t('plan.unitHeldInTheWay', { unit: unitLabel(h.unitId, h.party), gain: formatPercent(Math.max(0, -h.lossPos), language) })
                    : t('plan.unitHeld', { unit: unitLabel(h.unitId, h.party), pos: formatPercent(h.marginalPos, language) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.plan.landWarnings.map((w, k) => <p class="warning" key={k}>{t('plan.landWarning', { text: w })}</p>)}
          {agreement && c.plan.placesOffTheCoastline.map((o) => {
            const place = agreement.places.find((p) => p.id === o.placeId);
            const name = place ? placeName(place, placeReader(user.party, language), agreement.sharedNaming, agreement.parties.map((x) => x.id)) : o.neutralName;
            const values = { coastline: c.plan!.coastlineLabel ?? '—', place: name, position: formatPosition(o.position), search: PLACE_OUTLINE_SEARCH_NM };
            return (
              <p class="warning" key={o.placeId} data-testid={TID.placeOffTheCoastline} data-place-id={o.placeId} data-distance-nm={o.distanceNm ?? ''}>
                {o.distanceNm === null ? t('plan.offTheCoastlineFar', values) : t('plan.offTheCoastline', { ...values, distance: o.distanceNm.toFixed(2) })}
              </p>
            );
          })}

          {notifications.length > 0 && (
            <>
              <p>{t('plan.held')}</p>
              <ul>
                {notifications.map((n) => {
                  const done = isAcknowledged(n);
                  return (
                    <li key={n.id} data-testid={TID.notificationRow} data-notification-id={n.id} data-state={done ? 'acknowledged' : 'pending'}>
                      {t('plan.notification', { to: `${n.toRccId} (${n.toParty})`, what: `${n.ruleId} ${n.unitId}`, due: when(n.notifyByS) })} — {done ? t('plan.acked') : t('plan.pending')}
                      {n.overdue && <strong class="warning"> {t('plan.overdue', { before: t(n.overdue.before === 'incident' ? 'plan.overdue.incident' : 'plan.overdue.planning') })}</strong>}
                      {!done && n.toParty === user.party && <button type="button" data-testid={TID.acknowledge} onClick={() => void acknowledge(n)}>{t('plan.ack', { party: n.toParty })}</button>}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <button type="button" data-testid={TID.planIssue} onClick={() => void issue()}>{t('plan.issue')}</button>
          {held && <p class="warning" role="alert" data-testid={TID.planHeld}>{held}</p>}

          <h3>{t('plan.exports')}</h3>
          <p class="exports">
            <a data-testid={TID.exportGpx} download="plan.gpx" href={links['plan.gpx']}>GPX</a>{' '}
            <a data-testid={TID.exportKml} download="plan.kml" href={links['plan.kml']}>KML</a>{' '}
            {unitFiles.map((n) => <a key={n} data-testid={TID.exportRtz} download={n} href={links[n]}>RTZ {n.replace(/\.rtz$/, '')}</a>)}{' '}
            <a data-testid={TID.exportGeojson} download="plan.geojson" href={links['plan.geojson']}>GeoJSON</a>{' '}
            <a data-testid={TID.exportMessage} download="plan-message.txt" href={links['plan-message.txt']}>{t('plan.message')}</a>
          </p>
          <pre data-testid={TID.planMessage} class="plan-message">{c.plan.files['plan-message.txt']}</pre>

          <h3>{t('plan.searchDone')}</h3>
          <label>{t('plan.searchDoneUnit')}
            <select data-testid={TID.searchDoneUnit} value={searchUnit} onChange={(e) => setSearchUnit((e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {c.plan.units.map((u) => <option key={u.unitId} value={u.unitId}>{u.unitId} {t('plan.searchDoneAsPlanned')}</option>)}
            </select>
          </label>
          <label>{t('plan.searchDoneGpx')} <input type="file" data-testid={TID.searchDoneGpx} accept={TRACK_UPLOAD_ACCEPT} onChange={async (e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            setGpx(null);
            if (!f) return;
            try { setGpx(await readTrackUpload(f, trackDate || undefined)); clearError('track'); } catch (error) { const w = errorWords(t, error); showError(w.message, w.code, 'track'); }
          }} /></label>
          <label>{t('plan.searchDoneTrackDate')} <input type="date" data-testid={TID.searchDoneTrackDate} value={trackDate} onInput={(e) => setTrackDate((e.target as HTMLInputElement).value)} /></label>
          {gpx && <p data-testid={TID.searchDoneTrackRead} class="note">{describeUpload(gpx, t)}</p>}
          <button type="button" data-testid={TID.searchDoneSubmit} disabled={!searchUnit} onClick={() => void recordSearch()}>{t('plan.searchDoneSubmit')}</button>
        </section>
      )}

      <details class="raw" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && raw === null) setRaw(JSON.stringify(working ?? {}, null, 1)); }}>
        <summary>{t('plan.editRaw')}</summary>
        <textarea rows={16} spellcheck={false} value={raw ?? ''} onInput={(e) => setRaw((e.target as HTMLTextAreaElement).value)} />
        <button type="button" onClick={() => {
          try { const parsed = JSON.parse(raw ?? '{}') as PlanningInputs; setWorking(parsed); void saveInputs(parsed); } catch (error) { showError(`JSON: ${(error as Error).message}`, 'SARB_INVALID_INPUT'); }
        }}>{t('plan.saveRaw')}</button>
      </details>
    </div>
  );
}
