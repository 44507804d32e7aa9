// The forcing and coastline parts of a drift job that a case file and the command line's options
// both give, apart from the case file's schema (drift_case.ts): so a drift run from options alone
// does not load TypeBox and the YAML parser (about 0.5 MB of the CLI bundle to compile).
import type { Scenario } from '../../core/drift/index.js';
import type { CoastlineSpec, ForcingSourceSpec } from '../drift_job/job.js';

/** A constant source from a speed and the direction it flows toward. */
export function constantFrom(speedMps: number, towardDeg: number): ForcingSourceSpec {
  const rad = (towardDeg * Math.PI) / 180;
  return { kind: 'constant', eastMps: speedMps * Math.sin(rad), northMps: speedMps * Math.cos(rad) };
}

/**
 * The coastline a job asks for: the bundled demo-area subset, none, or GSHHG full resolution for a
 * box 3 degrees around the seeding positions (a day's drift rarely goes further than ~1 degree).
 */
export function coastlineSpec(kind: 'bundled' | 'gshhg' | 'none', scenarios: readonly Scenario[]): CoastlineSpec {
  if (kind !== 'gshhg') return { kind };
  const points = scenarios.flatMap((s) => s.seeding.kind === 'point' ? [s.seeding.position] : [s.seeding.from, s.seeding.to]);
  const margin = 3;
  return {
    kind: 'gshhg',
    bounds: {
      westDeg: Math.max(-180, Math.floor(Math.min(...points.map((p) => p.lonDeg)) - margin)),
      eastDeg: Math.min(180, Math.ceil(Math.max(...points.map((p) => p.lonDeg)) + margin)),
      southDeg: Math.max(-90, Math.floor(Math.min(...points.map((p) => p.latDeg)) - margin)),
      northDeg: Math.min(90, Math.ceil(Math.max(...points.map((p) => p.latDeg)) + margin)),
    },
  };
}
