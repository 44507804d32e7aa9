import { Coastline } from '../../core/coastline/index.js';
import { ConstantField, CurvilinearGrid, FallbackChain, GriddedField, RegularLonLatGrid } from '../../core/environment/index.js';
import { packInstances, unpackInstances, type Packed } from '../../io/worker_transfer.js';

export type { Packed } from '../../io/worker_transfer.js';

/**
 * The classes whose instances cross into drift worker threads, so a worker gets the forcing and
 * the coastline already loaded instead of reading the files (and starting h5wasm) again.
 */
const TRANSFERABLE_CLASSES = { ConstantField, FallbackChain, GriddedField, RegularLonLatGrid, CurvilinearGrid, Coastline } as const;

/**
 * Note the class of every registered instance inside `value`. Throws for an instance of a class
 * that is not registered, since it would arrive in the worker without its methods.
 */
export function packForWorker<T>(value: T): Packed<T> {
  return packInstances(value, TRANSFERABLE_CLASSES);
}

/** Rebuild the instances of a packed value after it crossed into a worker (deepest first). */
export function unpackInWorker<T>(packed: Packed<T>): T {
  return unpackInstances(packed, TRANSFERABLE_CLASSES);
}
