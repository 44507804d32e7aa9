/**
 * Optimal allocation of search units to areas: maximise the plan's POS = sum of weight x POD.
 *
 * Theory: Koopman ("Search and Screening", 1946/1980) and Stone ("Theory of Optimal Search", 1975)
 * show that with an exponential or inverse-cube detection function effort should go where the
 * (posterior) density is highest, spread so that the marginal gain is equal everywhere searched;
 * IAMSAR Vol. II turns this into an "optimal coverage factor" (about 1 for ideal conditions) and
 * an optimal area A = Z / C for an effort Z = W x V x T. With several units, fixed rectangular
 * areas, patterns and no overlap between units searching at the same time, the problem is no
 * longer convex, so we use a heuristic (ours):
 *
 * 1. Greedy placement, unit by unit (largest effort first, and in further starts each of the next
 *    units first: which unit takes the densest part decides the local optimum reached) on the weights left unfound by the
 *    units already placed (w_i x prod (1 - POD_j), the Bayesian posterior before normalising, so
 *    the sum of the units' marginal gains is the plan's POS). Candidates: rectangles centred on the
 *    residual cloud's mean and on its smallest 50 % and 90 % containment rectangles, oriented along
 *    the cloud's principal axis, at 45 and 90 degrees to it and along the containment rectangles;
 *    areas Z / C for the coverage factors C (default 0.5, 0.7, 1, 1.4, 2, then by sqrt 2 up to the
 *    law's coverage cap, max_coverage.ts: 2.83, 4, 4.41 for the exponential law), aspect ratios 1, the
 *    cloud's and the containment rectangles'; plus rectangles touching each area already placed
 *    for a unit searching at the same time (the IAMSAR way of joining areas).
 * 2. Coordinate descent on each unit in turn (a few rounds), with the others fixed: shifts along
 *    and across the area, its length and width (each, both, and at constant area), its rotation;
 *    steps halve when no move gains. The track spacing is not free: it is the one that spends the
 *    unit's whole endurance on the area (track_spacing_fit.ts), which is where the POD of a
 *    parallel sweep is highest for a given area.
 *    2b. Joint moves (ours): on the two starts of highest fast score, two units searching at once
 *    whose areas touch are moved together (along and across the line between their centres) and
 *    their shared edge is moved (one grows as the other shrinks), then the single-unit descent
 *    again; each result is a further start, the one it came from kept. One unit alone cannot move
 *    into its neighbour's area, nor the neighbour out of the way.
 * 3. A further start from the IAMSAR layout (iamsar_baseline.ts: the optimum square for the
 *    effort, strips by effort), refined the same way, since the greedy step can lock units into a
 *    worse arrangement than the classic one.
 * 3b. A further start from a quick plan (one greedy order, no kicks) made on kernel-smoothed
 *    particles (smoothed_particles.ts: four quarter-weight copies each, Silverman's bandwidth), so
 *    that the start depends less on the particles' noise; refined on the real particles, given the
 *    joint moves, scored exactly and kept only when its exact POS is higher (`smoothedStart`,
 *    default on up to SMOOTHED_START_PARTICLES counted particles: Liancourt at 2,000 particles
 *    79.8 -> 86.2 %, about twice the CPU per plan; with more particles their noise is smaller and
 *    the start changed 2 of 12 plans measured at 10,000 and 20,000 (-0.07 and +0.49 points without it), bench/RESULTS.md).
 * 4. All are laid out as IAMSAR routes, their POD and POS computed exactly (searchPod), and the
 *    best kept; a single unit that may fly an expanding square also gets the SS with its CSP at
 *    the datum and its first leg into the wind (IAMSAR Vol. II ch. 5), its side from the same
 *    coverage factors, scored exactly. A unit worth under NEGLIGIBLE_POS in one of the two best
 *    layouts is placed again (unless even its best coverage on what the others leave is worth less):
 *    guided by what the others leave by their exact POD and by what the other units of two
 *    further layouts found leave, refined, and kept when the plan's exact POS rises.
 * 4c. The layout issued (layout_choice.ts): of every layout scored exactly, those within a point
 *    of POS or twice the standard error of their paired difference of the best one are tied (the
 *    particles cannot tell them apart), and of those the one with the most capable units (effort,
 *    then the earlier arrival) on the most probable parts is issued, IAMSAR's rule for assigning
 *    SRUs: the highest POS then picked by the particles' noise, and the units traded lobes between
 *    particle counts (`tieBreak`, default on).
 * 4d. That layout refined again on the kernel-smoothed particles of step 3b (the objective smoothed:
 *    where the areas settle depends less on the particles' noise; single-unit descent and joint
 *    moves from it, nothing else; of the two, the one of higher fast score, neither scored exactly on
 *    the copies), scored exactly on the particles and issued instead when it is still tied with the
 *    best (`polish`, default on). Steps 3b and 4d build the smoothed copies' cells once.
 * 5. Never worse than IAMSAR: the IAMSAR baseline itself, scored with the same exact POD on the
 *    same particles, is returned instead when its POS is higher, and the plan says which
 *    (`chosen`, with both POS).
 * 6. Units held in reserve (hold_units.ts): on the optimiser's layout, a unit whose search would add
 *    under a point of POS (and under twice its Monte-Carlo standard error) gets no area; the plan
 *    lists it in `held` ("hold: no useful area"), never falling below the baseline's POS by it.
 * 6b. A unit in the others' way (ours): areas searched at the same time are kept apart, so a unit of
 *    little worth can sit on water the others would search better. The unit of least marginal worth
 *    is left out and the others refined again from their areas (as after the holds, one start); when
 *    their exact POS is at least the plan's, it is held too (`inTheWay`: the Liancourt example at
 *    20,000 particles, its helicopter at C <= 0.10 on a strip of the core, 80.6 -> 84.2 %). One
 *    refinement more per plan of two units or more (1-8 % of an exercise's CPU, bench/RESULTS.md).
 *
 * 7. Interchangeable units (interchangeable_units.ts: alike in all a route uses, each able to fly the
 *    other's pattern) get their areas by a fixed rule, northernmost area to the first listed that
 *    may fly it, so that a swap is the same plan.
 * 8. A re-plan (`previousAreas`: the plan issued before for the same case): those areas, as they
 *    were (a unit held then, or new, placed on what they leave; a unit gone since leaves its area
 *    unsearched), are scored exactly and issued instead of
 *    the layout of 4c while they are tied with the best one found (the rule of 4c: within a point or
 *    twice the paired standard error), so that a re-plan on other particles does not re-task units
 *    for the particles' noise (ours; issue 12's stability, as a coordinator meets it). Refined,
 *    they are also a start. Steps 5 and 6 still apply: the baseline when it scores higher, units of
 *    no use held (the others then moved only when that is better beyond the noise).
 *
 * The score in 1 and 2 is a fast approximation: particles gathered into small cells
 * (cell_cloud.ts) that move with their mean drift during the unit's search, coarse to fine (ours,
 * for speed): the first candidates are scored on cells COARSE_CELLS_PER_SIGMA per standard deviation
 * (about 5 times fewer than the fine ones) and the SCREEN_KEEP best again on the fine cells; the
 * descent takes its steps down to a turn of 3.75 degrees on the coarse cells and the two shortest on the fine; a cell that the
 * pattern's front of tracks meets inside the rectangle gets the mean parallel-track POD at the
 * coverage W / S it sees in its own drifting frame (Koopman: erf(sqrt(pi) C / 2) for the inverse
 * cube), others 0; the front
 * progresses whichever way meets more weight (usually against the drift), and the route is laid
 * out that way. Overlap is tested in one local frame by the separating axis theorem.
 * With objects of different sweep widths (units giving W per scenario), scenarios whose W agree
 * for every unit form one detection group; a unit's coverage in group g is C W_g / W (its track
 * spacing is chosen with the planning W), so the fast score, like the exact one, detects each
 * particle with its own object's W.
 */
import { InvalidInputError } from '../../errors.js';
import { METRES_PER_NM, degToRad } from '../../geo/units.js';
import { weightedDatum } from '../../probability/datum.js';
import { fromLocal, localFrame, type LocalFrame } from '../../probability/local_frame.js';
import { releasedOnly, type StatusFilter } from '../../probability/particle_cloud.js';
import { smallestContainmentRectangles } from '../../probability/min_rectangle.js';
import { DEFAULT_DETECTION_LAW, parallelTrackPod, type DetectionLaw } from '../detection.js';
import { sweepWidthsByParticleGroup, type ParticleWeights, type PositionSnapshot } from '../pod.js';
import { areaPatternOf, checkAllocationUnits, closestSpacingOf, interleavedSpacingOf, minimumSpacingOf, mustSearchApart, searchEndS, searchTimesOverlap, unitClearanceNm, type AllocationUnit } from './allocation_unit.js';
import { areaRoute } from './area_route.js';
import { assignmentsClearOfLand } from './issued_clearance.js';
import { CellCloud, PodTable, positionsAt, type SweepAxis } from './cell_cloud.js';
import { rectangleInFrame, rectangleOnEarth, rectanglesOverlap, type AreaOnEarth, type FrameRectangle } from './frame_rectangle.js';
import { holdUnitsOfNoUse, marginalPos, type HeldUnit } from './hold_units.js';
import { canonicalUnits } from './interchangeable_units.js';
import { chooseLayout, pairedStandardError, tiedWith } from './layout_choice.js';
import { iamsarAssignment, iamsarBaseline, iamsarSquare, type IamsarBaselinePlan } from './iamsar_baseline.js';
import { lawMaxCoverage } from './max_coverage.js';
import { PLACING_PARTICLES, placingSample, type PlacingSample } from './placing_sample.js';
import { smoothedParticles } from './smoothed_particles.js';
import { evaluateAssignments, type PlanningOptions, type SearchPlan, type UnitAssignment } from './search_plan.js';
import { fitTrackSpacing, type AreaPattern, type FittedSpacing } from './track_spacing_fit.js';
import { lineClearanceM, tracksMeetLand } from './tracks_on_land.js';
import type { Shoreline } from '../../drift/request.js';

/** Options of optimalAllocation; every field has a default. */
export interface AllocationOptions extends PlanningOptions {
  /** Coverage factors of the first candidates; default 0.5, 0.7, 1, 1.4, 2 and on by sqrt 2 up to the law's cap (max_coverage.ts). */
  readonly coverageFactors?: readonly number[];
  /** Rounds of coordinate descent over all units; default 3. */
  readonly refineRounds?: number;
  /** Kicks from the best start (two units exchanging their places), each refined again; default true. */
  readonly kicks?: boolean;
  /** Further starts: one area per unit each (e.g. a plan made earlier), refined like the others. */
  readonly startAreas?: readonly (readonly AreaOnEarth[])[];
  /** Units worth under NEGLIGIBLE_POS placed again (step 4b); default true. Off only to show what it gains. */
  readonly replaceNegligible?: boolean;
  /** Joint moves of two touching units searching at once after the single-unit descent (step 2b); default true. */
  readonly pairMoves?: boolean;
  /** Greedy starts, each with another unit placed first (largest effort first, then the next ones); default 4. */
  readonly orderStarts?: number;
  /** Frame of the rectangles; default equirectangular about the datum at the mean search time. */
  readonly frame?: LocalFrame;
  /** When given, no area is chosen whose pattern would bring its unit within its clearance of land. */
  readonly shoreline?: Shoreline | null;
  /** Direction the wind blows from, degrees true, when known: an expanding square's first leg goes into it (IAMSAR). */
  readonly windFromDeg?: number;
  /** Effort of the searches already done, NM^2, for the IAMSAR baseline's cumulative relative effort. */
  readonly previousEffortNm2?: number;
  /**
   * The IAMSAR baseline of the same particles and units, when already computed with the same
   * options (iamsarBaseline); otherwise it is computed here. The better of it and the optimiser's
   * own layout is returned.
   */
  readonly baseline?: IamsarBaselinePlan;
  /** Units whose search would add under a point of POS held in reserve (hold_units.ts); default true. */
  readonly holdUnits?: boolean;
  /** What the units held in reserve may lose of the plan's POS together (a fraction, hold_units.ts); default HOLD_POS, 0 sends every unit. */
  readonly reserveBelowPos?: number;
  /** An aircraft's area may overlap a surface unit's searching at the same time (allocation_unit.ts, mustSearchApart); default false. */
  readonly airOverSurface?: boolean;
  /**
   * A further start from the plan made on kernel-smoothed particles (smoothed_particles.ts), refined
   * on the particles themselves; default on when at most SMOOTHED_START_PARTICLES are counted.
   */
  readonly smoothedStart?: boolean;
  /**
   * Of the layouts within the Monte-Carlo noise of the best one, the one with the most capable
   * units on the most probable parts is issued (layout_choice.ts); default true. Off: the best one.
   */
  readonly tieBreak?: boolean;
  /** Only the `startAreas` refined (no greedy, IAMSAR or kicked starts): the polish on smoothed particles (step 4d). */
  readonly startsOnly?: boolean;
  /** The layout issued refined again on kernel-smoothed particles, kept when still tied with the best (step 4d); default true. */
  readonly polish?: boolean;
  /**
   * A re-plan (step 8): the areas of the plan issued before for the same case, by unit id (a unit
   * without one was held in reserve then). They are kept as they were while no layout found is
   * better beyond what the particles can tell (layout_choice.ts, tiedWith), so that a re-plan with
   * other particles does not re-task units for noise; refined, they are also a start. The plan's
   * `previous` says whether they were kept.
   */
  readonly previousAreas?: readonly { readonly unitId: string; readonly area: AreaOnEarth; readonly pattern?: string }[];
}

/** With previousAreas: whether the plan keeps them, their exact POS on these particles (null: they could not be laid out), and why. */
export interface PreviousLayoutUse {
  readonly kept: boolean;
  readonly pos: number | null;
  readonly note: string;
}

/** Which layout a plan is: the optimiser's own, or the IAMSAR baseline's when that scored higher. */
export type PlanLayout = 'optimiser' | 'iamsar-baseline';

/** An optimised plan: the exact POS, and what the fast score said. */
export interface OptimalPlan extends SearchPlan {
  /** POS by the fast score (cells drifting through the areas, mean parallel-track POD). */
  readonly approximatePos: number;
  /** Candidate areas scored. */
  readonly evaluations: number;
  readonly frame: LocalFrame;
  /**
   * The layout returned: the optimiser's own, or the IAMSAR baseline's when its exact POS on the
   * same particles was higher ("never worse than IAMSAR").
   */
  readonly chosen: PlanLayout;
  /** Exact POS of the optimiser's own best layout and of the IAMSAR baseline, on the same particles. */
  readonly optimiserPos: number;
  readonly baselinePos: number;
  /**
   * Units whose POS is under NEGLIGIBLE_POS even after being placed again, with the most they could
   * find (`reachPos`: the weight the other units leave unfound x the POD of the unit's highest
   * coverage): when that is under NEGLIGIBLE_POS too, the unit's own limits (its sweep width and
   * closest spacing), not its area, are what leave it so little.
   */
  readonly negligible: readonly { readonly unitId: string; readonly pos: number; readonly reachPos: number }[];
  /**
   * Units held in reserve ("hold: no useful area"): their search would have added less than a point
   * of POS (hold_units.ts). They have no assignment: `assignments`, `unitPos`, `unitPod`, `pod` and
   * `pos` are those of the units sent.
   */
  readonly held: readonly HeldUnit[];
  /** With previousAreas (a re-plan): whether the previous areas were kept, and why. */
  readonly previous?: PreviousLayoutUse;
  /**
   * When the cloud had more than PLACING_PARTICLES counted particles: the layouts were chosen on a
   * sample of `particles` of the `of` counted (placing_sample.ts); `pos`, `unitPos`, `pod`, `unitPod`,
   * `optimiserPos`, `baselinePos`, `negligible` and `previous` are on every particle, `approximatePos`,
   * `evaluations` and the `held` units' figures on the sample.
   */
  readonly placedOn?: { readonly particles: number; readonly of: number };
}

/** Kicks are tried between this many units of largest effort (3 pairs). */
const KICK_UNITS = 3;
/** Starts of highest exact POS on which units of negligible worth are placed again. */
const REPLACE_STARTS = 2;
/** Layouts found whose residuals also guide a unit placed again. */
const REPLACE_SOURCES = 2;
/** Starts given joint moves of touching pairs (step 2b). */
const PAIR_STARTS = 2;

/** Cells per standard deviation of the coarse cells (the fine ones: CELLS_PER_SIGMA in cell_cloud.ts). */
const COARSE_CELLS_PER_SIGMA = 8;
/** First candidates scored again on the fine cells after the coarse screening. */
const SCREEN_KEEP = 8;
/**
 * The smoothed start (step 3b) is made by default up to this many counted particles. It is there for
 * the particles' noise: at 2,000 it lifted Liancourt 79.8 -> 86.2 %; at 10,000 and 20,000 on the six
 * allocation and quality scenarios it changed the plan in 2 of 12 (-0.07 and +0.49 points without it)
 * and cost half the optimiser's CPU (bench/RESULTS.md, 2026-12-04).
 */
export const SMOOTHED_START_PARTICLES = 10_000;
/** The descent's steps down to this turn (degrees; they start at 15 and halve) are taken on the coarse cells. */
const COARSE_TURN_DEG = 3;

/** A unit's POS below which its area is of negligible worth (issue 12: 1 %). */
export const NEGLIGIBLE_POS = 0.01;

interface Placed {
  readonly rect: FrameRectangle;
  readonly fit: FittedSpacing;
  readonly coverage: number;
  /** Direction the tracks progress: +1 toward the right of the bearing (PS) or along it (CS), -1 the other way. */
  readonly progress: 1 | -1;
}

const DEFAULT_COVERAGES: readonly number[] = [0.5, 0.7, 1, 1.4, 2];

/**
 * Choose an area, pattern and track spacing per unit maximising the plan's POS (see the file
 * header for the method), then lay out the routes and compute POD and POS exactly.
 * @example optimalAllocation(particles, snapshots, units).unitPos // POS of each unit's own search
 */
export function optimalAllocation(particles: ParticleWeights, snapshots: readonly PositionSnapshot[],
  units: readonly AllocationUnit[], options: AllocationOptions = {}): OptimalPlan {
  return allocatedFitting(particles, snapshots, units, options);
}

/**
 * optimalAllocation, with a unit no area fits (NoAreaFitsError: its clearance shuts it out of the
 * water where the object may be, or its endurance is too short for one track) held with the
 * reason (HeldUnit.noArea) and the others planned without it, rather than the plan of every unit
 * refused for one of them. The plan is refused only when no unit fits, naming each of them.
 */
function allocatedFitting(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: AllocationOptions): OptimalPlan {
  try {
    return allocatedAndIssued(particles, snapshots, units, options);
  } catch (e) {
    if (!(e instanceof NoAreaFitsError) || units.length < 2) throw e;
    const [first] = e.unfit;
    const unit = units.find((u) => u.unitId === first.unitId)!;
    // the others' own baseline (the one given was of every unit), and their previous areas
    const { baseline: _baseline, previousAreas, ...others } = options;
    let plan: OptimalPlan;
    try {
      plan = allocatedFitting(particles, snapshots, units.filter((u) => u !== unit), {
        ...others, ...(previousAreas === undefined ? {} : { previousAreas: previousAreas.filter((a) => a.unitId !== unit.unitId) }),
      });
    } catch (inner) {
      // none of the others fits either: one refusal naming them all, by their places in `units`
      if (!(inner instanceof NoAreaFitsError)) throw inner;
      throw new NoAreaFitsError([first, ...inner.unfit].map((u) => ({ ...u, unitIndex: units.findIndex((x) => x.unitId === u.unitId) })));
    }
    const held: HeldUnit = { unitId: unit.unitId, ...(unit.party === undefined ? {} : { party: unit.party }), marginalPos: 0, lossPos: 0, standardErrorPos: 0,
      thresholdPos: 0, noArea: { clearanceNm: first.clearanceNm } };
    return { ...plan, held: [...plan.held, held] };
  }
}

/** A unit no area fits: its place in the units, its id, and its clearance from land (null: no coastline). */
export interface UnfitUnit { readonly unitIndex: number; readonly unitId: string; readonly clearanceNm: number | null }

/**
 * No area fits these units: each one's endurance is too short for a single track, or (its
 * `clearanceNm` not null) every area tried brings it within its clearance of land.
 * optimalAllocation holds such a unit and plans the others; when none is left, this is the refusal.
 */
export class NoAreaFitsError extends InvalidInputError {
  constructor(readonly unfit: readonly UnfitUnit[]) {
    const one = unfit.length === 1;
    const clear = unfit.some((u) => u.clearanceNm !== null);
    super(one ? `units[${unfit[0].unitIndex}]` : 'units', `no area fits ${one ? 'unit' : 'any of the units'} `
      + unfit.map((u) => u.unitId + (u.clearanceNm === null || one ? '' : ` (clearance ${u.clearanceNm.toFixed(2)} NM)`)).join(', ')
      + `: ${one ? 'its endurance is' : 'their endurance is'} too short for a single track`
      + (!clear ? '' : one ? `, or every area tried brings it within its clearance of land (${unfit[0].clearanceNm!.toFixed(2)} NM)`
        : ', or every area tried near the probability brings them within their clearance of land; a smaller clearance (clearanceNm) may let them search'));
  }
}

/** optimalAllocation for units that all fit somewhere: the allocation, then its routes kept clear as issued. */
function allocatedAndIssued(particles: ParticleWeights, snapshots: readonly PositionSnapshot[],
  units: readonly AllocationUnit[], options: AllocationOptions): OptimalPlan {
  const baseline = options.baseline ?? iamsarBaseline(particles, snapshots, units, baselineOptionsOf(options));
  const withBaseline = { ...options, baseline };
  const sample = placingSample(particles, snapshots, options.placingParticles ?? PLACING_PARTICLES, options.include ?? releasedOnly);
  const plan = sample !== null ? placedOnSample(particles, snapshots, units, withBaseline, sample) : allocate(particles, snapshots, units, withBaseline, {}, false);
  if (Array.isArray(plan)) throw new Error('optimalAllocation: a plan was asked for and a layout came back');
  return issuedClearOfLand(plan as OptimalPlan, particles, snapshots, units, withBaseline, baseline);
}

/**
 * The plan as issued with every unit's route kept its clearance from land as flown
 * (issued_clearance.ts: the quick land test's frame parts from the route's sheet), scored again
 * exactly when a route was moved; the baseline (whose routes iamsarBaseline keeps clear the same
 * way) is issued instead if the moves took the optimiser's layout below it.
 */
function issuedClearOfLand(plan: OptimalPlan, particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: AllocationOptions, baseline: IamsarBaselinePlan): OptimalPlan {
  if (!options.shoreline) return plan;
  const airOverSurface = options.airOverSurface ?? false;
  const { assignments, moved } = assignmentsClearOfLand(plan.assignments, units, options.shoreline, plan.frame, (a, b) => mustSearchApart(a, b, airOverSurface));
  if (moved.length === 0) return plan;
  const scored = evaluateAssignments(particles, snapshots, assignments, options);
  if (plan.chosen !== 'optimiser' || !(issuableBaselinePos(baseline) > scored.pos)) return { ...plan, ...scored };
  const issued = { assignments: baseline.assignments, unitPos: baseline.unitPos, pos: baseline.pos, pod: baseline.pod, unitPod: baseline.unitPod };
  const counted = countedMask(particles, options.include ?? releasedOnly);
  return { ...plan, ...issued, chosen: 'iamsar-baseline', held: [], negligible: negligibleUnits(issued, units, particles, counted, options.law ?? DEFAULT_DETECTION_LAW) };
}

/** The IAMSAR baseline's options from the optimiser's. */
function baselineOptionsOf(options: AllocationOptions) {
  return { law: options.law ?? DEFAULT_DETECTION_LAW, include: options.include ?? releasedOnly, shoreline: options.shoreline ?? null,
    ...(options.windFromDeg === undefined ? {} : { windFromDeg: options.windFromDeg }),
    ...(options.previousEffortNm2 === undefined ? {} : { previousEffortNm2: options.previousEffortNm2 }),
    ...(options.placingParticles === undefined ? {} : { placingParticles: options.placingParticles }) };
}

/**
 * What an allocation on the placing sample hands on to the plan on every particle: the optimiser's
 * layout before the baseline and the holds (every unit), and a re-plan's layouts (step 8).
 */
interface AllocationTrace {
  own?: readonly UnitAssignment[];
  previous?: { readonly note: string; readonly incumbent: readonly UnitAssignment[] | null; readonly best: readonly UnitAssignment[];
    readonly kept: boolean; readonly gone: readonly string[] };
}

/**
 * A cloud of more than PLACING_PARTICLES counted particles (placing_sample.ts): every step of the
 * search on the sample; then on every particle, exactly, the layouts it ended with and the choice
 * between the optimiser's and the baseline's (never worse than IAMSAR on the particles the plan
 * reports). Units held on the sample stay held (their figures are the sample's); when the sample
 * chose the baseline but the optimiser's layout scores higher on every particle, the holds are made here.
 */
function placedOnSample(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: AllocationOptions, sample: PlacingSample): OptimalPlan {
  const law = options.law ?? DEFAULT_DETECTION_LAW;
  const include = options.include ?? releasedOnly;
  const exact = (assignments: readonly UnitAssignment[]): SearchPlan => evaluateAssignments(particles, snapshots, assignments, options);
  const baseline = options.baseline ?? iamsarBaseline(particles, snapshots, units, baselineOptionsOf(options));
  const baselineOnSample = { ...baseline, ...evaluateAssignments(sample.particles, sample.snapshots, baseline.assignments, options) };
  const trace: AllocationTrace = {};
  const s = allocate(sample.particles, sample.snapshots, units, { ...options, baseline: baselineOnSample }, {}, false, trace) as OptimalPlan;
  const sent = s.chosen === 'optimiser' ? exact(s.assignments) : null;
  // the issued layout is the optimiser's own, every unit, unless units were held or the baseline chosen
  const own = sent !== null && s.held.length === 0 ? sent : exact(trace.own!);
  let mine: SearchPlan & { readonly held: readonly HeldUnit[] };
  if (sent !== null) mine = { ...sent, held: s.held };
  else {
    const hold = options.holdUnits ?? true
      ? holdUnitsOfNoUse(own, particles, { floorPos: issuableBaselinePos(baseline), include, ...(options.reserveBelowPos === undefined ? {} : { belowPos: options.reserveBelowPos }) })
      : { plan: own, held: [] };
    mine = canonicalUnits({ ...hold.plan, held: hold.held }, units).plan;
  }
  const chosen: PlanLayout = issuableBaselinePos(baseline) > mine.pos ? 'iamsar-baseline' : 'optimiser';
  const plan = chosen === 'optimiser' ? mine
    : { assignments: baseline.assignments, unitPos: baseline.unitPos, pos: baseline.pos, pod: baseline.pod, unitPod: baseline.unitPod, held: [] };
  const negligible = negligibleUnits(plan, units, particles, countedMask(particles, include), law);
  const p = trace.previous;
  const previous = p === undefined ? undefined
    : previousUse(p.note, p.incumbent === null ? null : exact(p.incumbent), exact(p.best), chosen, p.kept && chosen === 'optimiser', plan.pos, p.gone);
  return {
    ...plan, approximatePos: s.approximatePos, evaluations: s.evaluations, frame: s.frame, chosen, optimiserPos: own.pos, baselinePos: baseline.pos,
    negligible, ...(previous === undefined ? {} : { previous }), placedOn: { particles: sample.particles.count, of: sample.countedParticles },
  };
}

/**
 * The POS the optimiser's layout must beat to be issued instead of the baseline, and the floor
 * holding units may not take it below: the baseline's, unless a strip of it could not be kept clear
 * of land (it is never issued then: no floor).
 */
function issuableBaselinePos(baseline: IamsarBaselinePlan): number {
  return baseline.clearOfLand ? baseline.pos : -Infinity;
}

/** 1 for each particle counted in a POS (by status, and of positive weight), else 0. */
function countedMask(particles: ParticleWeights, include: StatusFilter): Uint8Array {
  const counted = new Uint8Array(particles.count);
  for (let i = 0; i < particles.count; i++) {
    counted[i] = (particles.status === undefined || include(particles.status[i])) && particles.weight[i] > 0 ? 1 : 0;
  }
  return counted;
}

/**
 * The units of a plan worth under NEGLIGIBLE_POS, with the most each could find (reachPos). Units
 * are found by id: in the refinements of fewer units the baseline chosen still has every unit's strip,
 * and those without a unit here are left out.
 */
function negligibleUnits(plan: SearchPlan, units: readonly AllocationUnit[], particles: ParticleWeights, counted: Uint8Array, law: DetectionLaw):
  { unitId: string; pos: number; reachPos: number }[] {
  return plan.assignments.flatMap((a, k) => {
    const unit = units.find((u) => u.unitId === a.unitId);
    return unit !== undefined && plan.unitPos[k] < NEGLIGIBLE_POS ? [{ unitId: a.unitId, pos: plan.unitPos[k], reachPos: reachPos(plan, k, unit, particles, counted, law) }] : [];
  });
}

/**
 * What unit k of a plan could find at most: the weight the other units leave unfound times the POD
 * of its highest coverage (W / S_min, or the coverage cap), for the report of a unit of negligible worth.
 */
function reachPos(plan: SearchPlan, k: number, unit: AllocationUnit, particles: ParticleWeights, counted: Uint8Array, law: DetectionLaw): number {
  let left = 0;
  for (let i = 0; i < particles.count; i++) {
    if (!counted[i]) continue;
    let miss = 1;
    for (let j = 0; j < plan.assignments.length; j++) if (j !== k) miss *= 1 - plan.unitPod[j][i];
    left += particles.weight[i] * miss;
  }
  const closest = closestSpacingOf(unit, areaPatternOf(unit, unit.unitId));
  const maxCoverage = lawMaxCoverage(law);
  return left * parallelTrackPod(law, Math.min(maxCoverage, closest > 0 ? unit.sweepWidthNm / closest : maxCoverage));
}

/**
 * What the two calls on the same kernel-smoothed particles (steps 3b and 4d: same particles, frame,
 * units and options but for the steps taken) build alike: each unit's cells and the IAMSAR layout.
 * The first call fills it, the second reuses it (ours, for speed: 80,000 copies for 20,000 particles).
 */
interface SharedSetup {
  views?: { fine: CellCloud; coarse: CellCloud }[];
  layout?: ReturnType<typeof iamsarSquare>;
}

/**
 * The optimiser's steps; with `fastChoice` (steps 3b and 4d) it ends after its starts (and their
 * joint moves) and returns the assignments of the start of highest fast score, none scored exactly
 * on the smoothed copies (the caller scores what it keeps on the particles themselves); an empty
 * list when there was no start.
 */
function allocate(particles: ParticleWeights, snapshots: readonly PositionSnapshot[],
  units: readonly AllocationUnit[], options: AllocationOptions, setup: SharedSetup, fastChoice: boolean,
  trace: AllocationTrace | null = null): OptimalPlan | readonly UnitAssignment[] {
  checkAllocationUnits(units);
  const ids = new Set(units.map((u) => u.unitId));
  if (ids.size !== units.length) throw new InvalidInputError('units', 'unit ids must be unique');
  const n = particles.count;
  const law = options.law ?? DEFAULT_DETECTION_LAW;
  const include = options.include ?? releasedOnly;
  const airOverSurface = options.airOverSurface ?? false;
  const weight = particles.weight;
  const counted = countedMask(particles, include);
  let countedParticles = 0;
  for (let i = 0; i < n; i++) countedParticles += counted[i];
  const mid = units.map((u) => 0.5 * (u.arrivalTimeS + searchEndS(u)));
  const frame = options.frame ?? datumFrame(snapshots, mid.reduce((a, b) => a + b, 0) / mid.length, particles);
  const groups = detectionGroups(particles, units);
  // coverage per group for one candidate, refilled before each score (no allocation in the loop)
  const groupCoverage = new Float64Array(groups.widthRatio[0].length);
  const coveragesOf = (k: number, coverage: number): Float64Array => {
    const ratio = groups.widthRatio[k];
    for (let g = 0; g < ratio.length; g++) groupCoverage[g] = coverage * ratio[g];
    return groupCoverage;
  };
  // cells as built (weights 0) whether made here or reused: every step weighs them as it would fresh ones
  if (setup.views) for (const v of setup.views) { v.fine.cellW.fill(0); v.coarse.cellW.fill(0); }
  const views = setup.views ??= units.map((u, k) => {
    const m = positionsAt(frame, snapshots, mid[k], n);
    const a = positionsAt(frame, snapshots, u.arrivalTimeS, n), b = positionsAt(frame, snapshots, searchEndS(u), n);
    for (let i = 0; i < n; i++) { a.x[i] = b.x[i] - a.x[i]; a.y[i] = b.y[i] - a.y[i]; }
    return {
      fine: new CellCloud(m.x, m.y, a.x, a.y, counted, weight, groups.particleGroup),
      coarse: new CellCloud(m.x, m.y, a.x, a.y, counted, weight, groups.particleGroup, COARSE_CELLS_PER_SIGMA),
    };
  });
  const coarseViews = views.map((v) => v.coarse);
  const fineViews = views.map((v) => v.fine);
  const patterns = units.map((u, k) => areaPatternOf(u, `units[${k}]`));
  const sweeps: SweepAxis[] = patterns.map((p) => p === 'PS' ? 'across' : p === 'CS' ? 'along' : 'fraction');
  const trackNm = units.map((u) => u.speedKn * u.enduranceH);
  const effortM2 = units.map((u, k) => u.sweepWidthNm * trackNm[k] * METRES_PER_NM * METRES_PER_NM);
  const podFast = units.map(() => new Float64Array(n));
  const placed: (Placed | null)[] = units.map(() => null);
  const coverages = options.coverageFactors ?? DEFAULT_COVERAGES;
  const residualBuffer = new Float64Array(n);
  let evaluations = 0;

  const residual = (k: number): Float64Array => {
    for (let i = 0; i < n; i++) residualBuffer[i] = counted[i] ? weight[i] : 0;
    placed.forEach((p, j) => {
      if (j === k || !p) return;
      const f = podFast[j];
      for (let i = 0; i < n; i++) residualBuffer[i] *= 1 - f[i];
    });
    return residualBuffer;
  };
  /** Fitted spacing and POD of a rectangle for unit k, or null when infeasible (no track fits, over land, overlap). */
  const table = new PodTable((c) => parallelTrackPod(law, c));
  // Interleaved legs (turns.ts) lay the ladder in two passes of spacing 2 S, half the search apart:
  // an object drifting across the tracks in between meets the second pass at a phase the fast score
  // cannot know, so it counts the two as independent ladders of coverage C / 2 each (the mean over
  // that phase, exactly): POD 1 - (1 - p(C / 2))^2. The same as p(C) under the exponential law; under
  // the inverse cube 0.928 against 0.974 at C = 1.77. The exact POD on the route as flown decides.
  const interleavedTable = new PodTable((c) => 1 - (1 - parallelTrackPod(law, c / 2)) ** 2);
  const tableOf = (f: { fit: FittedSpacing }): PodTable => (f.fit.legOrder === 'interleaved' ? interleavedTable : table);
  const shoreline = options.shoreline ?? null;
  // its clearance from land, turns included (tracks_on_land.ts), below
  // each unit's closest spacing (its turns, legs one after the other), the one it reaches with its legs
  // interleaved (0: none) and the closer of the two, which bounds the coverage it can be given
  const minSpacingNm = units.map((u, k) => minimumSpacingOf(u, patterns[k]));
  const interleavedNm = units.map((u, k) => interleavedSpacingOf(u, patterns[k]));
  const closestNm = units.map((u, k) => closestSpacingOf(u, patterns[k]));
  // the coverage cap: where the law's parallel tracks reach MAX_POD (max_coverage.ts)
  const maxCoverage = lawMaxCoverage(law);
  const clearanceM = units.map((u) => lineClearanceM(unitClearanceNm(u), u.turnRadiusNm ?? 0));
  /**
   * `issuedApart` (step 8's previous areas only): the units whose areas were issued together, apart
   * then: not tested against each other again. Areas that touched in the frame they were made in
   * can overlap by metres in this one (an equirectangular frame about another datum: 1.3 m in the
   * raft-or-PIW example's baseline strips).
   */
  const feasible = (k: number, rect: FrameRectangle, issuedApart: ReadonlySet<number> | null = null): { fit: FittedSpacing; coverage: number } | null => {
    if (!(rect.alongHalfM > 0 && rect.acrossHalfM > 0)) return null;
    const fit = fitTrackSpacing(patterns[k], (2 * rect.alongHalfM) / METRES_PER_NM, (2 * rect.acrossHalfM) / METRES_PER_NM, trackNm[k], minSpacingNm[k], interleavedNm[k]);
    if (!fit || units[k].sweepWidthNm / fit.trackSpacingNm > maxCoverage) return null;
    if (shoreline && tracksMeetLand(rect, patterns[k], fit.trackSpacingNm, frame, shoreline, clearanceM[k])) return null;
    const issuedK = issuedApart !== null && issuedApart.has(k);
    for (let j = 0; j < units.length; j++) {
      const p = placed[j];
      if (issuedK && issuedApart!.has(j)) continue;
      if (j !== k && p && mustSearchApart(units[k], units[j], airOverSurface) && rectanglesOverlap(rect, p.rect)) return null;
    }
    return { fit, coverage: units[k].sweepWidthNm / fit.trackSpacingNm };
  };
  const score = (k: number, rect: FrameRectangle): number => {
    evaluations++;
    const f = feasible(k, rect);
    return f ? fineViews[k].scoreInside(rect, sweeps[k], coveragesOf(k, f.coverage), tableOf(f)).score : -1;
  };
  /** The same score on the coarse cells (coarse-to-fine: screening and the descent's first, long steps). */
  const scoreCoarse = (k: number, rect: FrameRectangle): number => {
    evaluations++;
    const f = feasible(k, rect);
    return f ? coarseViews[k].scoreInside(rect, sweeps[k], coveragesOf(k, f.coverage), tableOf(f)).score : -1;
  };
  /** Unit k's cell weights, fine and coarse, from per-particle weights. */
  const weigh = (k: number, w: Float64Array): void => { fineViews[k].setWeights(w); coarseViews[k].setWeights(w); };
  /**
   * The best of candidate rectangles for unit k (null when none is feasible): all scored on the
   * coarse cells, the SCREEN_KEEP best of them again on the fine cells, the best of those kept.
   */
  const pick = (k: number, rects: readonly FrameRectangle[]): FrameRectangle | null => {
    const screened: { r: FrameRectangle; v: number }[] = [];
    for (const r of rects) { const rr = square(k, r); const v = scoreCoarse(k, rr); if (v >= 0) screened.push({ r: rr, v }); }
    screened.sort((p, q) => q.v - p.v);
    let best: FrameRectangle | null = null, bestScore = -1;
    for (const c of screened.slice(0, SCREEN_KEEP)) { const v = score(k, c.r); if (v > bestScore) { best = c.r; bestScore = v; } }
    return best;
  };
  const refineUnit = (k: number, start: FrameRectangle): FrameRectangle => refine(k, start, score, square, scoreCoarse);
  /**
   * Coverage factors of unit k's first candidates: none above the highest it may fly (its coverage
   * cap, or W / S_min where its turns allow less), which is one; the default factors go on by
   * steps of sqrt 2 up to it where it lies above 2 (the exponential law's cap, a harder object).
   */
  const coveragesFor = (k: number): readonly number[] => {
    const top = Math.min(maxCoverage, closestNm[k] > 0 ? units[k].sweepWidthNm / closestNm[k] : Infinity);
    const list = coverages.filter((c) => c < top);
    if (options.coverageFactors === undefined) for (let c = Math.max(...coverages) * Math.SQRT2; c < top; c *= Math.SQRT2) list.push(c);
    return [...list, top];
  };
  const square = (k: number, r: FrameRectangle): FrameRectangle => patterns[k] === 'SS' ? { ...r, acrossHalfM: r.alongHalfM } : r;
  const commit = (k: number, rect: FrameRectangle, f = feasible(k, rect)!): void => {
    const { progress } = fineViews[k].scoreInside(rect, sweeps[k], coveragesOf(k, f.coverage), tableOf(f));
    placed[k] = { rect, ...f, progress };
    fineViews[k].fillInside(rect, sweeps[k], coveragesOf(k, f.coverage), tableOf(f), progress, podFast[k]);
  };

  /** Unit k's fast POD from its placed rectangle and progress (restoring a stored start). */
  const podFastOf = (k: number): void => {
    const p = placed[k]!;
    fineViews[k].fillInside(p.rect, sweeps[k], coveragesOf(k, p.coverage), tableOf(p), p.progress, podFast[k]);
  };
  /**
   * Unit k's first candidates on its cell weights as set: round the residual mass (candidates), and
   * beside each area placed for a unit searching at the same time (the IAMSAR way of joining areas).
   */
  const firstCandidates = (k: number): FrameRectangle[] => {
    const rects = candidates(fineViews[k], frame, effortM2[k], coveragesFor(k), patterns[k]);
    for (let j = 0; j < units.length; j++) {
      const p = placed[j];
      if (p && searchTimesOverlap(units[k], units[j])) rects.push(...besideCandidates(p.rect, effortM2[k], coveragesFor(k)));
    }
    return rects;
  };
  /**
   * Unit k's square outside every area placed (east of them, then west, north, south: land or the
   * areas may close one side, the Liancourt islets east of the cloud), the first that fits; null when none does.
   */
  const outsideCandidate = (k: number): FrameRectangle | null => {
    for (const side of OUTSIDE_SIDES) {
      const r = square(k, outsideEverything(placed, effortM2[k], fineViews[k], side));
      if (feasible(k, r)) return r;
    }
    return null;
  };
  /** Why the first greedy order found no area for a unit (thrown when no start at all could be made). */
  let noStart: NoAreaFitsError | null = null;
  /** Step 1: place the units one by one in `order` on what the ones before leave; false when one fits nowhere. */
  const greedy = (order: readonly number[], first: boolean): boolean => {
    placed.fill(null);
    for (const k of order) {
      weigh(k, residual(k));
      const rects = firstCandidates(k);
      const best = pick(k, rects) ?? outsideCandidate(k);
      if (!best) {
        if (first) {
          noStart = new NoAreaFitsError([{ unitIndex: k, unitId: units[k].unitId, clearanceNm: shoreline ? unitClearanceNm(units[k]) : null }]);
        }
        return false;
      }
      commit(k, best);
    }
    return true;
  };
  // Starts in several orders (largest effort first, then each other unit first): which unit takes
  // the densest part first decides which local optimum the descent reaches, and with one order the
  // answer flipped between particle counts (issue 12: areas moved by miles between 2,000 and 10,000).
  const byEffort = units.map((_, k) => k).sort((a, b) => effortM2[b] - effortM2[a]);
  const orders: number[][] = [byEffort];
  for (let r = 1; r < Math.min(units.length, options.orderStarts ?? 4); r++) orders.push([byEffort[r], ...byEffort.filter((_, j) => j !== r)]);
  let order = byEffort;
  const rounds = options.refineRounds ?? 3;
  /**
   * `rounds` of the descent over every unit in `order`. A unit is passed over when its last descent
   * left its placement (area and progress) as it was and no unit's placement has changed since: the
   * descent (refine) is deterministic, draws nothing at random and reads no round index; it reads
   * only the unit's start rectangle, its cell weights (what the other units' POD leaves, set by
   * weigh from podFast, which commit alone writes from a placement's area and progress) and where
   * the other units' areas lie (feasible: keeping apart). With all of these as at its last descent
   * it would end where it did, and its commit would write the same placement and POD again. The
   * progress counts as a change as well as the area: the same area committed on other weights may
   * take the other progress, whose POD is not the same (so the units after it must descend again).
   * The plan is bit for bit the one every round run in full gives (ours, for speed: issue 9's
   * exercises repeat such descents; only `evaluations` counts fewer areas scored).
   */
  const refineAll = (): void => {
    let changes = 0;
    const quietAt = units.map(() => -1);
    for (let round = 0; round < rounds; round++) {
      for (const k of order) {
        if (quietAt[k] === changes) continue;
        const before = placed[k]!;
        weigh(k, residual(k));
        commit(k, refineUnit(k, before.rect));
        const after = placed[k]!;
        if (after.rect !== before.rect || after.progress !== before.progress) { changes++; quietAt[k] = -1; } else quietAt[k] = changes;
      }
    }
  };
  // Joint moves of two units searching at once whose areas touch (step 2b): the single-unit
  // descent cannot move a unit into its neighbour's area (overlap) nor the neighbour out of the
  // way (it loses alone), so a pair stuck against their shared edge stays there; moving the pair
  // together, or the shared edge (one grows as the other shrinks), can pass it (issue 12: the two
  // ships of the Liancourt example ended 1-2 points apart between particle counts).
  const pairMovesOn = options.pairMoves ?? true;
  const pairResidual = new Float64Array(n), pairPod = new Float64Array(n), pairBase = new Float64Array(n);
  /**
   * Before a pair's descent: what the other units (fixed during it) leave, a and b both left out,
   * and unit a's cell weights from it (pairScore reads both; they are the same for every move).
   */
  const pairBaseCells = fineViews.map((v) => new Float64Array(v.cellCount));
  const preparePair = (a: number, b: number): void => {
    const pa = placed[a], pb = placed[b];
    placed[a] = null; placed[b] = null;
    pairBase.set(residual(a));
    placed[a] = pa; placed[b] = pb;
    fineViews[a].setWeights(pairBase);
    fineViews[b].weightsInto(pairBase, pairBaseCells[b]);
  };
  /**
   * Fast score of units a and b on rectangles ra, rb together, the others fixed (after
   * preparePair(a, b)); -1 when either is infeasible. A pair that cannot score above `above` is
   * passed over before the dear part (ours, for speed: unit a's POD per particle, the residual and
   * b's cell weights from it, three passes over every particle): b scored on what a leaves cannot
   * score more than b on the pair's base weights (each cell's weight is a sum of no larger
   * non-negative terms in the same order, and rounding is monotone), so when a's score plus that
   * bound is not above `above`, the bound is returned and the move is not kept, as it would not
   * have been; the descent is the one without the bound bit for bit.
   */
  const pairScore = (a: number, ra: FrameRectangle, b: number, rb: FrameRectangle, above = -Infinity): number => {
    evaluations++;
    const pa = placed[a], pb = placed[b];
    placed[a] = null; placed[b] = null;
    try {
      const fa = feasible(a, ra);
      if (!fa) return -1;
      placed[a] = { rect: ra, ...fa, progress: 1 };
      const fb = feasible(b, rb);
      if (!fb) return -1;
      const sa = fineViews[a].scoreInside(ra, sweeps[a], coveragesOf(a, fa.coverage), tableOf(fa));
      const bound = sa.score + fineViews[b].scoreInside(rb, sweeps[b], coveragesOf(b, fb.coverage), tableOf(fb), pairBaseCells[b]).score;
      if (!(bound > above)) return bound;
      fineViews[a].fillInside(ra, sweeps[a], coveragesOf(a, fa.coverage), tableOf(fa), sa.progress, pairPod);
      for (let i = 0; i < n; i++) pairResidual[i] = pairBase[i] * (1 - pairPod[i]);
      fineViews[b].setWeights(pairResidual);
      return sa.score + fineViews[b].scoreInside(rb, sweeps[b], coveragesOf(b, fb.coverage), tableOf(fb)).score;
    } finally {
      placed[a] = pa; placed[b] = pb;
    }
  };
  /** Coordinate descent over the pairs of touching units searching at once; true when a move was kept. */
  const refinePairs = (): boolean => {
    let any = false;
    for (let a = 0; a < units.length; a++) {
      for (let b = a + 1; b < units.length; b++) {
        if (!mustSearchApart(units[a], units[b], airOverSurface) || !touching(placed[a]!.rect, placed[b]!.rect)) continue;
        let ra = placed[a]!.rect, rb = placed[b]!.rect;
        preparePair(a, b);
        let best = pairScore(a, ra, b, rb);
        let step = 0.3, kept = false;
        for (let sweep = 0; sweep < 40 && step > 0.01; sweep++) {
          let improved = false;
          for (const [ca, cb] of pairMoves(ra, rb, step)) {
            const sa = square(a, ca), sb = square(b, cb);
            const above = best * (1 + 1e-9) + 1e-15;
            const v = pairScore(a, sa, b, sb, above);
            if (v > above) { ra = sa; rb = sb; best = v; improved = true; break; }
          }
          if (!improved) step /= 2;
          else kept = true;
        }
        if (!kept) continue;
        any = true;
        placed[a] = null; placed[b] = null;
        fineViews[a].setWeights(residual(a));
        commit(a, ra);
        fineViews[b].setWeights(residual(b));
        commit(b, rb);
      }
    }
    return any;
  };
  const approximate = (): number => {
    let pos = 0;
    for (let i = 0; i < n; i++) {
      if (!counted[i]) continue;
      let miss = 1;
      for (let k = 0; k < units.length; k++) miss *= 1 - podFast[k][i];
      pos += weight[i] * (1 - miss);
    }
    return pos;
  };
  const starts: { placed: Placed[]; approximatePos: number }[] = [];
  const startsOnly = options.startsOnly ?? false;
  if (startsOnly) orders.length = 0;
  orders.forEach((o, j) => {
    order = o;
    if (!greedy(o, j === 0)) return;
    refineAll();
    starts.push({ placed: placed.slice() as Placed[], approximatePos: approximate() });
  });
  order = byEffort;

  // Second start: the IAMSAR strips (squares for SS-only units), shortened until a track fits, then refined.
  // When a unit fits neither its strip nor outside everything (land all round), this start is dropped.
  placed.fill(null);
  const baselineOptions = baselineOptionsOf(options);
  const layout = setup.layout ??= iamsarSquare(particles, snapshots, units, baselineOptions);
  /** A start from given areas (one per unit), each shortened until a track fits, then refined; dropped when a unit fits nowhere. */
  const startFrom = (areas: readonly AreaOnEarth[]): void => {
    placed.fill(null);
    const fits = areas.every((area, k) => {
      let r = rectangleInFrame(frame, area);
      if (patterns[k] === 'SS') r = { ...r, alongHalfM: Math.min(r.alongHalfM, r.acrossHalfM), acrossHalfM: Math.min(r.alongHalfM, r.acrossHalfM) };
      for (let tries = 0; tries < 40 && !feasible(k, r); tries++) r = square(k, { ...r, alongHalfM: r.alongHalfM * 0.85 });
      if (!feasible(k, r)) {
        const outside = outsideCandidate(k);
        if (!outside) return false;
        r = outside;
      }
      weigh(k, residual(k));   // its progress chosen on what the units placed before it leave, as in greedy
      commit(k, r);
      return true;
    });
    if (!fits) return;
    refineAll();
    starts.push({ placed: placed.slice() as Placed[], approximatePos: approximate() });
  };
  if (!startsOnly) startFrom(layout.strips.map((s) => s.area));
  // Kicks from the best start so far (iterated local search): two units exchange their areas;
  // each kicked layout is refined again (the two then fit their new areas to their own efforts). The
  // descent moves one unit at a time, so it cannot pass a layout where two units would have to
  // move together (two ships trading the densest part); the kicks let it.
  const kicks = options.kicks ?? true;
  if (kicks && starts.length > 0) {
    const from = starts.reduce((a, b) => (b.approximatePos > a.approximatePos ? b : a)).placed;
    const tryKick = (move: (rects: FrameRectangle[]) => boolean): void => {
      const rects = from.map((p) => p.rect);
      if (!move(rects)) return;
      placed.fill(null);
      for (let k = 0; k < units.length; k++) {
        // shortened until a track fits and it overlaps none placed before it
        let r = square(k, rects[k]);
        for (let tries = 0; tries < 20 && !feasible(k, r); tries++) r = square(k, { ...r, alongHalfM: r.alongHalfM * 0.9, acrossHalfM: r.acrossHalfM * 0.95 });
        if (!feasible(k, r)) return;
        weigh(k, residual(k));
        commit(k, r);
      }
      refineAll();
      starts.push({ placed: placed.slice() as Placed[], approximatePos: approximate() });
    };
    // between the KICK_UNITS units of largest effort (the ones whose places matter most; each pair is a full refinement)
    const kicked = byEffort.slice(0, KICK_UNITS);
    for (let x = 0; x < kicked.length; x++) {
      for (let y = x + 1; y < kicked.length; y++) {
        const a = kicked[x], b = kicked[y];
        tryKick((rects) => {
          // each takes the other's area scaled to its own effort (the same coverage)
          const ra = rects[a], rb = rects[b];
          const f = Math.sqrt(effortM2[a] / effortM2[b]);
          rects[a] = { ...rb, alongHalfM: rb.alongHalfM * f, acrossHalfM: rb.acrossHalfM * f };
          rects[b] = { ...ra, alongHalfM: ra.alongHalfM / f, acrossHalfM: ra.acrossHalfM / f };
          return true;
        });
      }
    }
  }
  // Never worse than IAMSAR: the baseline on the same particles with the same exact POD (used at the end).
  const baseline = options.baseline ?? iamsarBaseline(particles, snapshots, units, baselineOptions);
  for (const areas of options.startAreas ?? []) {
    if (areas.length !== units.length) throw new InvalidInputError('startAreas', `a start has ${areas.length} areas for ${units.length} units`);
    startFrom(areas);
  }
  // Step 8 (a re-plan): the previous plan's areas as they were (its held units placed on what they
  // leave), exactly scored below, and refined as a further start.
  const previousAreas = fastChoice || startsOnly ? undefined : options.previousAreas;
  let incumbent: Placed[] | null = null;
  let previousNote = '';
  let gone: string[] = [];
  if (previousAreas !== undefined) {
    // a unit gone since (broken down, released) leaves its area: the others keep theirs if still as good
    gone = previousAreas.filter((p) => !ids.has(p.unitId)).map((p) => p.unitId);
    if (gone.length === previousAreas.length) previousNote = `none of its units is in the case now (${gone.join(', ')})`;
    else {
      const previousOf = new Map(previousAreas.filter((p) => ids.has(p.unitId)).map((p) => [p.unitId, p]));
      const issued = new Set(units.flatMap((u, k) => (previousOf.has(u.unitId) ? [k] : [])));
      placed.fill(null);
      for (const k of order) {
        const previous = previousOf.get(units[k].unitId);
        if (previous === undefined) continue;
        // a parallel sweep issued as a creeping line (tracks along the shorter side: assignment()) is the same rectangle turned back
        const turned = (previous.pattern === 'CS' && patterns[k] === 'PS') || (previous.pattern === 'PS' && patterns[k] === 'CS');
        const r = square(k, rectangleInFrame(frame, turned ? quarterTurned(previous.area, -1) : previous.area));
        const f = feasible(k, r, issued);
        if (!f) { previousNote = `${units[k].unitId}'s previous area no longer fits it (no track fits its endurance at its closest spacing, or land within its clearance)`; break; }
        weigh(k, residual(k));
        commit(k, r, f);
      }
      // units held before, or new (no previous area): placed on what the others leave, as in greedy
      for (const k of order) {
        if (previousNote !== '') break;
        if (placed[k]) continue;
        weigh(k, residual(k));
        const picked = pick(k, firstCandidates(k));
        const r = picked && refineUnit(k, picked);
        if (!r || !feasible(k, r)) { previousNote = `no area fits ${units[k].unitId} beside the previous areas`; break; }
        commit(k, r);
      }
      if (previousNote === '') {
        incumbent = placed.slice() as Placed[];
        // refined as any start (shortened where they now overlap by the frame's metres)
        startFrom(incumbent.map((p) => rectangleOnEarth(frame, p.rect)));
      }
    }
  }
  // Step 2b on the PAIR_STARTS starts of highest fast score: each, with joint moves of touching
  // pairs and the single-unit descent again, is a further start (the one it came from is kept, so
  // the best exact POS over the starts cannot fall).
  if (pairMovesOn) {
    for (const start of starts.slice().sort((p, q) => q.approximatePos - p.approximatePos).slice(0, PAIR_STARTS)) {
      start.placed.forEach((p, k) => { placed[k] = p; podFastOf(k); });
      if (!refinePairs()) continue;
      refineAll();
      starts.push({ placed: placed.slice() as Placed[], approximatePos: approximate() });
    }
  }

  // Exact evaluations, once per distinct layout: starts often converge to the same areas, and the
  // exact POD (searchPod) is the dearest step; a layout is its routes as flown, waypoint by waypoint.
  // Every distinct layout scored exactly is kept, with the fast score of the start it came from:
  // the one issued is chosen among them (layout_choice.ts).
  if (fastChoice) {
    if (starts.length === 0) return [];
    const top = starts.reduce((a, b) => (b.approximatePos > a.approximatePos ? b : a));
    return units.map((unit, k) => assignment(unit, patterns[k], top.placed[k], frame));
  }
  // no start at all (every order's greedy, the IAMSAR strips and the given areas each left a unit without an area)
  if (starts.length === 0) {
    throw (noStart as NoAreaFitsError | null) ?? new InvalidInputError('units', 'no layout fits every unit: each start left a unit with no area clear of land and of the other units');
  }
  const exact = new Map<string, SearchPlan & { approximatePos: number }>();
  const evaluate = (assignments: readonly UnitAssignment[], approximatePos = NaN): SearchPlan => {
    const key = JSON.stringify(assignments.map((a) => [a.unitId, a.sweepWidthNm, a.sweepWidthByScenarioNm ?? null, a.route.speedKn,
      (a.route.flown ?? a.route.waypoints).map((w) => [w.lonDeg, w.latDeg, w.timeS])]));
    let plan = exact.get(key);
    if (!plan) { plan = { ...evaluateAssignments(particles, snapshots, assignments, options), approximatePos }; exact.set(key, plan); }
    return plan.assignments === assignments ? plan : { ...plan, assignments };
  };
  // The optimiser's layout: the start whose exact POS is higher.
  const evaluated = starts.map((start) => ({
    placed: start.placed,
    plan: { ...evaluate(units.map((unit, k) => assignment(unit, patterns[k], start.placed[k], frame)), start.approximatePos), approximatePos: start.approximatePos },
  })).sort((p, q) => q.plan.pos - p.plan.pos);
  let best: (SearchPlan & { approximatePos: number }) | null = evaluated.length > 0 ? evaluated[0].plan : null;
  // No unit left on an area of negligible worth while probability elsewhere is uncovered: a unit
  // whose exact POS is under NEGLIGIBLE_POS is placed again from scratch on what the others leave
  // (every first candidate and every area beside theirs, refined), and the move kept when the
  // plan's exact POS rises; the weights it is placed on are what the others leave by their exact
  // POD. This is done on the REPLACE_STARTS starts of highest exact POS: a start
  // just below the best with a unit to place again can pass it (the track-line case: 60.1 % with
  // a ship worth 0.5 %, 63.2 % with the ship placed again, against 60.5 % for the best start).
  // What a unit could find at most is kept for the report: the weight the
  // others leave unfound times the POD of its highest coverage (W / S_min, or its coverage cap).
  const reach = (plan: SearchPlan, k: number): number => reachPos(plan, k, units[k], particles, counted, law);
  const exactResidual = (plan: SearchPlan, k: number): Float64Array => {
    for (let i = 0; i < n; i++) {
      let w = counted[i] ? weight[i] : 0;
      for (let j = 0; j < units.length; j++) if (j !== k) w *= 1 - plan.unitPod[j][i];
      residualBuffer[i] = w;
    }
    return residualBuffer;
  };
  const replaceOn = options.replaceNegligible ?? true;
  for (const start of replaceOn ? evaluated.slice(0, REPLACE_STARTS) : []) {
    let cur = start;
    for (const k of order) {
      if (!(cur.plan.unitPos[k] < NEGLIGIBLE_POS)) continue;
      // its own limits (sweep width, closest spacing), not its area, leave it so little: no place is worth it
      if (reach(cur.plan, k) < NEGLIGIBLE_POS) continue;
      // Where to look: what the others leave by their exact POD (the fast score can overrate them,
      // drift during a long search, and then shows no probability left where there is some), and
      // what the other units of the REPLACE_SOURCES layouts found of highest fast score leave (they
      // cover other parts, so their residual points to other places). From each, the best first
      // candidate or area beside another's is refined on the exact residual and scored exactly.
      const sources: Float64Array[] = [Float64Array.from(exactResidual(cur.plan, k))];
      for (const other of starts.slice().sort((p, q) => q.approximatePos - p.approximatePos).slice(0, REPLACE_SOURCES)) {
        const left = Float64Array.from(weight, (w, i) => (counted[i] ? w : 0));
        other.placed.forEach((p, j) => {
          if (j === k) return;
          fineViews[j].fillInside(p.rect, sweeps[j], coveragesOf(j, p.coverage), tableOf(p), p.progress, pairPod);
          for (let i = 0; i < n; i++) left[i] *= 1 - pairPod[i];
        });
        sources.push(left);
      }
      const from = cur;
      for (const source of sources) {
        from.placed.forEach((p, j) => { placed[j] = p; });
        placed[k] = null;
        weigh(k, source);
        const rects = firstCandidates(k);
        const cand = pick(k, rects);
        if (!cand) continue;
        weigh(k, sources[0]);
        const r = refineUnit(k, cand);
        const f = feasible(k, r);
        if (!f) continue;
        const moved = from.placed.slice();
        moved[k] = { rect: r, ...f, progress: fineViews[k].scoreInside(r, sweeps[k], coveragesOf(k, f.coverage), tableOf(f)).progress };
        const plan = evaluate(units.map((unit, j) => assignment(unit, patterns[j], moved[j], frame)), cur.plan.approximatePos);
        if (plan.pos > cur.plan.pos) cur = { placed: moved, plan: { ...plan, approximatePos: cur.plan.approximatePos } };
      }
    }
    if (cur.plan.pos > best!.pos) best = cur.plan;
  }
  // A start from the plan made on kernel-smoothed particles (issue 12): on the particles themselves the
  // greedy start already differs between particle counts (which ship takes the densest part), and
  // the descent keeps what it starts from; on the smoothed density the start depends far less on the
  // particle noise. It is one start more, refined on the particles (with the joint moves), kept when its exact POS is higher.
  const smoothedStartOn = options.smoothedStart ?? countedParticles <= SMOOTHED_START_PARTICLES;
  const smooth = smoothedStartOn || ((options.polish ?? true) && !startsOnly) ? smoothedParticles(particles, snapshots) : null;
  const smoothSetup: SharedSetup = {};
  /**
   * Steps 3b and 4d: the layout (in unit order) that the starts of `steps` reach on the smoothed
   * particles, of highest exact POS on them, or with `fastChoice` of highest fast score (none scored
   * exactly on the four copies per particle); null when no area fits a unit on them: the smoothed
   * copies reach nearer the coast than the particles do (the Liancourt ship, within its clearance of the islets).
   */
  const smoothedLayout = (steps: AllocationOptions, fastChoice: boolean): readonly UnitAssignment[] | null => {
    let sub: OptimalPlan | readonly UnitAssignment[];
    try {
      sub = allocate(smooth!.particles, smooth!.snapshots, units, { ...options, frame, smoothedStart: false, polish: false, kicks: false,
        replaceNegligible: false, holdUnits: false, previousAreas: undefined, ...steps }, smoothSetup, fastChoice);
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      return null;
    }
    if (Array.isArray(sub)) return sub.length > 0 ? sub : null;
    const plan = sub as OptimalPlan;
    const own = units.map((u) => plan.assignments.find((a) => a.unitId === u.unitId));
    return own.every((a) => a !== undefined) ? own as UnitAssignment[] : null;
  };
  if (smooth !== null && smoothedStartOn) {
    // chosen by exact POS on the copies: by the fast score the six-unit example's plan loses a point (96.4 -> 95.4 %)
    const sub = smoothedLayout({ baseline, orderStarts: 1, startAreas: [] }, false);
    if (sub !== null) {
      // kept apart from the starts above (their top few get the joint moves and units placed again, as before)
      const before = starts.length;
      startFrom(sub.map((a) => a.area));
      if (starts.length > before) {
        const own = starts.splice(before)[0];
        const tried = [own];
        if (pairMovesOn) {
          own.placed.forEach((p, k) => { placed[k] = p; podFastOf(k); });
          if (refinePairs()) { refineAll(); tried.push({ placed: placed.slice() as Placed[], approximatePos: approximate() }); }
        }
        for (const t of tried) {
          const plan = { ...evaluate(units.map((unit, k) => assignment(unit, patterns[k], t.placed[k], frame)), t.approximatePos), approximatePos: t.approximatePos };
          if (!best || plan.pos > best.pos) best = plan;
        }
      }
    }
  }
  // A single unit that may fly an expanding square: the SS with its CSP at the datum and its first
  // leg into the wind (IAMSAR Vol. II ch. 5), its side chosen among the coverage factors, exactly scored.
  if (units.length === 1 && units[0].patterns.includes('SS') && patterns[0] !== 'SS') {
    const u = units[0];
    const firstDeg = options.windFromDeg ?? layout.strips[0].area.orientationDeg;   // else along the cloud's axis
    for (const c of coveragesFor(0)) {
      const side = Math.sqrt(u.sweepWidthNm * trackNm[0] / c);
      const area = { centre: { lonDeg: layout.datum.lonDeg, latDeg: layout.datum.latDeg }, lengthNm: side, widthNm: side, orientationDeg: ((firstDeg % 360) + 360) % 360 };
      const a = iamsarAssignment(u, 'SS', area, law);
      if (shoreline && tracksMeetLand(rectangleInFrame(layout.frame, area), 'SS', a.trackSpacingNm, layout.frame, shoreline, clearanceM[0])) continue;
      const plan = evaluate([a]);
      if (plan.pos > best!.pos) best = { ...plan, approximatePos: NaN };
    }
  }
  // Never worse than IAMSAR: the baseline computed above, on the same particles with the same exact POD.
  // The layout issued: of the layouts as good as the best one as far as the particles can tell, the
  // one with the most capable units on the most probable parts (layout_choice.ts), so that the plan
  // does not follow the particles' noise between particle counts (`tieBreak` false: the best one).
  // Step 8: the previous areas, exactly scored (among the layouts the choice below sees).
  const incumbentPlan = incumbent === null ? null
    : evaluate(units.map((unit, k) => assignment(unit, patterns[k], incumbent![k], frame)), NaN) as SearchPlan & { approximatePos: number };
  if (incumbentPlan !== null && (best === null || incumbentPlan.pos > best.pos)) best = incumbentPlan;
  const chooseMine = (): SearchPlan & { approximatePos: number } => (options.tieBreak ?? true
    ? chooseLayout([...exact.values()], units, particles, counted).plan : best!);
  let mine = chooseMine();
  // ... and issued while no layout found is better beyond the particles' noise: a re-plan keeps the brief
  const keepPrevious = incumbentPlan !== null && tiedWith(best!, incumbentPlan, particles, counted);
  if (keepPrevious) mine = incumbentPlan;
  // Step 4d: the layout issued refined again on the kernel-smoothed particles (the objective smoothed,
  // so where its areas settle depends less on the particles' noise), then scored exactly on the
  // particles; kept when still tied with the best (within a point or twice the paired standard error).
  if (smooth !== null && !startsOnly && !keepPrevious && (options.polish ?? true)) {
    // chosen by the fast score: the issued layout is scored exactly on the particles just below
    const sub = smoothedLayout({ startsOnly: true, startAreas: [units.map((u) => mine.assignments.find((a) => a.unitId === u.unitId)!.area)] }, true);
    if (sub !== null) {
      const polished = evaluate(sub);
      if (tiedWith(best!, polished, particles, counted)) mine = { ...polished, approximatePos: mine.approximatePos };
    }
  }
  const chosen: PlanLayout = issuableBaselinePos(baseline) > mine.pos ? 'iamsar-baseline' : 'optimiser';
  const plan: SearchPlan = chosen === 'optimiser' ? mine
    : { assignments: baseline.assignments, unitPos: baseline.unitPos, pos: baseline.pos, pod: baseline.pod, unitPod: baseline.unitPod };
  const noted = negligibleUnits(plan, units, particles, counted, law);
  // Units of no use held in reserve (hold_units.ts), on the optimiser's layout only (the baseline is IAMSAR's, every unit used),
  // never bringing the plan below the baseline.
  const hold = chosen === 'optimiser' && (options.holdUnits ?? true)
    ? holdUnitsOfNoUse(plan, particles, { floorPos: issuableBaselinePos(baseline), include, ...(options.reserveBelowPos === undefined ? {} : { belowPos: options.reserveBelowPos }) }) : { plan, held: [] };
  const held = hold.held;
  let issued = hold.plan;
  let refinedAfterHold = false;
  // The units sent refined again without the ones held: each was placed on what the held ones would
  // have searched, and left them that. One start (their own areas), the descent and joint moves on
  // these particles, no kicks; kept when its exact POS is higher (the Liancourt example's ships at
  // 10,000 particles, the helicopter held: 83.7 -> 84.7 %). A full search of the units sent instead
  // (every start) cost 42 % more CPU an exercise for no better plan (bench/RESULTS.md).
  /** `sent` refined again from their areas in `issued`: one start, the descent and joint moves, no kicks (after the holds, step 6b). */
  const refinedAgain = (sent: readonly AllocationUnit[]): OptimalPlan => allocate(particles, snapshots, sent, {
    ...options, frame, startsOnly: true, startAreas: [sent.map((u) => issued.assignments.find((a) => a.unitId === u.unitId)!.area)],
    kicks: false, holdUnits: false, polish: false, smoothedStart: false, tieBreak: false, baseline, previousAreas: undefined,
  }, {}, false) as OptimalPlan;
  const issue = (p: SearchPlan): void => {
    issued = { assignments: p.assignments, unitPos: p.unitPos, unitPod: p.unitPod, pos: p.pos, pod: p.pod };
    refinedAfterHold = true;
  };
  if (held.length > 0) {
    const again = refinedAgain(units.filter((u) => !held.some((h) => h.unitId === u.unitId)));
    // the previous areas kept: moved only when that is better beyond the noise
    if (again.chosen === 'optimiser' && again.pos > issued.pos && !(keepPrevious && tiedWith(again, issued, particles, counted))) issue(again);
  }
  // A unit in the others' way (step 6b, ours): areas searched at the same time are kept apart, so a
  // unit of little worth can hold water the others would search better (the Liancourt helicopter,
  // C <= 0.10, on a strip of the core the ships must keep out of: 80.6 % with it, 84.2 % without it
  // at 20,000 particles). The unit of least marginal worth is left out and the others refined again
  // (as after the holds); when they find at least as much without it, it is held too.
  if (chosen === 'optimiser' && (options.holdUnits ?? true) && issued.assignments.length >= 2 && !keepPrevious) {
    const worth = marginalPos(issued, particles, include);
    const k = worth.indexOf(Math.min(...worth));
    const a = issued.assignments[k];
    const without = refinedAgain(units.filter((u) => u.unitId !== a.unitId && issued.assignments.some((b) => b.unitId === u.unitId)));
    if (without.chosen === 'optimiser' && without.pos >= issued.pos) {
      held.push({ unitId: a.unitId, ...(a.party === undefined ? {} : { party: a.party }), marginalPos: worth[k], lossPos: issued.pos - without.pos,
        standardErrorPos: pairedStandardError(issued, without, weight, counted), thresholdPos: 0, inTheWay: true });
      issue(without);
    }
  }
  // interchangeable units (interchangeable_units.ts) given their areas by a fixed rule, so that a swap between them is the same plan
  const { plan: canonical, renamed } = canonicalUnits({ ...issued, held }, units);
  const negligible = noted.filter((u) => !held.some((h) => h.unitId === u.unitId)).map((u) => ({ ...u, unitId: renamed.get(u.unitId) ?? u.unitId }));
  const previous = previousAreas === undefined ? undefined : previousUse(previousNote, incumbentPlan, best!, chosen, keepPrevious && !refinedAfterHold, canonical.pos, gone);
  if (trace !== null) {
    trace.own = mine.assignments;
    if (previousAreas !== undefined) {
      trace.previous = { note: previousNote, incumbent: incumbentPlan?.assignments ?? null, best: best!.assignments, kept: keepPrevious && !refinedAfterHold, gone };
    }
  }
  return { ...canonical, approximatePos: mine.approximatePos, evaluations, frame, chosen, optimiserPos: mine.pos, baselinePos: baseline.pos, negligible,
    ...(previous === undefined ? {} : { previous }) };
}

/** The same rectangle with its length and width named the other way round: a quarter turn of its orientation (+1 clockwise, -1 back). */
function quarterTurned(area: AreaOnEarth, turn: 1 | -1): AreaOnEarth {
  return { ...area, lengthNm: area.widthNm, widthNm: area.lengthNm, orientationDeg: (area.orientationDeg + (turn > 0 ? 90 : 270)) % 360 };
}

/**
 * What became of a re-plan's previous areas (step 8), for the plan to say. Kept, their POS is the
 * plan's (units of no use held as always); replaced, it is what they would have found here, with the
 * units held then placed on what they leave.
 */
function previousUse(note: string, incumbent: SearchPlan | null, best: SearchPlan, chosen: PlanLayout, kept: boolean, issuedPos: number,
  gone: readonly string[]): PreviousLayoutUse {
  if (incumbent === null) return { kept: false, pos: null, note: `previous areas not used: ${note}` };
  const pts = (x: number): string => (100 * x).toFixed(1);
  const left = gone.length > 0 ? `; units no longer in the case: ${gone.join(', ')}` : '';
  if (chosen === 'iamsar-baseline') return { kept: false, pos: incumbent.pos, note: `previous areas replaced: the IAMSAR baseline scores higher (previous areas ${pts(incumbent.pos)} % here)${left}` };
  if (kept) return { kept: true, pos: issuedPos, note: `previous areas kept: ${pts(issuedPos)} % here, within the particles' noise of the best layout found (${pts(best.pos)} %)${left}` };
  return { kept: false, pos: incumbent.pos, note: `previous areas replaced: the new layout is better beyond the particles' noise (previous areas ${pts(incumbent.pos)} % here, best ${pts(best.pos)} %)${left}` };
}

/**
 * Detection groups: scenarios whose sweep widths agree for every unit share a group. Returns each
 * particle's group (null when there is one) and, per unit, W_g / W for every group g.
 */
function detectionGroups(particles: ParticleWeights, units: readonly AllocationUnit[]): { particleGroup: Uint16Array | null; widthRatio: Float64Array[] } {
  const lists = units.map((u, k) => sweepWidthsByParticleGroup(u, `units[${k}]`, particles));
  if (lists.every((l) => l.length === 1)) return { particleGroup: null, widthRatio: lists.map((l, k) => Float64Array.of(l[0] / units[k].sweepWidthNm)) };
  const scenarioCount = Math.max(...lists.map((l) => l.length));
  const keyOf = new Map<string, number>();
  const groupOfScenario = new Uint16Array(scenarioCount);
  const groupWidths: number[][] = [];
  for (let s = 0; s < scenarioCount; s++) {
    const widths = lists.map((l) => (l.length === 1 ? l[0] : l[s]));
    const key = widths.join(' ');
    let g = keyOf.get(key);
    if (g === undefined) { g = groupWidths.length; keyOf.set(key, g); groupWidths.push(widths); }
    groupOfScenario[s] = g;
  }
  const scenario = particles.scenario!;
  const particleGroup = new Uint16Array(particles.count);
  for (let i = 0; i < particles.count; i++) particleGroup[i] = groupOfScenario[scenario[i]];
  return { particleGroup, widthRatio: units.map((u, k) => Float64Array.from(groupWidths, (w) => w[k] / u.sweepWidthNm)) };
}

function datumFrame(snapshots: readonly PositionSnapshot[], timeS: number, particles: ParticleWeights): LocalFrame {
  let k = 0;
  for (let j = 1; j < snapshots.length; j++) if (Math.abs(snapshots[j].timeS - timeS) < Math.abs(snapshots[k].timeS - timeS)) k = j;
  return localFrame(weightedDatum({ count: particles.count, lonDeg: snapshots[k].lonDeg, latDeg: snapshots[k].latDeg, weight: particles.weight, status: particles.status }));
}

/** First candidates round the residual mass (see the file header, step 1). */
function candidates(view: CellCloud, frame: LocalFrame, effortM2: number, coverages: readonly number[], pattern: AreaPattern): FrameRectangle[] {
  const m = view.moments();
  if (!(m.total > 0)) return [];
  const centres: [number, number][] = [[m.mxM, m.myM]];
  const bearings = [m.majorBearingRad, m.majorBearingRad + Math.PI / 4, m.majorBearingRad + Math.PI / 2];
  const aspects = new Set<number>([1, clamp(m.sigmaMajorM / Math.max(m.sigmaMinorM, 1), 1, 6)]);
  // smallest containment rectangles of the residual cells (on the cells: thousands of points, not every particle)
  const lonDeg = new Float64Array(view.cellCount), latDeg = new Float64Array(view.cellCount);
  for (let c = 0; c < view.cellCount; c++) { const p = fromLocal(frame, view.cellX[c], view.cellY[c]); lonDeg[c] = p.lonDeg; latDeg[c] = p.latDeg; }
  const cloud = { count: view.cellCount, lonDeg, latDeg, weight: view.cellW };
  try {
    // the 50 % and 90 % rectangles of the same cells: projected and sorted once
    for (const r of smallestContainmentRectangles(cloud, [0.5, 0.9], { frame, bins: 32, coarseStepDeg: 10 })) {
      const lon = r.centre.lonDeg - frame.originLonDeg;
      centres.push([lon * frame.metresPerDegLon, (r.centre.latDeg - frame.originLatDeg) * frame.metresPerDegLat]);
      bearings.push(degToRad(r.orientationDeg));
      aspects.add(clamp(r.lengthNm / Math.max(r.widthNm, 1e-6), 1, 6));
    }
  } catch {
    // a residual with no weighted cell has no rectangle: the mean is enough
  }
  const out: FrameRectangle[] = [];
  for (const [cx, cy] of centres) for (const b of bearings) for (const c of coverages) for (const a of pattern === 'SS' ? [1] : aspects) {
    const areaM2 = effortM2 / c;
    const along = Math.sqrt(areaM2 * a) / 2, across = areaM2 / (2 * along) / 2;
    out.push({ cxM: cx, cyM: cy, alongHalfM: along, acrossHalfM: across, bearingRad: b });
  }
  return out;
}

/** Rectangles sharing a side with `r` (same orientation), sized from the unit's effort. */
function besideCandidates(r: FrameRectangle, effortM2: number, coverages: readonly number[]): FrameRectangle[] {
  const ux = Math.sin(r.bearingRad), uy = Math.cos(r.bearingRad);
  const out: FrameRectangle[] = [];
  for (const c of coverages) {
    const areaM2 = effortM2 / c;
    // beside the long sides: same length as r; beyond the ends: same width as r; and squares
    const shapes: [number, number, number, number][] = [
      [r.alongHalfM, areaM2 / (4 * r.alongHalfM), 0, 1], [r.alongHalfM, areaM2 / (4 * r.alongHalfM), 0, -1],
      [areaM2 / (4 * r.acrossHalfM), r.acrossHalfM, 1, 0], [areaM2 / (4 * r.acrossHalfM), r.acrossHalfM, -1, 0],
    ];
    const half = Math.sqrt(areaM2) / 2;
    shapes.push([half, half, 0, 1], [half, half, 0, -1], [half, half, 1, 0], [half, half, -1, 0]);
    for (const [along, across, su, sv] of shapes) {
      const du = su * (r.alongHalfM + along), dv = sv * (r.acrossHalfM + across);
      out.push({ cxM: r.cxM + du * ux + dv * uy, cyM: r.cyM + du * uy - dv * ux, alongHalfM: along, acrossHalfM: across, bearingRad: r.bearingRad });
    }
  }
  return out;
}

/** A square east of every placed area (always feasible): the last resort of the greedy step. */
function outsideEverything(placed: readonly (Placed | null)[], effortM2: number, view: CellCloud, side: OutsideSide = 'east'): FrameRectangle {
  const half = Math.sqrt(effortM2) / 2;
  const { mxM, myM } = view.moments();
  // how far the areas placed reach on that side of the cloud's centre (their circumscribed circles)
  const sign = side === 'east' || side === 'north' ? 1 : -1;
  const alongX = side === 'east' || side === 'west';
  let edge = sign * (alongX ? mxM : myM);
  for (const p of placed) if (p) edge = Math.max(edge, sign * (alongX ? p.rect.cxM : p.rect.cyM) + Math.hypot(p.rect.alongHalfM, p.rect.acrossHalfM));
  const at = sign * (edge + half * Math.SQRT2 + 10);
  return { cxM: alongX ? at : mxM, cyM: alongX ? myM : at, alongHalfM: half, acrossHalfM: half, bearingRad: 0 };
}

type OutsideSide = 'east' | 'west' | 'north' | 'south';
const OUTSIDE_SIDES: readonly OutsideSide[] = ['east', 'west', 'north', 'south'];

/** Do two rectangles come within a tenth of their size of each other (their circumscribed circles, widened)? */
function touching(a: FrameRectangle, b: FrameRectangle): boolean {
  const ra = Math.hypot(a.alongHalfM, a.acrossHalfM), rb = Math.hypot(b.alongHalfM, b.acrossHalfM);
  return Math.hypot(a.cxM - b.cxM, a.cyM - b.cyM) < 1.1 * (ra + rb);
}

/**
 * The joint moves of two areas (step 2b), `step` a fraction of the smaller one's half side: both
 * shifted together along and across the line between their centres, and the shared edge moved
 * (one grows along its axis nearest that line while the other shrinks by as much).
 */
function pairMoves(ra: FrameRectangle, rb: FrameRectangle, step: number): [FrameRectangle, FrameRectangle][] {
  const d = Math.hypot(rb.cxM - ra.cxM, rb.cyM - ra.cyM) || 1;
  const ux = (rb.cxM - ra.cxM) / d, uy = (rb.cyM - ra.cyM) / d;
  const size = step * Math.min(ra.alongHalfM, ra.acrossHalfM, rb.alongHalfM, rb.acrossHalfM);
  const shift = (r: FrameRectangle, dx: number, dy: number): FrameRectangle => ({ ...r, cxM: r.cxM + dx, cyM: r.cyM + dy });
  /** r with its side facing direction (ux, uy) moved out by e metres (in when e < 0), the opposite side kept. */
  const grow = (r: FrameRectangle, sx: number, sy: number, e: number): FrameRectangle => {
    const along = Math.sin(r.bearingRad) * sx + Math.cos(r.bearingRad) * sy, across = Math.cos(r.bearingRad) * sx - Math.sin(r.bearingRad) * sy;
    if (Math.abs(along) >= Math.abs(across)) {
      const s = Math.sign(along) || 1;
      return { ...r, alongHalfM: r.alongHalfM + e / 2, cxM: r.cxM + s * (e / 2) * Math.sin(r.bearingRad), cyM: r.cyM + s * (e / 2) * Math.cos(r.bearingRad) };
    }
    const s = Math.sign(across) || 1;
    return { ...r, acrossHalfM: r.acrossHalfM + e / 2, cxM: r.cxM + s * (e / 2) * Math.cos(r.bearingRad), cyM: r.cyM - s * (e / 2) * Math.sin(r.bearingRad) };
  };
  const out: [FrameRectangle, FrameRectangle][] = [];
  for (const s of [1, -1]) {
    const e = s * size;
    out.push([shift(ra, e * ux, e * uy), shift(rb, e * ux, e * uy)]);
    out.push([shift(ra, e * uy, -e * ux), shift(rb, e * uy, -e * ux)]);
    // the edge between them moves toward b (s = 1: a grows, b shrinks) or toward a
    out.push([grow(ra, ux, uy, e), grow(rb, -ux, -uy, -e)]);
  }
  return out.filter(([a, b]) => a.alongHalfM > 0 && a.acrossHalfM > 0 && b.alongHalfM > 0 && b.acrossHalfM > 0);
}

/**
 * Coordinate descent on one unit's rectangle (file header, step 2); with `coarse`, its steps of
 * COARSE_TURN_DEG and longer are taken on that score (the coarse cells), the shorter ones on `score`.
 */
function refine(k: number, start: FrameRectangle, score: (k: number, r: FrameRectangle) => number,
  square: (k: number, r: FrameRectangle) => FrameRectangle, coarse?: (k: number, r: FrameRectangle) => number): FrameRectangle {
  let cur = start;
  let scoreOf = coarse ?? score;
  let best = scoreOf(k, cur);
  let shift = 0.3, scale = 0.25, turn = degToRad(15);
  const moves: ((r: FrameRectangle, s: number) => FrameRectangle)[] = [
    (r, s) => { const d = s * shift * r.alongHalfM; return { ...r, cxM: r.cxM + d * Math.sin(r.bearingRad), cyM: r.cyM + d * Math.cos(r.bearingRad) }; },
    (r, s) => { const d = s * shift * r.acrossHalfM; return { ...r, cxM: r.cxM + d * Math.cos(r.bearingRad), cyM: r.cyM - d * Math.sin(r.bearingRad) }; },
    (r, s) => ({ ...r, alongHalfM: r.alongHalfM * Math.exp(s * scale) }),
    (r, s) => ({ ...r, acrossHalfM: r.acrossHalfM * Math.exp(s * scale) }),
    (r, s) => ({ ...r, alongHalfM: r.alongHalfM * Math.exp(s * scale), acrossHalfM: r.acrossHalfM * Math.exp(s * scale) }),
    (r, s) => ({ ...r, alongHalfM: r.alongHalfM * Math.exp(s * scale), acrossHalfM: r.acrossHalfM * Math.exp(-s * scale) }),
    (r, s) => ({ ...r, bearingRad: r.bearingRad + s * turn }),
  ];
  for (let sweep = 0; sweep < 80; sweep++) {
    let improved = false;
    for (const move of moves) {
      for (const s of [1, -1]) {
        const cand = square(k, move(cur, s));
        const v = scoreOf(k, cand);
        if (v > best * (1 + 1e-9) + 1e-15) { cur = cand; best = v; improved = true; break; }
      }
    }
    if (!improved) {
      shift /= 2; scale /= 2; turn /= 2;
      if (turn < degToRad(0.5)) break;
      if (scoreOf !== score && turn < degToRad(COARSE_TURN_DEG)) { scoreOf = score; best = score(k, cur); }
    }
  }
  return cur;
}

/** The assignment of a placed unit, its area in the pattern generators' convention. */
function assignment(unit: AllocationUnit, pattern: AreaPattern, p: Placed, frame: LocalFrame): UnitAssignment {
  let area = rectangleOnEarth(frame, p.rect);
  // PS fronts progress across the bearing (+1: to its right), CS fronts along it
  const progressBearingDeg = pattern === 'PS' ? area.orientationDeg + 90 * p.progress : area.orientationDeg + (p.progress > 0 ? 0 : 180);
  let code: AreaPattern = pattern;
  // IAMSAR: PS tracks run along the major axis, CS tracks along the minor axis. Tracks along the
  // shorter side are a CS when the unit can do one.
  if (pattern === 'PS' && area.lengthNm < area.widthNm && unit.patterns.includes('CS')) {
    code = 'CS';
    area = quarterTurned(area, 1);
  } else if (pattern === 'CS' && area.lengthNm < area.widthNm && unit.patterns.includes('PS')) {
    code = 'PS';
    area = quarterTurned(area, 1);
  }
  const s = p.fit.trackSpacingNm;
  return {
    unitId: unit.unitId, ...(unit.party === undefined ? {} : { party: unit.party }), pattern: code, area,
    trackSpacingNm: s, coverage: unit.sweepWidthNm / s, sweepWidthNm: unit.sweepWidthNm,
    ...(unit.sweepWidthByScenarioNm === undefined ? {} : { sweepWidthByScenarioNm: unit.sweepWidthByScenarioNm }),
    route: areaRoute(unit, code, area, s, p.fit.count, progressBearingDeg),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
