/**
 * Per-phase wall and CPU time of one command (`sarbridge drift --timings`), printed to stderr so a
 * slow run can be taken apart without a profiler: start-up, reading the forcing, the coastline,
 * the drift, the output, the summaries. Wall time is this thread's clock; CPU time is the whole
 * process's (every thread: process.cpuUsage), so a phase during which worker threads run counts
 * their CPU too. Worker threads report their own milestones (`thread`), printed as times since
 * the process started.
 */
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
  const rows: { name: string; wallMs: number; cpuMs: number }[] = [];
  const threads: { name: string; milestones: Readonly<Record<string, number>> }[] = [];
  const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let current = startUp;
  let wallAt = 0, cpuAt = 0;   // the process started at 0 ms wall and 0 ms CPU
  const close = (): void => {
    const wall = performance.now(), cpu = cpuMs();
    rows.push({ name: current, wallMs: wall - wallAt, cpuMs: cpu - cpuAt });
    wallAt = wall; cpuAt = cpu;
  };
  return {
    begin(name) { close(); current = name; },
    thread(name, milestones) { threads.push({ name, milestones }); },
    report() {
      close();
      current = 'after the report';
      const width = Math.max(...rows.map((r) => r.name.length));
      const lines = ['timings: phase, wall ms, CPU ms (all threads of the process)'];
      for (const r of rows) lines.push(`  ${r.name.padEnd(width)}  ${r.wallMs.toFixed(0).padStart(6)}  ${r.cpuMs.toFixed(0).padStart(6)}`);
      const total = rows.reduce((a, r) => ({ wall: a.wall + r.wallMs, cpu: a.cpu + r.cpuMs }), { wall: 0, cpu: 0 });
      lines.push(`  ${'total'.padEnd(width)}  ${total.wall.toFixed(0).padStart(6)}  ${total.cpu.toFixed(0).padStart(6)}`);
      for (const t of threads) {
        lines.push(`  ${t.name}: ${Object.entries(t.milestones).map(([k, v]) => `${k} ${(v - performance.timeOrigin).toFixed(0)}`).join(', ')} ms after the process started`);
      }
      return lines.join('\n');
    },
  };
}
