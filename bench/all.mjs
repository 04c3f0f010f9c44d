#!/usr/bin/env node
// Every benchmark with targets, one after another, each printing its table: `npm run bench`. A missed
// target does not stop the others; the exit status is 1 when any of them missed one (or failed).
//
//   npm run build && node bench/all.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['run.mjs', 'batch.mjs', 'descent.mjs', 'streamlines.mjs', 'explorer.mjs'];
const failed = [];
for (const bench of BENCHES) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(bench, import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${bench} (${r.status ?? r.signal})`);
  console.log();
}
if (failed.length) {
  console.log(`missed a target or failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
