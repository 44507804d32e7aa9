import type { BoundsDeg, EpochS, ForcingQuantity, VectorField } from './vector_field.js';

/**
 * Several sources of one quantity in priority order: a fine coastal model first, a coarse global
 * one next, a constant or zero last. Each point takes its value from the first source that covers
 * it; a point no source covers stays uncovered (the drift marks it `outside forcing`).
 */
export class FallbackChain implements VectorField {
  readonly quantity: ForcingQuantity;
  readonly label: string;
  readonly startS: EpochS;
  readonly endS: EpochS;
  readonly bounds: BoundsDeg | null;

  constructor(readonly sources: readonly VectorField[]) {
    if (sources.length === 0) throw new Error('FallbackChain needs at least one source');
    this.quantity = sources[0].quantity;
    for (const source of sources) {
      if (source.quantity !== this.quantity) {
        throw new Error(`FallbackChain mixes ${this.quantity} with ${source.quantity} (${source.label})`);
      }
    }
    this.label = sources.map((s) => s.label).join(' → ');
    this.startS = Math.min(...sources.map((s) => s.startS));
    this.endS = Math.max(...sources.map((s) => s.endS));
    this.bounds = sources.some((s) => s.bounds === null) ? null : unionBounds(sources.map((s) => s.bounds!));
  }

  sampleBatch(
    timeS: EpochS, lonDeg: Float64Array, latDeg: Float64Array, count: number,
    outEastMps: Float64Array, outNorthMps: Float64Array, outCovered: Uint8Array, runCount = count,
  ): void {
    for (const source of this.sources) {
      source.sampleBatch(timeS, lonDeg, latDeg, count, outEastMps, outNorthMps, outCovered, runCount);
    }
  }
}

function unionBounds(all: readonly BoundsDeg[]): BoundsDeg {
  return {
    westDeg: Math.min(...all.map((b) => b.westDeg)),
    southDeg: Math.min(...all.map((b) => b.southDeg)),
    eastDeg: Math.max(...all.map((b) => b.eastDeg)),
    northDeg: Math.max(...all.map((b) => b.northDeg)),
  };
}
