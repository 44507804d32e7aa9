/**
 * A drift case that exercises every path of the kernel, for tests that compare two ways of running
 * it bit for bit (fused_step.test.ts, chunked_drift.test.ts): gridded wind and current on evenly
 * spaced 0.05° grids of different extents (the current's ends inside the cloud's path, so particles
 * leave it), both with masked nodes (NaN, as land in a model) near the seeding, over 6 h at 3 h
 * steps; an island in the way strands some particles; a track seeding releases particles within
 * steps; jibes happen.
 */
import { coastlineFromRings } from '../coastline/index.js';
import { GriddedField, RegularLonLatGrid } from '../environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import type { DriftRequest } from './request.js';

export const T0 = Date.UTC(2026, 2, 10) / 1000;
export function field(quantity: 'wind' | 'current', west: number, nx: number, ny: number, scale: number): GriddedField {
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
export const island = coastlineFromRings([[[131.12, 37.02], [131.16, 37.02], [131.16, 37.06], [131.12, 37.06]]], { westDeg: 130, southDeg: 36, eastDeg: 132, northDeg: 38 });
export const request: DriftRequest = {
  scenarios: [
    { name: 'piw', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.05, latDeg: 37.0 }, radiusM: 3000, spread: 'gaussian' } },
    { name: 'track', weight: 1, objectClass: objectClass('SEPIRB'), seeding: {
      kind: 'track', from: { lonDeg: 131.0, latDeg: 36.95 }, to: { lonDeg: 131.1, latDeg: 37.05 },
      fromTimeS: T0, toTimeS: T0 + 2 * 3600, fromRadiusM: 200, toRadiusM: 800, spread: 'uniform-disc' } },
  ],
  startS: T0, durationS: 6 * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 3,
  particleCount: 4000, seed: 11, jibeProbabilityPerHour: 0.5,
};

/** The case's wind and current, made anew (a test may change a field's methods). */
export function griddedForcing(): { wind: GriddedField; current: GriddedField } {
  return { wind: field('wind', 130.5, 30, 16, 9), current: field('current', 130.8, 9, 12, 0.4) };
}
