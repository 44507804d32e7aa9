import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { METRES_PER_NM, degToRad } from '../geo/units.js';
import { weightedDatum } from './datum.js';
import { fromLocal, localFrame, projectInto, type LocalFrame } from './local_frame.js';
import { inclusionMask, releasedOnly, type StatusFilter, type WeightedCloud } from './particle_cloud.js';

/** A rectangle at any orientation holding a given probability of containment. */
export interface ContainmentRectangle {
  readonly centre: LonLatDeg;
  /** The four corners, counter-clockwise on the map. */
  readonly corners: readonly LonLatDeg[];
  /** True bearing of the length axis, degrees in [0, 180). */
  readonly orientationDeg: number;
  /** The long side (along orientationDeg), NM. */
  readonly lengthNm: number;
  /** The short side, NM. */
  readonly widthNm: number;
  readonly areaNm2: number;
  /** Fraction of the counted weight inside the rectangle (>= the asked containment), from every particle. */
  readonly heldPoc: number;
}

/** Options of smallestContainmentRectangle; every field has a default. */
export interface ContainmentRectangleOptions {
  readonly include?: StatusFilter;
  /** Frame; default the equirectangular frame about the weighted datum. */
  readonly frame?: LocalFrame;
  /** Orientation step of the first sweep over 0-180 degrees; default 5. */
  readonly coarseStepDeg?: number;
  /** Histogram bins per axis in the first sweep (refinements use twice as many); default 48. */
  readonly bins?: number;
}

/**
 * The smallest-area rectangle at any orientation holding at least `containment` of the counted
 * weight: a heuristic search (ours). For each orientation the particles are binned in a
 * bins x bins histogram aligned with the rotated axes, and the exact smallest bin-aligned
 * rectangle holding the probability is found (every pair of rows, then a two-pointer sweep over
 * columns: O(bins^3) at worst, pruned by bounds that never change the answer: RectangleSearch).
 * Orientations: 0-180 degrees every `coarseStepDeg`, then ±coarseStep around
 * the best at 1 degree, then ±1 degree at 0.2 degree, with twice the bins. The winning rectangle is
 * shrunk to the particles it holds (plus 1 m), and its POC is recounted over every particle, so `heldPoc`
 * is exact and never below `containment`. Bin edges cost up to one bin width per side: a
 * rectangle within a few % of the optimum, not the optimum.
 * @example smallestContainmentRectangle(cloud, 0.9).orientationDeg // ~30 for a cloud stretched NNE
 */
export function smallestContainmentRectangle(cloud: WeightedCloud, containment: number,
  options: ContainmentRectangleOptions = {}): ContainmentRectangle {
  return smallestContainmentRectangles(cloud, [containment], options)[0];
}

/**
 * smallestContainmentRectangle for several containments of the same cloud (the optimiser asks for
 * the 50 % and 90 % rectangles of every residual): the cloud is projected and sorted once, each
 * rectangle is the one smallestContainmentRectangle gives.
 * @example smallestContainmentRectangles(cloud, [0.5, 0.9]).map((r) => r.areaNm2)
 */
export function smallestContainmentRectangles(cloud: WeightedCloud, containments: readonly number[],
  options: ContainmentRectangleOptions = {}): ContainmentRectangle[] {
  for (const containment of containments) {
    if (!(containment > 0 && containment <= 1)) throw new InvalidInputError('containment', `${containment} is not in (0, 1]`);
  }
  const include = options.include ?? releasedOnly;
  const mask = inclusionMask(cloud, include);
  const frame = options.frame ?? localFrame(weightedDatum(cloud, include));
  const n = cloud.count;
  const xAll = new Float64Array(n);
  const yAll = new Float64Array(n);
  projectInto(frame, cloud.lonDeg, cloud.latDeg, n, xAll, yAll);
  let total = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) if (mask[i] && cloud.weight[i] > 0) { total += cloud.weight[i]; counted++; } else mask[i] = 0;
  if (counted === 0) throw new InvalidInputError('cloud', 'no particle with a positive weight is counted');
  // Core: drop the outermost particles (by distance from the frame origin) beyond a weight of
  // p + 0.9 (1 - p), so that far outliers do not stretch the histograms; they still count at the end.
  const order = new Uint32Array(counted);
  const dist2 = new Float64Array(n);
  for (let i = 0, k = 0; i < n; i++) if (mask[i]) { order[k++] = i; dist2[i] = xAll[i] * xAll[i] + yAll[i] * yAll[i]; }
  order.sort((a, b) => dist2[a] - dist2[b]);
  const bins = options.bins ?? 48;
  const coarse = options.coarseStepDeg ?? 5;
  return containments.map((containment) => {
    const coreWeight = Math.min(1, containment + 0.9 * (1 - containment)) * total;
    let kept = 0;
    for (let acc = 0; kept < counted && acc < coreWeight * (1 - 1e-12); kept++) acc += cloud.weight[order[kept]];
    const xs = new Float64Array(kept), ys = new Float64Array(kept), ws = new Float64Array(kept);
    for (let k = 0; k < kept; k++) { const i = order[k]; xs[k] = xAll[i]; ys[k] = yAll[i]; ws[k] = cloud.weight[i] / total; }

    const target = containment * (1 - 1e-12);
    const search = new RectangleSearch(xs, ys, ws, 2 * bins);
    let best = search.best(0, bins, target);
    for (let a = coarse; a < 180; a += coarse) best = better(best, search.best(a, bins, target));
    const c1 = best.angleDeg;
    for (let a = c1 - coarse + 1; a <= c1 + coarse - 1; a += 1) best = better(best, search.best(a, 2 * bins, target));
    const c2 = best.angleDeg;
    for (let a = c2 - 0.8; a <= c2 + 0.8 + 1e-9; a += 0.2) best = better(best, search.best(a, 2 * bins, target));
    return shrunk(cloud, frame, mask, xAll, yAll, total, best);
  });
}

/** The winning rectangle shrunk to the particles it holds, its weight recounted over every particle. */
function shrunk(cloud: WeightedCloud, frame: LocalFrame, mask: Uint8Array, xAll: Float64Array, yAll: Float64Array, total: number,
  best: Candidate): ContainmentRectangle {
  const n = cloud.count;
  const { sin, cos } = axes(best.angleDeg);
  let uLo = Infinity, uHi = -Infinity, vLo = Infinity, vHi = -Infinity, held = 0;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const u = xAll[i] * sin + yAll[i] * cos;
    const v = xAll[i] * cos - yAll[i] * sin;
    if (u < best.uLo || u > best.uHi || v < best.vLo || v > best.vHi) continue;
    held += cloud.weight[i];
    if (u < uLo) uLo = u; if (u > uHi) uHi = u; if (v < vLo) vLo = v; if (v > vHi) vHi = v;
  }
  // Pad by 1 m so particles on the edges stay inside once corners are rounded to degrees.
  uLo -= 1; uHi += 1; vLo -= 1; vHi += 1;
  const toLonLat = (u: number, v: number): LonLatDeg => fromLocal(frame, u * sin + v * cos, u * cos - v * sin);
  const uSideM = uHi - uLo, vSideM = vHi - vLo;
  // Report the long side as the length: the u axis may have come out across the cloud.
  const uIsLength = uSideM >= vSideM;
  const orientationDeg = ((((uIsLength ? best.angleDeg : best.angleDeg + 90) % 180) + 180) % 180);
  return {
    centre: toLonLat(0.5 * (uLo + uHi), 0.5 * (vLo + vHi)),
    // v points to the right of u: (uLo,vLo), (uLo,vHi), (uHi,vHi), (uHi,vLo) is counter-clockwise on
    // the map (for u north: SW, SE, NE, NW).
    corners: [toLonLat(uLo, vLo), toLonLat(uLo, vHi), toLonLat(uHi, vHi), toLonLat(uHi, vLo)],
    orientationDeg,
    lengthNm: (uIsLength ? uSideM : vSideM) / METRES_PER_NM,
    widthNm: (uIsLength ? vSideM : uSideM) / METRES_PER_NM,
    areaNm2: (uSideM * vSideM) / METRES_PER_NM ** 2,
    heldPoc: held / total,
  };
}

/** A bin-aligned rectangle of one orientation: u along the bearing angleDeg, v to its right, metres in the frame. */
export interface Candidate { angleDeg: number; areaM2: number; uLo: number; uHi: number; vLo: number; vHi: number }

function better(a: Candidate, b: Candidate): Candidate {
  return b.areaM2 < a.areaM2 ? b : a;
}

function axes(angleDeg: number): { sin: number; cos: number } {
  const r = degToRad(angleDeg);
  return { sin: Math.sin(r), cos: Math.cos(r) };
}

/**
 * Weight a column window's sum may lose to rounding in the bounds of RectangleSearch (the weights
 * sum to at most 1; a running sum over 128 columns errs by under 1e-13): the bounds use the target
 * less this, so they never exclude a rectangle the exact search would accept.
 */
const BOUND_SLACK = 1e-9;

/**
 * Histogram work space, reused across orientations (no allocation per orientation). Hand-written
 * hot loop. The search over row pairs is pruned, without changing its answer (the first smallest
 * rectangle in the order j0, j1, column), by:
 * - a lower bound on the width of any window from row j0 down: the narrowest column window holding
 *   the target with every row from j0 on (weights are non-negative, so fewer rows need no fewer
 *   columns); row pairs whose height times it reaches the best so far are skipped;
 * - the first row pair to try: the best rows of the previous orientation at the same bins (the
 *   optimum moves little between orientations a degree apart), whose rectangle bounds the search
 *   before it starts; the search still visits every pair in order and keeps the first smallest.
 * Exported for its test (the same answers as the plain search); not part of the module's interface.
 */
export class RectangleSearch {
  private readonly hist: Float64Array;
  private readonly col: Float64Array;
  private readonly rowSum: Float64Array;
  private readonly suffix: Float64Array;
  private readonly widthFrom: Float64Array;
  private readonly us: Float64Array;
  private readonly vs: Float64Array;
  /** Best rows of the last orientation searched, by bins (the seed of the next one). */
  private readonly lastRows = new Map<number, { j0: number; j1: number }>();
  constructor(private readonly xs: Float64Array, private readonly ys: Float64Array, private readonly ws: Float64Array, maxBins: number) {
    this.hist = new Float64Array(maxBins * maxBins);
    this.col = new Float64Array(maxBins);
    this.rowSum = new Float64Array(maxBins);
    this.suffix = new Float64Array(maxBins);
    this.widthFrom = new Float64Array(maxBins);
    this.us = new Float64Array(xs.length);
    this.vs = new Float64Array(xs.length);
  }

  /** Smallest bin-aligned rectangle with weight >= target, axes u along bearing angleDeg, v to its right. */
  best(angleDeg: number, nb: number, target: number): Candidate {
    const { sin, cos } = axes(angleDeg);
    const { xs, ys, ws, hist, col, rowSum, us, vs } = this;
    const n = xs.length;
    let uMin = Infinity, uMax = -Infinity, vMin = Infinity, vMax = -Infinity;
    for (let k = 0; k < n; k++) {
      const u = xs[k] * sin + ys[k] * cos, v = xs[k] * cos - ys[k] * sin;
      us[k] = u; vs[k] = v;
      if (u < uMin) uMin = u; if (u > uMax) uMax = u; if (v < vMin) vMin = v; if (v > vMax) vMax = v;
    }
    const du = Math.max(uMax - uMin, 1e-6) / nb, dv = Math.max(vMax - vMin, 1e-6) / nb;
    hist.fill(0, 0, nb * nb);
    rowSum.fill(0, 0, nb);
    for (let k = 0; k < n; k++) {
      const i = Math.min(nb - 1, Math.floor((us[k] - uMin) / du));
      const j = Math.min(nb - 1, Math.floor((vs[k] - vMin) / dv));
      hist[j * nb + i] += ws[k];
      rowSum[j] += ws[k];
    }
    this.widthBounds(nb, target - BOUND_SLACK);
    const widthFrom = this.widthFrom;
    let bestCells = Infinity, bi0 = 0, bi1 = nb - 1, bj0 = 0, bj1 = nb - 1;
    const seed = this.lastRows.get(nb);
    if (seed) {
      const cells = this.rowPair(nb, seed.j0, seed.j1, target);
      if (cells < Infinity) bestCells = cells + 1;   // a bound only: the pass below finds that rectangle again, or a smaller one
    }
    for (let j0 = 0; j0 < nb; j0++) {
      // the first j1 whose rows reach the target, summed as below; none: none from a later j0 either
      // (a sum of fewer non-negative rows, in the same order, is no larger in floating point)
      let rows = 0, first = -1;
      for (let j1 = j0; j1 < nb; j1++) { rows += rowSum[j1]; if (rows >= target) { first = j1; break; } }
      if (first < 0) break;
      const wMin = widthFrom[j0];
      if ((first - j0 + 1) * wMin >= bestCells) continue;
      col.fill(0, 0, nb);
      rows = 0;
      for (let j1 = j0; j1 < nb; j1++) {
        const base = j1 * nb;
        for (let i = 0; i < nb; i++) col[i] += hist[base + i];
        rows += rowSum[j1];
        const h = j1 - j0 + 1;
        if (rows < target) continue;
        if (h * wMin >= bestCells) break;
        let l = 0, s = 0;
        for (let r = 0; r < nb; r++) {
          s += col[r];
          while (s - col[l] >= target) { s -= col[l]; l++; }
          if (s >= target) {
            const cells = h * (r - l + 1);
            if (cells < bestCells) { bestCells = cells; bi0 = l; bi1 = r; bj0 = j0; bj1 = j1; }
          }
        }
      }
    }
    if (bestCells < Infinity) this.lastRows.set(nb, { j0: bj0, j1: bj1 });
    return {
      angleDeg, areaM2: bestCells * du * dv,
      uLo: uMin + bi0 * du, uHi: uMin + (bi1 + 1) * du, vLo: vMin + bj0 * dv, vHi: vMin + (bj1 + 1) * dv,
    };
  }

  /**
   * widthFrom[j0]: the fewest columns holding `bound` with every row from j0 on (Infinity when none
   * do), a lower bound on the width of any rectangle from row j0 holding the target.
   */
  private widthBounds(nb: number, bound: number): void {
    const { hist, suffix, widthFrom } = this;
    suffix.fill(0, 0, nb);
    for (let j0 = nb - 1; j0 >= 0; j0--) {
      const base = j0 * nb;
      for (let i = 0; i < nb; i++) suffix[i] += hist[base + i];
      let l = 0, s = 0, w = Infinity;
      for (let r = 0; r < nb; r++) {
        s += suffix[r];
        while (s - suffix[l] >= bound) { s -= suffix[l]; l++; }
        if (s >= bound && r - l + 1 < w) w = r - l + 1;
      }
      widthFrom[j0] = w;
    }
  }

  /** Cells of the smallest window the search finds for rows j0..j1 (summed in its order), Infinity when none holds the target. */
  private rowPair(nb: number, j0: number, j1: number, target: number): number {
    const { hist, col, rowSum } = this;
    col.fill(0, 0, nb);
    let rows = 0;
    for (let j = j0; j <= j1; j++) {
      const base = j * nb;
      for (let i = 0; i < nb; i++) col[i] += hist[base + i];
      rows += rowSum[j];
    }
    if (rows < target) return Infinity;
    const h = j1 - j0 + 1;
    let l = 0, s = 0, best = Infinity;
    for (let r = 0; r < nb; r++) {
      s += col[r];
      while (s - col[l] >= target) { s -= col[l]; l++; }
      if (s >= target && h * (r - l + 1) < best) best = h * (r - l + 1);
    }
    return best;
  }
}
