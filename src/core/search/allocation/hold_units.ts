/**
 * Units held in reserve: a unit whose search would add almost nothing to the plan is not sent to a
 * pointless area; the plan says "hold: no useful area" instead (issue 12: a coordinator keeps such
 * a unit for a better use, and expects the plan and its message to say so).
 *
 * The rule (ours, from what the plan claims of itself): a unit's worth is its marginal POS, the
 * POS the plan loses without it, sum of w_i x POD_k,i x prod over the other units (1 - POD_j,i)
 * (detections of the units are independent, so the plan's POD factorises: pod.ts). A unit is held
 * when that is below HOLD_POS, one point of POS: the issue asks plans to be stable to one point of
 * POS between particle counts, so a contribution under one point is below what the plan's POS is
 * claimed to resolve; or when it is under twice the Monte-Carlo standard error of the marginal POS
 * (its variance sum of w_i^2 (x_i - M)^2, the weighted mean's over the particles): on a small or
 * very uneven cloud a contribution that cannot be told from none is not a reason to send a unit
 * (the threshold is max(HOLD_POS, 2 standard errors)). Units are held one at a time, the least worth
 * first, the others' marginal POS computed again (a unit gains when another is held), and:
 * - one unit is always kept (a plan with no search is no plan);
 * - no unit is held when that would bring the plan's POS below `floorPos` (the IAMSAR baseline's:
 *   the plan is never worse than IAMSAR);
 * - the other units keep their areas (each was placed on what the held one left, a difference
 *   under one point).
 */
import type { ParticleWeights } from '../pod.js';
import { releasedOnly, type StatusFilter } from '../../probability/particle_cloud.js';
import type { SearchPlan } from './search_plan.js';

/** Marginal POS below which a unit is held (one point: the stability the issue asks of a plan's POS). */
export const HOLD_POS = 0.01;
/** Standard errors of the marginal POS a unit must be below, at least, to be held. */
export const HOLD_STANDARD_ERRORS = 2;

/** A unit kept in reserve, and why. */
export interface HeldUnit {
  readonly unitId: string;
  readonly party?: string;
  /** POS the plan would gain with the unit on the area it was given, when it was held. */
  readonly marginalPos: number;
  /** Monte-Carlo standard error of that marginal POS. */
  readonly standardErrorPos: number;
  /** The threshold it was under: max(HOLD_POS, HOLD_STANDARD_ERRORS x standard error). */
  readonly thresholdPos: number;
}

/** Options of holdUnitsOfNoUse. */
export interface HoldOptions {
  /** The plan's POS may not fall below this (the IAMSAR baseline's); default 0. */
  readonly floorPos?: number;
  /** Particles counted as possible locations; default all but not released. */
  readonly include?: StatusFilter;
}

/**
 * The plan without the units of no use (see the file header), and those units.
 * @example holdUnitsOfNoUse(plan, particles, { floorPos: baseline.pos }).held // [{ unitId: 'helo', marginalPos: 0.002, ... }]
 */
export function holdUnitsOfNoUse(plan: SearchPlan, particles: ParticleWeights, options: HoldOptions = {}): { plan: SearchPlan; held: HeldUnit[] } {
  const n = particles.count;
  const include = options.include ?? releasedOnly;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = particles.status === undefined || include(particles.status[i]) ? Math.max(0, particles.weight[i]) : 0;
  const floor = options.floorPos ?? 0;
  let kept = plan.assignments.map((_, k) => k);
  const held: HeldUnit[] = [];
  // the plan's POS on the counted particles, lowered by each unit held by its marginal POS (exact: the POD factorises)
  let pos = 0;
  for (let i = 0; i < n; i++) pos += w[i] * plan.pod[i];
  while (kept.length > 1) {
    const worth = kept.map((k) => marginal(plan.unitPod, kept, k, w));
    let least = 0;
    worth.forEach((m, j) => { if (m.pos < worth[least].pos) least = j; });
    const m = worth[least];
    const thresholdPos = Math.max(HOLD_POS, HOLD_STANDARD_ERRORS * m.standardError);
    if (!(m.pos < thresholdPos) || pos - m.pos < floor) break;
    const k = kept[least];
    const a = plan.assignments[k];
    held.push({ unitId: a.unitId, ...(a.party === undefined ? {} : { party: a.party }), marginalPos: m.pos, standardErrorPos: m.standardError, thresholdPos });
    kept = kept.filter((j) => j !== k);
    pos -= m.pos;
  }
  if (held.length === 0) return { plan, held };
  const pod = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let miss = 1;
    for (const k of kept) miss *= 1 - plan.unitPod[k][i];
    pod[i] = 1 - miss;
    total += w[i] * pod[i];
  }
  return {
    plan: { assignments: kept.map((k) => plan.assignments[k]), unitPos: kept.map((k) => plan.unitPos[k]), unitPod: kept.map((k) => plan.unitPod[k]), pos: total, pod },
    held,
  };
}

/** Marginal POS of unit k among the `kept` units, and its standard error over the particles. */
function marginal(unitPod: readonly Float64Array[], kept: readonly number[], k: number, w: Float64Array): { pos: number; standardError: number } {
  const n = w.length;
  const x = new Float64Array(n);
  let sum = 0, wSum = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    let v = unitPod[k][i];
    for (const j of kept) if (j !== k) v *= 1 - unitPod[j][i];
    x[i] = v;
    sum += w[i] * v;
    wSum += w[i];
  }
  if (!(wSum > 0)) return { pos: 0, standardError: 0 };
  // the weighted mean of x (weights normalised to wSum) has variance sum (w_i / wSum)^2 (x_i - mean)^2
  const mean = sum / wSum;
  let v2 = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) { const d = x[i] - mean; v2 += (w[i] / wSum) ** 2 * d * d; }
  // the POS is sum w_i x_i = wSum x mean
  return { pos: sum, standardError: wSum * Math.sqrt(v2) };
}
