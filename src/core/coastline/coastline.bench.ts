/**
 * Benchmark of Coastline.firstShoreCrossing and isLand on the bundled GSHHG f subset
 * (127-135E 33-41N): 100,000 open-sea particles over 144 ten-minute steps, as the drift engine
 * calls it, and coastal steps starting within about 1 km of the shore.
 * Run: `npx tsx -e "import('./src/core/coastline/coastline.bench.ts').then(m => m.benchCoastline()).then(l => console.log(l.join('\n')))"`.
 */
import { uniformSequence } from '../drift/random.js';
import { parseBinnedShoreline } from './bundled_format.js';
import type { Coastline } from './coastline.js';
import { coastlineFromBins } from './coastline_from_bins.js';

/** Seeded uniform numbers in [0, 1). */
const seeded = uniformSequence;

const STEP_DEG = 0.0054; // 600 m (1 m/s for 10 minutes) in latitude degrees

/** Random steps of about 600 m in random directions from the given starts. */
function stepsFrom(lon0: Float64Array, lat0: Float64Array, rand: () => number): [Float64Array, Float64Array] {
  const lon1 = new Float64Array(lon0.length);
  const lat1 = new Float64Array(lat0.length);
  for (let k = 0; k < lon0.length; k++) {
    const a = 2 * Math.PI * rand();
    lon1[k] = lon0[k] + (STEP_DEG * Math.cos(a)) / Math.cos((lat0[k] * Math.PI) / 180);
    lat1[k] = lat0[k] + STEP_DEG * Math.sin(a);
  }
  return [lon1, lat1];
}

/** Best of `runs` timings of `run`, in milliseconds. */
function time(run: () => void, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Run the benchmark; returns printable lines. */
export async function benchCoastline(): Promise<string[]> {
  const data = await import('../../../data/coastline/gshhg_f_127E-135E_33N-41N.json', { with: { type: 'json' } });
  let coast: Coastline | undefined;
  const buildMs = time(() => {
    coast = coastlineFromBins(parseBinnedShoreline(data.default, 'gshhg_f_127E-135E_33N-41N.json'));
  }, 3);
  const c = coast!;
  const stats = c.stats();
  const lines = [
    `coastline ${c.label}: parse + index build ${buildMs.toFixed(0)} ms (from parsed JSON); ` +
    `${stats.cellCount} cells at 1/${stats.cellsPerDeg} deg (${stats.waterCells} water, ${stats.landCells} land, ` +
    `${stats.mixedCells} mixed), ${stats.shorelinePoints} shoreline points, index ${(stats.bytes / 1e6).toFixed(1)} MB`,
  ];
  const rand = seeded(37);
  let sink = 0;

  // 1. Open sea: 100,000 particles in 131-133E 38-40N (no land), 144 steps of 600 m, moving.
  const n = 100_000;
  const steps = 144;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const dLon = new Float64Array(n);
  const dLat = new Float64Array(n);
  const reset = (): void => {
    const r = seeded(1);
    for (let k = 0; k < n; k++) {
      lon[k] = 131 + 2 * r();
      lat[k] = 38 + 2 * r();
      const a = 2 * Math.PI * r();
      dLon[k] = (STEP_DEG * Math.cos(a)) / Math.cos((lat[k] * Math.PI) / 180);
      dLat[k] = STEP_DEG * Math.sin(a);
    }
  };
  const openMs = time(() => {
    reset();
    for (let s = 0; s < steps; s++) {
      for (let k = 0; k < n; k++) {
        const lon1 = lon[k] + dLon[k];
        const lat1 = lat[k] + dLat[k];
        sink += c.firstShoreCrossing(lon[k], lat[k], lon1, lat1);
        lon[k] = lon1;
        lat[k] = lat1;
      }
    }
  }, 3);
  lines.push(`firstShoreCrossing, open sea: ${((openMs * 1e6) / (n * steps)).toFixed(1)} ns/call ` +
    `(${n} particles x ${steps} steps of 600 m: ${openMs.toFixed(0)} ms, including the position update)`);

  // 2. Coastal: starts at sea within ~1 km of a shoreline cell (in or next to a mixed cell).
  const m = 200_000;
  const cLon = new Float64Array(m);
  const cLat = new Float64Array(m);
  let found = 0;
  while (found < m) {
    const x = 127 + 8 * rand();
    const y = 33 + 8 * rand();
    if (c.isLand(x, y)) continue;
    // Near the shore: a 600 m step in some direction within 1.5 km meets land.
    let near = false;
    for (let a = 0; a < 8 && !near; a++) {
      const ang = (a * Math.PI) / 4;
      near = c.firstShoreCrossing(x, y, x + 0.018 * Math.cos(ang), y + 0.0135 * Math.sin(ang)) >= 0;
    }
    if (!near) continue;
    cLon[found] = x;
    cLat[found] = y;
    found++;
  }
  const [cLon1, cLat1] = stepsFrom(cLon, cLat, rand);
  let stranded = 0;
  for (let k = 0; k < m; k++) if (c.firstShoreCrossing(cLon[k], cLat[k], cLon1[k], cLat1[k]) >= 0) stranded++;
  const coastMs = time(() => {
    for (let k = 0; k < m; k++) sink += c.firstShoreCrossing(cLon[k], cLat[k], cLon1[k], cLat1[k]);
  }, 5);
  lines.push(`firstShoreCrossing, coastal (start within 1.5 km of shore, ${((100 * stranded) / m).toFixed(0)} % strand): ` +
    `${((coastMs * 1e6) / m).toFixed(1)} ns/call`);

  // 3. isLand at random points of the whole region, and at the coastal starts.
  const pLon = new Float64Array(m);
  const pLat = new Float64Array(m);
  for (let k = 0; k < m; k++) { pLon[k] = 127 + 8 * rand(); pLat[k] = 33 + 8 * rand(); }
  const anyMs = time(() => { for (let k = 0; k < m; k++) sink += c.isLand(pLon[k], pLat[k]) ? 1 : 0; }, 5);
  const nearMs = time(() => { for (let k = 0; k < m; k++) sink += c.isLand(cLon[k], cLat[k]) ? 1 : 0; }, 5);
  lines.push(`isLand: ${((anyMs * 1e6) / m).toFixed(1)} ns/call anywhere in the region, ` +
    `${((nearMs * 1e6) / m).toFixed(1)} ns/call near the shore`);
  if (Number.isNaN(sink)) lines.push('(sink NaN)');
  return lines;
}
