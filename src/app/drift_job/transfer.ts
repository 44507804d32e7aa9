import { Coastline } from '../../core/coastline/index.js';
import { ConstantField, CurvilinearGrid, FallbackChain, GriddedField, RegularLonLatGrid } from '../../core/environment/index.js';

/**
 * The classes whose instances cross into worker threads. A structured clone keeps an object's own
 * data (typed arrays included) but drops its class; `packForWorker` notes which class each
 * instance had and `unpackInWorker` rebuilds them, so a worker gets the forcing and the coastline
 * already loaded instead of reading the files (and starting h5wasm) again.
 */
const TRANSFERABLE_CLASSES = { ConstantField, FallbackChain, GriddedField, RegularLonLatGrid, CurvilinearGrid, Coastline } as const;
type ClassName = keyof typeof TRANSFERABLE_CLASSES;

/** A value ready for `postMessage` / `workerData`, with the class of every instance it holds. */
export interface Packed<T> {
  readonly value: T;
  readonly classes: readonly (readonly [path: readonly (string | number)[], name: ClassName])[];
}

/**
 * Note the class of every registered instance inside `value`. Throws for an instance of a class
 * that is not registered, since it would arrive in the worker without its methods.
 */
export function packForWorker<T>(value: T): Packed<T> {
  const classes: [readonly (string | number)[], ClassName][] = [];
  const seen = new Set<object>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node) || seen.has(node)) return;
    seen.add(node);
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      const name = (Object.keys(TRANSFERABLE_CLASSES) as ClassName[]).find((n) => TRANSFERABLE_CLASSES[n].prototype === proto);
      if (!name) throw new Error(`cannot send a ${proto?.constructor?.name ?? 'class instance'} at ${path.join('.') || '(root)'} to a worker thread: register its class in transfer.ts`);
      classes.push([path.slice(), name]);
    }
    for (const [key, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  return { value, classes };
}

/** Rebuild the instances of a packed value after it crossed into a worker (deepest first). */
export function unpackInWorker<T>(packed: Packed<T>): T {
  let root: unknown = packed.value;
  const byDepth = [...packed.classes].sort((a, b) => b[0].length - a[0].length);
  for (const [path, name] of byDepth) {
    const rebuilt = Object.assign(Object.create(TRANSFERABLE_CLASSES[name].prototype), at(root, path));
    if (path.length === 0) root = rebuilt;
    else (at(root, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]] = rebuilt;
  }
  return root as T;
}

function at(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
