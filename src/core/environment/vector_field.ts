/** Seconds since 1970-01-01T00:00:00Z (UTC), the one time axis of the core. */
export type EpochS = number;

/** A geographic box in degrees; west may exceed east when the box crosses the antimeridian. */
export interface BoundsDeg {
  readonly westDeg: number;
  readonly southDeg: number;
  readonly eastDeg: number;
  readonly northDeg: number;
}

/** Which physical quantity a field describes; the model asks for these, never for file names. */
export type ForcingQuantity = 'wind' | 'current';

/**
 * A time-varying 2-D vector field in east/north components (m/s), sampled for all particles at
 * once. Wind is the 10 m wind (the direction the air moves *to*); current is the total surface
 * water current.
 *
 * The batch contract (it lets several sources share one call without allocating):
 * the caller sets `outCovered[i]` to 1 for every index it does not want sampled (particles already
 * covered by a better source, stranded, not yet released) and to 0 elsewhere. The field writes
 * `outEastMps[i]`, `outNorthMps[i]` and sets `outCovered[i] = 1` for every index `i < count` with
 * `outCovered[i] === 0` that it covers in space and time, and leaves every other index untouched.
 * It never writes NaN. Inside its domain a value the source masks (land in an ocean model) counts
 * as covered with the valid neighbours' values, or 0 where no neighbour is valid.
 */
export interface VectorField {
  /** What a user reads in messages and summaries: a file name, or "constant 10 m/s toward 090°". */
  readonly label: string;
  readonly quantity: ForcingQuantity;
  /** First and last time covered (seconds since epoch); -Infinity / Infinity for timeless fields. */
  readonly startS: EpochS;
  readonly endS: EpochS;
  /** The geographic extent, or null for a field defined everywhere. */
  readonly bounds: BoundsDeg | null;
  sampleBatch(
    timeS: EpochS,
    lonDeg: Float64Array,
    latDeg: Float64Array,
    count: number,
    outEastMps: Float64Array,
    outNorthMps: Float64Array,
    outCovered: Uint8Array,
    /**
     * How many particles the whole run samples (default `count`): a source that chooses its method
     * by the number of points (GriddedField blends its time slices for many) chooses by this, so a
     * run cut into particle ranges or chunks samples every range as the whole run would, bit for bit.
     */
    runCount?: number,
  ): void;
}
