/**
 * Which of the optimiser's layouts to issue when several are as good as the particles can tell
 * (issue 12: the same plan at 2,000, 5,000 and 10,000 particles). The layouts the search reaches
 * from its starts are scored exactly on the same particles; two whose POS differ by less than the
 * Monte-Carlo noise of that difference are equally good as far as the particles can say, and taking
 * the higher one picks by the particles' noise: between particle counts the units then trade parts
 * of the probability (two ships taking each other's lobe), a different plan each time.
 *
 * The rule (ours): the layouts within TIE_STANDARD_ERRORS standard errors of the best (the
 * standard error of the paired difference of their POS on the same particles: its variance
 * sum of w_i^2 (d_i - D)^2 over the normalised weights, d_i the difference of the two plans' POD
 * of particle i, D its weighted mean), and never more than TIE_MAX_POS below it, are tied; of those
 * the one that best follows IAMSAR's rule "assign the best equipped SRUs to the most probable
 * areas" (Vol. II ch. 4) is issued: units ranked by effort W V T (then the earlier arrival, then
 * the order listed), the layout of highest sum over units of (number of units - rank) x the unit's
 * own POS. Which unit takes the densest part is a difference of tens of points in the units' own
 * POS, far above the noise, so this choice does not flip between particle counts as the plan's
 * POS does.
 */
import type { ParticleWeights } from '../pod.js';
import { searchEndS, type AllocationUnit } from './allocation_unit.js';
import type { SearchPlan } from './search_plan.js';

/** Layouts within this many standard errors of the best one's POS are tied. */
export const TIE_STANDARD_ERRORS = 2;
/** ... or within this of it (one point: what a plan's POS is asked to be stable to between particle counts). */
export const TIE_POS = 0.01;

/**
 * Standard error of the difference of two plans' POS on the same particles (paired: the same
 * particles' PODs, so the noise common to both cancels). `counted[i]` 1 for a counted particle.
 */
export function pairedStandardError(a: SearchPlan, b: SearchPlan, weight: Float64Array, counted: Uint8Array): number {
  let sw = 0, d = 0;
  for (let i = 0; i < weight.length; i++) if (counted[i]) { sw += weight[i]; d += weight[i] * (a.pod[i] - b.pod[i]); }
  if (!(sw > 0)) return 0;
  const mean = d / sw;
  let v = 0;
  for (let i = 0; i < weight.length; i++) {
    if (!counted[i]) continue;
    const x = a.pod[i] - b.pod[i] - mean, w = weight[i] / sw;
    v += w * w * x * x;
  }
  return sw * Math.sqrt(v);
}

/** Is `p` as good as `best` as far as the particles can tell (within TIE_POS or TIE_STANDARD_ERRORS paired standard errors)? */
export function tiedWith(best: SearchPlan, p: SearchPlan, particles: ParticleWeights, counted: Uint8Array): boolean {
  return best.pos - p.pos <= Math.max(TIE_POS, TIE_STANDARD_ERRORS * pairedStandardError(best, p, particles.weight, counted));
}

/**
 * The effort a unit can put on the object, NM²: W V T, T its time on scene (`enduranceH` counts
 * from its arrival on scene, so it is already net of the transit; docs/architecture.md, "What most
 * capable means"). The capability order ranks by it, then by the earlier arrival.
 * @example unitEffortNm2({ sweepWidthNm: 2.2, speedKn: 90, enduranceH: 2, ... }) // 396
 */
export function unitEffortNm2(unit: AllocationUnit): number {
  return unit.sweepWidthNm * unit.speedKn * unit.enduranceH;
}

/** How well a layout follows "most capable units on the most probable areas" (file header). */
export function capabilityOrderScore(plan: SearchPlan, units: readonly AllocationUnit[]): number {
  const effort = units.map(unitEffortNm2);
  const rank = units.map((_, k) => k).sort((a, b) => effort[b] - effort[a] || units[a].arrivalTimeS - units[b].arrivalTimeS
    || searchEndS(units[a]) - searchEndS(units[b]) || a - b);
  let score = 0;
  rank.forEach((k, r) => {
    const j = plan.assignments.findIndex((x) => x.unitId === units[k].unitId);
    if (j >= 0) score += (units.length - r) * plan.unitPos[j];
  });
  return score;
}

/**
 * The layout to issue among `plans` (exactly scored on the same particles; see the file header),
 * and how many were tied with the best.
 * @example chooseLayout(plans, units, particles.weight, counted).plan
 */
export function chooseLayout<P extends SearchPlan>(plans: readonly P[], units: readonly AllocationUnit[], particles: ParticleWeights,
  counted: Uint8Array): { plan: P; tied: number } {
  if (plans.length === 0) throw new Error('chooseLayout: no layout');
  const best = plans.reduce((a, b) => (b.pos > a.pos ? b : a));
  const tied = plans.filter((p) => p === best || tiedWith(best, p, particles, counted));
  let chosen = best, chosenScore = capabilityOrderScore(best, units);
  for (const p of tied) {
    const s = capabilityOrderScore(p, units);
    if (s > chosenScore + 1e-12) { chosen = p; chosenScore = s; }
  }
  return { plan: chosen, tied: tied.length };
}
