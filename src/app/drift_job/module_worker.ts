import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Start a worker thread on a module beside `from` (`name` without extension). From dist the module
 * is plain JS. From sources (tests, tsx) it is TypeScript: a small eval'd bootstrap loads it
 * through tsx's API, since Node 20 does not pass module hooks on to workers.
 */
export function startModuleWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  // (a module loaded by tsx inside a worker has a query after its path: read the path only)
  if (new URL(from).pathname.endsWith('.ts')) {
    const target = JSON.stringify(new URL(`./${name}.ts`, from).href);
    return new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${target}, ${JSON.stringify(from)}))`, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, from), options);
}
