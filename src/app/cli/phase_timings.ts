/**
 * Per-phase wall and CPU time of one command (`sarbridge drift --timings`), printed to stderr so a
 * slow run can be taken apart without a profiler: start-up, reading the forcing, the coastline,
 * the drift, the output, the summaries. Wall time is this thread's clock; CPU time is the whole
 * process's (every thread: process.cpuUsage), so a phase during which worker threads run counts
 * their CPU too, and, on Linux, this (main) thread's alone (/proc/self/task/PID/schedstat, in ns;
 * Node 20 has no per-thread CPU clock). Worker threads report their own milestones (`thread`),
 * printed as times since the process started.
 */
import { readFileSync } from 'node:fs';
export interface PhaseTimer {
  /** Phase `name` starts now; the phase before it (if any) ends. */
  begin(name: string): void;
  /** A worker thread's milestones, as epoch ms (`performance.timeOrigin + performance.now()` in that thread). */
  thread(name: string, milestones: Readonly<Record<string, number>>): void;
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
  const threads: { name: string; milestones: Readonly<Record<string, number>> }[] = [];
  const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const mainCpuMs = (): number => {
    try { return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; }
  };
  let current = startUp;
  let wallAt = 0, cpuAt = 0, mainAt = 0;   // the process started at 0 ms wall and 0 ms CPU
  const close = (): void => {
    const wall = performance.now(), cpu = cpuMs(), main = mainCpuMs();
    rows.push({ name: current, wallMs: wall - wallAt, cpuMs: cpu - cpuAt, mainMs: main - mainAt });
    wallAt = wall; cpuAt = cpu; mainAt = main;
  };
  return {
    begin(name) { close(); current = name; },
    thread(name, milestones) { threads.push({ name, milestones }); },
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
      }
      return lines.join('\n');
    },
  };
}
