import { InvalidInputError } from '../errors.js';
import type { GridLocator } from './grid_locator.js';
import type { BoundsDeg } from './vector_field.js';

/** Constants of an evenly spaced grid, for callers that fuse locating with interpolation. */
export interface UniformLonLatAxes {
  readonly lon0Deg: number;
  readonly lat0Deg: number;
  /** Inverse spacings (1/degree; latitude negative when descending). */
  readonly invDLonDeg: number;
  readonly invDLatDeg: number;
  /** Eastward extent from lon0Deg (degrees). */
  readonly lonSpanDeg: number;
}

/** Largest departure from an evenly spaced axis, in cells, still treated as uniform. */
const UNIFORM_TOLERANCE_CELLS = 1e-4;

/**
 * A regular longitude/latitude grid given by its 1-D axes (degrees): i runs along longitude,
 * j along latitude. Longitudes may be stored 0..360 or -180..180 and may cross the antimeridian
 * (they must increase eastward, each step less than 180°); particle longitudes are wrapped to match.
 * Latitude may ascend or descend. Evenly spaced axes take a constant-time fast path; monotonic
 * uneven axes a binary search.
 *
 * A global grid whose last column does not repeat the first leaves the gap between them
 * uncovered; repeat the first column at the end (+360°) to close it.
 *
 * @example new RegularLonLatGrid([128, 128.1, 128.2], [35, 35.1])
 */
export class RegularLonLatGrid implements GridLocator {
  readonly nx: number;
  readonly ny: number;
  readonly bounds: BoundsDeg;
  readonly description: string;
  /** First longitude (degrees) and the eastward offsets of every column from it (degrees, ascending). */
  private readonly lon0Deg: number;
  private readonly lonOffsetDeg: Float64Array;
  private readonly lonSpanDeg: number;
  private readonly latDeg: Float64Array;
  /** Uniform spacing (degrees, latitude step signed) or NaN when the axis is uneven. */
  private readonly dLonDeg: number;
  private readonly dLatDeg: number;
  private readonly latAscending: boolean;
  /** Uneven axes: for each of `bucketCount` equal buckets of the axis range, the node index at or before its start. */
  private readonly lonBuckets: Int32Array;
  private readonly latBuckets: Int32Array;
  /** Set when both axes are evenly spaced. */
  readonly uniform: UniformLonLatAxes | null;

  constructor(lonAxisDeg: ArrayLike<number>, latAxisDeg: ArrayLike<number>) {
    const nx = lonAxisDeg.length;
    const ny = latAxisDeg.length;
    if (nx < 2 || ny < 2) {
      throw new InvalidInputError('grid', `a regular grid needs at least 2 × 2 nodes, got ${nx} × ${ny}`);
    }
    this.nx = nx;
    this.ny = ny;
    this.lon0Deg = lonAxisDeg[0];
    const off = new Float64Array(nx);
    for (let k = 1; k < nx; k++) {
      let step = lonAxisDeg[k] - lonAxisDeg[k - 1];
      step -= 360 * Math.round(step / 360);
      if (!(step > 0)) {
        throw new InvalidInputError('longitude axis',
          `must increase eastward with steps under 180°, but goes ${lonAxisDeg[k - 1]} → ${lonAxisDeg[k]} at index ${k}`);
      }
      off[k] = off[k - 1] + step;
    }
    if (off[nx - 1] > 360 + 1e-9) {
      throw new InvalidInputError('longitude axis', `spans ${off[nx - 1]}°, more than 360°`);
    }
    this.lonOffsetDeg = off;
    this.lonSpanDeg = off[nx - 1];
    const lat = Float64Array.from(latAxisDeg);
    const ascending = lat[1] > lat[0];
    for (let k = 1; k < ny; k++) {
      if (ascending ? !(lat[k] > lat[k - 1]) : !(lat[k] < lat[k - 1])) {
        throw new InvalidInputError('latitude axis', `is not monotonic at index ${k} (${lat[k - 1]} → ${lat[k]})`);
      }
    }
    this.latDeg = lat;
    this.latAscending = ascending;
    this.dLonDeg = uniformStep(off);
    this.dLatDeg = uniformStep(lat);
    this.uniform = Number.isNaN(this.dLonDeg) || Number.isNaN(this.dLatDeg) ? null : {
      lon0Deg: this.lon0Deg, lat0Deg: lat[0], invDLonDeg: 1 / this.dLonDeg, invDLatDeg: 1 / this.dLatDeg, lonSpanDeg: this.lonSpanDeg,
    };
    this.lonBuckets = buckets(off, 1);
    this.latBuckets = buckets(lat, ascending ? 1 : -1);
    const global = this.lonSpanDeg >= 360 - 1e-9;
    this.bounds = {
      westDeg: global ? -180 : wrap180(this.lon0Deg),
      eastDeg: global ? 180 : wrap180(this.lon0Deg + this.lonSpanDeg),
      southDeg: Math.min(lat[0], lat[ny - 1]),
      northDeg: Math.max(lat[0], lat[ny - 1]),
    };
    const spacing = Number.isNaN(this.dLonDeg) || Number.isNaN(this.dLatDeg)
      ? 'uneven spacing'
      : `${fmt(this.dLonDeg)}° × ${fmt(Math.abs(this.dLatDeg))}°`;
    this.description = `regular lon/lat ${nx} × ${ny}, ${spacing}, ` +
      `${fmt(this.bounds.westDeg)}..${fmt(this.bounds.eastDeg)}°E ${fmt(this.bounds.southDeg)}..${fmt(this.bounds.northDeg)}°N` +
      (ascending ? '' : ' (latitude descending)');
  }

  locateBatch(
    lonDeg: Float64Array, latDeg: Float64Array, count: number, skip: Uint8Array,
    outI: Float64Array, outJ: Float64Array,
  ): void {
    const lon0 = this.lon0Deg;
    const span = this.lonSpanDeg;
    const dLon = this.dLonDeg;
    const dLat = this.dLatDeg;
    const lat0 = this.latDeg[0];
    const maxI = this.nx - 1;
    const maxJ = this.ny - 1;
    if (dLon === dLon && dLat === dLat) {
      // Uniform fast path: multiply by the inverse spacing.
      const invDLon = 1 / dLon;
      const invDLat = 1 / dLat;
      for (let k = 0; k < count; k++) {
        if (skip[k] !== 0) continue;
        let d = lonDeg[k] - lon0;
        if (d < 0 || d >= 360) d -= 360 * Math.floor(d / 360);
        const fj = (latDeg[k] - lat0) * invDLat;
        if (d > span || !(fj >= 0 && fj <= maxJ)) { outI[k] = NaN; continue; }
        const fi = d * invDLon;
        outI[k] = fi > maxI ? maxI : fi;
        outJ[k] = fj;
      }
      return;
    }
    const offsets = this.lonOffsetDeg;
    const lats = this.latDeg;
    const sign = this.latAscending ? 1 : -1;
    const lonB = this.lonBuckets;
    const latB = this.latBuckets;
    for (let k = 0; k < count; k++) {
      if (skip[k] !== 0) continue;
      let d = lonDeg[k] - lon0;
      if (d < 0 || d >= 360) d -= 360 * Math.floor(d / 360);
      if (d > span) { outI[k] = NaN; continue; }
      const fj = bucketFraction(lats, latB, sign, latDeg[k]);
      if (fj !== fj) { outI[k] = NaN; continue; }
      outI[k] = bucketFraction(offsets, lonB, 1, d);
      outJ[k] = fj;
    }
  }
}

/** Bucket index of a monotonic axis (direction `sign`): 4 buckets per node interval on average. */
function buckets(axis: Float64Array, sign: number): Int32Array {
  const n = axis.length;
  const count = 4 * (n - 1);
  const first = sign * axis[0];
  const width = (sign * axis[n - 1] - first) / count;
  const out = new Int32Array(count + 1);
  let node = 0;
  for (let b = 0; b <= count; b++) {
    const start = first + b * width;
    while (node < n - 2 && sign * axis[node + 1] <= start) node++;
    out[b] = node;
  }
  return out;
}

/**
 * Fractional index of `value` in a monotonic axis through its bucket index, NaN outside;
 * a short forward scan from the bucket's node. Allocates nothing.
 */
function bucketFraction(axis: Float64Array, bucketNodes: Int32Array, sign: number, value: number): number {
  const n = axis.length;
  const v = sign * value;
  const first = sign * axis[0];
  const last = sign * axis[n - 1];
  if (!(v >= first && v <= last)) return NaN;
  const count = bucketNodes.length - 1;
  let b = ((v - first) / (last - first) * count) | 0;
  if (b > count) b = count;
  let lo = bucketNodes[b];
  while (lo < n - 2 && sign * axis[lo + 1] <= v) lo++;
  return lo + (v - sign * axis[lo]) / (sign * axis[lo + 1] - sign * axis[lo]);
}

/** The even step of an axis, or NaN when some node departs from it by more than the tolerance. */
function uniformStep(axis: Float64Array): number {
  const n = axis.length;
  const step = (axis[n - 1] - axis[0]) / (n - 1);
  for (let k = 0; k < n; k++) {
    if (Math.abs(axis[0] + k * step - axis[k]) > UNIFORM_TOLERANCE_CELLS * Math.abs(step)) return NaN;
  }
  return step;
}

function wrap180(lonDeg: number): number {
  const w = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return w === -180 && lonDeg > 0 ? 180 : w;
}

function fmt(x: number): string {
  return Number(x.toFixed(4)).toString();
}
