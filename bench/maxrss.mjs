// Preloaded with `node --import` by the benchmark: reports the process's peak memory on exit.
// VmHWM, not getrusage's maxRSS: Linux carries maxRSS over from the parent through fork and exec,
// so a child of a big benchmark process would report the parent's peak.
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

function peakKiB() {
  try {
    return Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s*(\d+) kB/)[1]);
  } catch {
    return process.resourceUsage().maxRSS;
  }
}

// Worker threads get this module too (they inherit --import): only the main thread, which exits last, reports.
if (isMainThread) process.on('exit', () => process.stderr.write(`maxrss: ${peakKiB()}\n`));
