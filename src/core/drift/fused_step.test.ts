import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../coastline/index.js';
import { GriddedField, RegularLonLatGrid } from '../environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import type { DriftRequest, Shoreline } from './request.js';
import { runDrift, type DriftResult } from './run.js';

// Gridded wind and current on evenly spaced 0.05° grids of different extents (the current's ends
// inside the cloud's path, so particles leave it), both with masked nodes (NaN, as land in a
// model) near the seeding, over 6 h at 3 h steps; an island in the way strands some particles; a
// track seeding releases particles within steps; jibes happen. The one-pass kernel must give what
// sampleBatch + sampleBatch + leewayStep give, bit for bit.
const T0 = Date.UTC(2026, 2, 10) / 1000;
function field(quantity: 'wind' | 'current', west: number, nx: number, ny: number, scale: number): GriddedField {
  const lon = Array.from({ length: nx }, (_, i) => west + 0.05 * i);
  const lat = Array.from({ length: ny }, (_, j) => 36.8 + 0.05 * j);
  const nt = 3, east = new Float64Array(nt * ny * nx), north = new Float64Array(nt * ny * nx);
  for (let t = 0; t < nt; t++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = (t * ny + j) * nx + i;
        east[k] = scale * (1 + Math.sin(i * 0.7 + t) * 0.5);
        north[k] = scale * (0.3 + Math.cos(j * 0.9 - t) * 0.6);
        if ((i * 7 + j * 3 + t) % 11 === 0) { east[k] = NaN; north[k] = NaN; }   // masked nodes
      }
    }
  }
  return new GriddedField({ label: quantity, quantity, grid: new RegularLonLatGrid(lon, lat), timesS: Float64Array.from([T0, T0 + 3 * 3600, T0 + 6 * 3600]), eastMps: east, northMps: north });
}
const island = coastlineFromRings([[[131.12, 37.02], [131.16, 37.02], [131.16, 37.06], [131.12, 37.06]]], { westDeg: 130, southDeg: 36, eastDeg: 132, northDeg: 38 });
const request: DriftRequest = {
  scenarios: [
    { name: 'piw', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.05, latDeg: 37.0 }, radiusM: 3000, spread: 'gaussian' } },
    { name: 'track', weight: 1, objectClass: objectClass('SEPIRB'), seeding: {
      kind: 'track', from: { lonDeg: 131.0, latDeg: 36.95 }, to: { lonDeg: 131.1, latDeg: 37.05 },
      fromTimeS: T0, toTimeS: T0 + 2 * 3600, fromRadiusM: 200, toRadiusM: 800, spread: 'uniform-disc' } },
  ],
  startS: T0, durationS: 6 * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 3,
  particleCount: 4000, seed: 11, jibeProbabilityPerHour: 0.5,
};

function run(fused: boolean): DriftResult {
  const wind = field('wind', 130.5, 30, 16, 9), current = field('current', 130.8, 9, 12, 0.4);
  if (!fused) for (const f of [wind, current]) f.uniformSlice = () => null;   // the general path
  return runDrift(request, { wind, current }, { shoreline: island });
}

describe('fusedLeewayStep', () => {
  test('gives the three-pass result bit for bit: positions, statuses, jibes at every output time', () => {
    const one = run(true), three = run(false);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const statuses = new Set(one.particles.status);
    expect(statuses).toEqual(new Set([0, 1, 2]));   // active, stranded and outside forcing all occur
    expect(Math.max(...one.particles.jibeCount)).toBeGreaterThan(0);
    for (const column of ['lonDeg', 'latDeg', 'status', 'jibeCount', 'side', 'crosswindSlope', 'nextJibeS'] as const) {
      expect(bytes(one.particles[column]).equals(bytes(three.particles[column])), column).toBe(true);
    }
    expect(one.snapshots).toHaveLength(three.snapshots.length);
    one.snapshots.forEach((s, k) => {
      expect(bytes(s.lonDeg).equals(bytes(three.snapshots[k].lonDeg)), `lon at output ${k}`).toBe(true);
      expect(bytes(s.status).equals(bytes(three.snapshots[k].status)), `status at output ${k}`).toBe(true);
    });
  });

  test('a run cut into ranges gives the whole run bit for bit, a range smaller than the wind slice too', () => {
    // 4000 particles blend the wind's 480-node slices; a range of 150 samples as the run does
    // (runCount; the sampling itself is tested in gridded_field.test.ts)
    const whole = run(true);
    const wind = field('wind', 130.5, 30, 16, 9), current = field('current', 130.8, 9, 12, 0.4);
    const ranges = [[0, 150], [150, 3850]].map(([firstIndex, count]) => runDrift(request, { wind, current }, { shoreline: island, firstIndex, count }));
    const joined = (pick: (r: DriftResult) => Float64Array) => Buffer.concat(ranges.map((r) => Buffer.from(pick(r).buffer)));
    expect(joined((r) => r.particles.lonDeg).equals(Buffer.from(whole.particles.lonDeg.buffer))).toBe(true);
    whole.snapshots.forEach((s, k) => {
      expect(joined((r) => r.snapshots[k].latDeg).equals(Buffer.from(s.latDeg.buffer)), `lat at output ${k}`).toBe(true);
    });
  });

  test('the clear-water cells change nothing: the run with a shoreline that has none is the same bit for bit', () => {
    const withCells = run(true);
    const plain: Shoreline = {   // the island without its clearWater: every step asks firstShoreCrossing
      label: island.label, bounds: island.bounds, isLand: (lon, lat) => island.isLand(lon, lat),
      firstShoreCrossing: (a, b, c, d) => island.firstShoreCrossing(a, b, c, d),
      nearestWater: (lon, lat, m) => island.nearestWater(lon, lat, m), closestShore: (a, b, c, d, m) => island.closestShore(a, b, c, d, m),
    };
    const without = runDrift(request, { wind: field('wind', 130.5, 30, 16, 9), current: field('current', 130.8, 9, 12, 0.4) }, { shoreline: plain });
    expect(new Set(withCells.particles.status).has(1)).toBe(true);   // some strand on the island
    for (const column of ['lonDeg', 'latDeg', 'status'] as const) {
      expect(Buffer.from(withCells.particles[column].buffer).equals(Buffer.from(without.particles[column].buffer)), column).toBe(true);
    }
  });
});

