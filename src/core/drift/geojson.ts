import { PARTICLE_STATUS_NAMES } from './particles.js';
import type { DriftResult } from './run.js';

/** Bytes per yielded chunk: the buffer is flushed when fewer than a feature's worth are left. */
const CHUNK_BYTES = 1 << 20;
/** Room one feature may take besides its scenario text and weight (coordinates, index, time, status). */
const FEATURE_BYTES = 256;

const ASCII = new TextEncoder();

/**
 * Write a coordinate rounded to 1e-6 degree (about 0.1 m) as its shortest decimal, the text of
 * String(Math.round(deg * 1e6) / 1e6), into `out` at `at`; returns the end. It is built from the
 * integer number of millionths k: the nearest double to k / 1e6 (at most 15 significant digits)
 * prints as exactly that decimal, trailing zeros dropped. Hand-written (200,000 coordinates per
 * 100,000-particle output time): String() of a double runs the shortest round-trip search, and
 * strings would then be encoded again.
 */
export function writeMicro(out: Uint8Array, at: number, deg: number): number {
  const k = Math.round(deg * 1e6);
  if (!(Math.abs(k) < 1e15)) return at + ASCII.encodeInto(String(k / 1e6), out.subarray(at)).written;   // NaN, ±Infinity: as String does
  let a = k;
  if (a < 0) { out[at++] = 45; a = -a; }   // '-'
  const whole = Math.floor(a / 1e6);
  let fraction = a - whole * 1e6;
  at = writeInteger(out, at, whole);
  if (fraction === 0) return at;
  let digits = 6;
  while (fraction % 10 === 0) { fraction /= 10; digits--; }
  out[at++] = 46;   // '.'
  for (let d = digits - 1; d >= 0; d--) { out[at + d] = 48 + (fraction % 10); fraction = Math.floor(fraction / 10); }
  return at + digits;
}

/** Write a non-negative integer below 2^53 in decimal; returns the end. */
function writeInteger(out: Uint8Array, at: number, value: number): number {
  let digits = 1;
  for (let p = 10; p <= value; p *= 10) digits++;
  for (let d = digits - 1; d >= 0; d--) { out[at + d] = 48 + (value % 10); value = Math.floor(value / 10); }
  return at + digits;
}

/** Which output times go into a GeoJSON file. */
export type SnapshotSelection = 'all' | 'last';

/**
 * The particles of a run as GeoJSON (UTF-8 bytes): one Point feature per particle per output time,
 * with properties `time` (ISO 8601 UTC), `particle` (index), `status`, `scenario` (name) and
 * `weight`. Yielded as chunks of about 1 MB written into two buffers in turn, so a large cloud is
 * streamed to a file without building strings: each chunk is valid until the one after the next
 * is asked for, so the caller can make the next chunk while this one is being written (wait for
 * a chunk's write before asking for the chunk after the next). Positions are rounded to 1e-6
 * degree (about 0.1 m).
 */
export function* driftGeoJsonChunks(result: DriftResult, selection: SnapshotSelection = 'all'): Generator<Uint8Array> {
  const { particles, request } = result;
  const snapshots = selection === 'all' ? result.snapshots : result.snapshots.slice(-1);
  yield ASCII.encode('{"type":"FeatureCollection","metadata":' + JSON.stringify({
    generator: 'sarbridge drift',
    direction: request.direction,
    objectClasses: request.scenarios.map((s) => ({ scenario: s.name, weight: s.weight, objectClass: s.objectClass.key })),
    particles: particles.count,
    seed: request.seed,
    timeStepS: request.timeStepS,
    forcing: result.forcingLabels,
  }) + ',"features":[');
  // the constant parts of a feature as bytes, made once
  const statusBytes = PARTICLE_STATUS_NAMES.map((name) => ASCII.encode(`,"status":"${name}","scenario":`));
  const scenarioBytes = request.scenarios.map((s) => ASCII.encode(`${JSON.stringify(s.name)},"weight":`));
  const longestScenario = Math.max(...scenarioBytes.map((b) => b.length));
  const opening = ASCII.encode('{"type":"Feature","geometry":{"type":"Point","coordinates":[');
  // two buffers in turn: the chunk just yielded may still be being written while the next is made
  const buffers = [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
  let buffer = buffers[0];
  let at = 0;
  let first = true;
  // a run's weights are one value per scenario: encode each once
  let lastWeight = NaN, weightBytes = new Uint8Array(0);
  for (const snapshot of snapshots) {
    const head = ASCII.encode(']},"properties":{"time":' + JSON.stringify(new Date(snapshot.timeS * 1000).toISOString()) + ',"particle":');
    for (let i = 0; i < particles.count; i++) {
      const weight = particles.weight[i];
      if (weight !== lastWeight) { lastWeight = weight; weightBytes = ASCII.encode(String(weight)); }
      if (at + FEATURE_BYTES + head.length + longestScenario + weightBytes.length > CHUNK_BYTES) {
        yield buffer.subarray(0, at);
        buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
        at = 0;
      }
      if (!first) buffer[at++] = 44;   // ','
      buffer[at++] = 10;               // '\n'
      first = false;
      buffer.set(opening, at); at += opening.length;
      at = writeMicro(buffer, at, snapshot.lonDeg[i]);
      buffer[at++] = 44;
      at = writeMicro(buffer, at, snapshot.latDeg[i]);
      buffer.set(head, at); at += head.length;
      at = writeInteger(buffer, at, particles.firstIndex + i);
      const status = statusBytes[snapshot.status[i]], scenario = scenarioBytes[particles.scenario[i]];
      buffer.set(status, at); at += status.length;
      buffer.set(scenario, at); at += scenario.length;
      buffer.set(weightBytes, at); at += weightBytes.length;
      buffer[at++] = 125; buffer[at++] = 125;   // '}}'
    }
  }
  if (at > 0) yield buffer.subarray(0, at);
  yield ASCII.encode('\n]}\n');
}
