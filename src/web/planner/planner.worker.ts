/**
 * The planner Worker: the same drift, probability and planning code the CLI and the server run
 * (src/app/browser.ts lists it), in a module Worker so the page stays responsive and works with
 * the network cut. Forcing files come from the bundled demo (precached by the service worker),
 * from the server (uploads, named by SHA-256, cached for offline), or from the page (files opened
 * on this device). The drift's positions go back as web-mercator Float32Arrays, transferred.
 */
import {
  bundledCoastlineFromText, coastlineForSpec, forcingBytesOpener, openJobForcing, planAfterDrift, planCaseFromFile,
  placesOffTheCoastline, planForRules, planOutputFiles, parsePlanFile, type PlanCase,
} from '../../app/browser.js';
import { coastlineToGeoJSON, type Coastline } from '../../core/coastline/index.js';
import { checkPlan } from '../../core/cooperation/index.js';
import { driftMemoryBytes, outputTimes, runDrift, summariseCloud, type DriftResult } from '../../core/drift/index.js';
import { SarbridgeError } from '../../core/errors.js';
import { simulateTruthTrack } from '../../core/exercise/index.js';
import { planMessage } from '../../core/export/index.js';
import { parseLeewayTable, type LeewayObjectClass } from '../../core/objects/index.js';
import { containmentContours, pocGrid, fromLocal } from '../../core/probability/index.js';
import { openForcingBytes } from '../../io/netcdf/open_forcing_bytes.js';
import coastlineUrl from '../../../data/coastline/gshhg_f_127E-135E_33N-41N.json?url';
import objectTableUrl from '../../../data/leeway/OBJECTPROP.DAT?url';
import demoWindUrl from '../../../data/forcing/east-sea-synthetic/east-sea-wind.nc?url';
import demoCurrentsUrl from '../../../data/forcing/east-sea-synthetic/east-sea-currents.nc?url';
import { MAP_BYTES_PER_POSITION, PAGE_MAX_DRIFT_BYTES, type DriftView, type PlannerAnswer, type PlannerRequest, type PlanView, type PocView } from './protocol.js';
import { fillWebMercator } from './web_mercator.js';

/** The bundled demo files, by the name planning inputs give them (`demo:NAME`). */
const DEMO_FILES: Readonly<Record<string, string>> = {
  'demo:east-sea-wind.nc': demoWindUrl,
  'demo:east-sea-currents.nc': demoCurrentsUrl,
};

interface WorkerScope { postMessage(message: PlannerAnswer, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PlannerRequest>) => void) | null }
const scope = self as unknown as WorkerScope;
const post = (answer: PlannerAnswer, transfer: Transferable[] = []): void => scope.postMessage(answer, transfer);

let objects: Promise<LeewayObjectClass[]> | null = null;
let coastline: Promise<Coastline> | null = null;
/** Forcing bytes by name, so a second run does not fetch or copy them again. */
const bytesByName = new Map<string, Uint8Array>();
/** The last drift, for the POC grid and the plan. */
let last: { planCase: PlanCase; result: DriftResult; shoreline: Coastline | null; title: string } | null = null;

const objectTable = (): Promise<LeewayObjectClass[]> => (objects ??= fetch(objectTableUrl)
  .then((r) => r.arrayBuffer())
  // the table is Latin-1 text (data/leeway/PROVENANCE.md)
  .then((buffer) => parseLeewayTable(new TextDecoder('latin1').decode(buffer))));
const bundledCoastline = (): Promise<Coastline> => (coastline ??= fetch(coastlineUrl).then((r) => r.text()).then((text) => bundledCoastlineFromText(text)));

/** The bytes of a forcing file the inputs name: demo, uploaded (`upload:SHA256`) or opened here (`local:NAME`). */
async function forcingBytes(name: string, localFiles: Readonly<Record<string, ArrayBuffer>>): Promise<Uint8Array> {
  const local = localFiles[name];
  if (local) { const bytes = new Uint8Array(local); bytesByName.set(name, bytes); return bytes; }
  const kept = bytesByName.get(name);
  if (kept) return kept;
  let url: string;
  if (DEMO_FILES[name]) url = DEMO_FILES[name];
  else if (/^upload:[0-9a-f]{64}$/.test(name)) url = `/api/forcing/${name.slice('upload:'.length)}`;
  else if (name.startsWith('local:')) throw new SarbridgeErrorForPage('SARB_FORCING_FILE', `${name.slice(6)}: this file was opened on another device or before a reload; open it again here`);
  else throw new SarbridgeErrorForPage('SARB_FORCING_FILE', `${name}: not a forcing file this page knows (demo:…, upload:…, local:…)`);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new SarbridgeErrorForPage('SARB_NETWORK', `${name}: cannot be fetched (no network, and not kept on this device)`);
  }
  if (!response.ok) throw new SarbridgeErrorForPage('SARB_FORCING_FILE', `${name}: the server answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  bytesByName.set(name, bytes);
  return bytes;
}

/** An error with a stable code for the page. */
class SarbridgeErrorForPage extends Error {
  constructor(readonly code: string, message: string, readonly values?: Readonly<Record<string, number>>) { super(message); }
}

/** Refuse, before any work, a drift too large for the page's memory (PAGE_MAX_DRIFT_BYTES), with the largest count that fits. */
function checkPageMemory(request: PlanCase['drift']['request']): void {
  const outputs = outputTimes(request).length;
  const bytes = driftMemoryBytes(request) + request.particleCount * outputs * MAP_BYTES_PER_POSITION;
  if (bytes <= PAGE_MAX_DRIFT_BYTES) return;
  const perParticle = bytes / request.particleCount;
  const fits = Math.floor(PAGE_MAX_DRIFT_BYTES / perParticle / 1000) * 1000;
  throw new SarbridgeErrorForPage('SARB_PAGE_MEMORY',
    `${request.particleCount} particles at ${outputs} output times need ${Math.round(bytes / 1e6)} MB in this page, more than its ${PAGE_MAX_DRIFT_BYTES / 1e6} MB: ` +
    `at most ${fits} particles at these output times (the command line takes more)`,
    { particles: request.particleCount, outputs, megabytes: Math.round(bytes / 1e6), limit: PAGE_MAX_DRIFT_BYTES / 1e6, fits });
}

async function drift(request: Extract<PlannerRequest, { kind: 'drift' }>): Promise<void> {
  const started = performance.now();
  const file = parsePlanFile(JSON.stringify(request.inputs), 'planning inputs');
  const withParticles = request.particles === undefined ? file : { ...file, particles: request.particles };
  const planCase = planCaseFromFile(withParticles, await objectTable(), null, 'planning inputs');
  checkPageMemory(planCase.drift.request);
  const names = new Set<string>();
  for (const specs of [planCase.drift.forcing.wind, planCase.drift.forcing.current]) for (const s of specs) if (s.kind === 'file') { names.add(s.path); if (s.grid !== undefined) names.add(s.grid); }
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(name, await forcingBytes(name, request.localFiles));
  const fetched = performance.now();
  const forcing = await openJobForcing(planCase.drift, forcingBytesOpener(files));
  const opened = performance.now();
  const shoreline = await coastlineForSpec(planCase.drift.coastline, { bundled: bundledCoastline });
  const coasted = performance.now();
  let lastPost = 0;
  const result = runDrift(planCase.drift.request, forcing, {
    shoreline,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - lastPost > 100 || done === total) { lastPost = now; post({ kind: 'progress', id: request.id, fraction: done / total }); }
    },
  });
  const drifted = performance.now();
  last = { planCase, result, shoreline, title: request.title };
  const n = result.particles.count, t = result.snapshots.length;
  const merc = new Float32Array(t * n * 2);
  const status = new Uint8Array(t * n);
  const box = Float64Array.of(180, -180, 90, -90);   // west, east, south, north
  result.snapshots.forEach((s, k) => {
    fillWebMercator(s.lonDeg, s.latDeg, n, merc, k * n);
    status.set(s.status, k * n);
    extendBox(s.lonDeg, s.latDeg, n, box);
  });
  const [west, east, south, north] = box;
  const view: DriftView = {
    count: n, timesS: result.snapshots.map((s) => s.timeS), merc, status,
    summaries: result.snapshots.map((s) => summariseCloud(s, result.particles.weight)),
    forcing: result.forcingLabels, fileDescriptions: forcing.files.flatMap((f) => f.description),
    seconds: (performance.now() - started) / 1000, durationH: planCase.drift.request.durationS / 3600,
    bounds: { westDeg: west, southDeg: south, eastDeg: east, northDeg: north },
    phasesS: {
      read: (fetched - started) / 1000, open: (opened - fetched) / 1000, coastline: (coasted - opened) / 1000,
      drift: (drifted - coasted) / 1000, pack: (performance.now() - drifted) / 1000,
    },
  };
  post({ kind: 'drift', id: request.id, drift: view }, [merc.buffer, status.buffer]);
}

/**
 * Grow `box` (west, east, south, north, degrees) to hold n positions: a loop of its own, every
 * store inside it (code after a long loop had no type feedback when V8 compiled the loop, and
 * stopped there at every later call).
 */
function extendBox(lonDeg: Float64Array, latDeg: Float64Array, n: number, box: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const lon = lonDeg[i], lat = latDeg[i];
    if (lon < box[0]) box[0] = lon;
    if (lon > box[1]) box[1] = lon;
    if (lat < box[2]) box[2] = lat;
    if (lat > box[3]) box[3] = lat;
  }
}

/** Colour of a POC cell by its share of the largest cell: transparent to yellow to deep red. */
function pocColour(f: number, out: Uint8ClampedArray, at: number): void {
  if (f <= 0) { out[at + 3] = 0; return; }
  const g = Math.sqrt(f);   // more visible contrast in the tail
  out[at] = 255;
  out[at + 1] = Math.round(235 * (1 - g));
  out[at + 2] = Math.round(60 * (1 - g));
  out[at + 3] = Math.round(70 + 150 * g);
}

function poc(request: Extract<PlannerRequest, { kind: 'poc' }>): void {
  if (!last) throw new SarbridgeErrorForPage('SARB_NO_DRIFT', 'run the drift first');
  const s = last.result.snapshots[Math.max(0, Math.min(request.timeIndex, last.result.snapshots.length - 1))];
  const cloud = { count: s.status.length, lonDeg: s.lonDeg, latDeg: s.latDeg, weight: last.result.particles.weight, status: s.status };
  // cells sized so the 90 % area holds about 20 particles a cell: finer cells on a few thousand
  // particles draw Monte-Carlo noise (single-particle cells, contours round each), not probability
  let released = 0;
  for (let i = 0; i < s.status.length; i++) if (s.status[i] !== 3) released++;
  const cellsAcross90 = Math.max(8, Math.min(50, Math.sqrt((0.9 * released) / 20)));
  const grid = pocGrid(cloud, { maxCells: 512 * 512, cellsAcross90 });
  const { nx, ny } = grid;
  const rgba = new Uint8ClampedArray(nx * ny * 4);
  let max = 0;
  for (let c = 0; c < grid.poc.length; c++) if (grid.poc[c] > max) max = grid.poc[c];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      // the image's row 0 is the grid's northernmost row
      pocColour(max > 0 ? grid.poc[j * nx + i] / max : 0, rgba, ((ny - 1 - j) * nx + i) * 4);
    }
  }
  const corner = (x: number, y: number): [number, number] => { const p = fromLocal(grid.frame, x, y); return [p.lonDeg, p.latDeg]; };
  const x1 = grid.x0M + nx * grid.cellSizeM, y1 = grid.y0M + ny * grid.cellSizeM;
  const contours = containmentContours(grid, [0.5, 0.9]);
  const view: PocView = {
    timeIndex: request.timeIndex, width: nx, height: ny, rgba,
    corners: [corner(grid.x0M, y1), corner(x1, y1), corner(x1, grid.y0M), corner(grid.x0M, grid.y0M)],
    contours: contours as unknown as PocView['contours'], cellSizeNm: grid.cellSizeM / 1852, maxPoc: max,
  };
  post({ kind: 'poc', id: request.id, poc: view }, [rgba.buffer]);
}

function plan(request: Extract<PlannerRequest, { kind: 'plan' }>): void {
  if (!last) throw new SarbridgeErrorForPage('SARB_NO_DRIFT', 'run the drift first');
  const started = performance.now();
  const planCase = request.previous === undefined ? last.planCase : { ...last.planCase, previousAreas: request.previous };
  const run = planAfterDrift(planCase, last.result, last.shoreline);
  const files: Record<string, string> = { ...planOutputFiles({ ...run, planCase: { ...last.planCase, title: last.title } }) };
  const rules = planForRules(run);
  const findings = request.agreement ? checkPlan(request.agreement, rules) : [];
  const planUnits = last.planCase.units ?? [];
  const units = run.optimal.assignments.map((a, k) => ({
    unitId: a.unitId, party: a.party ?? '', craft: planUnits.find((u) => u.unitId === a.unitId)?.craft ?? '', pattern: a.pattern, trackSpacingNm: a.trackSpacingNm, sweepWidthNm: a.sweepWidthNm,
    areaNm2: a.area.lengthNm * a.area.widthNm, area: a.area, pos: run.optimal.unitPos[k], startS: a.route.startTimeS,
    endS: a.route.waypoints[a.route.waypoints.length - 1]?.timeS ?? a.route.startTimeS,
    waypoints: a.route.waypoints.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, timeS: w.timeS })), speedKn: a.route.speedKn,
    turnRadiusNm: a.route.turnRadiusNm ?? 0, flownTrackNm: a.route.flownTrackNm ?? a.route.totalTrackNm, turnTrackNm: a.route.turnTrackNm ?? 0,
    closestToLandNm: run.clearances.optimal[k]?.closest?.distanceNm ?? null, clearanceNm: run.clearances.optimal[k]?.clearanceNm ?? null,
  }));
  files['plan-message.txt'] = planMessage({
    title: last.title, planningTimeS: last.planCase.planningTimeS, datum: run.datumAtPlanning,
    plan: run.optimal, baselinePos: run.baseline.pos, chosen: run.optimal.chosen,
  });
  const view: PlanView = {
    planningTimeS: last.planCase.planningTimeS, units, pos: run.optimal.pos,
    held: run.optimal.held.map((h) => ({ unitId: h.unitId, party: h.party ?? '', marginalPos: h.marginalPos, inTheWay: h.inTheWay ?? false, lossPos: h.lossPos, noAreaClearanceNm: h.noArea ? h.noArea.clearanceNm ?? 0 : null })), baselinePos: run.baseline.pos, chosen: run.optimal.chosen,
    searchesDonePos: run.update?.pos ?? null, previous: run.optimal.previous ?? null, placedOn: run.optimal.placedOn ?? null, datumAtPlanning: { lonDeg: run.datumAtPlanning.lonDeg, latDeg: run.datumAtPlanning.latDeg },
    files, planForRules: rules, findings, landWarnings: run.landWarnings,
    // the agreement's islands and islets where the coastline has no land: the plan's clearances and its rules disagree there
    placesOffTheCoastline: request.agreement && last.shoreline ? placesOffTheCoastline(request.agreement, last.shoreline) : [], coastlineLabel: last.shoreline?.label ?? null, seconds: (performance.now() - started) / 1000,
  };
  post({ kind: 'plan', id: request.id, plan: view });
}

async function isLand(request: Extract<PlannerRequest, { kind: 'isLand' }>): Promise<void> {
  const c = await bundledCoastline();
  const b = c.bounds;
  const inside = request.lonDeg >= b.westDeg && request.lonDeg <= b.eastDeg && request.latDeg >= b.southDeg && request.latDeg <= b.northDeg;
  post({ kind: 'isLand', id: request.id, onLand: inside ? c.isLand(request.lonDeg, request.latDeg) : null, source: c.label });
}

async function describeForcing(request: Extract<PlannerRequest, { kind: 'describeForcing' }>): Promise<void> {
  const bytes = new Uint8Array(request.bytes);
  const file = await openForcingBytes(request.name, bytes);
  bytesByName.set(`local:${request.name}`, bytes);
  post({ kind: 'describeForcing', id: request.id, description: file.description, quantities: (['wind', 'current'] as const).filter((q) => file.fields[q] !== undefined) });
}

/**
 * The truth's track for exercise control's map: the same core function on the same forcing bytes
 * and bundled shoreline as the server's (app/exercise_control/truth_track.ts, model step 600 s),
 * so the controller sees the track the detections are drawn against.
 */
const TRUTH_STEP_S = 600;
async function truthTrack(request: Extract<PlannerRequest, { kind: 'truthTrack' }>): Promise<void> {
  const field = async (ref: string, quantity: 'wind' | 'current') => {
    const file = await openForcingBytes(ref, await forcingBytes(ref, {}));
    const f = file.fields[quantity];
    if (!f) throw new SarbridgeErrorForPage('SARB_EXERCISE_TRUTH', `forcing/${quantity}: '${ref}' holds no ${quantity}`);
    return f;
  };
  const forcing = { wind: await field(request.refs.wind, 'wind'), current: await field(request.refs.current, 'current') };
  const track = simulateTruthTrack(request.truth, forcing, await bundledCoastline(), { durationS: request.durationS, stepS: TRUTH_STEP_S, objects: await objectTable() });
  post({ kind: 'truthTrack', id: request.id, points: track.points });
}

// start the slow parts at once, while the coordinator signs in and opens a case: h5wasm compiles
// its embedded WebAssembly (about 0.5-0.7 s), the coastline's cell index takes a few hundred ms
void objectTable().catch(() => undefined);
void bundledCoastline().catch(() => undefined);
void import('h5wasm').then((h5) => h5.default.ready).catch(() => undefined);

scope.onmessage = (event) => {
  const request = event.data;
  const fail = (error: unknown): void => {
    const code = error instanceof SarbridgeError || error instanceof SarbridgeErrorForPage ? (error as { code: string }).code : 'SARB_PAGE';
    const values = error instanceof SarbridgeErrorForPage ? error.values : undefined;
    post({ kind: 'error', id: request.id, code, message: error instanceof Error ? error.message : String(error), ...(values ? { values } : {}) });
  };
  try {
    switch (request.kind) {
      case 'drift': drift(request).catch(fail); break;
      case 'poc': poc(request); break;
      case 'plan': plan(request); break;
      case 'isLand': isLand(request).catch(fail); break;
      case 'describeForcing': describeForcing(request).catch(fail); break;
      case 'truthTrack': truthTrack(request).catch(fail); break;
      case 'shoreline':
        bundledCoastline().then((c) => post({ kind: 'shoreline', id: request.id, shoreline: coastlineToGeoJSON(c) }), fail);
        break;
      case 'objects':
        objectTable().then((table) => post({ kind: 'objects', id: request.id, objects: table.map((o) => ({ key: o.key, id: o.id, name: o.description })) }), fail);
        break;
    }
  } catch (error) {
    fail(error);
  }
};
