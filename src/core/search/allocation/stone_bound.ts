/**
 * An upper bound on the POS of any plan spending a given effort: Koopman's and Stone's optimal
 * allocation of search effort over a grid of POC cells with exponential (random-search) detection
 * (Koopman, "Search and Screening", 1946/1980, ch. 8; Stone, "Theory of Optimal Search", 1975,
 * ch. 2, theorem 2.2.4: the Lagrangian / "water-filling" solution).
 *
 * Effort z_j (NM^2 of swept area) in cell j of area a and POC p_j detects with 1 - exp(-z_j / a).
 * Maximising sum p_j (1 - exp(-z_j / a)) with sum z_j = Z: the marginal gain p_j / a exp(-z_j / a)
 * is equal (= lambda) in every cell searched and below lambda in those left alone, so
 * z_j = a max(0, ln(p_j / (a lambda))): the effort "fills" the density down to a common level.
 * With objects of different sweep widths (detection groups g holding POC p_jg, detected at rate
 * r_g = W_g / W per unit of planning-W effort), the marginal gain sum_g p_jg r_g / a exp(-r_g z_j / a)
 * is still decreasing in z_j, so each cell's z_j(lambda) is found by bisection and lambda by an
 * outer bisection on sum z_j = Z.
 *
 * What the bound leaves out, so a plan falls short of it: rectangles, patterns and track spacing
 * (the bound searches any shape, at any coverage), the units' minimum spacing and land clearance,
 * each unit's own area (effort is pooled), and time (the bound searches the cloud as it is at one
 * time; a real search meets a drifting cloud). It is a stationary-target bound on the POC grid.
 */
import { InvalidInputError } from '../../errors.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { localFrame } from '../../probability/local_frame.js';
import { releasedOnly, type StatusFilter } from '../../probability/particle_cloud.js';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';
import { positionsAt } from './cell_cloud.js';

/** The bound and the grid it was found on. */
export interface StoneBound {
  /** The largest POS any allocation of the effort on the grid reaches (exponential detection). */
  readonly pos: number;
  /** Side of a grid cell, NM. */
  readonly cellNm: number;
  /** Cells given effort. */
  readonly cellsSearched: number;
  /** The effort allocated, NM^2 of planning-W swept area. */
  readonly effortNm2: number;
  /** POS of the same allocation on `options.scoreWith` (absent without it). */
  readonly heldOutPos?: number;
}

/** Options of stoneBound. */
export interface StoneBoundOptions {
  /** Side of the POC cells, NM (required: the bound rises as cells shrink, down to the particles' noise). */
  readonly cellNm: number;
  readonly include?: StatusFilter;
  /**
   * Detection rate of each scenario per unit of planning-W effort (W_scenario / W), when the
   * scenarios' objects differ; default 1 for every particle.
   */
  readonly rateByScenario?: readonly number[];
  /**
   * Other weights of the same particles (e.g. the other half of them) on which the allocation found
   * with `particles` is scored: `heldOutPos`. In-sample, the bound rises without limit as cells
   * shrink to single particles (it "searches" each one); scored on particles it was not fitted to,
   * it peaks at the finest grid the particle noise supports (bench/bound_gap.mjs).
   */
  readonly scoreWith?: ParticleWeights;
  /**
   * Highest coverage z / a of any cell (e.g. lawMaxCoverage of max_coverage.ts, the most a plan's
   * areas apart may ask for): the bound of plans under that cap. Default none.
   */
  readonly maxCoverage?: number;
}

/**
 * The Koopman/Stone bound for effort `effortNm2` over the particles as they are at `timeS`.
 * @example stoneBound(particles, snapshots, datumTimeS, 96, { cellNm: 0.4 }).pos
 */
export function stoneBound(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], timeS: number, effortNm2: number,
  options: StoneBoundOptions): StoneBound {
  if (!(effortNm2 > 0 && Number.isFinite(effortNm2))) throw new InvalidInputError('effortNm2', `must be a number > 0, got ${String(effortNm2)}`);
  if (!(options.cellNm > 0 && Number.isFinite(options.cellNm))) throw new InvalidInputError('cellNm', `must be a number > 0, got ${String(options.cellNm)}`);
  const include = options.include ?? releasedOnly;
  const rates = options.rateByScenario ?? [1];
  const cap = options.maxCoverage ?? Infinity;
  if (!(cap > 0)) throw new InvalidInputError('maxCoverage', `must be a number > 0, got ${String(options.maxCoverage)}`);
  rates.forEach((r, s) => { if (!(r > 0)) throw new InvalidInputError(`rateByScenario[${s}]`, `must be a number > 0, got ${String(r)}`); });
  const n = particles.count;
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, n);
  const hM = options.cellNm * METRES_PER_NM;
  /** Particle i's weight in `set` when it counts (released, weighted), else 0; its cell; its rate's index. */
  const countedWeight = (set: ParticleWeights, i: number): number =>
    set.weight[i] > 0 && (set.status === undefined || include(set.status[i])) ? set.weight[i] : 0;
  const cellOf = (i: number): string => `${Math.floor(x[i] / hM)},${Math.floor(y[i] / hM)}`;
  const rateOf = (set: ParticleWeights, i: number): number => rates.length === 1 ? 0 : set.scenario?.[i] ?? 0;
  // POC per (cell, rate): a map keyed by cell, rates few
  const cells = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const w = countedWeight(particles, i);
    if (w === 0) continue;
    const key = cellOf(i);
    let p = cells.get(key);
    if (!p) { p = new Float64Array(rates.length); cells.set(key, p); }
    p[rateOf(particles, i)] += w;
  }
  const poc = [...cells.values()];
  const a = options.cellNm * options.cellNm;   // NM^2
  /** Marginal gain of cell p at effort z. */
  const marginal = (p: Float64Array, z: number): number => {
    let m = 0;
    for (let g = 0; g < p.length; g++) m += (p[g] * rates[g] / a) * Math.exp((-rates[g] * z) / a);
    return m;
  };
  /** Effort of cell p at level lambda, at most the cap. */
  const effortAt = (p: Float64Array, lambda: number): number => Math.min(cap * a, uncappedEffortAt(p, lambda));
  /** Effort of cell p at level lambda: 0 when even its first effort gains less, else m(z) = lambda. */
  const uncappedEffortAt = (p: Float64Array, lambda: number): number => {
    if (marginal(p, 0) <= lambda) return 0;
    if (p.length === 1) return (a / rates[0]) * Math.log((p[0] * rates[0]) / (a * lambda));
    let lo = 0, hi = a;
    while (marginal(p, hi) > lambda) hi *= 2;
    for (let k = 0; k < 60; k++) { const mid = 0.5 * (lo + hi); if (marginal(p, mid) > lambda) lo = mid; else hi = mid; }
    return 0.5 * (lo + hi);
  };
  const total = (lambda: number): number => poc.reduce((s, p) => s + effortAt(p, lambda), 0);
  // lambda between the smallest and largest first marginal gain, bisected in log space
  let hiL = Math.max(...poc.map((p) => marginal(p, 0))), loL = hiL;
  // under a cap the cells may hold less than the effort: every cell then gets the cap
  const capacity = cap * a * poc.length;
  const effort = Math.min(effortNm2, capacity * (1 - 1e-12));
  while (total(loL) < effort) loL /= 4;
  for (let k = 0; k < 100; k++) {
    const mid = Math.sqrt(loL * hiL);
    if (total(mid) > effort) loL = mid; else hiL = mid;
  }
  const lambda = Math.sqrt(loL * hiL);
  let pos = 0, searched = 0, used = 0;
  for (const p of poc) {
    const z = effortAt(p, lambda);
    if (z > 0) searched++;
    used += z;
    for (let g = 0; g < p.length; g++) pos += p[g] * -Math.expm1((-rates[g] * z) / a);
  }
  let heldOutPos: number | undefined;
  const other = options.scoreWith;
  if (other) {
    if (other.count !== n) throw new InvalidInputError('scoreWith', `must hold the same ${n} particles, got ${other.count}`);
    const zOf = new Map<string, number>();
    for (const [key, p] of cells) zOf.set(key, effortAt(p, lambda));
    heldOutPos = 0;
    for (let i = 0; i < n; i++) {
      const w = countedWeight(other, i);
      if (w > 0) heldOutPos += w * -Math.expm1((-rates[rateOf(other, i)] * (zOf.get(cellOf(i)) ?? 0)) / a);
    }
  }
  return { pos, cellNm: options.cellNm, cellsSearched: searched, effortNm2: used, ...(heldOutPos === undefined ? {} : { heldOutPos }) };
}
