/**
 * A forecast revised during an exercise: one VectorField up to a time, another from it on. This is
 * how the scripted players of a doctrine trial take a weather change when their forecast is a
 * constant (a coordinator's estimate): the wind they drift on changes when the report comes.
 */
import type { BoundsDeg, VectorField } from '../environment/index.js';
import { InvalidInputError } from '../errors.js';

/** `before` at times before `switchS`, `after` from `switchS` on (both the same quantity). */
export class SwitchedField implements VectorField {
  readonly label: string;
  readonly quantity: VectorField['quantity'];
  readonly startS: number;
  readonly endS: number;
  readonly bounds: BoundsDeg | null;

  constructor(private readonly before: VectorField, private readonly after: VectorField, readonly switchS: number) {
    if (before.quantity !== after.quantity) throw new InvalidInputError('after', `is ${after.quantity}, the field it follows ${before.quantity}`);
    if (!Number.isFinite(switchS)) throw new InvalidInputError('switchS', `${switchS} is not a time`);
    this.quantity = before.quantity;
    this.label = `${before.label}, then from ${new Date(switchS * 1000).toISOString().slice(0, 16)}Z ${after.label}`;
    // the span both cover: before's start, after's end (each is sampled only on its side of the switch)
    this.startS = before.startS;
    this.endS = after.endS;
    this.bounds = before.bounds === null || after.bounds === null ? null : before.bounds;
  }

  sampleBatch(timeS: number, lonDeg: Float64Array, latDeg: Float64Array, count: number,
    outEastMps: Float64Array, outNorthMps: Float64Array, outCovered: Uint8Array, runCount = count): void {
    (timeS < this.switchS ? this.before : this.after).sampleBatch(timeS, lonDeg, latDeg, count, outEastMps, outNorthMps, outCovered, runCount);
  }
}
