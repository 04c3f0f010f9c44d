/**
 * What the command runs first (built as dist/cli/gradplot.cjs): the command
 * line's own bundle, dist/cli/main.cjs (src/bin.ts and all it imports), with
 * V8's code cache, as the Vega and mathjs bundles run; a run that had no
 * usable cache saves one as the process exits.
 */
import { VERSION } from '../version.js';
import { runBundle, saveCodeCaches } from './code-cache.js';

// Scripts ask `gradplot --version` to decide what to run; it answers before the command line loads,
// as the full command line would (a test runs both).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  if (!runBundle('main', new URL('./main.cjs', import.meta.url))) throw new Error('gradplot is not built: run `npm run build`');
  process.once('exit', saveCodeCaches);
}
