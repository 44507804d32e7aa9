// A/B of the exercise benchmark's exercise (20,000 particles, 24 h, 4 units) between two builds, in one
// process, interleaved (A B B A A B, 2 runs each, one thread) so that the shared machine's load falls on
// both alike: `node bench/exercise_ab.mjs /tmp/base-copy .` (each a project root with dist/ built).
// Prints the CPU s per exercise of each and the first pair's detections and mean plan POS.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
if (process.argv.length < 4) throw new Error('usage: node bench/exercise_ab.mjs ROOT_A ROOT_B');
const roots = [resolve(process.argv[2]), resolve(process.argv[3])];
const M = await Promise.all(roots.map(async (root) => {
  const d = (p) => import(`${root}/dist/${p}`);
  return { ...(await d('io/leeway/index.js')), ...(await d('io/project_files.js')), ...(await d('app/case_file/load_drift_case.js')),
    ...(await d('app/exercise/exercise_file.js')), ...(await d('app/exercise/simulate.js')) };
}));
const cpu = [0, 0], out = [[], []];
for (const m of [0, 1, 1, 0, 0, 1]) {
  const { loadLeewayTable, projectPath, forcingPathsFrom, exerciseCaseFromFile, parseExerciseFile, simulateExercises } = M[m];
  const objects = loadLeewayTable();
  const path = projectPath('examples/exercises/east-sea-raft-or-piw.yaml');
  const f = parseExerciseFile(readFileSync(path, 'utf8'), path);
  f.particles = 20_000; f.durationH = 24;
  f.units.push({ id: 'HELO-A', party: 'Party A navy', speedKn: 90, enduranceH: 2, arrival: '2026-03-10T19:30Z', patterns: ['PS', 'CS'], sweepWidthNm: { 'LIFE-RAFT-DB-10': 2.2, 'PIW-1': 0.3 } });
  const exercise = exerciseCaseFromFile(f, objects, forcingPathsFrom(dirname(path)), path);
  const c0 = process.cpuUsage();
  const r = await simulateExercises(exercise, { runs: 2, seed: 1, threads: 1, driftPerRun: true, objects });
  const c = process.cpuUsage(c0); cpu[m] += (c.user + c.system) / 1e6 / 2;
  out[m].push(r.methods.map((x) => `${x.method} ${x.detection.successes} ${x.meanPlannedPos.toFixed(4)}`).join(', '));
}
console.log(`CPU s per exercise (3 x 2 runs each, interleaved): A ${(cpu[0] / 3).toFixed(2)}, B ${(cpu[1] / 3).toFixed(2)}, ratio ${(cpu[0] / cpu[1]).toFixed(2)}`);
console.log('A', out[0][0], '\nB', out[1][0]);
