// The first part of bench/exercise_bench.mjs only (its exercises, EXERCISE_BENCH_RUNS, default 10; THREADS,
// default every core; ROOT, default this project), printing JSON (wall, CPU, methods) for fingerprints and
// profiles: THREADS=1 node --cpu-prof --cpu-prof-dir=DIR bench/exercise_part_one.mjs; node bench/cpu_profile_parts.mjs DIR/*.cpuprofile 10
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
const R = process.env.ROOT ?? new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { loadLeewayTable } = await import(`${R}/dist/io/leeway/index.js`);
const { projectPath } = await import(`${R}/dist/io/project_files.js`);
const { forcingPathsFrom } = await import(`${R}/dist/app/case_file/load_drift_case.js`);
const { exerciseCaseFromFile, parseExerciseFile } = await import(`${R}/dist/app/exercise/exercise_file.js`);
const { simulateExercises } = await import(`${R}/dist/app/exercise/simulate.js`);
const objects = loadLeewayTable();
const RUNS = Number(process.env.EXERCISE_BENCH_RUNS ?? 10);
const path = projectPath('examples/exercises/east-sea-raft-or-piw.yaml');
const f = parseExerciseFile(readFileSync(path, 'utf8'), path);
f.particles = 20_000; f.durationH = 24;
f.units.push({ id: 'HELO-A', party: 'Party A navy', speedKn: 90, enduranceH: 2, arrival: '2026-03-10T19:30Z', patterns: ['PS', 'CS'], sweepWidthNm: { 'LIFE-RAFT-DB-10': 2.2, 'PIW-1': 0.3 } });
const exercise = exerciseCaseFromFile(f, objects, forcingPathsFrom(dirname(path)), path);
const threads = Number(process.env.THREADS ?? availableParallelism());
const c0 = process.cpuUsage(), t0 = performance.now();
const r = await simulateExercises(exercise, { runs: RUNS, seed: 1, threads, driftPerRun: true, objects });
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6, methods: r.methods }));
