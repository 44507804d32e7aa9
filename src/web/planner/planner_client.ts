/**
 * The page's side of the planner Worker: one Worker per page, each request a promise, progress
 * through a callback. The Worker is an ES module Worker that Vite bundles (h5wasm in its own chunk).
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';
import type { TruthSpec, TruthTrackPoint } from '../../core/exercise/index.js';
import type { DriftView, PlanAreaView, PlannerAnswer, PlannerRequest, PlanView, PocView } from './protocol.js';

/** A failure inside the Worker, with the core's stable code. */
export class PlannerError extends Error {
  constructor(readonly code: string, message: string, readonly values?: Readonly<Record<string, number>>) { super(message); }
}

type Pending = { resolve: (a: PlannerAnswer) => void; reject: (e: Error) => void; progress?: (f: number) => void };
type Body<K extends PlannerRequest['kind']> = Omit<Extract<PlannerRequest, { kind: K }>, 'id' | 'kind'>;

export class PlannerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module', name: 'sarbridge-planner' });
    this.worker.onmessage = (event: MessageEvent<PlannerAnswer>) => {
      const answer = event.data;
      const p = this.pending.get(answer.id);
      if (!p) return;
      if (answer.kind === 'progress') { p.progress?.(answer.fraction); return; }
      this.pending.delete(answer.id);
      if (answer.kind === 'error') p.reject(new PlannerError(answer.code, answer.message, answer.values));
      else p.resolve(answer);
    };
    this.worker.onerror = (event) => {
      const error = new PlannerError('SARB_WORKER', event.message || 'the planner stopped');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  private ask<K extends PlannerRequest['kind']>(kind: K, body: Body<K>, transfer: Transferable[] = [], progress?: (f: number) => void): Promise<Extract<PlannerAnswer, { kind: K }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: PlannerAnswer) => void, reject, progress });
      this.worker.postMessage({ ...body, kind, id }, transfer);
    });
  }

  /** Run the case's drift; progress 0..1. Local files are copied (the page keeps its own). */
  async drift(inputs: unknown, title: string, localFiles: Readonly<Record<string, ArrayBuffer>>, particles: number | undefined, progress: (f: number) => void): Promise<DriftView> {
    return (await this.ask('drift', { inputs, title, localFiles, particles }, [], progress)).drift;
  }

  async poc(timeIndex: number): Promise<PocView> {
    return (await this.ask('poc', { timeIndex })).poc;
  }

  /** Plan on the last drift; `previous`: the areas issued last in the case (a re-plan keeps them while nothing is better beyond the noise). */
  async plan(agreement: CooperationConfig | null, previous?: readonly PlanAreaView[]): Promise<PlanView> {
    return (await this.ask('plan', { agreement, ...(previous === undefined ? {} : { previous }) })).plan;
  }

  /** Whether a position is on land by the bundled coastline (null: outside it, not checked). */
  async isLand(lonDeg: number, latDeg: number): Promise<{ onLand: boolean | null; source: string }> {
    const a = await this.ask('isLand', { lonDeg, latDeg });
    return { onLand: a.onLand, source: a.source };
  }

  /** Open a NetCDF file in the Worker: what it holds, or the file's problem. */
  async describeForcing(name: string, bytes: ArrayBuffer): Promise<{ description: readonly string[]; quantities: readonly ('wind' | 'current')[] }> {
    const a = await this.ask('describeForcing', { name, bytes: bytes.slice(0) });
    return { description: a.description, quantities: a.quantities };
  }

  /** The bundled GSHHG shoreline as one GeoJSON MultiLineString feature. */
  async shoreline(): Promise<unknown> {
    return (await this.ask('shoreline', {})).shoreline;
  }

  async objects(): Promise<readonly { key: string; id: number; name: string }[]> {
    return (await this.ask('objects', {})).objects;
  }

  /** Exercise control's truth track on its forcing references (`demo:…`, `upload:…`); the core's refusal when the truth is impossible. */
  async truthTrack(truth: TruthSpec, refs: { wind: string; current: string }, durationS: number): Promise<readonly TruthTrackPoint[]> {
    return (await this.ask('truthTrack', { truth, refs, durationS })).points;
  }
}
