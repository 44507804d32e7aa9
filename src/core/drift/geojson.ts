import { PARTICLE_STATUS_NAMES } from './particles.js';
import type { DriftResult } from './run.js';

/** Features per yielded chunk (about 200 bytes each). */
const FEATURES_PER_CHUNK = 4096;

/** Zeros that pad a fraction of millionths to six digits, by the number of zeros needed. */
const ZEROS = ['', '0', '00', '000', '0000', '00000'];

/**
 * A coordinate rounded to 1e-6 degree (about 0.1 m), written as its shortest decimal:
 * String(Math.round(deg * 1e6) / 1e6), built from the integer number of millionths k instead.
 * The nearest double to k / 1e6 (at most 15 significant digits) prints as exactly that decimal,
 * trailing zeros dropped, so the text is the same; String() of a double runs the shortest
 * round-trip search (about 150 ns), integers print in a few ns. Hand-written: 200,000
 * coordinates per 100,000-particle output time.
 */
export function micro(deg: number): string {
  const k = Math.round(deg * 1e6);
  if (!(Math.abs(k) < 1e15)) return String(k / 1e6);   // NaN, ±Infinity, beyond 15 digits: as String does
  const negative = k < 0;
  const a = negative ? -k : k;
  const whole = Math.floor(a / 1e6);
  let fraction = a - whole * 1e6;
  const sign = negative ? '-' : '';
  if (fraction === 0) return sign + whole;
  let digits = 6;
  while (fraction % 10 === 0) { fraction /= 10; digits--; }
  const text = String(fraction);
  return sign + whole + '.' + ZEROS[digits - text.length] + text;
}

/** Which output times go into a GeoJSON file. */
export type SnapshotSelection = 'all' | 'last';

/**
 * The particles of a run as GeoJSON text: one Point feature per particle per output time, with
 * properties `time` (ISO 8601 UTC), `particle` (index), `status`, `scenario` (name) and `weight`.
 * Returned as chunks so that a large cloud can be streamed to a file without one huge string.
 * Positions are rounded to 1e-6 degree (about 0.1 m).
 */
export function* driftGeoJsonChunks(result: DriftResult, selection: SnapshotSelection = 'all'): Generator<string> {
  const { particles, request } = result;
  const snapshots = selection === 'all' ? result.snapshots : result.snapshots.slice(-1);
  const scenarioNames = request.scenarios.map((s) => JSON.stringify(s.name));
  yield '{"type":"FeatureCollection","metadata":' + JSON.stringify({
    generator: 'sarbridge drift',
    direction: request.direction,
    objectClasses: request.scenarios.map((s) => ({ scenario: s.name, weight: s.weight, objectClass: s.objectClass.key })),
    particles: particles.count,
    seed: request.seed,
    timeStepS: request.timeStepS,
    forcing: result.forcingLabels,
  }) + ',"features":[';
  // One string per FEATURES_PER_CHUNK features, built by appending (V8 keeps such strings as ropes
  // until written), with the constant parts of each feature made once: 100,000 features take tens of
  // ms, where an array of 100,000 strings joined at the end cost most of a second and its garbage.
  const statusText = PARTICLE_STATUS_NAMES.map((name) => `,"status":"${name}","scenario":`);
  const scenarioText = scenarioNames.map((name) => `${name},"weight":`);
  let first = true;
  // a run's weights are one value per scenario: print each once
  let lastWeight = NaN, lastWeightText = '';
  for (const snapshot of snapshots) {
    const head = ',"properties":{"time":' + JSON.stringify(new Date(snapshot.timeS * 1000).toISOString()) + ',"particle":';
    let chunk = '';
    for (let i = 0; i < particles.count; i++) {
      const weight = particles.weight[i];
      if (weight !== lastWeight) { lastWeight = weight; lastWeightText = String(weight); }
      chunk += (first ? '\n' : ',\n') + '{"type":"Feature","geometry":{"type":"Point","coordinates":[' +
        micro(snapshot.lonDeg[i]) + ',' + micro(snapshot.latDeg[i]) + ']}' + head + (particles.firstIndex + i) +
        statusText[snapshot.status[i]] + scenarioText[particles.scenario[i]] + lastWeightText + '}}';
      first = false;
      if ((i + 1) % FEATURES_PER_CHUNK === 0) { yield chunk; chunk = ''; }
    }
    if (chunk) yield chunk;
  }
  yield '\n]}\n';
}
