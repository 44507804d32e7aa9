// Where the drift allocates (issue 10): the inspector's sampling heap profiler, counting objects
// later collected by minor and major GC too (so garbage shows, not only what stays), around
// bench/drift_one_thread.mjs in this process; prints the functions that allocated most.
// Run it with 1 and with 3 repetitions: what grows with the repetitions is the steady state,
// the rest is the first calls before the optimising compiler (and the forcing's reading).
// Needs `npm run build` first.
// Usage: node bench/drift_allocations.mjs [repetitions, default 1] [nocoast] [bundle]
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reps = process.argv[2] ?? '1';
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
process.argv = [process.argv[0], fileURLToPath(new URL('drift_one_thread.mjs', import.meta.url)), root, reps, ...process.argv.slice(3)];
await import('./drift_one_thread.mjs');
const { profile } = await session.post('HeapProfiler.stopSampling');
const bytes = new Map();
const walk = (node) => {
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  node.children.forEach(walk);
};
walk(profile.head);
console.log(`allocated (sampled every 1 KiB, garbage included), ${reps} repetition(s):`);
for (const [key, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${(b / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
