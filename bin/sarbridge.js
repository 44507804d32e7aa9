#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm run build writes dist/).
import { main } from '../dist/app/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error instanceof Error ? error.message : error); process.exitCode = 1; },
);
