/**
 * The particles a plan is placed with when the cloud has many (issue 12: "evaluate on more particles
 * than you place with"). The optimiser's search and the IAMSAR baseline's choice between its
 * orientations score thousands of layouts; above PLACING_PARTICLES counted particles they run on a
 * sample of that many, and the layouts they end with are scored exactly on every particle, which is
 * where the plan's POS, the choice between the optimiser and the baseline, and the per-unit figures
 * come from. The cost of a plan then stops growing with the cloud but for those few exact scores:
 * a 100,000-particle plan costs about what a 20,000-particle one does, and its POS is still the
 * POS on all 100,000 (bench/RESULTS.md, 2026-12-07).
 *
 * The sample is stratified: the counted particles, in their order, are cut into PLACING_PARTICLES
 * runs of nearly equal length and one particle is drawn at random from each run (seeded, so a plan
 * is the same every time). The drift's particles come scenario by scenario, each scenario's spread
 * over its release, so every run-of-particles structure is kept in proportion; within a scenario
 * they alternate right and left of downwind (seeding.ts), which a plain stride of an even step would
 * sample from one side only. Weights are scaled so that the sample holds the same counted weight.
 * Particles not counted (not released, or of weight 0) are left out: they never count in a POS.
 */
import { hash3 } from '../../drift/random.js';
import { releasedOnly, type StatusFilter } from '../../probability/particle_cloud.js';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';

/** Counted particles above which a plan is placed on a sample of this many (the exercise benchmark's 20,000 are planned on every particle). */
export const PLACING_PARTICLES = 20_000;

/** Seed and draw stream of the sample's draws (fixed: a plan must not change from run to run). */
const SAMPLE_SEED = 0x5a3b1e;
const SAMPLE_STREAM = 1;

/** Particles and their positions, the ones a plan's layouts are chosen on. */
export interface PlacingSample {
  readonly particles: ParticleWeights;
  readonly snapshots: PositionSnapshot[];
  /** Counted particles of the whole cloud, of which the sample holds particles.count. */
  readonly countedParticles: number;
}

/**
 * The stratified sample of the counted particles (file header), or null when there are at most
 * `max` of them (the plan is placed on every particle).
 * @example placingSample(particles, snapshots)?.particles.count // 20,000 of a 100,000-particle drift
 */
export function placingSample(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], max = PLACING_PARTICLES,
  include: StatusFilter = releasedOnly): PlacingSample | null {
  const n = particles.count, weight = particles.weight, status = particles.status;
  const countedIndex: number[] = [];
  for (let i = 0; i < n; i++) if (weight[i] > 0 && (status === undefined || include(status[i]))) countedIndex.push(i);
  const c = countedIndex.length;
  if (!(max >= 1) || c <= max) return null;
  const m = Math.floor(max);
  const pick = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const lo = Math.floor((j * c) / m), hi = Math.floor(((j + 1) * c) / m);
    pick[j] = countedIndex[lo + Math.floor((hash3(SAMPLE_SEED, j, SAMPLE_STREAM) / 2 ** 32) * (hi - lo))];
  }
  let fullWeight = 0, sampleWeight = 0;
  for (const i of countedIndex) fullWeight += weight[i];
  for (let j = 0; j < m; j++) sampleWeight += weight[pick[j]];
  const scale = fullWeight / sampleWeight;
  const take = <T extends Float64Array | Uint8Array | Uint16Array>(from: T, make: (k: number) => T): T => {
    const out = make(m);
    for (let j = 0; j < m; j++) out[j] = from[pick[j]];
    return out;
  };
  const sampleWeights = take(weight, (k) => new Float64Array(k));
  for (let j = 0; j < m; j++) sampleWeights[j] *= scale;
  return {
    particles: {
      count: m, weight: sampleWeights,
      ...(status === undefined ? {} : { status: take(status, (k) => new Uint8Array(k)) }),
      ...(particles.scenario === undefined ? {} : { scenario: take(particles.scenario, (k) => new Uint16Array(k)) }),
    },
    snapshots: snapshots.map((s) => ({ timeS: s.timeS, lonDeg: take(s.lonDeg, (k) => new Float64Array(k)), latDeg: take(s.latDeg, (k) => new Float64Array(k)) })),
    countedParticles: c,
  };
}
