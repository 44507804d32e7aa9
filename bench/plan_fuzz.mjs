// Random plan cases run as a user runs them (`sarbridge plan FILE --json --out DIR`, a process each),
// and the plan's promises checked on what it wrote: either a plan or a clear refusal (sarbridge's
// error with its code, no stack trace); POS within [0, 1], never below the IAMSAR baseline's; every
// unit's route at least its clearance from land; no spacing under the unit's turn limit's; the
// numbers finite; GPX, KML and RTZ well-formed, RTZ for ships only; a plan message for the radio.
// A route inside its clearance by no more than the optimiser's frame parts from the route's sheet
// (tracks_on_land.ts), which the plan now moves off (issued_clearance.ts), is also listed apart.
// Cases: 1-2 scenarios of a random Leeway class (a point or a track), on the synthetic East Sea
// forcing with the bundled coastline, a fifth of them within 6 NM of Ulleungdo or the Liancourt
// Rocks; 1-6 units of every craft with random patterns, sweep widths (one, per object, or from the
// tables), start positions and clearances; either detection law; areas apart or air over surface.
// Prints each case that breaks a promise with its seed, so it can be repeated. Needs `npm run build`.
// REGION=lofoten: the same on real ROMS currents off Lofoten and Bodø (data/forcing/norway-real
// Nordic_subset.nc, 2016-02-02..04) with a constant wind of random speed and direction and the GSHHG
// full coastline (Debian's gmt-gshhg-full), a fifth of the cases among the skerries.
// Usage: node bench/plan_fuzz.mjs [cases, default 40] [seed, default 1] [particles, default 3000]
// (ONLY=k runs case k of those alone, the same case as in the full run; KEEP=1 keeps every case's files)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
const cases = Number(process.argv[2] ?? 40);
const seed0 = Number(process.argv[3] ?? 1);
const particles = Number(process.argv[4] ?? 3000);
const only = process.env.ONLY === undefined ? null : Number(process.env.ONLY);
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-plan-fuzz-'));
const forcing = join(root, 'data/forcing/east-sea-synthetic');

/** mulberry32: a small seeded generator, enough to pick cases. */
function generator(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const region = process.env.REGION ?? 'east-sea';
if (!['east-sea', 'lofoten'].includes(region)) throw new Error(`REGION=${region}: east-sea or lofoten`);
/** Per region: where and when cases start, the islands a fifth of them start near, the forcing and coastline. */
const REGIONS = {
  'east-sea': {
    startS: Date.UTC(2026, 2, 10) / 1000, box: [129.8, 35.8, 3.6, 3.6], islands: [[130.87, 37.50], [131.87, 37.24]],
    forcing: () => ({ wind: [{ file: join(forcing, 'east-sea-wind.nc') }], current: [{ file: join(forcing, 'east-sea-currents.nc') }] }), coastline: 'bundled',
  },
  // the Nordic file's days are 2016-02-02T12Z to 02-04T12Z; Vaeroy, Bodo's skerries, Landego, Fugloy
  lofoten: {
    startS: Date.UTC(2016, 1, 2, 14) / 1000, box: [12.6, 66.9, 2.6, 0.9], islands: [[12.66, 67.66], [14.25, 67.28], [14.55, 67.45], [13.85, 67.05]],
    forcing: (r) => ({ wind: [{ constant: { speedMps: Math.round(r() * 150) / 10, fromDeg: Math.floor(r() * 360) } }],
      current: [{ file: join(root, 'data/forcing/norway-real/Nordic_subset.nc') }] }), coastline: 'gshhg',
  },
};
const where = REGIONS[region];

const OBJECTS = ['PIW-1', 'PIW-4', 'LIFE-RAFT-DB-10', 'LIFE-RAFT-NB-4', 'SEPIRB', 'SKIFF-2', 'FISHING-VESSEL-1', 'SAILBOAT-2', 'CONTAINER-1'];
const PATTERNS = ['PS', 'CS', 'SS', 'VS', 'TSN', 'TSR'];
const iso = (s) => new Date(s * 1000).toISOString().slice(0, 16) + 'Z';
const pos = ([lon, lat]) => `${lat.toFixed(4)} ${lon.toFixed(4)}`;

function makeCase(r, objects) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const startS = where.startS + Math.floor(r() * (region === 'lofoten' ? 24 : 36)) * 1800;
  const near = r() < 0.2;
  const at = () => {
    if (near) { const [lon, lat] = pick(where.islands); const d = r() * 6 / 60, b = r() * 2 * Math.PI; return [lon + d * Math.sin(b) / Math.cos(lat * Math.PI / 180), lat + d * Math.cos(b)]; }
    const [west, south, dLon, dLat] = where.box;
    return [west + r() * dLon, south + r() * dLat];
  };
  const nScenarios = r() < 0.7 ? 1 : 2;
  const scenarios = [];
  for (let k = 0; k < nScenarios; k++) {
    const object = pick(objects);
    const p = at();
    if (r() < 0.25) {
      const q = [p[0] + (r() - 0.5) * 0.3, p[1] + (r() - 0.5) * 0.3];
      scenarios.push({ name: `s${k}`, weight: nScenarios === 1 ? 1 : 0.5, object, track: { from: pos(p), fromTime: iso(startS - 7200), fromRadiusNm: 1 + r() * 2, to: pos(q), toTime: iso(startS), toRadiusNm: 1 + r() * 4 } });
    } else {
      scenarios.push({ name: `s${k}`, weight: nScenarios === 1 ? 1 : 0.5, object, position: pos(p), time: iso(startS), radiusNm: 0.3 + r() * 5 });
    }
  }
  const planningS = startS + (2 + Math.floor(r() * 20)) * 3600;
  const units = [];
  const nUnits = 1 + Math.floor(r() * 6);
  const wanted = [...new Set(scenarios.map((s) => s.object))];
  const weather = r() < 0.6 ? { visibilityNm: pick([1, 3, 5, 10, 20]), windKn: Math.floor(r() * 30), seaHeightM: Math.round(r() * 30) / 10 } : undefined;
  for (let u = 0; u < nUnits; u++) {
    const craft = pick(['ship', 'ship', 'boat', 'helicopter', 'aircraft']);
    const speedKn = { ship: 10 + r() * 10, boat: 15 + r() * 15, helicopter: 70 + r() * 50, aircraft: 130 + r() * 100 }[craft];
    const enduranceH = craft === 'helicopter' || craft === 'aircraft' ? 1 + r() * 3 : 2 + r() * 8;
    const count = 1 + Math.floor(r() * 3);
    const patterns = [...new Set([pick(['PS', 'CS', 'SS']), ...Array.from({ length: count - 1 }, () => pick(PATTERNS))])];
    const unit = { id: `${craft.toUpperCase()}-${u + 1}`, party: pick(['A', 'B']), speedKn: Math.round(speedKn), enduranceH: Math.round(enduranceH * 4) / 4,
      arrival: iso(planningS + Math.floor(r() * 6) * 1800), patterns, craft };
    const how = r();
    if (how < 0.4 || !weather) unit.sweepWidthNm = wanted.length === 1 && r() < 0.5 ? Math.round((0.2 + r() * 4) * 100) / 100 : Object.fromEntries(wanted.map((o) => [o, Math.round((0.2 + r() * 4) * 100) / 100]));
    else unit.platform = craft === 'helicopter' || craft === 'aircraft' ? { kind: craft, altitudeFt: pick([300, 500, 1000, 1500]) } : { kind: 'vessel', eyeHeightFt: pick([8, 14]) };
    if (r() < 0.5) unit.startPosition = pos(at());
    if (r() < 0.3) unit.clearanceNm = Math.round(r() * 30) / 10;
    units.push(unit);
  }
  const plan = {
    title: 'fuzz case', timeStepMin: pick([10, 15, 20]), outputEverySteps: pick([1, 2, 3]), particles, seed: Math.floor(r() * 1e6),
    forcing: where.forcing(r), coastline: where.coastline, scenarios, planningTime: iso(planningS), units,
  };
  if (weather) plan.weather = weather;
  if (r() < 0.3) plan.detection = 'exponential';
  if (r() < 0.3) plan.airOverSurface = true;
  return plan;
}

const DEFAULT_CLEARANCE = { ship: 1, boat: 0.3, helicopter: 150 / 1852, aircraft: 150 / 1852 };   // plan_file.ts: aircraft 150 m (ICAO Annex 2)
const inside = [];
function check(plan, summary, out, label) {
  const broken = [];
  const finite = (x, what) => { if (typeof x !== 'number' || !Number.isFinite(x)) broken.push(`${what} is ${x}`); };
  finite(summary.pos, 'pos'); finite(summary.baselinePos, 'baselinePos');
  if (summary.pos < 0 || summary.pos > 1) broken.push(`POS ${summary.pos} outside [0, 1]`);
  // never below the baseline, when the baseline could be issued (a strip no cut clears of land is only compared with)
  if (summary.baselineIssuable !== false && summary.pos < summary.baselinePos - 1e-9) broken.push(`POS ${summary.pos} below the IAMSAR baseline's ${summary.baselinePos}`);
  // `units` is the plan issued (the baseline's layout when it was chosen); `baselineUnits` only the
  // comparison, whose strip no cut can clear is said as a CAUTION
  for (const [list, name] of [[summary.units, 'plan']]) {
    for (const u of list) {
      const unit = plan.units.find((x) => x.id === u.unitId);
      const clearance = unit.clearanceNm ?? DEFAULT_CLEARANCE[unit.craft];
      if (u.clearanceNm !== undefined && Math.abs(u.clearanceNm - clearance) > 1e-9) broken.push(`${name} ${u.unitId} kept ${u.clearanceNm} NM, not its clearance ${clearance}`);
      // the optimiser's quick land test lays the lines in its frame, which parts from the route's
      // sheet by a few parts in a thousand of the distance from the area's centre (tracks_on_land.ts);
      // an issued route inside its clearance by that much is moved off (issued_clearance.ts), so
      // one left inside is a broken promise, listed apart when within that parting
      const partingNm = 0.004 * (Math.hypot(u.area.lengthNm, u.area.widthNm) / 2 + (u.trackSpacingNm ?? 0)) + 0.01;
      const closest = u.closestToLandNm;
      if (closest !== null && closest !== undefined && closest < clearance - 1e-3) {
        if (closest >= clearance - partingNm) inside.push(`${label} ${u.unitId} ${closest.toFixed(3)} NM (clearance ${clearance}, parting up to ${partingNm.toFixed(3)})`);
        broken.push(`${name} ${u.unitId} passes ${closest.toFixed(3)} NM from land, clearance ${clearance}`);
      }
      if (u.pos !== undefined) finite(u.pos, `${name} ${u.unitId} pos`);
      if (u.trackSpacingNm !== undefined && u.trackSpacingNm !== null) finite(u.trackSpacingNm, `${name} ${u.unitId} spacing`);
      if (!unit.patterns.includes(u.pattern) && u.pattern !== undefined) broken.push(`${name} ${u.unitId} flies ${u.pattern}, not among its patterns ${unit.patterns}`);
    }
  }
  for (const f of ['plan.gpx', 'plan.kml']) {
    const p = join(out, f);
    if (!existsSync(p)) { broken.push(`no ${f}`); continue; }
    const v = XMLValidator.validate(readFileSync(p, 'utf8'));
    if (v !== true) broken.push(`${f} not well-formed: ${v.err.msg} at line ${v.err.line}`);
  }
  for (const u of summary.units) {
    const unit = plan.units.find((x) => x.id === u.unitId);
    const rtz = join(out, `${u.unitId}.rtz`);
    const isShip = unit.craft === 'ship' || unit.craft === 'boat';
    if (existsSync(rtz) !== isShip) broken.push(`${u.unitId} (${unit.craft}) ${isShip ? 'has no' : 'has an'} RTZ route`);
    if (existsSync(rtz)) { const v = XMLValidator.validate(readFileSync(rtz, 'utf8')); if (v !== true) broken.push(`${u.unitId}.rtz not well-formed: ${v.err.msg}`); }
  }
  const message = join(out, 'plan-message.txt');
  if (!existsSync(message) || readFileSync(message, 'utf8').length < 50) broken.push('no plan message');
  return broken;
}

const random = generator(seed0);
const objects = OBJECTS;
const tally = { planned: 0, refused: 0, broken: 0 };
const refusals = new Map();
let slowest = 0;
for (let k = 0; k < cases; k++) {
  const caseSeed = Math.floor(random() * 2 ** 31);
  const plan = makeCase(generator(caseSeed), objects);
  if (only !== null && k !== only) continue;
  const file = join(dir, `case-${k}.json`), out = join(dir, `out-${k}`);
  writeFileSync(file, JSON.stringify(plan, null, 1));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/sarbridge.js'), 'plan', file, '--json', '--out', out], { encoding: 'utf8', timeout: 300_000 });
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  if (run.status === 0) {
    let broken;
    try { broken = check(plan, JSON.parse(run.stdout), out, `case ${k} (seed ${caseSeed})`); } catch (e) { broken = [`output not checked: ${e.message}`]; }
    if (broken.length) { tally.broken++; console.log(`case ${k} (seed ${caseSeed}, ${file}):\n  ${broken.join('\n  ')}`); } else tally.planned++;
  } else {
    const err = run.stderr.trim();
    const clear = /\[SARB_[A-Z_]+\]/.test(err) && !/\n\s+at /.test(err) && run.signal === null;
    if (clear) { tally.refused++; const code = err.match(/\[(SARB_[A-Z_]+)\]/)[1]; refusals.set(code, [...(refusals.get(code) ?? []), err.split('\n')[0].slice(0, 160)]); }
    else { tally.broken++; console.log(`case ${k} (seed ${caseSeed}, ${file}): exit ${run.status} ${run.signal ?? ''}\n  ${err.slice(0, 600)}`); }
  }
}
console.log(`${only === null ? '' : `case ${only} of `}${cases} cases, ${particles} particles: ${tally.planned} planned as promised, ${tally.refused} refused clearly, ${tally.broken} broke a promise; slowest ${(slowest / 1000).toFixed(1)} s`);
for (const [code, lines] of refusals) console.log(`  ${code} × ${lines.length}, e.g. ${lines[0]}`);
if (inside.length) console.log(`  of those, inside the clearance by no more than the quick test's frame parts from the route: ${inside.join('; ')}`);
if (tally.broken === 0 && inside.length === 0 && !process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(`cases kept in ${dir}`);
process.exitCode = tally.broken ? 1 : 0;
