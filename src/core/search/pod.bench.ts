/**
 * Benchmark of searchPod: a 6-unit plan (4 vessels, 2 helicopters, parallel sweeps over six
 * 10 x 10 NM blocks) over 100,000 drifting particles with half-hourly drift outputs.
 * Run: `npx tsx -e "import('./src/core/search/pod.bench.ts').then(m => m.benchPod()).then(l => console.log(l.join('\n')))"`.
 */
import { uniformSequence } from '../drift/random.js';
import { METRES_PER_NM, SECONDS_PER_HOUR } from '../geo/units.js';
import { fromLocal, localFrame } from '../probability/local_frame.js';
import type { DetectionLaw } from './detection.js';
import { searchPod, type PositionSnapshot, type SearchTrack, type TrackWaypoint } from './pod.js';

const CENTRE = { lonDeg: 131.5, latDeg: 37.5 };

/** Seeded uniform numbers in [0, 1). */
const seeded = uniformSequence;

/** A parallel sweep over a 10 x 10 NM block with south-west corner (x0, y0) NM, legs north-south. */
function block(unitId: string, x0Nm: number, y0Nm: number, spacingNm: number, speedKn: number, sweepWidthNm: number, t0S: number): SearchTrack {
  const frame = localFrame(CENTRE);
  const waypoints: TrackWaypoint[] = [];
  let t = t0S;
  let prev: [number, number] | null = null;
  for (let k = 0, x = x0Nm + spacingNm / 2; x < x0Nm + 10; k++, x += spacingNm) {
    const ends: [number, number][] = k % 2 === 0 ? [[x, y0Nm], [x, y0Nm + 10]] : [[x, y0Nm + 10], [x, y0Nm]];
    for (const [px, py] of ends) {
      if (prev) t += (Math.hypot(px - prev[0], py - prev[1]) / speedKn) * SECONDS_PER_HOUR;
      const p = fromLocal(frame, px * METRES_PER_NM, py * METRES_PER_NM);
      waypoints.push({ lonDeg: p.lonDeg, latDeg: p.latDeg, timeS: t });
      prev = [px, py];
    }
  }
  return { unitId, sweepWidthNm, waypoints };
}

/**
 * Time one call, best of `runs`: wall-clock milliseconds and, where the runtime tells it
 * (Node's process.cpuUsage), the CPU milliseconds of this thread's process, which a loaded
 * machine inflates less.
 */
function time(run: () => void, runs: number): { wallMs: number; cpuMs: number } {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
  let wallMs = Infinity, cpuMs = Infinity;
  for (let r = 0; r < runs; r++) {
    const c0 = usage?.();
    const t0 = performance.now();
    run();
    wallMs = Math.min(wallMs, performance.now() - t0);
    const c1 = usage?.();
    if (c0 && c1) cpuMs = Math.min(cpuMs, (c1.user + c1.system - c0.user - c0.system) / 1000);
  }
  return { wallMs, cpuMs };
}

/** Run the benchmark; returns printable lines. */
export async function benchPod(): Promise<string[]> {
  const n = 100_000;
  const frame = localFrame(CENTRE);
  const rand = seeded(42);
  const hours = 6;
  // Gaussian cloud, sigma 8 x 6 NM, every particle drifting at its own velocity (0.5-1.5 kn, ENE)
  const x0 = new Float64Array(n), y0 = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(1 - rand())), a = 2 * Math.PI * rand();
    x0[i] = r * Math.cos(a) * 8 * METRES_PER_NM;
    y0[i] = r * Math.sin(a) * 6 * METRES_PER_NM;
    const speed = (0.5 + rand()) * (METRES_PER_NM / SECONDS_PER_HOUR), dir = (60 + 30 * (rand() - 0.5)) * (Math.PI / 180);
    vx[i] = speed * Math.sin(dir);
    vy[i] = speed * Math.cos(dir);
  }
  const snapshots: PositionSnapshot[] = [];
  for (let s = 0; s <= 2 * hours; s++) {
    const t = s * 1800;
    const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = fromLocal(frame, x0[i] + vx[i] * t, y0[i] + vy[i] * t);
      lonDeg[i] = p.lonDeg;
      latDeg[i] = p.latDeg;
    }
    snapshots.push({ timeS: t, lonDeg, latDeg });
  }
  const weight = new Float64Array(n).fill(1 / n);
  const tracks: SearchTrack[] = [
    block('VESSEL-1', -15, -10, 2, 12, 2, 600), block('VESSEL-2', -5, -10, 2, 12, 2, 600),
    block('VESSEL-3', 5, -10, 2, 12, 2, 600), block('VESSEL-4', -15, 0, 2, 12, 2, 600),
    block('HELO-1', -5, 0, 1.5, 90, 1.2, 3600), block('HELO-2', 5, 0, 1.5, 90, 1.2, 3600),
  ];
  const segments = tracks.reduce((s, t) => s + t.waypoints.length - 1, 0);
  const lines = [`searchPod: ${n} particles, ${snapshots.length} drift outputs, 6 units, ${segments} legs`];
  for (const law of ['inverse-cube', 'exponential'] as DetectionLaw[]) {
    let result = searchPod({ particles: { count: n, weight }, snapshots, tracks, law });
    const { wallMs, cpuMs } = time(() => { result = searchPod({ particles: { count: n, weight }, snapshots, tracks, law }); }, 7);
    const pairs = result.pairsIntegrated + result.pairsSkipped;
    const ms = Number.isFinite(cpuMs) ? cpuMs : wallMs;
    lines.push(`  ${law}: ${wallMs.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (best of 7), POS ${result.pos.toFixed(4)}, ` +
      `${(result.pairsIntegrated / 1e6).toFixed(2)} M particle-segment pairs integrated, ${(result.pairsSkipped / 1e6).toFixed(2)} M skipped of ${(pairs / 1e6).toFixed(2)} M, ` +
      `${((ms * 1e6) / pairs).toFixed(2)} ns per pair`);
    lines.push(`    POS per unit: ${result.unitIds.map((id, k) => `${id} ${result.unitPos[k].toFixed(4)}`).join(', ')}`);
  }
  // What the default cut-off (1e-4 per particle-segment pair) costs in POS against a much finer one
  const fine = searchPod({ particles: { count: n, weight }, snapshots, tracks, law: 'inverse-cube', cutoffExposure: 1e-7 });
  const coarse = searchPod({ particles: { count: n, weight }, snapshots, tracks, law: 'inverse-cube' });
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, fine.pod[i] - coarse.pod[i]);
  lines.push(`  cut-off check (inverse cube): POS ${coarse.pos.toFixed(5)} at 1e-4 vs ${fine.pos.toFixed(5)} at 1e-7; ` +
    `largest POD difference of a particle ${worst.toExponential(2)}`);
  return lines;
}
