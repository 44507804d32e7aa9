// One drift benchmark case in its own process, so its peak memory is its own.
// Usage: node bench/drift_case.mjs constant|east-sea|east-sea-coast [workers]
// Prints one JSON line: particle-steps per second, wall time, peak RSS.
import { runDrift } from '../dist/core/drift/index.js';
import { ConstantField } from '../dist/core/environment/index.js';
import { loadLeewayTable } from '../dist/io/leeway/index.js';
import { projectPath } from '../dist/io/project_files.js';
import { openJobCoastline, openJobForcingFiles, runDriftJob } from '../dist/app/drift_job/index.js';
import { findObjectClass } from '../dist/core/objects/index.js';

const [kind, workersText] = process.argv.slice(2);
const workers = workersText ? Number(workersText) : 0;
const T0 = Date.UTC(2026, 2, 10, 6) / 1000;
const PARTICLES = 100_000, HOURS = 24, STEP_S = 600;
const objects = loadLeewayTable();
const request = {
  scenarios: [
    { name: 'raft', weight: 0.7, objectClass: findObjectClass(objects, 'LIFE-RAFT-DB-10'), seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.2333 }, radiusM: 1852, spread: 'gaussian' } },
    { name: 'piw', weight: 0.3, objectClass: findObjectClass(objects, 'PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.2333 }, radiusM: 1852, spread: 'gaussian' } },
  ],
  startS: T0, durationS: HOURS * 3600, direction: 'forward', timeStepS: STEP_S, outputEverySteps: 6,
  particleCount: PARTICLES, seed: 1, jibeProbabilityPerHour: 0.04,
};
const eastSea = 'data/forcing/east-sea-synthetic/';
const job = {
  request,
  forcing: kind === 'constant'
    ? { wind: [{ kind: 'constant', eastMps: 7, northMps: -7 }], current: [{ kind: 'constant', eastMps: 0.1, northMps: 0.2 }] }
    : { wind: [{ kind: 'file', path: projectPath(eastSea + 'east-sea-wind.nc') }], current: [{ kind: 'file', path: projectPath(eastSea + 'east-sea-currents.nc') }] },
  coastline: kind === 'east-sea-coast' ? { kind: 'bundled' } : { kind: 'none' },
};
const particleSteps = PARTICLES * HOURS * 3600 / STEP_S;

let seconds, threads, cpuSeconds, wholeJobSeconds, loadSeconds;
if (workers === 0) {
  // one core, in this thread: forcing and coastline loaded first, only the drift is timed
  const forcing = kind === 'constant'
    ? { wind: new ConstantField('wind', 7, -7), current: new ConstantField('current', 0.1, 0.2) }
    : await openJobForcingFiles(job);
  const shoreline = await openJobCoastline(job.coastline);
  runDrift({ ...request, particleCount: 2000, durationS: 7200 }, forcing, { shoreline });   // warm-up
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = runDrift(request, forcing, { shoreline });
  seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  cpuSeconds = (cpu.user + cpu.system) / 1e6;
  threads = 1;
  if (result.particles.count !== PARTICLES) throw new Error('bench: wrong particle count');
} else {
  // every core: the whole job as the CLI runs it, file loading in each worker included
  const t0 = performance.now();
  const { workers: used, timings } = await runDriftJob(job, { workers });
  wholeJobSeconds = (performance.now() - t0) / 1000;
  seconds = timings.driftS;   // threads started, drifting, joined; the files are read before
  loadSeconds = timings.loadS;
  threads = used;
}
console.log(JSON.stringify({
  kind, threads, particleSteps, seconds, cpuSeconds, wholeJobSeconds, loadSeconds,
  mStepsPerS: particleSteps / seconds / 1e6,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
}));
