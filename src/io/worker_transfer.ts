/**
 * Class instances across a worker thread's boundary. A structured clone keeps an object's own
 * data (typed arrays included) but drops its class; `packInstances` notes which registered class
 * each instance had and `unpackInstances` rebuilds them on the other side. Pure (no node:*).
 */

/** Classes by name, the same on both sides of the boundary. */
export type ClassRegistry = Readonly<Record<string, { readonly prototype: object }>>;

/** A value ready for `postMessage` / `workerData`, with the class of every instance it holds. */
export interface Packed<T> {
  readonly value: T;
  readonly classes: readonly (readonly [path: readonly (string | number)[], name: string])[];
}

/**
 * Note the class of every registered instance inside `value`. Throws for an instance of a class
 * that is not registered, since it would arrive without its methods.
 */
export function packInstances<T>(value: T, registry: ClassRegistry): Packed<T> {
  const classes: [readonly (string | number)[], string][] = [];
  const names = Object.keys(registry);
  const seen = new Set<object>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node) || seen.has(node)) return;
    seen.add(node);
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      const name = names.find((n) => registry[n].prototype === proto);
      if (!name) throw new Error(`cannot send a ${proto?.constructor?.name ?? 'class instance'} at ${path.join('.') || '(root)'} to a worker thread: register its class`);
      classes.push([path.slice(), name]);
    }
    for (const [key, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  return { value, classes };
}

/** Rebuild the instances of a packed value after it crossed the boundary (deepest first). */
export function unpackInstances<T>(packed: Packed<T>, registry: ClassRegistry): T {
  let root: unknown = packed.value;
  const byDepth = [...packed.classes].sort((a, b) => b[0].length - a[0].length);
  for (const [path, name] of byDepth) {
    const rebuilt = Object.assign(Object.create(registry[name].prototype), at(root, path));
    if (path.length === 0) root = rebuilt;
    else (at(root, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]] = rebuilt;
  }
  return root as T;
}

/** The ArrayBuffers under a value (typed arrays not on shared memory), to transfer instead of copy. */
export function transferableBuffers(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (ArrayBuffer.isView(node)) {
      if (node.buffer instanceof ArrayBuffer && node.byteOffset === 0 && node.byteLength === node.buffer.byteLength) buffers.add(node.buffer);
      return;
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  return [...buffers];
}

function at(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
