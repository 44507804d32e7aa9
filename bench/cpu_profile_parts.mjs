// Inclusive CPU per part of a --cpu-prof profile (each sample counted once per marker function on its
// stack; MARKERS=a,b,... to choose them) and the top self times: node bench/cpu_profile_parts.mjs FILE... RUNS
import { readFileSync } from 'node:fs';
const files = process.argv.slice(2, -1), runs = Number(process.argv.at(-1));
const markers = (process.env.MARKERS ?? 'runDrift,planAfterDrift,optimalAllocation,greedy,refineAll,refineUnit,refinePairs,pick,evaluateAssignments,evaluate,smoothedParticles,chooseLayout,holdUnitsOfNoUse,iamsarBaseline,iamsarSquare,areaRoute,routesOverLand,simulatedSearchTrack,detectAlongTrack,simulateTruthTrack,planMap,(garbage collector)').split(',');
const incl = new Map(markers.map((m) => [m, 0])), self = new Map();
let total = 0;
for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n])), parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  for (const [id, t] of dt) {
    const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
    if (name === '(idle)') continue;
    total += t;
    const key = `${name} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) { const f = byId.get(x).callFrame.functionName; if (incl.has(f) && !seen.has(f)) { seen.add(f); incl.set(f, incl.get(f) + t); } }
  }
}
const s = (us) => (us / 1e6 / runs).toFixed(3);
console.log(`total sampled CPU ${(total / 1e6).toFixed(1)} s, ${s(total)} s per exercise (${runs} runs)`);
console.log('| part (inclusive) | CPU s per exercise | share |\n|---|---:|---:|');
for (const [m, t] of incl) console.log(`| ${m} | ${s(t)} | ${(100 * t / total).toFixed(1)} % |`);
console.log('\ntop self time:');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`  ${s(t)}  ${(100 * t / total).toFixed(1)} %  ${k}`);
