import { InvalidInputError } from '../errors.js';
import type { ForcingQuantity, VectorField } from './vector_field.js';

/** The same east/north vector everywhere and at all times: a coordinator's estimate, or zero. */
export class ConstantField implements VectorField {
  readonly startS = -Infinity;
  readonly endS = Infinity;
  readonly bounds = null;
  readonly label: string;

  constructor(readonly quantity: ForcingQuantity, readonly eastMps: number, readonly northMps: number, label?: string) {
    if (!Number.isFinite(eastMps) || !Number.isFinite(northMps)) {
      throw new InvalidInputError(quantity, `constant ${quantity} must be finite, got east ${eastMps} m/s, north ${northMps} m/s`);
    }
    this.label = label ?? `constant ${quantity} ${describeVector(eastMps, northMps)}`;
  }

  /**
   * A constant field from a speed and the direction it comes *from* (meteorological convention,
   * used for wind: a westerly, 270°, blows toward the east).
   */
  static fromSpeedFrom(quantity: ForcingQuantity, speedMps: number, fromDeg: number): ConstantField {
    const towardRad = ((fromDeg + 180) * Math.PI) / 180;
    return new ConstantField(quantity, speedMps * Math.sin(towardRad), speedMps * Math.cos(towardRad));
  }

  /** A constant field from a speed and the direction it flows *toward* (oceanographic convention). */
  static fromSpeedToward(quantity: ForcingQuantity, speedMps: number, towardDeg: number): ConstantField {
    const towardRad = (towardDeg * Math.PI) / 180;
    return new ConstantField(quantity, speedMps * Math.sin(towardRad), speedMps * Math.cos(towardRad));
  }

  sampleBatch(
    _timeS: number, _lonDeg: Float64Array, _latDeg: Float64Array, count: number,
    outEastMps: Float64Array, outNorthMps: Float64Array, outCovered: Uint8Array,
  ): void {
    for (let i = 0; i < count; i++) {
      if (outCovered[i] === 0) {
        outEastMps[i] = this.eastMps;
        outNorthMps[i] = this.northMps;
        outCovered[i] = 1;
      }
    }
  }
}

/** "10.0 m/s toward 090°" */
export function describeVector(eastMps: number, northMps: number): string {
  const speed = Math.hypot(eastMps, northMps);
  const towardDeg = ((Math.atan2(eastMps, northMps) * 180) / Math.PI + 360) % 360;
  return `${speed.toFixed(2)} m/s toward ${towardDeg.toFixed(0).padStart(3, '0')}°`;
}
