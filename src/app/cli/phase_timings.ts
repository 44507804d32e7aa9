/**
 * Per-phase wall and CPU time of one command (`sarbridge drift --timings`), printed to stderr so a
 * slow run can be taken apart without a profiler: start-up, reading the forcing, the coastline,
 * the drift, the output, the summaries. Wall time is this thread's clock; CPU time is the whole
 * process's (every thread: process.cpuUsage), so a phase during which worker threads run counts
 * their CPU too, and, on Linux, this (main) thread's alone (threadCpuMs). The drift threads report
 * their own milestones (`thread`), printed as times since the process started, and on Linux the
 * particle-steps each drifted on its own CPU.
 */
import { threadCpuMs, type ThreadWork } from '../drift_job/thread_cpu.js';

export interface PhaseTimer {
  /** Phase `name` starts now; the phase before it (if any) ends. */
  begin(name: string): void;
  /**
   * A drift thread's milestones, as epoch ms (`performance.timeOrigin + performance.now()` in that
   * thread), and what it drifted on its own CPU (the kernel's rate per core without V8's compiler
   * and GC threads, which the phase's "all threads" column counts).
   */
  thread(name: string, milestones: Readonly<Record<string, number>>, work?: ThreadWork): void;
  /** End the current phase and give the table (empty when timing is off). */
  report(): string;
}

const OFF: PhaseTimer = { begin: () => undefined, thread: () => undefined, report: () => '' };

/**
 * A timer whose first phase, `startUp`, ran from the process's start to now (node's own start,
 * the CLI's modules and the command's). Off: every call does nothing.
 */
export function phaseTimer(on: boolean, startUp = 'start-up (node, CLI and command modules)'): PhaseTimer {
  if (!on) return OFF;
  const rows: { name: string; wallMs: number; cpuMs: number; mainMs: number }[] = [];
  const threads: { name: string; milestones: Readonly<Record<string, number>>; work?: ThreadWork }[] = [];
  const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const mainCpuMs = threadCpuMs;   // the timer runs in the main thread
  let current = startUp;
  let wallAt = 0, cpuAt = 0, mainAt = 0;   // the process started at 0 ms wall and 0 ms CPU
  const close = (): void => {
    const wall = performance.now(), cpu = cpuMs(), main = mainCpuMs();
    rows.push({ name: current, wallMs: wall - wallAt, cpuMs: cpu - cpuAt, mainMs: main - mainAt });
    wallAt = wall; cpuAt = cpu; mainAt = main;
  };
  return {
    begin(name) { close(); current = name; },
    thread(name, milestones, work) { threads.push({ name, milestones, ...(work === undefined ? {} : { work }) }); },
    report() {
      close();
      current = 'after the report';
      const width = Math.max(...rows.map((r) => r.name.length));
      const lines = [`timings: ${'phase'.padEnd(width - 7)}  wall ms  CPU ms: all threads, this thread`];
      const row = (name: string, wall: number, cpu: number, main: number): string =>
        `  ${name.padEnd(width)}  ${wall.toFixed(0).padStart(7)}  ${cpu.toFixed(0).padStart(7)}  ${Number.isNaN(main) ? '-' : main.toFixed(0).padStart(7)}`;
      for (const r of rows) lines.push(row(r.name, r.wallMs, r.cpuMs, r.mainMs));
      const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((a, r) => a + f(r), 0);
      lines.push(row('total', sum((r) => r.wallMs), sum((r) => r.cpuMs), sum((r) => r.mainMs)));
      for (const t of threads) {
        lines.push(`  ${t.name}: ${Object.entries(t.milestones).map(([k, v]) => `${k} ${(v - performance.timeOrigin).toFixed(0)}`).join(', ')} ms after the process started`);
        const w = t.work;
        if (w !== undefined && Number.isFinite(w.cpuMs) && w.particleSteps === 0) {
          lines.push(`    no particle-step (the other threads drifted them all before it began); ${w.summariesCpuMs.toFixed(0)} ms on summaries`);
        } else if (w !== undefined && Number.isFinite(w.cpuMs)) {
          const driftMs = w.cpuMs - w.summariesCpuMs;
          lines.push(`    ${w.particleSteps.toLocaleString('en')} particle-steps on ${driftMs.toFixed(0)} ms of its own CPU (seeding included): ` +
            `${((driftMs * 1e6) / w.particleSteps).toFixed(1)} ns each, ${(w.particleSteps / driftMs / 1e3).toFixed(1)} M/s; and ${w.summariesCpuMs.toFixed(0)} ms on summaries`);
        }
      }
      return lines.join('\n');
    },
  };
}
