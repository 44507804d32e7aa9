// Does a drift slow down when the machine's other vCPU is busy too, with no thread of ours sharing
// anything? (issue 10: inside one process two drift threads spend about 17 % more CPU on the same
// particle-steps than one thread alone, and vcpu_probe.mjs's small kernels showed no contention.)
// bench/drift_one_thread.mjs (the kernel of the CLI bundle, one thread, 100,000 PIW-1 particles)
// run alone, then as two separate processes at once, then alone again; each prints its CPU time
// per particle-step, and the best of its repetitions is shown. Needs `npm run build` first.
// V8 flags after the repetitions go to every process (--no-lazy-feedback-allocation: no cold-start
// trap, see bin/sarbridge.js).
// Usage: node bench/drift_two_processes.mjs [repetitions per process, default 6] [V8 flags...]
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./drift_one_thread.mjs', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const reps = process.argv[2] ?? '6';
const flags = process.argv.slice(3);
/** One process of drift_one_thread: its per-repetition figures (ns a particle-step). */
const one = () => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [...flags, script, root, reps, 'bundle'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('exit', (code) => {
    const m = /particle-step \(CPU, incl\. seeding\): ([\d. ]+) min/.exec(out);
    if (code !== 0 || !m) reject(new Error(`drift_one_thread exited with ${code}: ${out}`));
    else resolve(m[1].trim().split(/\s+/).map(Number));
  });
});
// the first repetition compiles the kernel cold; the last of a pair may run alone once the other ended
const steady = (v) => v.slice(1, -1);
const fmt = (v) => `best ${Math.min(...steady(v)).toFixed(1)}, median ${steady(v).sort((a, b) => a - b)[Math.floor(steady(v).length / 2)].toFixed(1)} ns`;
console.log(`load average at the start ${loadavg()[0].toFixed(1)}; V8 flags: ${flags.join(' ') || 'none'}`);
const alone = await one();
console.log(`one process alone:         ${fmt(alone)} a particle-step (${alone.map((x) => x.toFixed(1)).join(' ')})`);
const pair = await Promise.all([one(), one()]);
pair.forEach((p, k) => console.log(`two processes at once, #${k + 1}: ${fmt(p)} a particle-step (${p.map((x) => x.toFixed(1)).join(' ')})`));
const again = await one();
console.log(`one process alone again:   ${fmt(again)} a particle-step (${again.map((x) => x.toFixed(1)).join(' ')})`);
