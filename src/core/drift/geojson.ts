import { PARTICLE_STATUS_NAMES } from './particles.js';
import type { DriftResult } from './run.js';

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
  let first = true;
  for (const snapshot of snapshots) {
    const time = JSON.stringify(new Date(snapshot.timeS * 1000).toISOString());
    const lines: string[] = [];
    for (let i = 0; i < particles.count; i++) {
      lines.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${snapshot.lonDeg[i].toFixed(6)},${snapshot.latDeg[i].toFixed(6)}]},` +
        `"properties":{"time":${time},"particle":${particles.firstIndex + i},"status":"${PARTICLE_STATUS_NAMES[snapshot.status[i]]}",` +
        `"scenario":${scenarioNames[particles.scenario[i]]},"weight":${particles.weight[i]}}}`);
    }
    if (lines.length) {
      yield (first ? '\n' : ',\n') + lines.join(',\n');
      first = false;
    }
  }
  yield '\n]}\n';
}
