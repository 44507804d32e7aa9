/**
 * A VectorField seen through an exercise's stated perturbation: every value of the wrapped field
 * scaled by a factor and turned by an angle (clockwise positive, as bearings turn). This is how an
 * exercise makes the truth forcing differ from the players' forecast with one file: "the real
 * wind blew 20 % stronger and 15° more to the right than forecast".
 */
import type { BoundsDeg, VectorField } from '../environment/index.js';
import { InvalidInputError } from '../errors.js';

/** The perturbation as one factor and one turn. */
export interface FieldPerturbation {
  /** Multiplies the speed; 1 leaves it. */
  readonly speedFactor: number;
  /** Turns the vector clockwise by this many degrees (the direction it blows toward and from alike); 0 leaves it. */
  readonly directionOffsetDeg: number;
}

/** `field` scaled and turned; coverage, time span and extent are the wrapped field's. */
export class PerturbedField implements VectorField {
  readonly label: string;
  readonly quantity: VectorField['quantity'];
  readonly startS: number;
  readonly endS: number;
  readonly bounds: BoundsDeg | null;
  private readonly a: number;
  private readonly b: number;
  private before = new Uint8Array(0);

  constructor(private readonly field: VectorField, perturbation: FieldPerturbation, field_ = 'perturbation') {
    const { speedFactor, directionOffsetDeg } = perturbation;
    if (!(speedFactor >= 0) || !Number.isFinite(speedFactor) || speedFactor > 10) {
      throw new InvalidInputError(`${field_}.speedFactor`, `${speedFactor} is not a factor between 0 and 10`);
    }
    if (!Number.isFinite(directionOffsetDeg) || Math.abs(directionOffsetDeg) > 180) {
      throw new InvalidInputError(`${field_}.directionOffsetDeg`, `${directionOffsetDeg} is not an angle between -180 and 180 degrees`);
    }
    const rad = (directionOffsetDeg * Math.PI) / 180;
    // clockwise turn by theta of (east, north): e' = e cos + n sin, n' = -e sin + n cos
    this.a = speedFactor * Math.cos(rad);
    this.b = speedFactor * Math.sin(rad);
    this.label = `${field.label} × ${speedFactor}, turned ${directionOffsetDeg >= 0 ? '+' : ''}${directionOffsetDeg}°`;
    this.quantity = field.quantity;
    this.startS = field.startS;
    this.endS = field.endS;
    this.bounds = field.bounds;
  }

  sampleBatch(timeS: number, lonDeg: Float64Array, latDeg: Float64Array, count: number,
    outEastMps: Float64Array, outNorthMps: Float64Array, outCovered: Uint8Array, runCount = count): void {
    if (this.before.length < count) this.before = new Uint8Array(count);
    const before = this.before;
    for (let i = 0; i < count; i++) before[i] = outCovered[i];
    this.field.sampleBatch(timeS, lonDeg, latDeg, count, outEastMps, outNorthMps, outCovered, runCount);
    const { a, b } = this;
    for (let i = 0; i < count; i++) {
      if (before[i] !== 0 || outCovered[i] === 0) continue;   // only the values this field wrote
      const e = outEastMps[i], n = outNorthMps[i];
      outEastMps[i] = a * e + b * n;
      outNorthMps[i] = -b * e + a * n;
    }
  }
}
