// Random drift jobs run as a user runs them (`sarbridge drift …`, a process each, on flags or a case
// file written to a temp folder), and every promise of the drift command checked on what it wrote:
// - it runs (exit 0, its output written) or is refused clearly (exit 1, one line `sarbridge: … [SARB_…]`,
//   no stack trace, no output file; exit 2 only for a usage error); a job whose times lie outside its
//   forcing's span is refused with SARB_TIME_NOT_COVERED, with spans that say why; a mistake (15 % of
//   the jobs: latitude 95, a step of 0, an unknown class, a missing file, …) by its field's or file's
//   name; a job wholly inside its forcing and in water that is refused is listed for a look;
// - particle counts conserved at every output time (the file and the summary's counts); every
//   coordinate finite and within the forcing's box (plus a step at 6 m/s) and no output interval
//   moving a particle faster than 6 m/s; a stranded or outside-forcing particle stays put;
// - stranded only on land: with the bundled coastline a stranded particle lies on land or within
//   2 m of the shore, an active one is not on land, and (one step an output) no active step crosses
//   land; the run says how many particles were seeded on land and moved (a rerun with
//   --move-off-land-m 0 strands exactly those), and warns of a position on land;
// - not-released counts at each output time as the track's release times say;
// - output times in UTC (ISO with Z), as the start, step and output interval say; the summaries'
//   times, counts and centroids those of the particles written;
// - identical output for 1, 2 and 4 worker threads (GeoJSON byte for byte, the summaries);
// - the trajectory NetCDF read back with netCDF4-python: the same positions (float32) and statuses
//   as the GeoJSON, the time axis, CF-1.8 trajectory attributes, fill values before release;
// - on the uniform pair (0.2 m/s north, 10 m/s westerly): each scenario's mean displacement that of
//   the published Leeway (Allen & Plourde 1999; Breivik & Allen 2008) computed here from
//   data/leeway/OBJECTPROP.DAT: downwind slope×U + offset + σ·E[z | z ≥ −20·slope/σ] (the redrawn,
//   truncated perturbation), crosswind from the right/left coefficients with the sides alternating
//   at seeding and switching by a Poisson process, within 4.5 standard errors of the sample (plus
//   1e-4 of the displacement and 2 m for the Euler scheme on the sphere and the written rounding);
//   and a backward run from the forward run's end cloud returns to its start within the same bound.
// Prints each case that breaks a promise with its seed; its files are kept. Needs `npm run build`.
// Usage: node bench/drift_fuzz.mjs [cases, default 40] [seed, default 1]   (DRIFT_FUZZ_CLI=CHECKOUT: another build's CLI)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundledCoastline } from '../dist/io/coastline/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cases = Number(process.argv[2] ?? 40);
const seed0 = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-drift-fuzz-'));
// DRIFT_FUZZ_CLI=/path/to/other/checkout runs that checkout's CLI on the same cases (a build before a fix)
const cli = join(process.env.DRIFT_FUZZ_CLI ?? root, 'bin/sarbridge.js');
const F = (p) => join(root, 'data/forcing', p);
const H = 3600;
const R = 6371008.8;   // the drift's sphere (IUGG mean radius)
const RAD = Math.PI / 180;
const VMAX_MPS = 6;    // no current plus leeway of the shipped forcing comes near it
const coast = loadBundledCoastline();   // the land oracle (the shipped coastline: what "land" means here)
const COAST_BOUNDS = { w: 127, e: 135, s: 33, n: 41 };

/** mulberry32: a small seeded generator, enough to pick cases. */
function generator(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** The Leeway table read here, independently of the project's parser: SI slopes (fractions) and m/s. */
function leewayTable() {
  const lines = readFileSync(join(root, 'data/leeway/OBJECTPROP.DAT'), 'utf8').split(/\r?\n/);
  const table = [];
  for (let n = 0; n + 2 < lines.length; n++) {
    const m = /^\s*(\S+)\s+(\d+)\s*$/.exec(lines[n]);
    if (!m) continue;
    const x = lines[n + 2].trim().split(/\s+/).map(Number);
    if (x.length !== 9 || x.some((v) => !Number.isFinite(v))) continue;
    const c = (k) => ({ slope: x[k] / 100, offsetMps: x[k + 1] / 100, sdMps: x[k + 2] / 100 });
    table.push({ key: m[1], id: Number(m[2]), downwind: c(0), right: c(3), left: c(6) });
    n += 2;
  }
  return table;
}
const OBJECTS = leewayTable();
if (OBJECTS.length !== 85) throw new Error(`OBJECTPROP.DAT: ${OBJECTS.length} classes, expected 85`);

const FORCINGS = {
  eastSea: { name: 'east-sea-synthetic', wind: [F('east-sea-synthetic/east-sea-wind.nc')], current: [F('east-sea-synthetic/east-sea-currents.nc')],
    startS: Date.UTC(2026, 2, 10) / 1000, endS: Date.UTC(2026, 2, 14) / 1000, box: [128, 134, 35, 40], water: [129.6, 133.6, 36.3, 39.6] },
  uniform: { name: 'uniform', wind: [F('uniform/wind_uniform_u10_v0.nc')], current: [F('uniform/current_uniform_u0_v0.2.nc')],
    startS: Date.UTC(2024, 0, 1) / 1000, endS: Date.UTC(2024, 0, 2, 6) / 1000, box: [130.87, 132.87, 36.74, 38.24], water: [131.0, 132.4, 36.85, 37.8] },
  arome: { name: 'norway-real AROME wind', wind: [F('norway-real/AROME_MetCoOp_00_DEF_20160114_subset.nc')], currentConstant: true,
    startS: Date.UTC(2016, 0, 14) / 1000, endS: Date.UTC(2016, 0, 14, 2) / 1000, box: [0.77, 8.6, 60.3, 64.14],
    quad: [[2.265, 60.315], [8.593, 60.782], [0.772, 63.613], [7.824, 64.136]] },
  nordic: { name: 'norway-real Nordic current', current: [F('norway-real/Nordic_subset.nc')], windConstant: true,
    startS: Date.UTC(2016, 1, 2, 12) / 1000, endS: Date.UTC(2016, 1, 4, 12) / 1000, box: [12.32, 15.74, 66.7, 68.01],
    quad: [[13.662, 66.700], [15.739, 67.463], [12.323, 67.224], [14.404, 68.007]] },
  // no file: a constant wind and current, anywhere on the globe (by the antimeridian and the poles too), for up to 30 days
  constant: { name: 'constant', windConstant: true, currentConstant: true, startS: -Infinity, endS: Infinity, box: [-180, 180, -90, 90],
    places: [[179.995, 10], [-179.995, -20], [10, 89.95], [-60, -89.95], [0, 0], [131, 37]] },
};
// the curvilinear and projected grids are turned against lon/lat: their corners (SW, SE, NW, NE), and a start within them

/** Places by the coast (lon, lat): Ulleungdo, the Liancourt Rocks, the Korean east coast, Oki, Honshu. */
const COASTS = [[130.865, 37.50], [131.87, 37.245], [129.45, 36.05], [129.42, 37.0], [128.95, 37.78], [133.2, 36.2], [133.05, 35.6], [134.0, 35.58]];
/** Inland: Ulleungdo's peak (within 5 km of water), Korea and Honshu well inland. */
const INLAND = [[130.866, 37.498], [128.6, 36.6], [133.5, 35.3]];

/** Mistakes a user makes, each to be refused naming the field or file (flags' names, or the case file's keys). */
const MUTATIONS = [
  { name: 'latitude 95', flags: /--position/, file: /scenarios\/0\/(position|track\/from)/ },
  { name: 'step 0', flags: /--step-min/, file: /timeStepMin/ },
  { name: 'no particles', flags: /--particles/, file: /particles/ },
  { name: 'duration -1', flags: /--duration-h/, file: /durationH/ },
  { name: 'unknown object', flags: /RAFT-XYZ/, file: /RAFT-XYZ/ },
  { name: 'time without zone', flags: /--time/, file: /scenarios\/0\/(time|track\/fromTime)|start/ },
  { name: 'missing wind file', flags: /no-such-wind\.nc/, file: /no-such-wind\.nc/ },
  { name: 'wind file not NetCDF', flags: /OBJECTPROP\.DAT/, file: /OBJECTPROP\.DAT/ },
  { name: 'current file as wind', flags: /wind/, file: /wind/, needsBoth: true },
  { name: 'radius -1', flags: /--radius-nm/, file: /radiusNm|fromRadiusNm/ },
  { name: 'output every 0', flags: /--output-every/, file: /outputEverySteps/ },
  { name: 'jibe 2 per hour', flags: /--jibe-per-hour/, file: /jibeProbabilityPerHour/ },
  { name: 'jibe 1 per hour', flags: /--jibe-per-hour/, file: /jibeProbabilityPerHour/ },
  { name: 'out is a folder', flags: /--out/, file: /--out/ },
  { name: 'weight 0', caseFileOnly: true, file: /weight/ },
  { name: 'unknown key', caseFileOnly: true, file: /duration\b.*durationH|durationH/ },
];

/** A time as a case file or flag gives it: to the minute when it is on one, else with its seconds. */
const iso = (s) => (s % 60 === 0 ? new Date(s * 1000).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z') : new Date(s * 1000).toISOString());
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** A time on the minute as a date-time group, as sailors write it (100600Z MAR 26). */
const dtg = (s) => { const d = new Date(s * 1000); const p2 = (x) => String(x).padStart(2, '0'); return `${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCFullYear() % 100)}`; };
/** A position in degrees and minutes with hemispheres (37 14.400N 131 52.200E), latitude first. */
const dm = (text) => {
  const [lat, lon] = text.split(' ').map(Number);
  const part = (x, pos, neg) => `${Math.floor(Math.abs(x))} ${((Math.abs(x) % 1) * 60).toFixed(4)}${x >= 0 ? pos : neg}`;
  return `${part(lat, 'N', 'S')} ${part(lon, 'E', 'W')}`;
};
const isoFull = (s) => new Date(s * 1000).toISOString();
const pos = ([lon, lat]) => `${lat.toFixed(5)} ${(((((lon + 180) % 360) + 360) % 360) - 180).toFixed(5)}`;

function makeCase(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const key = pick(['eastSea', 'eastSea', 'eastSea', 'uniform', 'uniform', 'uniform', 'arome', 'nordic', 'constant']);
  const f = FORCINGS[key];
  const spanS = key === 'constant' ? 30 * 86400 : f.endS - f.startS;
  const backward = r() < 0.25;
  const stepMin = pick([0.25, 0.5, 1, 2.7, 5, 7.5, 10, 10, 15, 20, 30, 60]);
  const durations = [1 / 60, 0.05, 0.25, 1 / 3, 1, 2, 3, 6, 12, 24, 30, 48, 72, 96, ...(key === 'constant' ? [240, 720] : [])].filter((h) => h * H <= spanS);
  let durationH = pick(durations);
  if (durationH * 60 / stepMin > 1500) durationH = Math.max(0.05, Math.floor(1500 * stepMin / 60));
  const durationS = durationH * H;
  // the times: inside, at an edge, or outside the span
  const when = key === 'constant' ? 'any' : pick(['inside', 'inside', 'inside', 'startEdge', 'endEdge', 'before', 'after']);
  const room = spanS - durationS;
  let firstS;   // the earliest instant the run covers
  if (when === 'any') firstS = Date.UTC(2026, 0, 1) / 1000 + Math.floor(r() * 365 * 1440) * 60;
  else if (when === 'inside') firstS = f.startS + Math.floor((r() * room) / 60) * 60;
  else if (when === 'startEdge') firstS = f.startS;
  else if (when === 'endEdge') firstS = f.endS - durationS;
  else if (when === 'before') firstS = f.startS - pick([60, 1800, 6 * H, 86400]);
  else firstS = f.endS - durationS + pick([60, 1800, 6 * H]);
  if (when === 'inside' && r() < 0.15) firstS += pick([1, 30, 59]);   // a start given to the second
  firstS = Math.round(firstS * 1000) / 1000;   // the times written keep milliseconds
  const startS = backward ? firstS + durationS : firstS;
  // where
  const [w, e, s, n] = f.water ?? [];
  const where = key === 'eastSea' ? pick(['water', 'water', 'coast', 'coast', 'land']) : key === 'uniform' ? pick(['water', 'water', 'water', 'coast']) : 'water';
  const at = () => {
    if (where === 'coast') {
      const [lon, lat] = key === 'uniform' ? COASTS[1] : pick(COASTS);
      const d = r() * 6 / 60, b = r() * 2 * Math.PI;
      return [lon + d * Math.sin(b) / Math.cos(lat * RAD), lat + d * Math.cos(b)];
    }
    if (where === 'land') return pick(INLAND);
    if (f.places) { const [lon, lat] = pick(f.places); return [lon + (r() - 0.5) * 0.01, Math.max(-89.99, Math.min(89.99, lat + (r() - 0.5) * 0.01))]; }
    if (f.quad) {   // bilinear in the grid's corners, away from its edges
      const u = 0.15 + 0.7 * r(), v = 0.15 + 0.7 * r(), [sw, se, nw, ne] = f.quad;
      return [0, 1].map((c) => (1 - v) * ((1 - u) * sw[c] + u * se[c]) + v * ((1 - u) * nw[c] + u * ne[c]));
    }
    return [w + r() * (e - w), s + r() * (n - s)];
  };
  const particles = pick([1, 2, 3, 7, 40, 200, 600, 1500, 3000, 5000]);
  const outputEvery = pick([1, 1, 2, 3, 6, 12]);
  const nScenarios = r() < 0.7 ? 1 : 1 + Math.ceil(r() * 2);
  const viaFlags = nScenarios === 1 && r() < 0.5;   // flags (one scenario, its time the start) or a case file
  const scenarios = [];
  for (let k = 0; k < nScenarios; k++) {
    const chosen = pick(OBJECTS);
    const object = r() < 0.5 ? chosen.key : String(chosen.id);
    const name = viaFlags ? chosen.key : `s${k} ${object}`;   // the flags' scenario is named by its class
    const p = at();
    const radiusNm = pick([0, 0.1, 0.5, 1, 3]);
    const spread = pick([undefined, 'gaussian', 'uniform-disc']);
    const kind = r() < (key === 'uniform' ? 0.1 : where === 'coast' ? 0.5 : 0.3) ? 'track' : 'point';
    if (kind === 'track') {
      const q = [p[0] + (r() - 0.5) * 0.2, Math.max(-89.99, Math.min(89.99, p[1] + (r() - 0.5) * 0.2))];
      // releases within the run; a track may run either way in time
      let t0 = firstS + Math.floor(r() * durationS / 60) * 60 * (r() < 0.5 ? 0 : 1);
      const t1 = firstS + Math.floor(r() * durationS / 60) * 60;
      if (viaFlags) t0 = startS;   // the flags' run starts at the track's first (forward) or last (backward) time
      const cone = r() < 0.5;
      scenarios.push({ name, weight: Math.round((0.2 + r()) * 100) / 100, object, ...(spread ? { spread } : {}),
        track: { from: pos(p), fromTime: iso(t0), fromRadiusNm: radiusNm, to: pos(q), toTime: iso(t1), toRadiusNm: cone ? Math.round(r() * 40) / 10 : radiusNm } });
    } else {
      const timeS = r() < 0.8 || viaFlags ? startS : backward ? startS - Math.floor(r() * durationS / 60) * 60 : startS + Math.floor(r() * durationS / 60) * 60;
      scenarios.push({ name, weight: Math.round((0.2 + r()) * 100) / 100, object, position: pos(p), time: iso(timeS), radiusNm, ...(spread ? { spread } : {}) });
    }
  }
  const coastline = key === 'eastSea' ? pick(['bundled', 'bundled', 'none']) : key === 'uniform' ? pick(['bundled', 'none', 'none', 'none']) : 'none';
  const job = {
    key, forcing: f, when, where, backward, startS, durationS, stepS: stepMin * 60, outputEvery, particles, seed: Math.floor(r() * 1e6),
    jibePerHour: pick([undefined, 0, 0.04, 0.2, 0.9, 0.999]), coastline, scenarios,
    // the Norwegian files give one quantity each: the other a constant; the East Sea pair sometimes a constant after its files
    fallback: key === 'eastSea' && r() < 0.2,
    windConstant: undefined, currentConstant: undefined,
    viaFlags, sailorWords: viaFlags && r() < 0.4, forcingFlag: viaFlags && r() < 0.3,
    out: key === 'uniform' ? pick(['geojson', 'geojson', 'nc']) : pick(['geojson', 'geojson', 'geojson-last', 'nc']),
    json: r() < 0.7,
    workers: particles > 1 && r() < 0.7 ? pick([2, 4]) : null,
  };
  if (f.windConstant || job.fallback) job.windConstant = `${pick([0, 5, 10, 18])}@${pick([0, 90, 200, 270])}`;
  if (f.currentConstant || job.fallback) job.currentConstant = `${pick([0, 0.1, 0.4])}@${pick([0, 45, 180])}`;
  // one thing wrong, to be refused by name: [what, the words the refusal must hold]
  if (r() < 0.15) {
    job.mutation = pick(MUTATIONS.filter((m) => (!m.caseFileOnly || !viaFlags) && (!m.needsBoth || key === 'eastSea' || key === 'uniform'))).name;
    job.particles = Math.max(job.particles, scenarios.length);   // the one mistake only
  }
  // outputs a few hundred thousand positions at most (the GeoJSON and netCDF4-python's read back stay small)
  const outputTimes = () => Math.ceil(durationS / job.stepS / job.outputEvery) + 2;
  while (particles * outputTimes() > 300_000 && job.outputEvery < 10_000) job.outputEvery *= 2;
  return job;
}

/** The job with its mutation made (a copy). */
function mutated(job) {
  if (!job.mutation) return job;
  const j = structuredClone(job);
  const s = j.scenarios[0];
  switch (job.mutation) {
    case 'latitude 95': if (s.track) s.track.from = `95.0 ${s.track.from.split(' ')[1]}`; else s.position = `95.0 ${s.position.split(' ')[1]}`; break;
    case 'step 0': j.stepS = 0; break;
    case 'no particles': j.particles = 0; break;
    case 'duration -1': j.durationS = -H; break;
    case 'unknown object': s.object = 'RAFT-XYZ'; break;
    case 'time without zone': if (s.track) s.track.fromTime = s.track.fromTime.replace('Z', ''); else s.time = s.time.replace('Z', ''); j.startNoZone = true; break;
    case 'missing wind file': j.forcing = { ...j.forcing, wind: ['/nonexistent/no-such-wind.nc'] }; break;
    case 'wind file not NetCDF': j.forcing = { ...j.forcing, wind: [join(root, 'data/leeway/OBJECTPROP.DAT')] }; break;
    case 'current file as wind': j.forcing = { ...j.forcing, wind: j.forcing.current ?? j.forcing.wind }; j.windConstant = undefined; break;
    case 'radius -1': if (s.track) s.track.fromRadiusNm = -1; else s.radiusNm = -1; break;
    case 'output every 0': j.outputEvery = 0; break;
    case 'jibe 2 per hour': j.jibePerHour = 2; break;
    case 'jibe 1 per hour': j.jibePerHour = 1; break;
    case 'weight 0': s.weight = 0; break;
    case 'unknown key': j.unknownKey = true; break;
  }
  return j;
}

/** The command line of a job: its flags, or a case file written beside it and its overrides. */
function commandLine(job0, caseDir, { out, workers, json, moveOffLandM } = {}) {
  const args = [cli, 'drift'];
  const job = mutated(job0);
  const f = job.forcing;
  if (job0.mutation === 'out is a folder') out = caseDir;
  if (job.viaFlags) {
    const s = structuredClone(job.scenarios[0]);
    const sailor = job.sailorWords;   // times as date-time groups, positions in degrees and minutes
    if (sailor && s.track) { s.track.from = dm(s.track.from); s.track.to = dm(s.track.to); }
    if (sailor && s.position) s.position = dm(s.position);
    for (const [o, k] of [[s, 'time'], [s.track, 'fromTime'], [s.track, 'toTime']]) {
      if (sailor && o?.[k] && /T\d\d:\d\dZ$/.test(o[k])) o[k] = dtg(Date.parse(o[k]) / 1000);
    }
    if (s.track) {
      args.push('--position', s.track.from, '--time', s.track.fromTime, '--track-to', s.track.to, '--track-to-time', s.track.toTime,
        '--radius-nm', String(s.track.fromRadiusNm), '--track-to-radius-nm', String(s.track.toRadiusNm));
    } else {
      args.push('--position', s.position, '--time', s.time, '--radius-nm', String(s.radiusNm));
    }
    args.push('--object', s.object);
    if (s.spread) args.push('--spread', s.spread);
    if (job.backward) args.push('--backward');
    // each file for its quantity, or both as --forcing (a file giving wind and/or current)
    for (const p of f.wind ?? []) args.push(job.forcingFlag ? '--forcing' : '--wind', p);
    for (const p of f.current ?? []) args.push(job.forcingFlag ? '--forcing' : '--current', p);
    if (job.windConstant) args.push('--wind-constant', job.windConstant);
    if (job.currentConstant) args.push('--current-constant', job.currentConstant);
    args.push('--duration-h', String(job.durationS / H), '--step-min', String(job.stepS / 60), '--output-every', String(job.outputEvery),
      '--particles', String(job.particles), '--seed', String(job.seed), '--coastline', job.coastline);
    if (job.jibePerHour !== undefined) args.push('--jibe-per-hour', String(job.jibePerHour));
  } else {
    const wind = [...(f.wind ?? []).map((file) => ({ file }))];
    const current = [...(f.current ?? []).map((file) => ({ file }))];
    const constant = (text, key) => { const [speed, dir] = text.split('@').map(Number); return { constant: { speedMps: speed, [key]: dir } }; };
    if (job.windConstant) wind.push(constant(job.windConstant, 'fromDeg'));
    if (job.currentConstant) current.push(constant(job.currentConstant, 'towardDeg'));
    const c = {
      title: `fuzz ${job.key}`, start: iso(job.startS), durationH: job.durationS / H, direction: job.backward ? 'backward' : 'forward',
      timeStepMin: job.stepS / 60, outputEverySteps: job.outputEvery, particles: job.particles, seed: job.seed,
      ...(job.jibePerHour === undefined ? {} : { jibeProbabilityPerHour: job.jibePerHour }),
      forcing: { wind, current }, coastline: job.coastline, scenarios: job.scenarios,
      ...(job.unknownKey ? { duration: 5 } : {}),
    };
    if (job.startNoZone) c.start = c.start.replace('Z', '');
    const file = join(caseDir, 'case.yaml');
    writeFileSync(file, JSON.stringify(c, null, 1));
    args.push('--case', file);
  }
  if (moveOffLandM !== undefined) args.push('--move-off-land-m', String(moveOffLandM));
  args.push('--out', out, '--workers', String(workers ?? 1));
  if (out.endsWith('.geojson') && job.out === 'geojson-last') args.push('--geojson-times', 'last');
  if (json) args.push('--json');
  return args;
}

function run(args) {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 1 << 28 });
  return { status: p.status, signal: p.signal, stdout: p.stdout, stderr: p.stderr, ms: performance.now() - t0 };
}

/** The output times the drift promises: the start, every N steps, and the end. */
function expectedTimes(job) {
  const sign = job.backward ? -1 : 1;
  const steps = Math.ceil(job.durationS / job.stepS - 1e-9);
  const times = [job.startS];
  for (let k = 0; k < steps; k++) if ((k + 1) % job.outputEvery === 0 || k === steps - 1) times.push(job.startS + sign * Math.min(job.durationS, (k + 1) * job.stepS));
  return times;
}

/** The GeoJSON as columns: per output time, lon, lat, status per particle. */
function readGeoJson(path, broken) {
  const g = JSON.parse(readFileSync(path, 'utf8'));
  const times = [];
  const byTime = new Map();
  const names = new Map();
  for (const feature of g.features) {
    const p = feature.properties;
    if (!byTime.has(p.time)) { byTime.set(p.time, []); times.push(p.time); }
    byTime.get(p.time).push(feature);
  }
  const frames = times.map((t) => {
    const list = byTime.get(t);
    const n = list.length;
    const lon = new Float64Array(n).fill(NaN), lat = new Float64Array(n).fill(NaN), status = new Array(n), scenario = new Array(n), weight = new Float64Array(n);
    const seen = new Uint8Array(n);
    for (const ft of list) {
      const i = ft.properties.particle;
      if (!(i >= 0 && i < n) || seen[i]) { broken.push(`GeoJSON ${t}: particle index ${i} out of range or twice (of ${n})`); continue; }
      seen[i] = 1;
      [lon[i], lat[i]] = ft.geometry.coordinates;
      status[i] = ft.properties.status; scenario[i] = ft.properties.scenario; weight[i] = ft.properties.weight;
      names.set(ft.properties.scenario, true);
    }
    return { time: t, timeS: Date.parse(t) / 1000, lon, lat, status, scenario, weight };
  });
  return { metadata: g.metadata, frames };
}

/** The trajectory file as netCDF4-python reads it. */
function readNetcdf(path) {
  const script = `
import json, sys, math
import netCDF4
d = netCDF4.Dataset(sys.argv[1])
d.set_auto_mask(False)
v = d.variables
out = {'dims': {k: len(x) for k, x in d.dimensions.items()}, 'globals': {k: (d.getncattr(k).tolist() if hasattr(d.getncattr(k), 'tolist') else d.getncattr(k)) for k in d.ncattrs()}}
out['vars'] = {}
for name, x in v.items():
    out['vars'][name] = {'dims': list(x.dimensions), 'dtype': str(x.dtype), 'attrs': {k: (x.getncattr(k).tolist() if hasattr(x.getncattr(k), 'tolist') else x.getncattr(k)) for k in x.ncattrs()}}
def clean(a):
    return [None if (isinstance(q, float) and math.isnan(q)) else q for q in a]
out['time'] = v['time'][:].tolist()
out['lon'] = clean(v['lon'][:].astype('float64').ravel().tolist())
out['lat'] = clean(v['lat'][:].astype('float64').ravel().tolist())
out['status'] = v['status'][:].ravel().tolist()
out['scenario'] = v['scenario'][:].tolist()
out['weight'] = v['weight'][:].tolist()
out['dates'] = [x.isoformat() for x in netCDF4.num2date(v['time'][:], v['time'].units, v['time'].calendar, only_use_cftime_datetimes=False)]
def fix(o):
    if isinstance(o, float) and (math.isnan(o) or math.isinf(o)): return str(o)
    if isinstance(o, dict): return {k: fix(x) for k, x in o.items()}
    if isinstance(o, list): return [fix(x) for x in o]
    return o
print(json.dumps(fix(out)))
`;
  const p = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (p.status !== 0) return { error: p.stderr.trim().split('\n').slice(-3).join(' | ') };
  return JSON.parse(p.stdout);
}

const STATUS = ['active', 'stranded', 'outside forcing', 'not released'];

/** The release time of each particle, and its scenario's index, from the scenarios and the particles' scenario names. */
function releaseTimes(job, frame) {
  const n = frame.status.length;
  const out = new Float64Array(n);
  const index = new Int32Array(n);
  let s = -1, first = 0;
  const order = job.scenarios.map((x) => x.name);
  const counts = order.map((name) => frame.scenario.filter((x) => x === name).length);
  for (let i = 0; i < n; i++) {
    const k = order.indexOf(frame.scenario[i]);
    if (k !== s) { s = k; first = i; }
    index[i] = k;
    const sc = job.scenarios[k];
    if (!sc) { out[i] = NaN; continue; }
    if (sc.track) {
      const f = (i - first + 0.5) / counts[k];
      const a = Date.parse(sc.track.fromTime) / 1000, b = Date.parse(sc.track.toTime) / 1000;
      out[i] = a + f * (b - a);
    } else out[i] = Date.parse(sc.time) / 1000;
  }
  return { releaseS: out, scenarioIndex: index, counts };
}

/** East and north metres from (lon0, lat0) to (lon1, lat1) on the drift's sphere. */
function displacementM(lon0, lat0, lon1, lat1) {
  if (lon1 - lon0 >= 180) lon1 -= 360; else if (lon1 - lon0 < -180) lon1 += 360;   // across the antimeridian
  return [(lon1 - lon0) * RAD * R * Math.cos(((lat0 + lat1) / 2) * RAD), (lat1 - lat0) * RAD * R];
}

/** Haversine distance on the drift's sphere, metres. */
function greatCircleM(lon0, lat0, lon1, lat1) {
  const a = Math.sin(((lat1 - lat0) * RAD) / 2) ** 2 + Math.cos(lat0 * RAD) * Math.cos(lat1 * RAD) * Math.sin(((lon1 - lon0) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The weighted spherical centroid of released particles (summary.ts's definition). */
function centroid(frame) {
  let x = 0, y = 0, z = 0, w = 0;
  for (let i = 0; i < frame.status.length; i++) {
    if (frame.status[i] === 'not released') continue;
    const lo = frame.lon[i] * RAD, la = frame.lat[i] * RAD, q = frame.weight[i];
    x += q * Math.cos(la) * Math.cos(lo); y += q * Math.cos(la) * Math.sin(lo); z += q * Math.sin(la); w += q;
  }
  if (w === 0) return null;
  return { lonDeg: Math.atan2(y, x) / RAD, latDeg: Math.atan2(z, Math.hypot(x, y)) / RAD };
}

/** Standard normal density and upper tail. */
const phi = (x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
function upperTail(x) {   // 1 − Φ(x), Abramowitz & Stegun 7.1.26 via erfc (|error| < 1.5e-7)
  const z = Math.abs(x) / Math.SQRT2, t = 1 / (1 + 0.3275911 * z);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The expected displacement (east, north metres) of a scenario's cloud on the uniform pair after
 * `durationS` in steps of `stepS` (sign −1 backward): current (0, 0.2) plus leeway with the wind
 * U = 10 m/s toward the east. Downwind: slope·U + offset + σ·λ(a), λ(a) = φ(a)/(1 − Φ(a)),
 * a = −20·slope/σ (eps = zσ redrawn while slope + eps/20 < 0; at U = 10 the slope's share eps/20
 * and the offset's eps/2 add to eps). Crosswind to the right of downwind (south here): cR =
 * slopeR·U + offsetR, cL likewise; particle k of a scenario starts right when k is even, and at a
 * step starting t after release it is on its first side with probability (1 + e^(−2λt))/2.
 */
function expectedDisplacement(object, nScenario, durationS, stepS, jibePerHour, sign) {
  const U = 10;
  const d = object.downwind;
  const a = d.sdMps > 0 ? -20 * d.slope / d.sdMps : -Infinity;
  const lambda = d.sdMps > 0 ? phi(a) / upperTail(a) : 0;
  const downwind = d.slope * U + d.offsetMps + d.sdMps * lambda;
  const cR = object.right.slope * U + object.right.offsetMps, cL = object.left.slope * U + object.left.offsetMps;
  const nR = Math.ceil(nScenario / 2), nL = nScenario - nR;
  const rate = !(jibePerHour > 0) ? 0 : jibePerHour >= 1 ? Infinity : -Math.log(1 - jibePerHour) / 3600;
  let crossM = 0;
  const steps = Math.ceil(durationS / stepS - 1e-9);
  for (let k = 0; k < steps; k++) {
    const t = k * stepS, dt = Math.min(stepS, durationS - t);
    const e = rate === Infinity ? (k === 0 ? 1 : 0) : Math.exp(-2 * rate * t);
    const same = (1 + e) / 2, other = (1 - e) / 2;
    crossM += dt * (nR * (same * cR + other * cL) + nL * (same * cL + other * cR)) / nScenario;
  }
  return [sign * downwind * durationS, sign * (0.2 * durationS - crossM)];
}

/** Check one job's output against every promise; `broken` collects what failed. */
function checkRun(job, res, outPath, broken, extra) {
  const sign = job.backward ? -1 : 1;
  const times = expectedTimes(job);
  let summary = null;
  if (job.json) {
    try { summary = JSON.parse(res.stdout); } catch (e) { broken.push(`--json stdout is not JSON: ${e.message}`); }
  }
  if (res.stderr.trim() !== '' && /\n\s+at |unexpected/i.test(res.stderr)) broken.push(`stderr on success: ${res.stderr.slice(0, 300)}`);
  if (!existsSync(outPath)) { broken.push(`exit 0 but no ${outPath}`); return {}; }
  let frames = null, nc = null;
  if (outPath.endsWith('.geojson')) {
    const g = readGeoJson(outPath, broken);
    frames = g.frames;
    const want = job.out === 'geojson-last' && !extra?.allTimes ? times.slice(-1) : times;
    const got = frames.map((f) => f.time);
    if (got.length !== want.length || got.some((t, k) => t !== isoFull(want[k]))) broken.push(`GeoJSON times ${got.slice(0, 4).join(',')}… (${got.length}) are not ${want.slice(0, 4).map(isoFull).join(',')}… (${want.length})`);
    if (g.metadata.particles !== job.particles) broken.push(`GeoJSON metadata.particles ${g.metadata.particles}, asked ${job.particles}`);
    if (g.metadata.direction !== (job.backward ? 'backward' : 'forward')) broken.push(`GeoJSON direction ${g.metadata.direction}`);
  } else {
    nc = readNetcdf(outPath);
    if (nc.error) { broken.push(`netCDF4-python cannot read ${outPath}: ${nc.error}`); return {}; }
    frames = ncFrames(job, nc, times, broken);
  }
  for (const f of frames) {
    if (f.status.length !== job.particles) broken.push(`${f.time}: ${f.status.length} particles, asked ${job.particles}`);
    const tally = Object.fromEntries(STATUS.map((s) => [s, 0]));
    for (let i = 0; i < f.status.length; i++) {
      if (!(f.status[i] in tally)) { broken.push(`${f.time}: particle ${i} status '${f.status[i]}'`); continue; }
      tally[f.status[i]]++;
    }
    f.tally = tally;
  }
  if (summary) {
    const s = summary.summaries;
    if (!Array.isArray(s) || s.length !== times.length) broken.push(`summary has ${s?.length} output times, expected ${times.length}`);
    else {
      s.forEach((x, k) => {
        if (x.timeS !== times[k]) broken.push(`summary ${k}: time ${x.timeS}, expected ${times[k]} (${isoFull(times[k])})`);
        const total = STATUS.reduce((a, name) => a + (x.counts[name] ?? NaN), 0);
        if (total !== job.particles) broken.push(`summary ${iso(x.timeS)}: counts add to ${total}, not ${job.particles}`);
      });
      for (const f of frames) {
        const x = s.find((q) => q.timeS === f.timeS);
        if (!x) continue;
        for (const name of STATUS) if (x.counts[name] !== f.tally[name]) broken.push(`${f.time}: summary counts ${name} ${x.counts[name]}, the file ${f.tally[name]}`);
        const c = centroid(f);
        if ((c === null) !== (x.centroid === null)) broken.push(`${f.time}: centroid ${JSON.stringify(x.centroid)}, the file's ${JSON.stringify(c)}`);
        // the file's positions are rounded (1e-6°, float32 in the NetCDF: 1.5e-5° at 131E): metres apart, not degrees (a pole)
        else if (c && greatCircleM(c.lonDeg, c.latDeg, x.centroid.lonDeg, x.centroid.latDeg) > 2) {
          broken.push(`${f.time}: summary centroid ${x.centroid.latDeg.toFixed(6)} ${x.centroid.lonDeg.toFixed(6)}, the file's ${c.latDeg.toFixed(6)} ${c.lonDeg.toFixed(6)}`);
        }
      }
    }
    if (summary.request) {
      if (summary.request.start !== iso(job.startS).replace(/\.000Z$/, 'Z')) broken.push(`summary start ${summary.request.start}, asked ${iso(job.startS)}`);
      if (summary.request.particles !== job.particles) broken.push(`summary particles ${summary.request.particles}`);
    }
  }
  // bounds, speeds, statuses that stay, stranding
  const f0 = job.forcing;
  const box = f0.box;
  const { releaseS } = releaseTimes(job, frames[frames.length - 1]);
  const fileBound = (f0.wind && !job.windConstant) || (f0.current && !job.currentConstant);   // a quantity only a file gives
  let prev = null;
  const landChecks = job.coastline === 'bundled';
  let strandedOff = 0, activeOnLand = 0, crossed = 0, release = 0;
  const first = [];   // each particle's first position written after its release
  for (const f of frames) {
    const marginDeg = VMAX_MPS * job.stepS / (R * RAD);
    for (let i = 0; i < f.status.length; i++) {
      const st = f.status[i];
      const lon = f.lon[i], lat = f.lat[i];
      const releasedBy = sign * (f.timeS - releaseS[i]);
      if (st === 'not released') {
        if (releasedBy > 1e-3) { release++; if (release < 4) broken.push(`${f.time}: particle ${i} not released, its release ${iso(releaseS[i])}`); }
        if (nc && Number.isFinite(lon)) broken.push(`${f.time}: particle ${i} not released but has a position in the NetCDF (not the fill value)`);
        continue;
      }
      if (releasedBy < -1e-3) { release++; if (release < 4) broken.push(`${f.time}: particle ${i} ${st} before its release ${iso(releaseS[i])}`); }
      // ±180 both: a float32 of 179.999996 is 180 (the NetCDF), and GeoJSON takes either
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || lon < -180 || lon > 180) { broken.push(`${f.time}: particle ${i} at ${lon}, ${lat}`); continue; }
      const mlon = marginDeg / Math.cos(lat * RAD);
      // beyond the box by more than a step, unless still where it was seeded (a spread reaches past the forcing's edge)
      first[i] ??= [lon, lat];
      const seededHere = first[i][0] === lon && first[i][1] === lat;
      if ((f0.wind || f0.current) && !seededHere) {
        if (lon < box[0] - mlon || lon > box[1] + mlon || lat < box[2] - marginDeg || lat > box[3] + marginDeg) {
          if (fileBound) broken.push(`${f.time}: particle ${i} (${st}) at ${lat.toFixed(4)}N ${lon.toFixed(4)}E, beyond the forcing's box ${box} by more than a step`);
        }
      }
      if (prev && prev.status[i] !== 'not released') {
        const movedM = greatCircleM(prev.lon[i], prev.lat[i], lon, lat);
        const dt = Math.abs(f.timeS - prev.timeS);
        if (movedM > VMAX_MPS * dt + 1) broken.push(`${f.time}: particle ${i} moved ${movedM.toFixed(0)} m in ${dt} s`);
        if ((prev.status[i] === 'stranded' || prev.status[i] === 'outside forcing') && (st !== prev.status[i] || lon !== prev.lon[i] || lat !== prev.lat[i])) {
          broken.push(`${f.time}: particle ${i} was ${prev.status[i]} and is now ${st} at ${lat}, ${lon} (was ${prev.lat[i]}, ${prev.lon[i]})`);
        }
        if (landChecks && job.outputEvery === 1 && prev.status[i] === 'active' && st === 'active' && coast.firstShoreCrossing(prev.lon[i], prev.lat[i], lon, lat) >= 0) {
          const near = coast.closestShore(prev.lon[i], prev.lat[i], prev.lon[i], prev.lat[i], 5) ?? coast.closestShore(lon, lat, lon, lat, 5);
          if (!near) { crossed++; if (crossed < 4) broken.push(`${f.time}: particle ${i} crossed land and is still active (${prev.lat[i]}, ${prev.lon[i]} → ${lat}, ${lon})`); }
        }
      }
      if (landChecks && lon > COAST_BOUNDS.w && lon < COAST_BOUNDS.e && lat > COAST_BOUNDS.s && lat < COAST_BOUNDS.n) {
        if (st === 'stranded' && !coast.isLand(lon, lat) && coast.closestShore(lon, lat, lon, lat, 2) === null) {
          strandedOff++; if (strandedOff < 4) broken.push(`${f.time}: particle ${i} stranded in open water at ${lat}, ${lon}`);
        }
        if (st === 'active' && coast.isLand(lon, lat)) {
          const water = coast.nearestWater(lon, lat, 2);
          if (water === null) { activeOnLand++; if (activeOnLand < 4) broken.push(`${f.time}: particle ${i} active on land at ${lat}, ${lon} (no water within 2 m)`); }
        }
      }
    }
    prev = f;
  }
  if (strandedOff > 3) broken.push(`… ${strandedOff} stranded in open water in all`);
  if (activeOnLand > 3) broken.push(`… ${activeOnLand} active on land in all`);
  if (crossed > 3) broken.push(`… ${crossed} active steps across land in all`);
  if (release > 3) broken.push(`… ${release} particles' statuses against their release times in all`);
  // seeded on land: said, and warned of
  if (summary?.movedOffLand && landChecks) {
    for (const s of job.scenarios) {
      const p = s.track ? [s.track.from, s.track.to] : [s.position];
      for (const text of p) {
        const [lat, lon] = text.split(' ').map(Number);
        if (coast.isLand(lon, lat) && !summary.warnings.some((w) => /on land/.test(w) && w.includes(s.name))) broken.push(`${text} is on land but no warning says so (${JSON.stringify(summary.warnings)})`);
      }
    }
  }
  if (!job.json && extra) {
    const m = /seeded on land: (\d+) particles? moved/.exec(res.stdout);
    extra.movedSaid = m ? Number(m[1]) : 0;
    // the report's table: one row per output time, each time as it is (to the second when it has seconds)
    const rows = [...res.stdout.matchAll(/^  (\d{4}-\d\d-\d\dT[\d:.]+Z) /gm)].map((x) => x[1]);
    const want = times.map((t) => iso(t).replace(/\.000Z$/, 'Z'));
    if (rows.length !== want.length || rows.some((t, k) => t !== want[k])) broken.push(`the report's times ${rows.slice(0, 3).join(', ')}… (${rows.length}) are not ${want.slice(0, 3).join(', ')}… (${want.length})`);
    const head = /from (\S+) for/.exec(res.stdout)?.[1];
    if (head !== want[0]) broken.push(`the report says the drift is from ${head}, not ${want[0]}`);
  }
  return { frames, summary, nc };
}

/** The NetCDF's arrays as GeoJSON-like frames, and its CF attributes checked. */
function ncFrames(job, nc, times, broken) {
  const n = job.particles, nt = nc.time.length;
  const g = nc.globals, v = nc.vars;
  const want = (cond, what) => { if (!cond) broken.push(`NetCDF: ${what}`); };
  want(g.Conventions === 'CF-1.8', `Conventions ${g.Conventions}`);
  want(g.featureType === 'trajectory', `featureType ${g.featureType}`);
  want(nc.dims.trajectory === n, `trajectory dimension ${nc.dims.trajectory}, ${n} particles`);
  want(nc.dims.time === times.length, `time dimension ${nc.dims.time}, ${times.length} output times`);
  want(v.trajectory?.attrs.cf_role === 'trajectory_id', `trajectory cf_role ${v.trajectory?.attrs.cf_role}`);
  want(v.lon?.attrs.standard_name === 'longitude' && v.lon?.attrs.units === 'degrees_east', 'lon attributes');
  want(v.lat?.attrs.standard_name === 'latitude' && v.lat?.attrs.units === 'degrees_north', 'lat attributes');
  want(JSON.stringify(v.lon?.dims) === '["trajectory","time"]', `lon dims ${v.lon?.dims}`);
  want(v.time?.attrs.standard_name === 'time' && /^seconds since 1970-01-01/.test(v.time?.attrs.units ?? ''), `time attributes ${JSON.stringify(v.time?.attrs)}`);
  want(JSON.stringify(v.status?.attrs.flag_values) === '[0,1,2,3]' && v.status?.attrs.flag_meanings === 'active stranded outside_forcing not_released', `status flags ${JSON.stringify(v.status?.attrs)}`);
  want(g.drift_start === isoFull(job.startS).replace('.000Z', 'Z'), `drift_start ${g.drift_start}, asked ${iso(job.startS)}`);
  want(g.drift_direction === (job.backward ? 'backward' : 'forward'), `drift_direction ${g.drift_direction}`);
  want(g.particle_count === n, `particle_count ${g.particle_count}`);
  want(g.time_step_seconds === job.stepS, `time_step_seconds ${g.time_step_seconds}`);
  const first = Math.min(...times), last = Math.max(...times);
  want(g.time_coverage_start === isoFull(first).replace('.000Z', 'Z') && g.time_coverage_end === isoFull(last).replace('.000Z', 'Z'), `time coverage ${g.time_coverage_start}..${g.time_coverage_end}`);
  want(nc.time.length === times.length && nc.time.every((t, k) => t === times[k]), `time ${nc.time.slice(0, 3)}… not ${times.slice(0, 3)}…`);
  want(nc.dates.every((d, k) => d.replace(/(\+00:00)?$/, '') === isoFull(times[k]).replace(/\.000Z$/, '')), `dates ${nc.dates.slice(0, 2)} not ${times.slice(0, 2).map(isoFull)}`);
  const names = job.scenarios.map((s) => s.name);
  return nc.time.map((t, k) => {
    const lon = new Float64Array(n), lat = new Float64Array(n), status = new Array(n), scenario = new Array(n), weight = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      lon[p] = nc.lon[p * nt + k] ?? NaN; lat[p] = nc.lat[p * nt + k] ?? NaN;
      status[p] = STATUS[nc.status[p * nt + k]] ?? `code ${nc.status[p * nt + k]}`;
      scenario[p] = names[nc.scenario[p]]; weight[p] = nc.weight[p];
    }
    return { time: isoFull(t), timeS: t, lon, lat, status, scenario, weight };
  });
}

/** The same particles in two outputs: exact (GeoJSON against GeoJSON) or to float32 (NetCDF). */
function compareFrames(a, b, exact, what, broken) {
  if (a.length !== b.length) { broken.push(`${what}: ${a.length} output times against ${b.length}`); return; }
  let bad = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k].time !== b[k].time) broken.push(`${what}: time ${a[k].time} against ${b[k].time}`);
    for (let i = 0; i < a[k].status.length; i++) {
      const tol = exact ? 0 : 2e-5;
      const same = a[k].status[i] === b[k].status[i] && (a[k].status[i] === 'not released' ||
        (Math.abs(a[k].lon[i] - b[k].lon[i]) <= tol && Math.abs(a[k].lat[i] - b[k].lat[i]) <= tol));
      if (!same && bad++ < 3) broken.push(`${what}: ${a[k].time} particle ${i}: ${a[k].status[i]} ${a[k].lat[i]}, ${a[k].lon[i]} against ${b[k].status[i]} ${b[k].lat[i]}, ${b[k].lon[i]}`);
      if (a[k].weight[i] !== b[k].weight[i] && exact && bad++ < 3) broken.push(`${what}: particle ${i} weight ${a[k].weight[i]} against ${b[k].weight[i]}`);
    }
  }
  if (bad > 3) broken.push(`${what}: ${bad} differences in all`);
}

/** Mean displacement per scenario and its standard error, from the first frame to the last. */
function meanDisplacement(frames, scenarioIndex, k) {
  const a = frames[0], b = frames[frames.length - 1];
  const e = [], n = [];
  for (let i = 0; i < a.status.length; i++) {
    if (scenarioIndex[i] !== k) continue;
    const [de, dn] = displacementM(a.lon[i], a.lat[i], b.lon[i], b.lat[i]);
    e.push(de); n.push(dn);
  }
  const stat = (x) => { const m = x.reduce((s, v) => s + v, 0) / x.length; const v = x.reduce((s, q) => s + (q - m) ** 2, 0) / Math.max(1, x.length - 1); return [m, Math.sqrt(v / x.length)]; };
  const [me, se] = stat(e), [mn, sn] = stat(n);
  return { count: e.length, mean: [me, mn], se: [se, sn] };
}

const Z = 4.5;   // standard errors: P(|z| > 4.5) = 7e-6 per component
const analyticLog = [];

/** The uniform pair's promises: the analytic mean displacement, and back again. */
function checkUniform(job, frames, caseDir, broken, label) {
  const last = frames[frames.length - 1];
  if (frames.length < 2 || last.status.some((s) => s !== 'active')) return;
  if (job.scenarios.some((s) => s.track || Date.parse(s.time) / 1000 !== job.startS)) return;
  const { scenarioIndex, counts } = releaseTimes(job, last);
  const sign = job.backward ? -1 : 1;
  const jibe = job.jibePerHour ?? 0.04;
  job.scenarios.forEach((s, k) => {
    const object = OBJECTS.find((o) => o.key === s.object || String(o.id) === s.object);
    const m = meanDisplacement(frames, scenarioIndex, k);
    if (m.count < 20) return;
    const want = expectedDisplacement(object, counts[k], job.durationS, job.stepS, jibe, sign);
    for (const c of [0, 1]) {
      const tol = Z * m.se[c] + 1e-4 * Math.abs(want[c]) + 2;
      const z = (m.mean[c] - want[c]) / Math.max(m.se[c], 1e-9);
      analyticLog.push(Math.abs(z));
      if (process.env.DRIFT_FUZZ_Z) console.log(`    z ${z.toFixed(2)} ${c ? 'north' : 'east'} ${object.key} n=${m.count} ${job.durationS / H} h ${job.backward ? 'back' : 'fwd'} mean ${m.mean[c].toFixed(1)} want ${want[c].toFixed(1)} se ${m.se[c].toFixed(1)}`);
      if (Math.abs(m.mean[c] - want[c]) > tol) {
        broken.push(`uniform ${s.object} (${object.key}), ${m.count} particles, ${job.durationS / H} h ${job.backward ? 'backward' : 'forward'}: mean ${c ? 'north' : 'east'} displacement ${m.mean[c].toFixed(1)} m, analytic ${want[c].toFixed(1)} m (SE ${m.se[c].toFixed(1)} m, z ${z.toFixed(1)})`);
      }
    }
  });
  // back again: one scenario, forward, from the end cloud's centroid at the end time, as a point
  if (job.backward || job.scenarios.length !== 1 || job.particles < 20) return;
  const end = centroid(last), start = centroid(frames[0]);
  const s = job.scenarios[0];
  const back = { ...job, viaFlags: false, backward: true, startS: job.startS + job.durationS, out: 'geojson', json: true,
    scenarios: [{ name: s.name, weight: 1, object: s.object, position: pos([end.lonDeg, end.latDeg]), time: iso(job.startS + job.durationS), radiusNm: 0 }] };
  if (back.startS % 60 !== 0) return;   // the case file's times are to the minute
  const outPath = join(caseDir, 'back.geojson');
  mkdirSync(join(caseDir, 'back'), { recursive: true });
  const res = run(commandLine(back, join(caseDir, 'back'), { out: outPath, workers: 1, json: true }));
  if (res.status !== 0) { broken.push(`the backward run from the end refused: ${res.stderr.trim().slice(0, 300)}`); return; }
  const b = checkRun(back, res, outPath, broken, { allTimes: true });
  if (!b.frames) return;
  if (b.frames[b.frames.length - 1].status.some((x) => x !== 'active')) return;
  const home = centroid(b.frames[b.frames.length - 1]);
  const [de, dn] = displacementM(start.lonDeg, start.latDeg, home.lonDeg, home.latDeg);
  const mf = meanDisplacement(frames, scenarioIndex, 0);
  const mb = meanDisplacement(b.frames, new Int32Array(job.particles), 0);
  for (const [c, d] of [[0, de], [1, dn]]) {
    const want = expectedDisplacement(OBJECTS.find((o) => o.key === s.object || String(o.id) === s.object), job.particles, job.durationS, job.stepS, jibe, 1)[c];
    const tol = Z * Math.hypot(mf.se[c], mb.se[c]) + 2e-4 * Math.abs(want) + 4;
    if (Math.abs(d) > tol) broken.push(`${label}: backward from the end's centroid ends ${d.toFixed(1)} m ${c ? 'north' : 'east'} of the start's centroid (bound ${tol.toFixed(1)} m)`);
  }
  checkUniform(back, b.frames, caseDir, broken, label);
}

const random = generator(seed0);
const tally = { ran: 0, refused: 0, broken: 0 };
const refusals = new Map();
const questionable = [];
const covered = new Map();
let slowest = 0, runs = 0;
const t0 = performance.now();
for (let k = 0; k < cases; k++) {
  const caseSeed = Math.floor(random() * 2 ** 31);
  const job = makeCase(generator(caseSeed));
  const caseDir = join(dir, `case-${k}`);
  mkdirSync(caseDir, { recursive: true });
  writeFileSync(join(caseDir, 'job.json'), JSON.stringify({ ...job, forcing: job.key }, null, 1));
  const label = `case ${k} (seed ${caseSeed}, ${caseDir})`;
  const ext = job.out === 'nc' ? 'nc' : 'geojson';
  const outPath = join(caseDir, `run.${ext}`);
  const args = commandLine(job, caseDir, { out: outPath, workers: 1, json: job.json });
  writeFileSync(join(caseDir, 'command.txt'), args.map((a) => (/[\s']/.test(a) ? `'${a}'` : a)).join(' ') + '\n');
  const res = run(args);
  runs++;
  slowest = Math.max(slowest, res.ms);
  const broken = [];
  // outside the files' span (a start given to the second may take a run just past its end)
  const fromS = Math.min(job.startS, job.startS + (job.backward ? -1 : 1) * job.durationS);
  const outside = (fromS < job.forcing.startS || fromS + job.durationS > job.forcing.endS) && !job.fallback;
  const mutation = MUTATIONS.find((m) => m.name === job.mutation);
  const lkpInWater = job.scenarios.every((s) => {
    const texts = s.track ? [s.track.from, s.track.to] : [s.position];
    return texts.every((t) => { const [lat, lon] = t.split(' ').map(Number); return !coast.isLand(lon, lat) && coast.closestShore(lon, lat, lon, lat, 3000) === null; });
  });
  const shouldRun = !outside && job.where === 'water' && lkpInWater && job.particles >= job.scenarios.length;
  for (const [name, on] of [['backward', job.backward], ['track', job.scenarios.some((x) => x.track)], ['netcdf', job.out === 'nc'], ['threads', job.workers !== null],
    ['flags', job.viaFlags], [`forcing ${job.key}`, true], [`where ${job.where}`, true], [`when ${job.when}`, true]]) if (on) covered.set(name, (covered.get(name) ?? 0) + 1);
  if (mutation) {
    // a mistake: refused (1, or 2 for a usage error) by the field's or file's name, nothing written
    const err = res.stderr.trim();
    const words = job.viaFlags ? mutation.flags : mutation.file;
    if (res.status === 0) broken.push(`ran with ${mutation.name}`);
    else if (!((res.status === 1 && /\[SARB_[A-Z_]+\]/.test(err)) || (res.status === 2 && /^error: /m.test(err))) || /\n\s+at /.test(err) || res.signal) broken.push(`${mutation.name}: exit ${res.status} ${res.signal ?? ''}: ${err.slice(0, 500)}`);
    else if (!words.test(err.split('\n')[0])) broken.push(`${mutation.name}: refused without naming ${words}: ${err.split('\n')[0].slice(0, 300)}`);
    if (existsSync(outPath)) broken.push(`${mutation.name}: refused but wrote ${outPath}`);
    covered.set(`mistake ${mutation.name}`, (covered.get(`mistake ${mutation.name}`) ?? 0) + 1);
    if (broken.length) { tally.broken++; console.log(`${label}:\n  ${broken.join('\n  ')}`); } else { tally.refused++; refusals.set(`(${mutation.name})`, [err.split('\n')[0].slice(0, 200)]); }
  } else if (res.status === 0) {
    if (outside) broken.push(`ran although its times lie outside the forcing (${job.when}: ${iso(Math.min(job.startS, job.startS + (job.backward ? -1 : 1) * job.durationS))} for ${job.durationS / H} h; the files cover ${iso(job.forcing.startS)} to ${iso(job.forcing.endS)})`);
    const extra = {};
    let a;
    try { a = checkRun(job, res, outPath, broken, extra); } catch (e) { broken.push(`output not checked: ${e.stack}`); a = {}; }
    // the same job on 2 or 4 threads: identical (its GeoJSON against a NetCDF to float32)
    if (a.frames && job.workers) {
      const outB = join(caseDir, `run-w${job.workers}.geojson`);
      const rb = run(commandLine(job, caseDir, { out: outB, workers: job.workers, json: true }));
      runs++;
      if (rb.status !== 0) broken.push(`refused on ${job.workers} threads: ${rb.stderr.trim().slice(0, 300)}`);
      else {
        const b = checkRun({ ...job, json: true }, rb, outB, broken, { allTimes: job.out === 'nc' });
        if (b.frames) {
          if (job.out !== 'nc' && readFileSync(outPath, 'utf8') !== readFileSync(outB, 'utf8')) broken.push(`GeoJSON on 1 and ${job.workers} threads differ`);
          compareFrames(a.frames, b.frames, job.out !== 'nc', `1 against ${job.workers} threads`, broken);
          if (a.summary && JSON.stringify(a.summary.summaries) !== JSON.stringify(b.summary.summaries)) broken.push(`summaries on 1 and ${job.workers} threads differ`);
        }
      }
    }
    // seeded on land: the run says how many it moved (the JSON, or the report's line); with no move
    // allowed exactly those strand at the start
    const allAtStart = job.scenarios.every((x) => !x.track && Date.parse(x.time) / 1000 === job.startS);
    if (a.frames && allAtStart && job.coastline === 'bundled' && (job.where !== 'water' || (a.summary?.movedOffLand?.count ?? extra.movedSaid ?? 0) > 0)) {
      const rz = run(commandLine(job, caseDir, { out: join(caseDir, 'move0.geojson'), workers: 1, json: true, moveOffLandM: 0 }));
      runs++;
      const ry = a.summary ? null : run(commandLine(job, caseDir, { out: join(caseDir, 'json.geojson'), workers: 1, json: true }));
      const y = a.summary ?? (ry?.status === 0 ? JSON.parse(ry.stdout) : null);
      if (y && !a.summary && y.movedOffLand.count !== extra.movedSaid) broken.push(`the report says ${extra.movedSaid} particles moved off land, --json ${y.movedOffLand.count}`);
      if (rz.status === 0 && y) {
        const z = JSON.parse(rz.stdout);
        const moved = y.movedOffLand.count, before = y.summaries[0].counts.stranded, after = z.summaries[0].counts.stranded;
        if (after !== moved + before) broken.push(`said ${moved} particles moved off land (${before} stranded at the start), but with --move-off-land-m 0 ${after} strand at the start`);
        if (z.movedOffLand.count !== 0) broken.push(`--move-off-land-m 0 still moved ${z.movedOffLand.count}`);
      } else if (rz.status !== 0 && !/\[SARB_INVALID_INPUT\]/.test(rz.stderr)) broken.push(`--move-off-land-m 0: ${rz.stderr.trim().slice(0, 300)}`);
    }
    if (a.frames && job.key === 'uniform') { try { checkUniform(job, job.out === 'geojson-last' ? [] : a.frames, caseDir, broken, label); } catch (e) { broken.push(`uniform check failed: ${e.stack}`); } }
    if (broken.length) { tally.broken++; console.log(`${label}:\n  ${broken.join('\n  ')}`); } else tally.ran++;
  } else {
    const err = res.stderr.trim();
    const lines = err.split('\n');
    const code = err.match(/\[(SARB_[A-Z_]+)\]/)?.[1];
    const clear = res.status === 1 && code && lines.length <= 2 && !/\n\s+at /.test(err) && res.signal === null && !/unexpected/i.test(err);
    if (existsSync(outPath)) broken.push(`refused (exit ${res.status}) but wrote ${outPath}`);
    if (!clear) broken.push(`exit ${res.status} ${res.signal ?? ''}: ${err.slice(0, 700)}`);
    // a time-span refusal whose spans read as if the run fitted is no clear refusal
    const spans = /the run needs (\S+) to (\S+), but .* covers (\S+) to (\S+?) \[/.exec(lines[0]);
    if (spans) {
      const [a, b, c, d] = spans.slice(1).map((t) => Date.parse(t));
      if (a >= c && b <= d) broken.push(`refused for time, but the spans it gives fit: ${lines[0]}`);
    }
    if (outside && code !== 'SARB_TIME_NOT_COVERED' && code !== 'SARB_INVALID_INPUT') broken.push(`times outside the forcing refused as ${code}, not SARB_TIME_NOT_COVERED: ${lines[0]}`);
    if (shouldRun && !(job.key === 'nordic' && code === 'SARB_SPACE_NOT_COVERED')) questionable.push(`${label}: a job inside its forcing, in water, refused: ${lines[0].slice(0, 300)}`);
    if (broken.length) { tally.broken++; console.log(`${label}:\n  ${broken.join('\n  ')}`); } else {
      tally.refused++;
      refusals.set(code, [...(refusals.get(code) ?? []), lines[0].slice(0, 200)]);
    }
  }
}
const seconds = (performance.now() - t0) / 1000;
console.log(`${cases} cases (seed ${seed0}), ${runs} runs in ${seconds.toFixed(0)} s: ${tally.ran} ran as promised, ${tally.refused} refused clearly, ${tally.broken} broke a promise; slowest run ${(slowest / 1000).toFixed(1)} s`);
console.log(`  cases by kind: ${[...covered].map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (analyticLog.length) console.log(`  uniform pair: ${analyticLog.length} mean displacements against the analytic Leeway, largest |z| ${Math.max(...analyticLog).toFixed(2)}`);
for (const [code, lines] of refusals) console.log(`  ${code} × ${lines.length}, e.g. ${lines[0]}`);
for (const q of questionable) console.log(`  refused though inside and in water (look at it): ${q}`);
if (tally.broken === 0 && questionable.length === 0) rmSync(dir, { recursive: true, force: true }); else console.log(`cases kept in ${dir}`);
process.exitCode = tally.broken ? 1 : 0;
