// Do the machine's two vCPUs slow each other down? (issue 10: two drift threads run at about 69 ns a
// particle-step each against 38 ns for one alone.) Three small kernels, each alone and then two at once
// in worker threads: independent FP chains, a read-modify-write pass over 8 MB, sqrt and division.
// Usage: node bench/vcpu_probe.mjs
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
const kinds = {
  fp: () => { let a = 0.1, b = 0.2, c = 0.3, d = 0.4, e = 0.5, f = 0.6, g = 0.7, h = 0.8; for (let n = 0; n < 1e8; n++) { a = a * 0.999 + 0.001; b = b * 0.999 + 0.001; c = c * 0.999 + 0.001; d = d * 0.999 + 0.001; e = e * 0.999 + 0.001; f = f * 0.999 + 0.001; g = g * 0.999 + 0.001; h = h * 0.999 + 0.001; } return a + b + c + d + e + f + g + h; },
  mem: () => { const arr = new Float64Array(1 << 20 /* 8 MB */).fill(1); let s = 0; for (let r = 0; r < 60; r++) for (let i = 0; i < arr.length; i++) { s += arr[i]; arr[i] = s * 1e-9; } return s; },
  sqrtdiv: () => { let s = 0; for (let n = 1; n < 5e7; n++) { s += Math.sqrt(n) / (n + 0.5); } return s; },
};
if (isMainThread) {
  const run = (k, kind) => Promise.all(Array.from({ length: k }, () => new Promise((res) => { const w = new Worker(new URL(import.meta.url), { workerData: kind }); w.on('message', (m) => { res(m); w.terminate(); }); })));
  for (const kind of Object.keys(kinds)) for (const k of [1, 2]) { const r = await run(k, kind); console.log(kind, k, 'threads:', r.map((m) => m.toFixed(0) + ' ms').join(', ')); }
} else { const t0 = performance.now(); kinds[workerData](); parentPort.postMessage(performance.now() - t0); }
