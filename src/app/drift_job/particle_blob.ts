/**
 * A drift run's particles packed into one compact blob, as the server keeps them (store table
 * `drift_runs`) and hands them to the map and to plans: per stored output time the positions as
 * Float32 columns and the statuses as bytes, then each particle's weight and scenario.
 * Float32 holds a longitude near 130° to about 8e-6° (under 1 m), well inside any drift's
 * spread. Pure (no node:* imports): a browser reads the same bytes.
 *
 * Layout, little-endian, every section aligned to its element size:
 *   0  'SBP1' (4 bytes)  4 uint32 particles n  8 uint32 times t  12 uint32 0 (reserved)
 *   16 Float64 timeS[t]                 seconds since 1970-01-01 UTC
 *   …  Float32 lonDeg[t][n], Float32 latDeg[t][n]
 *   …  Uint8 status[t][n]              ParticleStatus codes (core/drift), padded to 4 bytes
 *   …  Float32 weight[n]               probability mass, summing to 1
 *   …  Uint16 scenario[n]              index into the run's scenarios
 */
import { InvalidInputError } from '../../core/errors.js';

const MAGIC = 0x31504253;   // 'SBP1' read as a little-endian uint32
const HEADER_BYTES = 16;

/**
 * Most positions (particles × stored times) a run keeps: 2,000,000 is 18 MB. A run with more
 * output times keeps an even selection of them, always the first and the last; its summary
 * keeps every output time.
 */
export const STORED_POSITIONS_MAX = 2_000_000;

/** Where each section of a blob of `n` particles at `t` times starts, bytes. */
export function particleBlobLayout(n: number, t: number) {
  const pad4 = (x: number) => Math.ceil(x / 4) * 4;
  const times = HEADER_BYTES;
  const lon = times + 8 * t;
  const lat = lon + 4 * n * t;
  const status = lat + 4 * n * t;
  const weight = status + pad4(n * t);
  const scenario = weight + 4 * n;
  const total = pad4(scenario + 2 * n);
  return { times, lon, lat, status, weight, scenario, total };
}

/**
 * Which of `outputCount` output times a run of `particles` keeps (indices, ascending): every one
 * when they fit in STORED_POSITIONS_MAX, else an even selection with the first and the last.
 */
export function storedTimeIndices(outputCount: number, particles: number): number[] {
  const fit = Math.max(2, Math.floor(STORED_POSITIONS_MAX / Math.max(1, particles)));
  if (outputCount <= fit) return Array.from({ length: outputCount }, (_, k) => k);
  return Array.from({ length: fit }, (_, k) => Math.round((k * (outputCount - 1)) / (fit - 1)));
}

/** A blob being filled, time by time (the drift worker writes each stored output time as it comes). */
export class ParticleBlobWriter {
  readonly bytes: Uint8Array;
  private readonly layout: ReturnType<typeof particleBlobLayout>;
  private readonly view: DataView;

  constructor(readonly particles: number, readonly times: number) {
    this.layout = particleBlobLayout(particles, times);
    this.bytes = new Uint8Array(this.layout.total);
    this.view = new DataView(this.bytes.buffer);
    this.view.setUint32(0, MAGIC, true);
    this.view.setUint32(4, particles, true);
    this.view.setUint32(8, times, true);
  }

  /** Write stored time `k` (0-based among the stored times). */
  writeTime(k: number, timeS: number, lonDeg: ArrayLike<number>, latDeg: ArrayLike<number>, status: ArrayLike<number>): void {
    const n = this.particles;
    new Float64Array(this.bytes.buffer, this.layout.times, this.times)[k] = timeS;
    new Float32Array(this.bytes.buffer, this.layout.lon + 4 * n * k, n).set(lonDeg);
    new Float32Array(this.bytes.buffer, this.layout.lat + 4 * n * k, n).set(latDeg);
    this.bytes.set(status, this.layout.status + n * k);
  }

  /** Write each particle's weight and scenario (they do not change along a run). */
  writeParticles(weight: ArrayLike<number>, scenario: ArrayLike<number>): void {
    new Float32Array(this.bytes.buffer, this.layout.weight, this.particles).set(weight);
    new Uint16Array(this.bytes.buffer, this.layout.scenario, this.particles).set(scenario);
  }
}

/** A stored run's particles, read from its blob (views into the bytes, nothing copied). */
export interface StoredParticles {
  readonly count: number;
  readonly timesS: Float64Array;
  /** Positions and statuses at stored time `k`. */
  at(k: number): { lonDeg: Float32Array; latDeg: Float32Array; status: Uint8Array };
  readonly weight: Float32Array;
  readonly scenario: Uint16Array;
}

/** Read a blob (refused with the reason when it is not one, or is cut short). */
export function readParticleBlob(bytes: Uint8Array): StoredParticles {
  // typed views need aligned offsets: copy a blob that does not start on an 8-byte boundary
  const b = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new InvalidInputError('particles', 'is not a sarbridge particle blob (no SBP1 header)');
  const n = view.getUint32(4, true), t = view.getUint32(8, true);
  const layout = particleBlobLayout(n, t);
  if (b.byteLength < layout.total) throw new InvalidInputError('particles', `holds ${b.byteLength} bytes where ${n} particles at ${t} times need ${layout.total}`);
  const at = (offset: number) => b.byteOffset + offset;
  return {
    count: n,
    timesS: new Float64Array(b.buffer, at(layout.times), t),
    at: (k) => {
      if (!(k >= 0 && k < t)) throw new InvalidInputError('time', `stored time ${k} is not one of 0..${t - 1}`);
      return {
        lonDeg: new Float32Array(b.buffer, at(layout.lon + 4 * n * k), n),
        latDeg: new Float32Array(b.buffer, at(layout.lat + 4 * n * k), n),
        status: new Uint8Array(b.buffer, at(layout.status + n * k), n),
      };
    },
    weight: new Float32Array(b.buffer, at(layout.weight), n),
    scenario: new Uint16Array(b.buffer, at(layout.scenario), n),
  };
}
