// Plan quality against the limit (issue 12), in its own process, run by bench/run.mjs: for the three
// examples in examples/plans/ and three scenarios of our own, the POS of the plan (the better of the
// optimiser's layout and the IAMSAR baseline), of the optimiser's own layout, of the IAMSAR baseline,
// and the Koopman/Stone bound for the same effort (src/app/plan/plan_quality.bench.ts says how).
// Needs `npm run build` (dist/). Arguments: particle count (default each example's own; 10,000 for
// ours); --air-over-surface plans with aircraft allowed over surface units' areas (airOverSurface).
import { benchPlanQuality } from '../dist/app/plan/plan_quality.bench.js';

const args = process.argv.slice(2);
const airOverSurface = args.includes('--air-over-surface');
const countArg = args.find((a) => !a.startsWith('--'));
const count = countArg === undefined ? undefined : Number(countArg);
for (const text of await benchPlanQuality(count, airOverSurface)) console.log(text);
