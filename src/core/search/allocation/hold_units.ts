/**
 * Units held in reserve: a unit whose search would add almost nothing to the plan is not sent to a
 * pointless area; the plan says "hold: no useful area" instead (issue 12: a coordinator keeps such
 * a unit for a better use, and expects the plan and its message to say so).
 *
 * The rule (ours, from what the plan claims of itself): a unit's worth is its marginal POS, the
 * POS the plan loses without it, sum of w_i x POD_k,i x prod over the other units (1 - POD_j,i)
 * (detections of the units are independent, so the plan's POD factorises: pod.ts). Units are held
 * one at a time, the least worth first (the others' marginal POS computed again: a unit gains when
 * another is held), while what the plan loses by all the units held together stays under
 * HOLD_POS, one point of POS by default (a plan file's `reserveBelowPosPct` sets it; 0 sends every unit): the issue asks plans to be stable to one point of POS between
 * particle counts, so a loss under one point is below what the plan's POS is claimed to resolve.
 * The loss is measured against the threshold max(HOLD_POS, twice its Monte-Carlo standard error)
 * (its variance sum of w_i^2 (x_i - M)^2, the weighted mean's over the particles, x_i what the
 * held units alone would have found of particle i): on a small or very uneven cloud a loss that
 * cannot be told from none is not a reason to send a unit. And:
 * - one unit is always kept (a plan with no search is no plan);
 * - no unit is held when that would bring the plan's POS below `floorPos` (the IAMSAR baseline's:
 *   the plan is never worse than IAMSAR);
 * - the other units keep their areas here (each was placed on what the held ones left, a
 *   difference under one point); optimalAllocation then refines them again without the held ones
 *   and keeps that when its exact POS is higher.
 */
import type { ParticleWeights } from '../pod.js';
import { releasedOnly, type StatusFilter } from '../../probability/particle_cloud.js';
import type { SearchPlan } from './search_plan.js';

/** What the units held may lose of the plan's POS together, at most (one point: the stability the issue asks of a plan's POS). */
export const HOLD_POS = 0.01;
/** The loss may also be up to this many of its standard errors (a loss that cannot be told from none). */
export const HOLD_STANDARD_ERRORS = 2;

/** A unit kept in reserve, and why. */
export interface HeldUnit {
  readonly unitId: string;
  readonly party?: string;
  /** POS the plan would gain with the unit on the area it was given, when it was held (the units held before it held too). */
  readonly marginalPos: number;
  /** What the plan loses by this unit and the ones held before it together, and its Monte-Carlo standard error. */
  readonly lossPos: number;
  readonly standardErrorPos: number;
  /** The threshold that loss was under: max(belowPos, HOLD_STANDARD_ERRORS x standard error). */
  readonly thresholdPos: number;
  /**
   * Held because it was in the others' way (optimal_allocation.ts, step 6b): without it, the others
   * refined again found at least as much (lossPos <= 0: what the plan loses without it, the others
   * moved; marginalPos its marginal POS with the others where they were).
   */
  readonly inTheWay?: boolean;
  /**
   * Held because no area fits it (optimal_allocation.ts, NoAreaFitsError): its endurance is too
   * short for a single track or, with a coastline (`clearanceNm` not null), every area tried near
   * the probability brings it within its clearance of land. Its figures are then 0: it was never placed.
   */
  readonly noArea?: { readonly clearanceNm: number | null };
}

/** Options of holdUnitsOfNoUse. */
export interface HoldOptions {
  /** The plan's POS may not fall below this (the IAMSAR baseline's); default 0. */
  readonly floorPos?: number;
  /** Particles counted as possible locations; default all but not released. */
  readonly include?: StatusFilter;
  /**
   * What the units held may lose of the plan's POS together, at most (a fraction; default HOLD_POS).
   * 0 holds no unit: every unit is sent (a coordinator who wants every available unit searching).
   */
  readonly belowPos?: number;
}

/**
 * The plan without the units of no use (see the file header), and those units.
 * @example holdUnitsOfNoUse(plan, particles, { floorPos: baseline.pos }).held // [{ unitId: 'helo', marginalPos: 0.002, ... }]
 */
export function holdUnitsOfNoUse(plan: SearchPlan, particles: ParticleWeights, options: HoldOptions = {}): { plan: SearchPlan; held: HeldUnit[] } {
  const n = particles.count;
  const w = countedWeights(particles, options.include ?? releasedOnly);
  const floor = options.floorPos ?? 0;
  const belowPos = options.belowPos ?? HOLD_POS;
  if (!(belowPos > 0)) return { plan, held: [] };
  let kept = plan.assignments.map((_, k) => k);
  const held: HeldUnit[] = [];
  // the plan's POS on the counted particles, lowered by each unit held by its marginal POS (exact: the POD factorises)
  let pos = 0;
  for (let i = 0; i < n; i++) pos += w[i] * plan.pod[i];
  while (kept.length > 1) {
    const worth = kept.map((k) => lossWithout(plan.unitPod, kept, [k], w).pos);
    let least = 0;
    worth.forEach((m, j) => { if (m < worth[least]) least = j; });
    const k = kept[least];
    const rest = kept.filter((j) => j !== k);
    // what all the units held so far and this one lose together, against the plan with every unit
    const loss = lossWithout(plan.unitPod, plan.assignments.map((_, j) => j), plan.assignments.map((_, j) => j).filter((j) => !rest.includes(j)), w);
    const thresholdPos = Math.max(belowPos, HOLD_STANDARD_ERRORS * loss.standardError);
    if (!(loss.pos < thresholdPos) || pos - worth[least] < floor) break;
    const a = plan.assignments[k];
    held.push({ unitId: a.unitId, ...(a.party === undefined ? {} : { party: a.party }), marginalPos: worth[least], lossPos: loss.pos, standardErrorPos: loss.standardError, thresholdPos });
    kept = rest;
    pos -= worth[least];
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

/**
 * Each unit's marginal POS in the plan (what the plan loses without it, the others where they are),
 * as the hold rule weighs it.
 * @example marginalPos(plan, particles)[0] // 0.012: the plan finds 1.2 points less without its first unit
 */
export function marginalPos(plan: SearchPlan, particles: ParticleWeights, include: StatusFilter = releasedOnly): number[] {
  const w = countedWeights(particles, include);
  const all = plan.assignments.map((_, k) => k);
  return all.map((k) => lossWithout(plan.unitPod, all, [k], w).pos);
}

/** The weight of each particle counted in a POS, 0 for the others. */
function countedWeights(particles: ParticleWeights, include: StatusFilter): Float64Array {
  const w = new Float64Array(particles.count);
  for (let i = 0; i < particles.count; i++) w[i] = particles.status === undefined || include(particles.status[i]) ? Math.max(0, particles.weight[i]) : 0;
  return w;
}

/**
 * What the plan of the `all` units loses without the `out` ones: sum of w_i x_i, x_i = prod over
 * the units kept (1 - POD) - prod over all (1 - POD), and its standard error over the particles.
 */
function lossWithout(unitPod: readonly Float64Array[], all: readonly number[], out: readonly number[], w: Float64Array): { pos: number; standardError: number } {
  const n = w.length;
  const x = new Float64Array(n);
  const isOut = new Uint8Array(unitPod.length);
  for (const j of out) isOut[j] = 1;
  let sum = 0, wSum = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    let missAll = 1, missKept = 1;
    for (const j of all) {
      const m = 1 - unitPod[j][i];
      missAll *= m;
      if (isOut[j] === 0) missKept *= m;
    }
    x[i] = missKept - missAll;
    sum += w[i] * x[i];
    wSum += w[i];
  }
  if (!(wSum > 0)) return { pos: 0, standardError: 0 };
  // the weighted mean of x (weights normalised to wSum) has variance sum (w_i / wSum)^2 (x_i - mean)^2
  const mean = sum / wSum;
  let v2 = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) { const d = x[i] - mean; v2 += (w[i] / wSum) ** 2 * d * d; }
  // the loss is sum w_i x_i = wSum x mean
  return { pos: sum, standardError: wSum * Math.sqrt(v2) };
}
