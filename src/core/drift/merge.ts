import { allocateParticles, PARTICLE_COLUMNS, type Particles } from './particles.js';
import type { DriftResult, DriftSnapshot } from './run.js';

/**
 * Join the results of runs over consecutive particle ranges of one request (worker shares) into
 * the result of the whole request. Parts must be given in index order and cover it without gaps.
 */
export function mergeDriftResults(parts: readonly DriftResult[]): DriftResult {
  if (parts.length === 0) throw new Error('mergeDriftResults needs at least one part');
  if (parts.length === 1) return parts[0];
  let expectedFirst = parts[0].particles.firstIndex;
  for (const part of parts) {
    if (part.particles.firstIndex !== expectedFirst) {
      throw new Error(`drift parts are not consecutive: expected first index ${expectedFirst}, got ${part.particles.firstIndex}`);
    }
    if (part.snapshots.length !== parts[0].snapshots.length) throw new Error('drift parts have different output times');
    expectedFirst += part.particles.count;
  }
  const total = expectedFirst - parts[0].particles.firstIndex;
  const particles = allocateParticles(total, parts[0].particles.firstIndex);
  for (const name of Object.keys(PARTICLE_COLUMNS) as (keyof typeof PARTICLE_COLUMNS)[]) {
    concatInto(particles[name], parts.map((p) => p.particles[name]));
  }
  const snapshots: DriftSnapshot[] = parts[0].snapshots.map((first, k) => {
    const lonDeg = new Float64Array(total), latDeg = new Float64Array(total), status = new Uint8Array(total);
    concatInto(lonDeg, parts.map((p) => p.snapshots[k].lonDeg));
    concatInto(latDeg, parts.map((p) => p.snapshots[k].latDeg));
    concatInto(status, parts.map((p) => p.snapshots[k].status));
    return { timeS: first.timeS, lonDeg, latDeg, status };
  });
  return { request: parts[0].request, particles: particles as Particles, snapshots, forcingLabels: parts[0].forcingLabels };
}

type TypedColumn = Particles[keyof typeof PARTICLE_COLUMNS] | Float64Array | Uint8Array;

function concatInto(target: TypedColumn, sources: readonly TypedColumn[]): void {
  let offset = 0;
  for (const source of sources) {
    (target as Float64Array).set(source as Float64Array, offset);
    offset += source.length;
  }
}
