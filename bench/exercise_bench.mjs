// Exercise benchmark in its own process (so its peak memory is its own), run by bench/run.mjs:
//   1. 100 simulated exercises, each its own players' drift (20,000 particles, 24 h, 10-min steps),
//      a 4-unit plan (optimal allocation and IAMSAR baseline), searches simulated along the routes,
//      a truth drawn and drifted, detection: `simulateExercises` with driftPerRun on every core;
//   2. the doctrine-trial table of the three example exercises (players' drift and plans once,
//      a truth per run; per run for east-sea-raft-or-piw, whose distress call is made from each
//      run's truth), as `sarbridge exercise simulate FILE --runs 200` prints it.
// Needs `npm run build` (dist/). Prints lines; the machine's load average is printed with them,
// since this kind of machine is shared.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { loadLeewayTable } from '../dist/io/leeway/index.js';
import { projectPath } from '../dist/io/project_files.js';
import { forcingPathsFrom } from '../dist/app/case_file/load_drift_case.js';
import { exerciseCaseFromFile, parseExerciseFile } from '../dist/app/exercise/exercise_file.js';
import { loadExerciseCase } from '../dist/app/exercise/load_exercise_case.js';
import { simulateExercises } from '../dist/app/exercise/simulate.js';
import { trialReport } from '../dist/app/exercise/trial_report.js';

const line = (text = '') => console.log(text);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const objects = loadLeewayTable();
const RUNS = Number(process.env.EXERCISE_BENCH_RUNS ?? 100);

// the demo exercise with a fourth unit (a helicopter), 20,000 particles, a 24 h drift
const path = projectPath('examples/exercises/east-sea-raft-or-piw.yaml');
const f = parseExerciseFile(readFileSync(path, 'utf8'), path);
f.particles = 20_000;
f.durationH = 24;
f.units.push({ id: 'HELO-A', party: 'Party A navy', speedKn: 90, enduranceH: 2, arrival: '2026-03-10T19:30Z', patterns: ['PS', 'CS'], sweepWidthNm: { 'LIFE-RAFT-DB-10': 2.2, 'PIW-1': 0.3 } });
const exercise = exerciseCaseFromFile(f, objects, forcingPathsFrom(dirname(path)), path);
const threads = availableParallelism();

line(`Exercises (bench/exercise_bench.mjs): ${RUNS} simulated exercises, each a ${exercise.plan.drift.request.particleCount.toLocaleString('en')}-particle ${exercise.plan.drift.request.durationS / 3600} h drift ` +
  `(east-sea SYNTHETIC NetCDF + coastline), a ${exercise.plan.units.length}-unit plan (optimal and IAMSAR), simulated searches, a drawn truth, detection; goal under 60 s`);
line(`  load average before: ${load()} (1, 5, 15 min) on ${threads} cores`);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await simulateExercises(exercise, { runs: RUNS, seed: 1, threads, driftPerRun: true, objects });
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
line(`  ${RUNS} exercises on ${result.threads} worker threads: ${wallS.toFixed(1)} s wall (${(wallS / RUNS).toFixed(2)} s per exercise), ` +
  `${cpuS.toFixed(1)} s CPU (${(cpuS / wallS).toFixed(2)} of ${threads} cores), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (all threads)`);
line(`  load average after: ${load()}; the wall time is the shared machine's: ${(cpuS / RUNS).toFixed(2)} CPU s per exercise, ` +
  `so ${(cpuS / threads).toFixed(0)} s on ${threads} idle cores (CPU / cores: an estimate, not measured)`);
for (const m of result.methods) {
  line(`  ${m.method === 'optimal' ? 'optimal allocation' : 'IAMSAR baseline   '}: detected ${m.detection.successes}/${m.detection.trials} ` +
    `(95 % ${m.detection.low.toFixed(3)}–${m.detection.high.toFixed(3)}), mean plan POS ${m.meanPlannedPos.toFixed(3)}, mean POD on the truth ${m.meanTruthPod.toFixed(3)}`);
}

line();
line("Doctrine trials of the three example exercises (200 truths each; the players drift and plan once per method, or per run when they hear a distress call made from each run's truth):");
for (const name of ['liancourt-joint-sarex', 'east-sea-raft-or-piw', 'constant-forcing-six-units']) {
  const t = performance.now();
  const trial = await simulateExercises(loadExerciseCase(projectPath(`examples/exercises/${name}.yaml`), objects), { runs: 200, objects });
  for (const text of trialReport(trial).split('\n')) line(`  ${text}`);
  line(`    (${((performance.now() - t) / 1000).toFixed(1)} s, load average ${load()})`);
  line();
}
