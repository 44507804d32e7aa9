import { InvalidInputError, SpaceNotCoveredError, TimeNotCoveredError } from '../errors.js';
import { GriddedField, type VectorField } from '../environment/index.js';
import { checkLonLat } from '../geo/lon_lat.js';
import { formatTimeUtcExact } from '../time/index.js';
import { fusedLeewayStep } from './fused_step.js';
import { leewayStep } from './leeway_step.js';
import { allocateParticles, PARTICLE_COLUMNS, ParticleStatus, type Particles } from './particles.js';
import type { DriftForcing, DriftRequest, Scenario, Shoreline } from './request.js';
import { jibeRatePerS, seedParticles } from './seeding.js';
import { checkSeedingReachesWater, moveSeedingOffLand, seedingWarnings } from './seeding_on_land.js';
import { DRIFT_SETTINGS, driftSetting, type DriftSettingName } from './settings.js';

/** Positions and statuses of all particles at one output time. */
export interface DriftSnapshot {
  readonly timeS: number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  readonly status: Uint8Array;
}

/** What a drift run gives back: the final particle columns and the positions at every output time. */
export interface DriftResult {
  readonly request: DriftRequest;
  /** Final state, including scenario, weight and the drawn leeway coefficients. */
  readonly particles: Particles;
  /** The seeding time first, then every `outputEverySteps` steps, and always the end. */
  readonly snapshots: DriftSnapshot[];
  readonly forcingLabels: { readonly wind: string; readonly current: string; readonly shoreline: string | null };
  /**
   * What the user must be told besides the cloud, one sentence each: a reported position on land
   * or outside the coastline's extent (seedingWarnings), forcing values refused as implausible
   * (added by the caller that opened the files). Printed before the summary and again at its end.
   */
  readonly warnings: readonly string[];
}

/** Progress callback: steps done and steps in all. */
export type DriftProgress = (stepsDone: number, stepsTotal: number) => void;

export interface DriftRunOptions {
  readonly shoreline?: Shoreline | null;
  readonly onProgress?: DriftProgress;
  /**
   * Where positions at output times go. By default each output time is copied into
   * `DriftResult.snapshots`; with this callback the caller keeps them (a worker writes its range
   * into shared memory) and `snapshots` stays empty. `k` counts output times from 0 (the start).
   */
  readonly onSnapshot?: (k: number, timeS: number, particles: Particles) => void;
  /**
   * Run only the particles with these global indices (a worker's share). Default: all. Every range
   * samples the forcing as the whole run would (sampleBatch's runCount is the request's
   * particleCount), so a run cut into ranges gives the whole run's result bit for bit.
   */
  readonly firstIndex?: number;
  readonly count?: number;
  /**
   * Check after the first sampling that the forcing covers some of this range's particles (default
   * true). A caller that cuts a run into many small chunks checks the whole run once instead
   * (checkDriftCoverage): a chunk wholly outside the forcing is then particles `outside forcing`,
   * as in a one-thread run, not an error.
   */
  readonly checkSeedingCoverage?: boolean;
}

/** Number of model steps of a request (the last step may be shorter than the others). */
export function stepCount(request: DriftRequest): number {
  if (!(request.timeStepS > 0) || !Number.isFinite(request.durationS)) {
    throw new InvalidInputError('timeStepS', `a run of ${request.durationS} s cannot be cut into steps of ${request.timeStepS} s`);
  }
  return Math.ceil(request.durationS / request.timeStepS - 1e-9);
}

/** The output times of a request: the start, every `outputEverySteps` steps, and the end. */
export function outputTimes(request: DriftRequest): number[] {
  const sign = request.direction === 'forward' ? 1 : -1;
  const steps = stepCount(request);
  const times = [request.startS];
  for (let step = 0; step < steps; step++) {
    if ((step + 1) % request.outputEverySteps === 0 || step === steps - 1) {
      times.push(request.startS + sign * Math.min(request.durationS, (step + 1) * request.timeStepS));
    }
  }
  return times;
}

/**
 * Drift the request's particles through the forcing: Leeway plus current, Euler steps, stranding
 * on the shoreline, `outside forcing` for particles no source covers. A particle seeded on land
 * is moved to the nearest water within `seedOnLandMaxMoveM` (its column `seedMoveM` says how
 * far) or strands where it was seeded. Throws before any work when the request is impossible, a
 * scenario's whole seeding is on land, or the forcing does not cover the run's time span or
 * seeding area.
 */
export function runDrift(request: DriftRequest, forcing: DriftForcing, options: DriftRunOptions = {}): DriftResult {
  checkDriftRequest(request);
  checkTimeCoverage(request, forcing.wind);
  checkTimeCoverage(request, forcing.current);
  const shoreline = options.shoreline ?? null;
  const particles = seedParticles(request, options.firstIndex ?? 0, options.count ?? request.particleCount);
  const n = particles.count;
  if (shoreline) {
    const maxMoveM = driftSetting(request, 'seedOnLandMaxMoveM')!;
    checkSeedingReachesWater(request, shoreline, maxMoveM);
    moveSeedingOffLand(particles, shoreline, maxMoveM);
  }

  const block = driftBlock(particles, new Uint8Array(n), new Uint8Array(n), new Int32Array(1));
  const snapshots: DriftSnapshot[] = [];
  let outputs = 0;
  const output = (timeS: number): void => {
    if (options.onSnapshot) options.onSnapshot(outputs, timeS, particles);
    else snapshots.push(snapshot(timeS, particles));
    outputs++;
  };
  output(request.startS);
  const steps = stepCount(request);
  for (let step = 0; step < steps; step++) {
    const endS = stepBlock(request, forcing, shoreline, block, step);
    if (step === 0 && options.checkSeedingCoverage !== false) checkFirstStepCovered(forcing, particles, request.startS);
    if (isOutputStep(request, step, steps)) output(endS);
    options.onProgress?.(step + 1, steps);
  }
  return {
    request, particles, snapshots,
    forcingLabels: { wind: forcing.wind.label, current: forcing.current.label, shoreline: shoreline?.label ?? null },
    warnings: seedingWarnings(request, shoreline),
  };
}

/** Whether step `step` (from 0) of `steps` ends at an output time. */
export function isOutputStep(request: DriftRequest, step: number, steps: number): boolean {
  return (step + 1) % request.outputEverySteps === 0 || step === steps - 1;
}

/**
 * A range of particles as stepBlock steps it: the particles (views of a run's columns, or a run's
 * own), their coverage flags and, once one is released within a step, their own step lengths;
 * `waiting[0]` counts those not released yet. Kept between steps; the arrays may be views of
 * shared memory that threads step in turn (one thread a block at a time).
 */
export interface DriftBlock {
  readonly particles: Particles;
  readonly windCovered: Uint8Array;
  readonly currentCovered: Uint8Array;
  readonly waiting: Int32Array;
  /** The sampled forcing of the general path (the first step, or a field without a uniform slice), made when first needed. */
  buffers: ForcingBuffers | null;
  /** Per particle, its step length in a step where one is released (see release), made when first needed. */
  particleDtS: Float64Array | null;
}

/**
 * A block of freshly seeded particles: its coverage flags set from the statuses (0 asks the
 * samplers for a value; the Leeway step keeps them up to date) and its waiting particles counted.
 */
export function driftBlock(particles: Particles, windCovered: Uint8Array, currentCovered: Uint8Array, waiting: Int32Array): DriftBlock {
  let notReleased = 0;
  for (let i = 0; i < particles.count; i++) {
    const status = particles.status[i];
    if (status === ParticleStatus.notReleased) notReleased++;
    windCovered[i] = currentCovered[i] = status === ParticleStatus.active ? 0 : 1;
  }
  waiting[0] = notReleased;
  return { particles, windCovered, currentCovered, waiting, buffers: null, particleDtS: null };
}

/**
 * The views of a block already initialised (driftBlock) by another thread: the same arrays, this
 * thread's own scratch.
 */
export function sharedDriftBlock(particles: Particles, windCovered: Uint8Array, currentCovered: Uint8Array, waiting: Int32Array): DriftBlock {
  return { particles, windCovered, currentCovered, waiting, buffers: null, particleDtS: null };
}

/**
 * Step `step` (from 0) of a run for one block of its particles: release those due, then one Leeway
 * step through the forcing (one pass when both fields give a uniform slice; else the samplers and
 * leewayStep; the one-pass kernel gives the general path's result bit for bit). Every particle
 * depends only on itself, the forcing and the request, and the forcing is sampled as for the
 * whole run (runCount is the request's particleCount), so any cut into blocks gives the whole
 * run's result bit for bit. Returns the step's end time.
 */
export function stepBlock(request: DriftRequest, forcing: DriftForcing, shoreline: Shoreline | null, block: DriftBlock, step: number): number {
  const particles = block.particles;
  const n = particles.count;
  const runCount = request.particleCount;   // how the forcing samples (see DriftRunOptions.firstIndex)
  const sign = request.direction === 'forward' ? 1 : -1;
  const timeS = request.startS + sign * Math.min(request.durationS, step * request.timeStepS);
  const dtS = sign * Math.min(request.timeStepS, request.durationS - step * request.timeStepS);
  const endS = request.startS + sign * Math.min(request.durationS, (step + 1) * request.timeStepS);
  let released = 0;
  if (block.waiting[0] > 0) {
    // a particle released within a step drifts from its release time to the step's end
    block.particleDtS ??= new Float64Array(n);
    released = release(particles, block, endS, dtS, sign, block.particleDtS, shoreline);
    block.waiting[0] -= released;
  }
  const stepDtS = released > 0 ? block.particleDtS : null;
  const elapsedS = Math.min(request.durationS, (step + 1) * request.timeStepS);
  const jibeRate = jibeRatePerS(request.jibeProbabilityPerHour);
  const windSlice = forcing.wind instanceof GriddedField ? forcing.wind.uniformSlice(timeS, runCount) : null;
  const currentSlice = windSlice && forcing.current instanceof GriddedField ? forcing.current.uniformSlice(timeS, runCount) : null;
  // The kernels' inputs are explicit literals, not spreads of one shared object: a spread gave
  // the input a new hidden class at every step, so the kernel compiled for one was thrown away
  // ("wrong map") and ran in the baseline tier, boxing doubles, until compiled again
  // (bench/RESULTS.md, 2026-12-03).
  if (windSlice && currentSlice) {
    fusedLeewayStep(particles, {
      dtS, particleDtS: stepDtS, seed: request.seed, jibeRatePerS: jibeRate, elapsedS,
      windCovered: block.windCovered, currentCovered: block.currentCovered, shoreline, wind: windSlice, current: currentSlice,
    });
  } else {
    const buffers = block.buffers ??= forcingBuffers(n);
    forcing.wind.sampleBatch(timeS, particles.lonDeg, particles.latDeg, n, buffers.windEast, buffers.windNorth, block.windCovered, runCount);
    forcing.current.sampleBatch(timeS, particles.lonDeg, particles.latDeg, n, buffers.currentEast, buffers.currentNorth, block.currentCovered, runCount);
    leewayStep(particles, {
      dtS, particleDtS: stepDtS, seed: request.seed, jibeRatePerS: jibeRate, elapsedS,
      windCovered: block.windCovered, currentCovered: block.currentCovered, shoreline,
      windEastMps: buffers.windEast, windNorthMps: buffers.windNorth,
      currentEastMps: buffers.currentEast, currentNorthMps: buffers.currentNorth,
    });
  }
  return endS;
}

/**
 * The checks runDrift makes before drifting, without drifting: the request, the forcing's time
 * span over the whole run, and, for a sample of the first `count` particles (default 100), that
 * the forcing covers the seeding at the start. A caller that splits a run among threads calls it
 * once so that an error is raised once. (Shortening the run to one step for this would refuse
 * every scenario released after the first step, and would check the forcing's time span for that
 * step only.)
 */
export function checkDriftCoverage(request: DriftRequest, forcing: DriftForcing, options: { shoreline?: Shoreline | null; count?: number } = {}): void {
  checkDriftRequest(request);
  checkTimeCoverage(request, forcing.wind);
  checkTimeCoverage(request, forcing.current);
  const particles = seedParticles(request, 0, Math.min(options.count ?? 100, request.particleCount));
  const n = particles.count;
  if (options.shoreline) {   // as runDrift does: refuse a seeding wholly on land, move the sample off land
    const maxMoveM = driftSetting(request, 'seedOnLandMaxMoveM')!;
    checkSeedingReachesWater(request, options.shoreline, maxMoveM);
    moveSeedingOffLand(particles, options.shoreline, maxMoveM);
  }
  const buffers = forcingBuffers(n);
  for (let i = 0; i < n; i++) buffers.windCovered[i] = buffers.currentCovered[i] = particles.status[i] === ParticleStatus.active ? 0 : 1;
  forcing.wind.sampleBatch(request.startS, particles.lonDeg, particles.latDeg, n, buffers.windEast, buffers.windNorth, buffers.windCovered);
  forcing.current.sampleBatch(request.startS, particles.lonDeg, particles.latDeg, n, buffers.currentEast, buffers.currentNorth, buffers.currentCovered);
  checkSeedingCovered(forcing, particles, buffers);
}

/**
 * Release, before a step that ends at `endS`, the particles whose release time falls within it:
 * each drifts from its own release time to the step's end (`particleDtS[i] = endS − releaseS`, a
 * partial first step; the others drift the whole step, `dtS`), with the forcing sampled at the
 * step's start like every particle in that step (explicit Euler). A particle released exactly at a
 * step's end drifts 0 s in it and shows as released in the snapshot at that time, so a snapshot at
 * time T shows every particle released by T, where it is at T. A particle still on land when it is
 * released is one moveSeedingOffLand found no water near: it strands there, at its release.
 * Returns how many it released (the run skips this pass once none is waiting).
 */
function release(p: Particles, b: DriftBlock, endS: number, dtS: number, sign: number, particleDtS: Float64Array, shoreline: Shoreline | null): number {
  let released = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.status[i] === ParticleStatus.notReleased && sign * (endS - p.releaseS[i]) >= 0) {
      if (released === 0) particleDtS.fill(dtS);
      released++;
      if (shoreline !== null && shoreline.isLand(p.lonDeg[i], p.latDeg[i])) {
        p.status[i] = ParticleStatus.stranded;   // its coverage flags stay 1: never sampled
        continue;
      }
      p.status[i] = ParticleStatus.active;
      b.windCovered[i] = b.currentCovered[i] = 0;
      particleDtS[i] = endS - p.releaseS[i];
    }
  }
  return released;
}

/** The per-step forcing buffers of a run, allocated once. */
interface ForcingBuffers {
  readonly windEast: Float64Array; readonly windNorth: Float64Array; readonly windCovered: Uint8Array;
  readonly currentEast: Float64Array; readonly currentNorth: Float64Array; readonly currentCovered: Uint8Array;
}

function forcingBuffers(n: number): ForcingBuffers {
  return {
    windEast: new Float64Array(n), windNorth: new Float64Array(n), windCovered: new Uint8Array(n),
    currentEast: new Float64Array(n), currentNorth: new Float64Array(n), currentCovered: new Uint8Array(n),
  };
}

/**
 * checkSeedingCovered for runDrift's first step, after it (which then takes the one-pass kernel
 * like every other step: the general path's three passes ran for that step only, cold, 5-10 % of a
 * one-thread run). A particle the forcing does not cover at the start is `outside forcing` after
 * the step, at its start position; only when every particle released is, the wind and the
 * current are sampled there, and the run refused as before when either covers none of them.
 */
function checkFirstStepCovered(forcing: DriftForcing, p: Particles, startS: number): void {
  let released = 0, lost = 0;
  for (let i = 0; i < p.count; i++) {
    const st = p.status[i];
    if (st === ParticleStatus.notReleased) continue;
    released++;
    if (st === ParticleStatus.outsideForcing) lost++;
  }
  if (released === 0 || lost < released) return;
  const n = p.count, buffers = forcingBuffers(n);
  const lostAt = allocateParticles(n, p.firstIndex);
  lostAt.lonDeg.set(p.lonDeg); lostAt.latDeg.set(p.latDeg);
  for (let i = 0; i < n; i++) {
    lostAt.status[i] = p.status[i] === ParticleStatus.outsideForcing ? ParticleStatus.active : ParticleStatus.notReleased;
    buffers.windCovered[i] = buffers.currentCovered[i] = lostAt.status[i] === ParticleStatus.active ? 0 : 1;
  }
  forcing.wind.sampleBatch(startS, lostAt.lonDeg, lostAt.latDeg, n, buffers.windEast, buffers.windNorth, buffers.windCovered);
  forcing.current.sampleBatch(startS, lostAt.lonDeg, lostAt.latDeg, n, buffers.currentEast, buffers.currentNorth, buffers.currentCovered);
  checkSeedingCovered(forcing, lostAt, buffers);
}

/**
 * After the first sampling: a seeding that no source of a quantity covers at all is an error
 * naming the source and a position, not a run where every particle silently stops.
 */
function checkSeedingCovered(forcing: DriftForcing, p: Particles, b: { readonly windCovered: Uint8Array; readonly currentCovered: Uint8Array }): void {
  let active = 0, windLost = 0, currentLost = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.status[i] !== ParticleStatus.active) continue;
    active++;
    windLost += 1 - b.windCovered[i];
    currentLost += 1 - b.currentCovered[i];
  }
  if (active === 0) return;
  if (windLost === active) throw notCoveredAtStart(forcing.wind, p, b.windCovered);
  if (currentLost === active) throw notCoveredAtStart(forcing.current, p, b.currentCovered);
}

function notCoveredAtStart(field: VectorField, p: Particles, covered: Uint8Array): SpaceNotCoveredError {
  let i = 0;
  while (p.status[i] !== ParticleStatus.active || covered[i] !== 0) i++;
  return new SpaceNotCoveredError(
    `${field.quantity}: no particle at the start lies inside ${field.label}` +
    ` (e.g. ${p.latDeg[i].toFixed(4)}N ${p.lonDeg[i].toFixed(4)}E` +
    (field.bounds ? `; the source covers ${field.bounds.southDeg.toFixed(2)}..${field.bounds.northDeg.toFixed(2)}N ${field.bounds.westDeg.toFixed(2)}..${field.bounds.eastDeg.toFixed(2)}E` : '') + ')',
  );
}

function snapshot(timeS: number, p: Particles): DriftSnapshot {
  return { timeS, lonDeg: p.lonDeg.slice(), latDeg: p.latDeg.slice(), status: p.status.slice() };
}

/**
 * ISO 8601 UTC for messages, to the second when the time has seconds (a span cut to its minutes
 * read 'needs 00:00Z to 00:00Z, but … covers 00:00Z to 00:00Z' for a run 30 s past its file); an
 * open end of a timeless field as itself.
 */
function isoTime(timeS: number): string {
  return Number.isFinite(timeS) ? formatTimeUtcExact(timeS) : String(timeS);
}

function checkTimeCoverage(request: DriftRequest, field: VectorField): void {
  const endS = request.startS + (request.direction === 'forward' ? 1 : -1) * request.durationS;
  const fromS = Math.min(request.startS, endS), toS = Math.max(request.startS, endS);
  if (fromS < field.startS || toS > field.endS) {
    throw new TimeNotCoveredError(
      `${field.quantity}: the run needs ${isoTime(fromS)} to ${isoTime(toS)}, ` +
      `but ${field.label} covers ${isoTime(field.startS)} to ${isoTime(field.endS)}`,
    );
  }
}

/** The most memory a run may ask for: particle columns, per-step buffers and every output time. */
export const MAX_DRIFT_MEMORY_BYTES = 1_500_000_000;

/** Bytes a run holds: particle columns, the per-step forcing buffers, and positions at every output time. */
export function driftMemoryBytes(request: DriftRequest): number {
  const columnBytes = Object.values(PARTICLE_COLUMNS).reduce((sum, c) => sum + c.type.BYTES_PER_ELEMENT, 0);
  const bufferBytes = 5 * 8 + 2;   // wind and current east/north, per-particle step (releases), flags
  const snapshotBytes = 8 + 8 + 1;
  return request.particleCount * (columnBytes + bufferBytes + outputTimes(request).length * snapshotBytes);
}

/** Check every number of a request against DRIFT_SETTINGS and every scenario; throws InvalidInputError naming the field. */
export function checkDriftRequest(request: DriftRequest): void {
  for (const name of Object.keys(DRIFT_SETTINGS) as DriftSettingName[]) {
    const value = driftSetting(request, name);
    const { min, max, unit } = DRIFT_SETTINGS[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new InvalidInputError(name, `${value} is not between ${min} and ${max} ${unit}`);
    }
  }
  for (const name of ['outputEverySteps', 'particleCount', 'seed'] as const) {
    if (!Number.isInteger(request[name])) throw new InvalidInputError(name, `${request[name]} is not a whole number`);
  }
  if (!Number.isFinite(request.startS)) throw new InvalidInputError('startS', `${request.startS} is not a time`);
  if (request.direction !== 'forward' && request.direction !== 'backward') {
    throw new InvalidInputError('direction', `'${request.direction}' is neither forward nor backward`);
  }
  const memoryBytes = driftMemoryBytes(request);
  if (memoryBytes > MAX_DRIFT_MEMORY_BYTES) {
    throw new InvalidInputError('particleCount', `${request.particleCount} particles at ${outputTimes(request).length} output times need ` +
      `${(memoryBytes / 1e6).toFixed(0)} MB, more than the limit of ${MAX_DRIFT_MEMORY_BYTES / 1e6} MB; use fewer particles or write fewer output times (outputEverySteps)`);
  }
  if (request.scenarios.length === 0) throw new InvalidInputError('scenarios', 'at least one scenario is needed');
  if (request.scenarios.length > request.particleCount) {
    throw new InvalidInputError('particleCount', `${request.particleCount} particles cannot cover ${request.scenarios.length} scenarios`);
  }
  request.scenarios.forEach((scenario, s) => checkScenario(request, scenario, `scenarios[${s}]`));
}

function checkScenario(request: DriftRequest, scenario: Scenario, at: string): void {
  if (!(scenario.weight > 0) || !Number.isFinite(scenario.weight)) {
    throw new InvalidInputError(`${at}.weight`, `${scenario.weight} must be a positive number`);
  }
  const seeding = scenario.seeding;
  const sign = request.direction === 'forward' ? 1 : -1;
  const checkRelease = (timeS: number, field: string): void => {
    const sinceStartS = sign * (timeS - request.startS);
    if (!Number.isFinite(timeS) || sinceStartS < 0 || sinceStartS > request.durationS) {
      throw new InvalidInputError(`${at}.seeding.${field}`,
        `release time ${isoTime(timeS)} is outside the run (${request.direction} from ${isoTime(request.startS)} for ${request.durationS / 3600} h)`);
    }
  };
  const checkRadius = (radiusM: number, field: string): void => {
    if (!Number.isFinite(radiusM) || radiusM < 0 || radiusM > 1_000_000) {
      throw new InvalidInputError(`${at}.seeding.${field}`, `radius ${radiusM} m is not between 0 and 1000 km`);
    }
  };
  if (seeding.kind === 'point') {
    checkLonLat(seeding.position, `${at}.seeding.position`);
    checkRadius(seeding.radiusM, 'radiusM');
    if (seeding.timeS !== undefined) checkRelease(seeding.timeS, 'timeS');
  } else {
    checkLonLat(seeding.from, `${at}.seeding.from`);
    checkLonLat(seeding.to, `${at}.seeding.to`);
    checkRadius(seeding.fromRadiusM, 'fromRadiusM');
    checkRadius(seeding.toRadiusM, 'toRadiusM');
    checkRelease(seeding.fromTimeS, 'fromTimeS');
    checkRelease(seeding.toTimeS, 'toTimeS');
  }
}
