/**
 * What happened to a particle; stored in `Particles.status`. An instance of a class of its own,
 * not an object literal: V8 shares the hidden class of objects built with the same keys in the
 * same order, and a status-count record (`{ active: 93412, stranded: 2108, … }` of a summary)
 * whose first keys are the same, holding doubles, changed that shared class: the codes' object
 * moved to a new one, and every optimised kernel that compares a status with
 * `ParticleStatus.active` was thrown away mid-run ("wrong map", --trace-deopt) and compiled again,
 * in whichever drift thread made the first summary (its drift 8-10 ns a particle-step slower,
 * bench/RESULTS.md 2026-12-07). A class's instances get the class's own hidden class, which no
 * record shares.
 */
class ParticleStatusCodes {
  /** afloat and drifting */
  readonly active = 0;
  /** reached the coast: its position is where the step met the shore */
  readonly stranded = 1;
  /** left every wind or current source's coverage: it stops at the first position no source covers */
  readonly outsideForcing = 2;
  /** its release time (line or cone seeding) has not come yet */
  readonly notReleased = 3;
}
export const ParticleStatus = new ParticleStatusCodes();
export type ParticleStatusCode = (typeof ParticleStatus)[keyof typeof ParticleStatus];

/** Names of the status codes, indexed by code, as written in outputs. */
export const PARTICLE_STATUS_NAMES = ['active', 'stranded', 'outside forcing', 'not released'] as const;

type ColumnType = Float64ArrayConstructor | Float32ArrayConstructor | Uint8ArrayConstructor | Int8ArrayConstructor | Uint16ArrayConstructor;

/**
 * The particle columns, declared once: each is a typed array with one entry per particle
 * (struct of arrays, so the drift loop reads contiguous memory and allocates nothing).
 */
export const PARTICLE_COLUMNS = {
  lonDeg: { type: Float64Array, unit: 'degree east', description: 'longitude' },
  latDeg: { type: Float64Array, unit: 'degree north', description: 'latitude' },
  status: { type: Uint8Array, unit: 'ParticleStatus', description: 'what happened to the particle' },
  scenario: { type: Uint16Array, unit: 'index', description: 'scenario the particle belongs to' },
  weight: { type: Float64Array, unit: '1', description: 'probability mass; all weights sum to 1' },
  releaseS: { type: Float64Array, unit: 's since epoch', description: 'when the particle starts to drift' },
  downwindSlope: { type: Float32Array, unit: 'fraction of wind speed', description: 'downwind leeway slope, perturbed' },
  downwindOffsetMps: { type: Float32Array, unit: 'm/s', description: 'downwind leeway offset, perturbed' },
  crosswindSlope: { type: Float32Array, unit: 'fraction of wind speed', description: 'crosswind slope on the current side (positive to the right of downwind)' },
  crosswindOffsetMps: { type: Float32Array, unit: 'm/s', description: 'crosswind offset on the current side' },
  otherCrosswindSlope: { type: Float32Array, unit: 'fraction of wind speed', description: 'crosswind slope on the other side, taken after a jibe' },
  otherCrosswindOffsetMps: { type: Float32Array, unit: 'm/s', description: 'crosswind offset on the other side' },
  side: { type: Int8Array, unit: '+1 right, -1 left', description: 'side of downwind the object drifts to' },
  jibeCount: { type: Uint16Array, unit: 'count', description: 'times the object switched side' },
  seedMoveM: { type: Float32Array, unit: 'm', description: 'how far the particle was moved off land to the nearest water at seeding (0: seeded in water)' },
  nextJibeS: { type: Float64Array, unit: 's after the start (either direction)', description: 'when the object next switches side' },
} as const satisfies Record<string, { type: ColumnType; unit: string; description: string }>;

type Columns = typeof PARTICLE_COLUMNS;
type ColumnArrays = { [K in keyof Columns]: InstanceType<Columns[K]['type']> };

/** A set of particles as columns. `firstIndex` is the global index of particle 0 of this set. */
export interface Particles extends ColumnArrays {
  readonly count: number;
  readonly firstIndex: number;
}

/**
 * Allocate zeroed columns for `count` particles. An explicit object literal, every column in
 * PARTICLE_COLUMNS' order, so that every set of particles has the same hidden class: built by a
 * loop and a spread, each set had a new one, and every kernel compiled for the first set was
 * thrown away ("wrong map") on the next, once per chunk of a threaded run (bench/RESULTS.md,
 * 2026-12-03). The type makes a column missing here a compile error.
 */
export function allocateParticles(count: number, firstIndex = 0): Particles {
  return particlesOf((name) => new PARTICLE_COLUMNS[name].type(count) as ColumnArrays[typeof name], count, firstIndex);
}

/**
 * Views of particles [firstIndex, firstIndex + count) of a run whose columns are in `buffers`
 * (one buffer per column, every particle of the run: the shared memory of a threaded run), with
 * allocateParticles' hidden class.
 */
export function particleViews(buffers: Readonly<Record<keyof Columns, ArrayBufferLike>>, firstIndex: number, count: number): Particles {
  return particlesOf((name) => {
    const type = PARTICLE_COLUMNS[name].type as Float64ArrayConstructor;
    return new type(buffers[name], firstIndex * type.BYTES_PER_ELEMENT, count) as unknown as ColumnArrays[typeof name];
  }, count, firstIndex);
}

/** The one literal every set of particles is made by (see allocateParticles). */
function particlesOf(column: <K extends keyof Columns>(name: K) => ColumnArrays[K], count: number, firstIndex: number): Particles {
  return {
    lonDeg: column('lonDeg'), latDeg: column('latDeg'), status: column('status'),
    scenario: column('scenario'), weight: column('weight'), releaseS: column('releaseS'),
    downwindSlope: column('downwindSlope'), downwindOffsetMps: column('downwindOffsetMps'),
    crosswindSlope: column('crosswindSlope'), crosswindOffsetMps: column('crosswindOffsetMps'),
    otherCrosswindSlope: column('otherCrosswindSlope'), otherCrosswindOffsetMps: column('otherCrosswindOffsetMps'),
    side: column('side'), jibeCount: column('jibeCount'), seedMoveM: column('seedMoveM'),
    nextJibeS: column('nextJibeS'),
    count, firstIndex,
  };
}

/**
 * Calls with no particle a drift kernel makes before its first real one, in each thread (see
 * primeKernel).
 */
export const KERNEL_PRIME_CALLS = 100;

/**
 * A kernel's first call in this thread (each worker thread is an isolate of its own, with its own
 * module state) preceded by KERNEL_PRIME_CALLS calls on no particle with the same input, which do
 * nothing. Why: V8 allocates a function's feedback vector lazily, after the function has run about
 * eight times its bytecode's size, which a kernel's first long call reaches in its loop; the
 * property loads before the loop then recorded no feedback in that call. When V8 optimised the
 * function as a whole during that call, that code was thrown away at the next call ("deopt-eager,
 * Insufficient type feedback for generic named access", bytecode offset 0) and V8 did not optimise
 * it again within the run: every later call entered the loop through the on-stack-replacement
 * code, 30 % slower (49-51 against 38-41 ns a particle-step on the bench case. One thread pinned to
 * one vCPU fell in 13 runs of 16; primed, with 50 to 1,000 calls, 30 of 31 ran at 40-42 ns and one
 * at 45.5. Unpinned it fell in 1 run of 13, and in one thread of a two-thread drift:
 * bench/RESULTS.md 2026-12-04). The empty calls
 * run only the kernel's prologue, so its loads have feedback before the first long call, and V8's
 * flag to allocate every vector at once cost 75 ms of start-up in the CLI. Empty particles with
 * the hidden class every set has (particlesOf), so the feedback is the real calls'.
 */
export function primeKernel<I>(kernel: (p: Particles, input: I) => void, input: I): void {
  const none = allocateParticles(0);
  for (let k = 0; k < KERNEL_PRIME_CALLS; k++) kernel(none, input);
}
