import { PARTICLE_STATUS_NAMES, type CloudSummary } from '../../core/drift/index.js';

/**
 * A threaded run's summaries of its output times (summariseCloud's CloudSummary), made by the
 * drift threads as the output times are finished (chunked_drift.ts) and written into shared
 * memory as numbers, so the thread that reads them gets them without a message. Per output time,
 * Float64: has a centroid (1 or 0), its longitude and latitude in degrees, the radii of 50 % and
 * 90 % in metres, then the count of each status (PARTICLE_STATUS_NAMES' order). Doubles pass
 * through a Float64Array unchanged, so the summaries read back equal summariseCloud's bit for bit.
 */
const FIELDS = 5 + PARTICLE_STATUS_NAMES.length;

/** Shared memory for `times` summaries (all zero: none written yet). */
export function allocateSharedSummaries(times: number): SharedArrayBuffer {
  return new SharedArrayBuffer(times * FIELDS * 8);
}

/** Write the summary of output time `k`. */
export function writeSharedSummary(memory: Float64Array, k: number, summary: CloudSummary): void {
  const at = k * FIELDS;
  memory[at] = summary.centroid === null ? 0 : 1;
  memory[at + 1] = summary.centroid?.lonDeg ?? 0;
  memory[at + 2] = summary.centroid?.latDeg ?? 0;
  memory[at + 3] = summary.radius50M;
  memory[at + 4] = summary.radius90M;
  PARTICLE_STATUS_NAMES.forEach((name, s) => { memory[at + 5 + s] = summary.counts[name]; });
}

/**
 * The summary of output time `k` at time `timeS`, as summariseCloud made it: the same fields in
 * the same order, so `--json` prints it the same.
 */
export function readSharedSummary(memory: Float64Array, k: number, timeS: number): CloudSummary {
  const at = k * FIELDS;
  const counts = Object.fromEntries(PARTICLE_STATUS_NAMES.map((name, s) => [name, memory[at + 5 + s]])) as CloudSummary['counts'];
  const centroid = memory[at] === 0 ? null : { lonDeg: memory[at + 1], latDeg: memory[at + 2] };
  return { timeS, centroid, radius50M: memory[at + 3], radius90M: memory[at + 4], counts };
}
