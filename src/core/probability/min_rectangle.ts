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
 * columns: O(bins^3)). Orientations: 0-180 degrees every `coarseStepDeg`, then ±coarseStep around
 * the best at 1 degree, then ±1 degree at 0.2 degree, with twice the bins. The winning rectangle is
 * shrunk to the particles it holds (plus 1 m), and its POC is recounted over every particle, so `heldPoc`
 * is exact and never below `containment`. Bin edges cost up to one bin width per side: a
 * rectangle within a few % of the optimum, not the optimum.
 * @example smallestContainmentRectangle(cloud, 0.9).orientationDeg // ~30 for a cloud stretched NNE
 */
export function smallestContainmentRectangle(cloud: WeightedCloud, containment: number,
  options: ContainmentRectangleOptions = {}): ContainmentRectangle {
  if (!(containment > 0 && containment <= 1)) throw new InvalidInputError('containment', `${containment} is not in (0, 1]`);
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
  const coreWeight = Math.min(1, containment + 0.9 * (1 - containment)) * total;
  let kept = 0;
  for (let acc = 0; kept < counted && acc < coreWeight * (1 - 1e-12); kept++) acc += cloud.weight[order[kept]];
  const xs = new Float64Array(kept), ys = new Float64Array(kept), ws = new Float64Array(kept);
  for (let k = 0; k < kept; k++) { const i = order[k]; xs[k] = xAll[i]; ys[k] = yAll[i]; ws[k] = cloud.weight[i] / total; }

  const bins = options.bins ?? 48;
  const coarse = options.coarseStepDeg ?? 5;
  const target = containment * (1 - 1e-12);
  const search = new RectangleSearch(xs, ys, ws, 2 * bins);
  let best = search.best(0, bins, target);
  for (let a = coarse; a < 180; a += coarse) best = better(best, search.best(a, bins, target));
  const c1 = best.angleDeg;
  for (let a = c1 - coarse + 1; a <= c1 + coarse - 1; a += 1) best = better(best, search.best(a, 2 * bins, target));
  const c2 = best.angleDeg;
  for (let a = c2 - 0.8; a <= c2 + 0.8 + 1e-9; a += 0.2) best = better(best, search.best(a, 2 * bins, target));

  // Shrink to the held particles and recount the weight over every particle.
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

interface Candidate { angleDeg: number; areaM2: number; uLo: number; uHi: number; vLo: number; vHi: number }

function better(a: Candidate, b: Candidate): Candidate {
  return b.areaM2 < a.areaM2 ? b : a;
}

function axes(angleDeg: number): { sin: number; cos: number } {
  const r = degToRad(angleDeg);
  return { sin: Math.sin(r), cos: Math.cos(r) };
}

/** Histogram work space, reused across orientations (no allocation per orientation). */
class RectangleSearch {
  private readonly hist: Float64Array;
  private readonly col: Float64Array;
  private readonly rowSum: Float64Array;
  constructor(private readonly xs: Float64Array, private readonly ys: Float64Array, private readonly ws: Float64Array, maxBins: number) {
    this.hist = new Float64Array(maxBins * maxBins);
    this.col = new Float64Array(maxBins);
    this.rowSum = new Float64Array(maxBins);
  }

  /** Smallest bin-aligned rectangle with weight >= target, axes u along bearing angleDeg, v to its right. */
  best(angleDeg: number, nb: number, target: number): Candidate {
    const { sin, cos } = axes(angleDeg);
    const { xs, ys, ws, hist, col, rowSum } = this;
    const n = xs.length;
    let uMin = Infinity, uMax = -Infinity, vMin = Infinity, vMax = -Infinity;
    for (let k = 0; k < n; k++) {
      const u = xs[k] * sin + ys[k] * cos, v = xs[k] * cos - ys[k] * sin;
      if (u < uMin) uMin = u; if (u > uMax) uMax = u; if (v < vMin) vMin = v; if (v > vMax) vMax = v;
    }
    const du = Math.max(uMax - uMin, 1e-6) / nb, dv = Math.max(vMax - vMin, 1e-6) / nb;
    hist.fill(0, 0, nb * nb);
    rowSum.fill(0, 0, nb);
    for (let k = 0; k < n; k++) {
      const u = xs[k] * sin + ys[k] * cos, v = xs[k] * cos - ys[k] * sin;
      const i = Math.min(nb - 1, Math.floor((u - uMin) / du));
      const j = Math.min(nb - 1, Math.floor((v - vMin) / dv));
      hist[j * nb + i] += ws[k];
      rowSum[j] += ws[k];
    }
    let bestCells = Infinity, bi0 = 0, bi1 = nb - 1, bj0 = 0, bj1 = nb - 1;
    for (let j0 = 0; j0 < nb; j0++) {
      col.fill(0, 0, nb);
      let rows = 0;
      for (let j1 = j0; j1 < nb; j1++) {
        const base = j1 * nb;
        for (let i = 0; i < nb; i++) col[i] += hist[base + i];
        rows += rowSum[j1];
        const h = j1 - j0 + 1;
        if (rows < target) continue;
        if (h >= bestCells) break;
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
    return {
      angleDeg, areaM2: bestCells * du * dv,
      uLo: uMin + bi0 * du, uHi: uMin + (bi1 + 1) * du, vLo: vMin + bj0 * dv, vHi: vMin + (bj1 + 1) * dv,
    };
  }
}
