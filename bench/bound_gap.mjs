// The plan-vs-bound gap of bench/plan_quality.mjs taken apart (issue 12), in its own process.
// Needs `node scripts/build.mjs` (dist/). Arguments: case names to run (substring; default all six);
// --n=<count> particles for our own scenarios (default 10,000; the examples use their own).
// For each case it prints:
//  - the Koopman/Stone bound on POC grids of E/2.5 ... E/40 (E the baseline's probable error), in
//    sample and held out (the allocation fitted on half the particles, scored on the other half,
//    both ways, averaged): in sample the bound rises without limit as cells shrink to single
//    particles; held out it peaks at the finest grid the particle noise supports;
//  - the bound with each scenario's rate the best unit's (an upper relaxation) against the
//    effort-weighted mean rate plan_quality uses, when the objects differ;
//  - the bound with every cell's coverage capped at MAX_COVERAGE (what areas apart may ask for);
//  - the best single rectangle with uniform coverage holding all the effort (the shape constraint);
//  - the bound on the cloud as it is at each end of the search window (time);
//  - the share of each unit's endurance its route uses, and the plans areas apart and airOverSurface.
import { iamsarBaseline, optimalAllocation, stoneBound } from '../dist/core/search/index.js';
import { MAX_COVERAGE } from '../dist/core/search/allocation/max_coverage.js';
import { minimumSpacingOf } from '../dist/core/search/allocation/allocation_unit.js';
import { positionsAt } from '../dist/core/search/allocation/cell_cloud.js';
import { localFrame } from '../dist/core/probability/local_frame.js';
import { qualityScenarios } from '../dist/core/search/allocation/allocation_scenarios.testkit.js';
import { loadLeewayTable } from '../dist/io/leeway/index.js';
import { projectPath } from '../dist/io/project_files.js';
import { loadPlanCase } from '../dist/app/plan/load_plan_case.js';
import { runPlan } from '../dist/app/plan/run_plan.js';
import { halfParticles } from '../dist/app/plan/plan_quality.bench.js';

const args = process.argv.slice(2);
const nArg = args.find((a) => a.startsWith('--n='));
const n = nArg ? Number(nArg.slice(4)) : 10_000;
const only = args.filter((a) => !a.startsWith('--'));
const pct = (p) => `${(100 * p).toFixed(1)}`;
const NM = 1852;

function rates(units) {
  const effort = units.map((u) => u.sweepWidthNm * u.speedKn * u.enduranceH);
  const total = effort.reduce((a, b) => a + b, 0);
  const scenarios = Math.max(1, ...units.map((u) => u.sweepWidthByScenarioNm?.length ?? 1));
  if (scenarios === 1) return { total };
  const ratio = (u, s) => (u.sweepWidthByScenarioNm?.[s] ?? u.sweepWidthNm) / u.sweepWidthNm;
  const mean = Array.from({ length: scenarios }, (_, s) => units.reduce((sum, u, k) => sum + effort[k] * ratio(u, s), 0) / total);
  const best = Array.from({ length: scenarios }, (_, s) => Math.max(...units.map((u) => ratio(u, s))));
  return { total, mean, best, perUnit: units.map((u) => Array.from({ length: scenarios }, (_, s) => ratio(u, s).toFixed(2)).join('/')) };
}


/** Best single rectangle, uniform coverage, all the effort Z: max over orientation, centre, sides of P(in) (1 - e^(-Z/A)). */
function bestRectangle(particles, snapshots, timeS, Z, E, maxC = Infinity) {
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, particles.count);
  let mx = 0, my = 0, sw = 0;
  for (let i = 0; i < particles.count; i++) { const w = particles.weight[i]; if (w > 0) { mx += w * x[i]; my += w * y[i]; sw += w; } }
  mx /= sw; my /= sw;
  const G = 160, span = 12 * E * NM;   // histogram of +-6 E about the mean
  const h = span / G;
  let best = { pos: 0 };
  for (let deg = 0; deg < 180; deg += 5) {
    const c = Math.cos((deg * Math.PI) / 180), s = Math.sin((deg * Math.PI) / 180);
    const cum = new Float64Array((G + 1) * (G + 1));
    for (let i = 0; i < particles.count; i++) {
      const w = particles.weight[i]; if (!(w > 0)) continue;
      const u = (x[i] - mx) * c + (y[i] - my) * s, v = -(x[i] - mx) * s + (y[i] - my) * c;
      const a = Math.floor(u / h + G / 2), b = Math.floor(v / h + G / 2);
      if (a >= 0 && a < G && b >= 0 && b < G) cum[(a + 1) * (G + 1) + b + 1] += w;
    }
    for (let a = 1; a <= G; a++) for (let b = 1; b <= G; b++) cum[a * (G + 1) + b] += cum[(a - 1) * (G + 1) + b] + cum[a * (G + 1) + b - 1] - cum[(a - 1) * (G + 1) + b - 1];
    const mass = (a0, a1, b0, b1) => cum[a1 * (G + 1) + b1] - cum[a0 * (G + 1) + b1] - cum[a1 * (G + 1) + b0] + cum[a0 * (G + 1) + b0];
    for (let L = 2; L <= G; L += 2) for (let W = 2; W <= L; W += 2) {
      const area = (L * h / NM) * (W * h / NM), pod = -Math.expm1(-Math.min(maxC, Z / area));
      if (pod < best.pos) continue;
      for (let du = -6; du <= 6; du += 2) for (let dv = -4; dv <= 4; dv += 2) {
        const a0 = G / 2 - L / 2 + du, b0 = G / 2 - W / 2 + dv;
        if (a0 < 0 || b0 < 0 || a0 + L > G || b0 + W > G) continue;
        const pos = mass(a0, a0 + L, b0, b0 + W) * pod;
        if (pos > best.pos) best = { pos, deg, L: L * h / NM, W: W * h / NM, C: Math.min(maxC, Z / area) };
      }
    }
  }
  return best;
}

/**
 * Bound of plans under the project's exponential law (detection.ts): a pass deposits its exposure
 * as a Gaussian of sigma = 2 W about its track, so the coverage field is W (G_sigma * m), m the track
 * placed anywhere (sum W m = Z). sigma = 2 min W bounds every unit (a wider blur is a narrower one
 * blurred again). Concave in m: Frank-Wolfe on a grid of E/10 cells, with the duality gap as the
 * certificate: returns the value reached (achievable on the grid) and the upper bound.
 */
function blurredBound(particles, snapshots, timeS, Z, E, sigmaNm, rateOf) {
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, particles.count);
  let mx = 0, my = 0, sw = 0;
  for (let i = 0; i < particles.count; i++) { const w = particles.weight[i]; if (w > 0) { mx += w * x[i]; my += w * y[i]; sw += w; } }
  mx /= sw; my /= sw;
  const hNm = Math.min(E / 10, sigmaNm / 2), half = 6 * E + 3 * sigmaNm, G = Math.ceil((2 * half) / hNm), a = hNm * hNm;
  const groups = rateOf.length;
  const p = Array.from({ length: groups }, () => new Float64Array(G * G));
  for (let i = 0; i < particles.count; i++) {
    const w = particles.weight[i]; if (!(w > 0)) continue;
    const u = Math.floor(((x[i] - mx) / NM + half) / hNm), v = Math.floor(((y[i] - my) / NM + half) / hNm);
    if (u >= 0 && u < G && v >= 0 && v < G) p[groups === 1 ? 0 : particles.scenario?.[i] ?? 0][u * G + v] += w;
  }
  const R = Math.ceil((3.5 * sigmaNm) / hNm);
  const k = Float64Array.from({ length: 2 * R + 1 }, (_, j) => Math.exp(-(((j - R) * hNm) ** 2) / (2 * sigmaNm ** 2)));
  const ks = k.reduce((s2, v) => s2 + v, 0); for (let j = 0; j < k.length; j++) k[j] /= ks;
  const blur = (f) => {   // separable Gaussian, zero outside
    const t = new Float64Array(G * G), o = new Float64Array(G * G);
    for (let u = 0; u < G; u++) for (let v = 0; v < G; v++) { let s2 = 0; for (let j = -R; j <= R; j++) { const vv = v + j; if (vv >= 0 && vv < G) s2 += k[j + R] * f[u * G + vv]; } t[u * G + v] = s2; }
    for (let u = 0; u < G; u++) for (let v = 0; v < G; v++) { let s2 = 0; for (let j = -R; j <= R; j++) { const uu = u + j; if (uu >= 0 && uu < G) s2 += k[j + R] * t[uu * G + v]; } o[u * G + v] = s2; }
    return o;
  };
  const value = (c) => { let f = 0; for (let g = 0; g < groups; g++) for (let i = 0; i < G * G; i++) if (p[g][i] > 0) f += p[g][i] * -Math.expm1(-rateOf[g] * c[i]); return f; };
  // start: all the effort at the densest cell's stamp; c = coverage field (planning-W), m = effort per cell
  const m = new Float64Array(G * G);
  let best0 = 0; for (let i = 0; i < G * G; i++) if (p[0][i] > p[0][best0]) best0 = i;
  m[best0] = Z;
  let c = blur(m).map((v) => v / a);
  let upper = Infinity, val = value(c);
  for (let it = 0; it < 400; it++) {
    const q = new Float64Array(G * G);
    for (let g = 0; g < groups; g++) for (let i = 0; i < G * G; i++) if (p[g][i] > 0) q[i] += p[g][i] * rateOf[g] * Math.exp(-rateOf[g] * c[i]);
    const grad = blur(q).map((v) => v / a);   // dF/dm_j
    let jb = 0, dot = 0; for (let j = 0; j < G * G; j++) { if (grad[j] > grad[jb]) jb = j; dot += grad[j] * m[j]; }
    upper = Math.min(upper, val + grad[jb] * Z - dot);
    // step toward all the effort at cell jb, line search on gamma
    const e = new Float64Array(G * G); e[jb] = Z; const cs = blur(e).map((v) => v / a);
    let lo = 0, hi = 1;
    const at = (gm) => value(c.map((v, i) => (1 - gm) * v + gm * cs[i]));
    for (let s2 = 0; s2 < 25; s2++) { const m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3; if (at(m1) < at(m2)) lo = m1; else hi = m2; }
    const gm = 0.5 * (lo + hi);
    for (let i = 0; i < G * G; i++) { c[i] = (1 - gm) * c[i] + gm * cs[i]; m[i] *= 1 - gm; }
    m[jb] += gm * Z;
    val = value(c);
    if (upper - val < 0.002) break;
  }
  return { value: val, upper, cellNm: hNm };
}

/**
 * The same with each unit its own: its effort Z_k, its blur sigma_k = 2 W_k, its rates W_ks / W_k,
 * and optionally its coverage cap (MAX_COVERAGE, and W_k / its closest spacing 2 r: turns), units
 * free to overlap (airOverSurface and more). Frank-Wolfe, each unit's step filling its best cells
 * up to its cap; value reached and duality-gap upper bound.
 */
function unitsBound(particles, snapshots, timeS, E, units, capped, iterations = 150) {
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, particles.count);
  let mx = 0, my = 0, sw = 0;
  for (let i = 0; i < particles.count; i++) { const w = particles.weight[i]; if (w > 0) { mx += w * x[i]; my += w * y[i]; sw += w; } }
  mx /= sw; my /= sw;
  const sig = units.map((u) => 2 * Math.min(u.sweepWidthNm, ...(u.sweepWidthByScenarioNm ?? [])));
  const hNm = Math.min(E / 10, Math.min(...sig) / 2), half = 6 * E + 3 * Math.max(...sig), G = Math.ceil((2 * half) / hNm), N = G * G, a = hNm * hNm;
  const groups = Math.max(1, ...units.map((u) => u.sweepWidthByScenarioNm?.length ?? 1));
  const rate = units.map((u) => Array.from({ length: groups }, (_, g) => (u.sweepWidthByScenarioNm?.[g] ?? u.sweepWidthNm) / u.sweepWidthNm));
  const Z = units.map((u) => u.sweepWidthNm * u.speedKn * u.enduranceH);
  const cap = units.map((u) => (capped ? Math.min(MAX_COVERAGE, u.sweepWidthNm / Math.max(1e-9, minimumSpacingOf(u, 'PS'))) : Infinity));
  const p = Array.from({ length: groups }, () => new Float64Array(N));
  for (let i = 0; i < particles.count; i++) {
    const w = particles.weight[i]; if (!(w > 0)) continue;
    const u = Math.floor(((x[i] - mx) / NM + half) / hNm), v = Math.floor(((y[i] - my) / NM + half) / hNm);
    if (u >= 0 && u < G && v >= 0 && v < G) p[groups === 1 ? 0 : particles.scenario?.[i] ?? 0][u * G + v] += w;
  }
  const kernelOf = (sg) => {
    const R = Math.ceil((3.5 * sg) / hNm);
    const k = Float64Array.from({ length: 2 * R + 1 }, (_, j) => Math.exp(-(((j - R) * hNm) ** 2) / (2 * sg ** 2)));
    const ks = k.reduce((s2, v) => s2 + v, 0); for (let j = 0; j < k.length; j++) k[j] /= ks;
    return { k, R };
  };
  // the spread of unit k's passes for object g: sigma = 2 W_kg (detection.ts: each particle's own W)
  const kernels = units.map((u) => Array.from({ length: groups }, (_, g) => kernelOf(2 * (u.sweepWidthByScenarioNm?.[g] ?? u.sweepWidthNm))));
  const blur = (f, { k, R }) => {
    const t = new Float64Array(N), o = new Float64Array(N);
    for (let u = 0; u < G; u++) for (let v = 0; v < G; v++) { const b = u * G; let s2 = 0; for (let j = Math.max(-R, -v); j <= Math.min(R, G - 1 - v); j++) s2 += k[j + R] * f[b + v + j]; t[b + v] = s2 / a; }
    for (let u = 0; u < G; u++) for (let v = 0; v < G; v++) { let s2 = 0; for (let j = Math.max(-R, -u); j <= Math.min(R, G - 1 - u); j++) s2 += k[j + R] * t[(u + j) * G + v]; o[u * G + v] = s2; }
    return o;
  };
  /** Coverage of object g from the placements m_k: sum_k r_kg blur_kg(m_k). */
  const groupField = (mm) => Array.from({ length: groups }, (_, g) => { const c = new Float64Array(N); mm.forEach((mk, k) => { const f = blur(mk, kernels[k][g]), r = rate[k][g]; for (let i = 0; i < N; i++) c[i] += r * f[i]; }); return c; });
  const value = (c) => { let f = 0; for (let g = 0; g < groups; g++) for (let i = 0; i < N; i++) if (p[g][i] > 0) f += p[g][i] * -Math.expm1(-c[g][i]); return f; };
  /** Unit k's best placement for gradient gr: its effort into its best cells, each up to its cap. */
  const fill = (gr, k) => {
    const s2 = new Float64Array(N);
    if (!Number.isFinite(cap[k])) { let jb = 0; for (let j = 0; j < N; j++) if (gr[j] > gr[jb]) jb = j; s2[jb] = Z[k]; return s2; }
    const order = Array.from({ length: N }, (_, j) => j).sort((i, j) => gr[j] - gr[i]);
    let left = Z[k];
    for (const j of order) { const z = Math.min(left, cap[k] * a); s2[j] = z; left -= z; if (left <= 0) break; }
    return s2;
  };
  // start: each unit's best fill on the density itself
  const dens = new Float64Array(N); for (let g = 0; g < groups; g++) for (let i = 0; i < N; i++) dens[i] += p[g][i];
  let m = units.map((_, k) => fill(blur(dens, kernels[k][0]), k));
  let c = groupField(m), val = value(c), upper = Infinity;
  for (let it = 0; it < iterations; it++) {
    const q = c.map((cg, g) => { const o = new Float64Array(N); for (let i = 0; i < N; i++) if (p[g][i] > 0) o[i] = p[g][i] * Math.exp(-cg[i]); return o; });
    let gap = 0;
    const sDir = units.map((_, k) => {
      const gr = new Float64Array(N);   // dF/dm_k = sum_g r_kg blur_kg(q_g) (the blurs are symmetric)
      for (let g = 0; g < groups; g++) { const b = blur(q[g], kernels[k][g]), r = rate[k][g]; for (let i = 0; i < N; i++) gr[i] += r * b[i]; }
      const sk = fill(gr, k);
      for (let j = 0; j < N; j++) gap += gr[j] * (sk[j] - m[k][j]);
      return sk;
    });
    upper = Math.min(upper, val + gap);
    if (upper - val < 0.002) break;
    const cs = groupField(sDir);
    const at = (gm) => value(c.map((cg, g) => cg.map((v, i) => (1 - gm) * v + gm * cs[g][i])));
    let lo = 0, hi = 1;
    for (let s3 = 0; s3 < 20; s3++) { const m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3; if (at(m1) < at(m2)) lo = m1; else hi = m2; }
    const gm = 0.5 * (lo + hi);
    m = m.map((mk, k) => mk.map((v, j) => (1 - gm) * v + gm * sDir[k][j]));
    c = c.map((cg, g) => cg.map((v, i) => (1 - gm) * v + gm * cs[g][i]));
    val = value(c);
  }
  return { value: val, upper: Math.max(val, upper), cellNm: hNm, caps: cap };
}

async function cases() {
  const out = [];
  const objects = loadLeewayTable();
  for (const file of ['constant-forcing-six-units.yaml', 'east-sea-raft-or-piw.yaml', 'liancourt-joint-sarex.yaml']) {
    const name = `examples/plans/${file}`;
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const c = loadPlanCase(projectPath(name), objects);
    const planCase = { ...c, law: 'exponential' };
    const apart = await runPlan(planCase, { workers: 1 });
    const over = await runPlan({ ...planCase, airOverSurface: true }, { workers: 1 });
    out.push({ name, particles: apart.particles, snapshots: apart.drift.result.snapshots, units: planCase.units, base: apart.baseline, apart: apart.optimal, over: over.optimal });
  }
  for (const s of qualityScenarios(n)) {
    if (only.length && !only.some((o) => s.name.includes(o))) continue;
    const base = iamsarBaseline(s.particles, s.snapshots, s.units, { law: 'exponential' });
    const apart = optimalAllocation(s.particles, s.snapshots, s.units, { law: 'exponential', baseline: base });
    const over = optimalAllocation(s.particles, s.snapshots, s.units, { law: 'exponential', baseline: base, airOverSurface: true });
    out.push({ name: s.name, particles: s.particles, snapshots: s.snapshots, units: s.units, base, apart, over });
  }
  return out;
}

for (const k of await cases()) {
  const { particles, snapshots, units, base } = k;
  const E = base.probableErrorNm, t = base.datumTimeS;
  const r = rates(units);
  const opt = (o) => ({ ...(r.mean ? { rateByScenario: r.mean } : {}), ...o });
  console.log(`${k.name}: ${particles.count} particles, E ${E.toFixed(2)} NM, effort sum W V T ${r.total.toFixed(0)} NM^2` +
    (r.perUnit ? `, W_s/W per unit ${r.perUnit.join(' ')}, effort-weighted ${r.mean.map((v) => v.toFixed(2)).join('/')}` : ''));
  const grid = [2.5, 5, 10, 20, 40].map((d) => {
    const cellNm = E / d;
    const full = stoneBound(particles, snapshots, t, r.total, opt({ cellNm }));
    const a = stoneBound(halfParticles(particles, 0), snapshots, t, r.total, opt({ cellNm, scoreWith: halfParticles(particles, 1) }));
    const b = stoneBound(halfParticles(particles, 1), snapshots, t, r.total, opt({ cellNm, scoreWith: halfParticles(particles, 0) }));
    return { d, cellNm, pos: full.pos, halfIn: 0.5 * (a.pos + b.pos), heldOut: 0.5 * (a.heldOutPos + b.heldOutPos) };
  });
  console.log('  grid E/d:      ' + grid.map((g) => `E/${g.d} (${g.cellNm.toFixed(2)} NM) in ${pct(g.pos)} half-in ${pct(g.halfIn)} held-out ${pct(g.heldOut)}`).join('; '));
  const right = grid.reduce((b, g) => (g.heldOut > b.heldOut ? g : b));
  const cellNm = right.cellNm;
  const at5 = grid[1].pos;
  console.log(`  held-out peak at E/${right.d}: ${pct(right.heldOut)} (in sample there ${pct(right.pos)}; plan_quality's E/5 in sample ${pct(at5)})`);
  if (r.mean) {
    const bestRate = stoneBound(particles, snapshots, t, r.total, { cellNm: E / 5, rateByScenario: r.best });
    console.log(`  rates: effort-weighted mean ${pct(at5)}, each scenario at its best unit's rate (upper relaxation) ${pct(bestRate.pos)}`);
  }
  const capped = stoneBound(particles, snapshots, t, r.total, opt({ cellNm: E / 5, maxCoverage: MAX_COVERAGE }));
  console.log(`  coverage capped at ${MAX_COVERAGE} per cell: ${pct(capped.pos)} (effort placed ${(100 * capped.effortNm2 / r.total).toFixed(0)} %)`);
  const t0 = Math.min(...units.map((u) => u.arrivalTimeS)), t1 = Math.max(...units.map((u) => u.arrivalTimeS + u.enduranceH * 3600));
  const early = stoneBound(particles, snapshots, t0, r.total, opt({ cellNm: E / 5 })), late = stoneBound(particles, snapshots, t1, r.total, opt({ cellNm: E / 5 }));
  console.log(`  time: bound on the cloud at the first arrival ${pct(early.pos)}, at the datum time ${pct(at5)}, at the last unit's end ${pct(late.pos)}`);
  const rect = bestRectangle(particles, snapshots, t, r.total, E);
  const minW = Math.min(...units.map((u) => Math.min(u.sweepWidthNm, ...(u.sweepWidthByScenarioNm ?? []))));
  const bl = blurredBound(particles, snapshots, t, r.total, E, 2 * minW, r.mean ?? [1]);
  const ub = unitsBound(particles, snapshots, t, E, units, false), ubc = unitsBound(particles, snapshots, t, E, units, true);
  console.log(`  sensor spread (exponential law's sigma = 2 W, here 2 x ${minW.toFixed(2)} NM): bound ${pct(bl.value)}..${pct(bl.upper)} (reached..certified, cells ${bl.cellNm.toFixed(2)} NM)`);
  console.log(`  each unit its own effort, sigma 2 W_k and rates, overlap allowed: ${pct(ub.value)}..${pct(ub.upper)}; and each capped at its coverage limit ` +
    `(${ubc.caps.map((v) => v.toFixed(2)).join('/')}): ${pct(ubc.value)}..${pct(ubc.upper)}`);
  const rectCap = bestRectangle(particles, snapshots, t, r.total, E, MAX_COVERAGE);
  console.log(`  one rectangle, uniform coverage, all the effort: ${pct(rect.pos)} (${rect.L.toFixed(1)} x ${rect.W.toFixed(1)} NM at ${rect.deg} deg, C ${rect.C.toFixed(2)}); ` +
    `with C <= ${MAX_COVERAGE}: ${pct(rectCap.pos)} (${rectCap.L.toFixed(1)} x ${rectCap.W.toFixed(1)} NM, C ${rectCap.C.toFixed(2)})` +
    (r.mean ? ' (every particle at rate 1: the planning object\'s W)' : ''));
  // the planner on the cloud frozen at the datum time (no drift during the search): what the drift costs it
  let k0 = 0;
  while (k0 + 1 < snapshots.length && snapshots[k0 + 1].timeS <= t) k0++;
  const frozen = [{ ...snapshots[k0], timeS: snapshots[0].timeS }, { ...snapshots[k0], timeS: snapshots[snapshots.length - 1].timeS }];
  const fBase = iamsarBaseline(particles, frozen, units, { law: 'exponential' });
  for (const airOverSurface of [false, true]) {
    const f = optimalAllocation(particles, frozen, units, { law: 'exponential', baseline: fBase, airOverSurface });
    console.log(`  planner on the cloud frozen at the datum time${k.name.startsWith('examples') ? ' (no shoreline)' : ''}, ${airOverSurface ? 'airOverSurface' : 'apart'}: ${pct(f.pos)} (${f.chosen}; baseline ${pct(fBase.pos)})`);
  }
  for (const [label, plan] of [['apart', k.apart], ['airOverSurface', k.over]]) {
    const used = plan.assignments.map((a) => {
      const u = units.find((v) => v.unitId === a.unitId);
      return `${a.unitId} ${a.pattern} C ${a.coverage.toFixed(2)} time ${(100 * (a.route.endTimeS - a.route.startTimeS) / (u.enduranceH * 3600)).toFixed(0)} % legs ${(100 * a.route.totalTrackNm / (u.speedKn * u.enduranceH)).toFixed(0)} %`;
    });
    console.log(`  plan ${label}: ${pct(plan.pos)} (${plan.chosen}; own ${pct(plan.optimiserPos)}, baseline ${pct(plan.baselinePos)})${plan.held.length ? `, held ${plan.held.map((h) => h.unitId).join(',')}` : ''}: ${used.join('; ')}`);
  }
}
