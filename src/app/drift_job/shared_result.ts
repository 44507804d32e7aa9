import {
  PARTICLE_COLUMNS, type DriftRequest, type DriftResult, type DriftSnapshot, type Particles,
} from '../../core/drift/index.js';

type ColumnName = keyof typeof PARTICLE_COLUMNS;

/**
 * The memory of a whole run's result, in SharedArrayBuffers: worker threads write their particle
 * ranges straight into it, so nothing is copied back or merged.
 */
export interface SharedDriftMemory {
  readonly count: number;
  readonly columns: Readonly<Record<ColumnName, SharedArrayBuffer>>;
  /** One per output time; with `ring`, the times before the last share `ring` buffers in turn (time k the (k mod ring)-th). */
  readonly snapshots: readonly { readonly timeS: number; readonly lonDeg: SharedArrayBuffer; readonly latDeg: SharedArrayBuffer; readonly status: SharedArrayBuffer }[];
  /**
   * 0: every output time keeps its positions. Else only the last does: the earlier ones are
   * overwritten `ring` output times later, so they must have been read by then (the drift
   * threads summarise each first, chunked_drift.ts), and the result holds the last time only.
   */
  readonly ring: number;
}

/**
 * Allocate the shared result of `count` particles at the given output times; with `ring` > 0,
 * only the last output time gets buffers of its own, the others `ring` buffers in turn (a run
 * whose only output is the last time and its summaries: 1.7 MB per 100,000 particles and output
 * time not written, nor their pages faulted in).
 */
export function allocateSharedDrift(count: number, times: readonly number[], ring = 0): SharedDriftMemory {
  const columns = {} as Record<ColumnName, SharedArrayBuffer>;
  for (const [name, column] of Object.entries(PARTICLE_COLUMNS) as [ColumnName, (typeof PARTICLE_COLUMNS)[ColumnName]][]) {
    columns[name] = new SharedArrayBuffer(count * column.type.BYTES_PER_ELEMENT);
  }
  const buffers = (): { lonDeg: SharedArrayBuffer; latDeg: SharedArrayBuffer; status: SharedArrayBuffer } => ({
    lonDeg: new SharedArrayBuffer(count * 8), latDeg: new SharedArrayBuffer(count * 8), status: new SharedArrayBuffer(count),
  });
  const shared = ring > 0 && times.length > ring + 1 ? Array.from({ length: ring }, buffers) : null;
  const snapshots = times.map((timeS, k) => ({ timeS, ...(shared && k < times.length - 1 ? shared[k % ring] : buffers()) }));
  return { count, columns, snapshots, ring: shared ? ring : 0 };
}

/**
 * Write every page of the shared memory once, so the threads that drift do not take the page
 * faults of first writes in their loops (the faults cost a drift thread several times more,
 * measured on the shared 2-core machine: 0.25 s of a worker's CPU in its snapshot copies, the
 * kernel's page faults contended with the other threads'). Done by the worker thread while it
 * waits for the loaded data (worker.ts), so possibly while the main thread already drifts into
 * the same memory: each page gets an atomic add of zero to one 32-bit word, which writes the page
 * without changing any value another thread has written or writes meanwhile.
 */
export function touchSharedDrift(memory: SharedDriftMemory): void {
  const buffers = new Set([...Object.values(memory.columns), ...memory.snapshots.flatMap((s) => [s.lonDeg, s.latDeg, s.status])]);
  for (const buffer of buffers) {
    const words = new Int32Array(buffer, 0, buffer.byteLength >> 2);
    for (let i = 0; i < words.length; i += PAGE_WORDS) Atomics.add(words, i, 0);
  }
}

/** 32-bit words in a 4 KiB page (the smallest page size of the platforms Node runs on). */
const PAGE_WORDS = 1024;

/** Views of the shared memory as a drift result (with `memory.ring`, of the last output time only). */
export function sharedDriftResult(
  memory: SharedDriftMemory, request: DriftRequest, forcingLabels: DriftResult['forcingLabels'], warnings: readonly string[],
): DriftResult {
  const columns = {} as Record<ColumnName, unknown>;
  for (const [name, column] of Object.entries(PARTICLE_COLUMNS) as [ColumnName, (typeof PARTICLE_COLUMNS)[ColumnName]][]) {
    columns[name] = view(column.type, memory.columns[name]);
  }
  const particles = { ...(columns as Omit<Particles, 'count' | 'firstIndex'>), count: memory.count, firstIndex: 0 } as Particles;
  const snapshots: DriftSnapshot[] = (memory.ring > 0 ? memory.snapshots.slice(-1) : memory.snapshots).map((s) => ({
    timeS: s.timeS, lonDeg: new Float64Array(s.lonDeg), latDeg: new Float64Array(s.latDeg), status: new Uint8Array(s.status),
  }));
  return { request, particles, snapshots, forcingLabels, warnings };
}

/** Copy a range's output time `k` into the shared memory at the range's global offset. */
export function writeSharedSnapshot(memory: SharedDriftMemory, k: number, p: Particles): void {
  const target = memory.snapshots[k];
  new Float64Array(target.lonDeg).set(p.lonDeg, p.firstIndex);
  new Float64Array(target.latDeg).set(p.latDeg, p.firstIndex);
  new Uint8Array(target.status).set(p.status, p.firstIndex);
}

/** Copy a range's final particle columns into the shared memory at the range's global offset. */
export function writeSharedParticles(memory: SharedDriftMemory, p: Particles): void {
  for (const [name, column] of Object.entries(PARTICLE_COLUMNS) as [ColumnName, (typeof PARTICLE_COLUMNS)[ColumnName]][]) {
    view(column.type, memory.columns[name]).set(p[name] as Float64Array, p.firstIndex);
  }
}

/** A typed view of a shared buffer (the column constructors differ only in element type). */
function view(type: (typeof PARTICLE_COLUMNS)[ColumnName]['type'], buffer: SharedArrayBuffer): Float64Array {
  return new (type as Float64ArrayConstructor)(buffer);
}
