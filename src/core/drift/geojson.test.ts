import { describe, expect, test } from 'vitest';
import { ConstantField } from '../environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import { driftGeoJsonChunks, writeMicro } from './geojson.js';
import type { DriftRequest } from './request.js';
import { runDrift } from './run.js';

const T0 = Date.UTC(2026, 2, 10) / 1000;
const request: DriftRequest = {
  scenarios: [
    { name: 'raft "A"', weight: 2, objectClass: objectClass('LIFE-RAFT-DB-10'), seeding: { kind: 'point', position: { lonDeg: 131.5, latDeg: 37.2 }, radiusM: 300, spread: 'gaussian' } },
    { name: 'person', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.5, latDeg: 37.2 }, radiusM: 300, spread: 'uniform-disc' } },
  ],
  startS: T0, durationS: 7200, direction: 'forward', timeStepS: 600, outputEverySteps: 6,
  particleCount: 30, seed: 3, jibeProbabilityPerHour: 0.04,
};
const forcing = { wind: new ConstantField('wind', 5, 5), current: new ConstantField('current', 0.1, 0) };

/** The text of the chunks, each decoded as it comes (a chunk is valid until the next is asked for). */
function text(chunks: Iterable<Uint8Array>): string {
  const decoder = new TextDecoder();
  let out = '';
  for (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

describe('driftGeoJsonChunks', () => {
  test('writes valid GeoJSON with one point per particle per output time and its properties', () => {
    const result = runDrift(request, forcing);
    const parsed = JSON.parse(text(driftGeoJsonChunks(result)));
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features).toHaveLength(30 * 3);   // times 0 h, 1 h, 2 h
    const last = parsed.features[parsed.features.length - 1];
    expect(last.properties).toEqual({ time: '2026-03-10T02:00:00.000Z', particle: 29, status: 'active', scenario: 'person', weight: 1 / 3 / 10 });
    expect(last.geometry.coordinates[0]).toBeCloseTo(result.particles.lonDeg[29], 6);
    expect(parsed.features[0].properties.scenario).toBe('raft "A"');
    expect(parsed.metadata.objectClasses[1]).toEqual({ scenario: 'person', weight: 1, objectClass: 'PIW-1' });
  });

  test('can keep only the last output time', () => {
    const parsed = JSON.parse(text(driftGeoJsonChunks(runDrift(request, forcing), 'last')));
    expect(parsed.features).toHaveLength(30);
    expect(new Set(parsed.features.map((f: { properties: { time: string } }) => f.properties.time))).toEqual(new Set(['2026-03-10T02:00:00.000Z']));
  });
});

describe('writeMicro', () => {
  test('prints a coordinate as String(Math.round(deg * 1e6) / 1e6) does, digit for digit', () => {
    const values = [0, -0, 1e-7, -4e-7, 5e-7, -5e-7, 1e-6, -1e-6, 0.1, 0.5, 1, -1, 10.25, 131.25, -179.999999, 180, 360, 37.000001, 37.1000005, 1234567.8, NaN];
    let x = 12345;
    for (let k = 0; k < 20000; k++) {   // deterministic pseudo-random longitudes and latitudes
      x = (x * 1103515245 + 12345) % 2147483648;
      values.push((x / 2147483648 - 0.5) * 360, (x / 2147483648) * 1e-3, Math.round(x / 1000) / 1e6);
    }
    const out = new Uint8Array(64);
    for (const v of values) expect(new TextDecoder().decode(out.subarray(0, writeMicro(out, 0, v))), String(v)).toBe(String(Math.round(v * 1e6) / 1e6));
  });
});

describe('driftGeoJsonChunks over many chunks', () => {
  test('each feature whole, in order, across the 1 MB chunk boundaries, as the text it stands for', () => {
    const big = runDrift({ ...request, particleCount: 12_000 }, forcing);
    const chunks: number[] = [];
    const decoder = new TextDecoder();
    let all = '';
    for (const chunk of driftGeoJsonChunks(big)) { chunks.push(chunk.length); all += decoder.decode(chunk); }
    expect(chunks.length).toBeGreaterThan(4);   // 36,000 features of about 190 bytes
    const parsed = JSON.parse(all);
    expect(parsed.features).toHaveLength(36_000);
    const f = parsed.features[30_001];   // particle 6001 at the last time
    expect(f.properties.particle).toBe(6001);
    const last = big.snapshots[2];
    expect(all).toContain(`"coordinates":[${String(Math.round(last.lonDeg[6001] * 1e6) / 1e6)},${String(Math.round(last.latDeg[6001] * 1e6) / 1e6)}]},"properties":{"time":"2026-03-10T02:00:00.000Z","particle":6001,"status":"active","scenario":`);
  });

  test('a chunk stays as it was while the next one is made (the writer writes one while making the next)', () => {
    const big = runDrift({ ...request, particleCount: 12_000 }, forcing);
    let previous: { view: Uint8Array; copy: Buffer } | null = null;
    let checked = 0;
    for (const chunk of driftGeoJsonChunks(big)) {
      if (previous) { expect(Buffer.from(previous.view).equals(previous.copy)).toBe(true); checked++; }
      previous = { view: chunk, copy: Buffer.from(chunk) };
    }
    expect(checked).toBeGreaterThan(4);
  });
});
