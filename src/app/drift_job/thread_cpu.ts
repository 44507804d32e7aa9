import { readFileSync } from 'node:fs';

/**
 * CPU time this thread has run, ms: Linux's /proc/thread-self/schedstat (its first field, ns on a
 * CPU), which a worker thread reads for itself; NaN elsewhere. Node 20 has no per-thread CPU clock
 * (process.cpuUsage counts every thread, V8's compiler and GC threads too).
 */
export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** What one drift thread did: its particle-steps and its own CPU for them, and of that CPU the output times' summaries it made. */
export interface ThreadWork {
  readonly particleSteps: number;
  readonly cpuMs: number;
  readonly summariesCpuMs: number;
}
