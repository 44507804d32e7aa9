/**
 * The hidden truth of an exercise and its track (docs/exercises.md, "The hidden truth"): the object
 * controllers put in the water, where and when, and the forcing it really drifts on, which may
 * differ from the players' forecast (another file, or the same with a stated perturbation).
 *
 * The track is the drift engine's own (core/drift runDrift) for ONE particle: its Leeway
 * coefficients are drawn once from the class's distribution (Allen & Plourde 1999; Breivik & Allen
 * 2008, as seedParticles draws them) and it jibes as any particle does, on the truth forcing seen
 * through the perturbation (PerturbedField), stranding on the shoreline. Everything is a function
 * of the truth alone, so the same truth gives the same track bit for bit.
 */
import { checkDriftCoverage, runDrift, PARTICLE_STATUS_NAMES, type DriftForcing, type DriftRequest, type Shoreline } from '../drift/index.js';
import { hash3 } from '../drift/random.js';
import { SarbridgeError } from '../errors.js';
import { checkLonLat, type LonLatDeg } from '../geo/index.js';
import { findObjectClass, type LeewayObjectClass } from '../objects/index.js';
import { formatTimeUtc } from '../time/index.js';
import { ExerciseTruthError } from './errors.js';
import { PerturbedField } from './perturbed_field.js';

/** How the truth forcing differs from the file(s) it is read from; all four fields, 1 and 0 leave a field as it is. */
export interface TruthPerturbation {
  readonly windSpeedFactor: number;
  /** Clockwise turn of the wind vector, degrees. */
  readonly windDirectionOffsetDeg: number;
  readonly currentSpeedFactor: number;
  /** Clockwise turn of the current vector, degrees. */
  readonly currentDirectionOffsetDeg: number;
}

/** The truth forcing's sources as planning inputs name them (`demo:east-sea-wind.nc`, `upload:<sha256>`). */
export interface TruthForcingRefs {
  readonly wind: string;
  readonly current: string;
}

/** The hidden truth as exercise control sets it (`truthSet` of the control stream). */
export interface TruthSpec {
  /** Leeway class key (core/objects), e.g. 'LIFE-RAFT-DB-10'. */
  readonly objectClass: string;
  /** Where the object goes into the water. */
  readonly position: LonLatDeg;
  /** When it goes into the water, seconds since 1970-01-01T00:00Z: the track starts there. */
  readonly timeS: number;
  /** The truth forcing, or null for the players' forecast forcing. The core receives it opened (DriftForcing). */
  readonly forcing: TruthForcingRefs | null;
  readonly perturbation?: TruthPerturbation;
  /** Seed of the Leeway coefficients, the side of downwind and the jibes (integer 0..2^32-1). */
  readonly seed: number;
}

/** Status of the truth object at a point of its track. */
export type TruthStatus = 'active' | 'stranded' | 'outside forcing';

/** One point of the truth track. */
export interface TruthTrackPoint {
  readonly timeS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly status: TruthStatus;
}

/** The truth object's leeway as drawn (SI: slopes as fractions of the 10 m wind speed, offsets m/s). */
export interface TruthLeeway {
  readonly downwindSlope: number;
  readonly downwindOffsetMps: number;
  /** Crosswind coefficients of the side it drifts to at the start. */
  readonly crosswindSlope: number;
  readonly crosswindOffsetMps: number;
  /** Side of downwind at the start: +1 right, -1 left. */
  readonly initialSide: 1 | -1;
  /** Jibes over the track. */
  readonly jibeCount: number;
}

/** The truth track: positions at every model step from the truth's time. */
export interface TruthTrack {
  readonly truth: TruthSpec;
  readonly points: readonly TruthTrackPoint[];
  readonly leeway: TruthLeeway;
  /** What it drifted on, for the after-action report (labels carry the perturbation). */
  readonly forcingLabels: { readonly wind: string; readonly current: string; readonly shoreline: string | null };
  /** How far the release position was moved off land to the nearest water, metres (0 in water). */
  readonly seedMoveM: number;
}

/** Options of simulateTruthTrack. */
export interface TruthTrackOptions {
  /** How long to follow the object from its release, seconds. */
  readonly durationS: number;
  /** Model step, seconds (1..3600; the players' drift uses 600 by default). */
  readonly stepS: number;
  /** The Leeway object table the class key is looked up in. */
  readonly objects: readonly LeewayObjectClass[];
  /** Default 0.04 per hour (Allen 1999), as the drift's default. */
  readonly jibeProbabilityPerHour?: number;
}

/** Draw stream of the side of downwind of the truth (beyond the drift's own streams). */
const TRUTH_SIDE_STREAM = 0x7e57;

/** The forcing with the truth's perturbation applied (the same forcing when there is none). */
export function perturbedForcing(forcing: DriftForcing, perturbation: TruthPerturbation | undefined): DriftForcing {
  if (perturbation === undefined) return forcing;
  return {
    wind: new PerturbedField(forcing.wind, { speedFactor: perturbation.windSpeedFactor, directionOffsetDeg: perturbation.windDirectionOffsetDeg }, 'perturbation.wind'),
    current: new PerturbedField(forcing.current, { speedFactor: perturbation.currentSpeedFactor, directionOffsetDeg: perturbation.currentDirectionOffsetDeg }, 'perturbation.current'),
  };
}

/**
 * The truth's track (see the file header). Refuses (ExerciseTruthError, SARB_EXERCISE_TRUTH) a
 * truth outside the forcing's time span or extent, one on land farther than the drift's
 * seedOnLandMaxMoveM from water, an unknown class, and impossible numbers.
 * @example simulateTruthTrack(truth, { wind, current }, coastline, { durationS: 86_400, stepS: 600, objects })
 */
export function simulateTruthTrack(truth: TruthSpec, forcing: DriftForcing, shoreline: Shoreline | null, options: TruthTrackOptions): TruthTrack {
  const objectClass = truthObjectClass(truth, options.objects);
  const request = truthDriftRequest(truth, objectClass, options);
  const truthForcing = guard('perturbation', () => perturbedForcing(forcing, truth.perturbation));
  guard('forcing', () => checkDriftCoverage(request, truthForcing, { shoreline }), truth);
  const index = truthParticleIndex(truth.seed);
  const result = guard('forcing', () => runDrift(request, truthForcing, { shoreline, firstIndex: index, count: 1 }), truth);
  const points = result.snapshots.map((s) => ({
    timeS: s.timeS, lonDeg: s.lonDeg[0], latDeg: s.latDeg[0], status: PARTICLE_STATUS_NAMES[s.status[0]] as TruthStatus,
  }));
  const p = result.particles;
  // the final columns: after an odd number of jibes the current side's coefficients are the other side's
  const jibes = p.jibeCount[0];
  const startRight = index % 2 === 0;
  const crossSlope = jibes % 2 === 0 ? p.crosswindSlope[0] : p.otherCrosswindSlope[0];
  const crossOffset = jibes % 2 === 0 ? p.crosswindOffsetMps[0] : p.otherCrosswindOffsetMps[0];
  return {
    truth, points,
    leeway: {
      downwindSlope: p.downwindSlope[0], downwindOffsetMps: p.downwindOffsetMps[0],
      crosswindSlope: crossSlope, crosswindOffsetMps: crossOffset, initialSide: startRight ? 1 : -1, jibeCount: jibes,
    },
    forcingLabels: result.forcingLabels,
    seedMoveM: p.seedMoveM[0],
  };
}

/**
 * The truth's position at a time, linear between the track's points (as the planner takes
 * particles between drift outputs); null before the release or after the track's end.
 */
export function truthPositionAt(track: TruthTrack, timeS: number): (LonLatDeg & { status: TruthStatus }) | null {
  const pts = track.points;
  if (pts.length === 0 || !(timeS >= pts[0].timeS) || timeS > pts[pts.length - 1].timeS) return null;
  let lo = 0, hi = pts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pts[mid].timeS <= timeS) lo = mid; else hi = mid;
  }
  const a = pts[lo], b = pts[hi];
  if (timeS === a.timeS || b.timeS === a.timeS) return { lonDeg: a.lonDeg, latDeg: a.latDeg, status: a.status };
  const f = (timeS - a.timeS) / (b.timeS - a.timeS);
  return { lonDeg: a.lonDeg + f * (b.lonDeg - a.lonDeg), latDeg: a.latDeg + f * (b.latDeg - a.latDeg), status: f < 1 ? a.status : b.status };
}

/** The drift request of a truth: one point seeding without spread, output at every step. */
export function truthDriftRequest(truth: TruthSpec, objectClass: LeewayObjectClass, options: TruthTrackOptions): DriftRequest {
  guard('position', () => checkLonLat(truth.position, 'position'));
  if (!Number.isFinite(truth.timeS)) throw new ExerciseTruthError('time', `${truth.timeS} is not a time`);
  if (!Number.isInteger(truth.seed) || truth.seed < 0 || truth.seed > 2 ** 32 - 1) {
    throw new ExerciseTruthError('seed', `${truth.seed} is not a whole number between 0 and 2^32-1`);
  }
  return {
    // two particles, of which the run drifts one (chosen by the seed): seedParticles alternates the
    // side of downwind by index, so one fixed index would always put the truth on the same side
    scenarios: [{ name: 'truth', weight: 1, objectClass, seeding: { kind: 'point', position: truth.position, radiusM: 0, spread: 'gaussian', timeS: truth.timeS } }],
    startS: truth.timeS, durationS: options.durationS, direction: 'forward', timeStepS: options.stepS,
    outputEverySteps: 1, particleCount: 2, seed: truth.seed, jibeProbabilityPerHour: options.jibeProbabilityPerHour ?? 0.04,
  };
}

/** Which of the truth request's two particles is the truth (its side of downwind), from the seed. */
function truthParticleIndex(seed: number): number {
  return hash3(seed >>> 0, 0, TRUTH_SIDE_STREAM) & 1;
}

function truthObjectClass(truth: TruthSpec, objects: readonly LeewayObjectClass[]): LeewayObjectClass {
  try {
    return findObjectClass(objects, truth.objectClass);
  } catch (error) {
    throw new ExerciseTruthError('objectClass', (error as Error).message);
  }
}

/** Run `f`, turning the core's errors into truth errors (the drift's coverage errors name the forcing and its span). */
function guard<T>(field: string, f: () => T, truth?: TruthSpec): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof ExerciseTruthError || !(error instanceof SarbridgeError)) throw error;
    const where = truth ? ` (released ${formatTimeUtc(truth.timeS)} at ${truth.position.latDeg.toFixed(4)}N ${truth.position.lonDeg.toFixed(4)}E)` : '';
    throw new ExerciseTruthError(field, `${error.message}${where} [${error.code}]`);
  }
}
