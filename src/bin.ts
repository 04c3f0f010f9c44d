import { main } from './cli.js';
import { saveCodeCaches } from './startup/load.js';

// A run whose work stopped waiting on something that never comes fails (status 1) rather than
// leaving with Node.js's own status for an unsettled top-level await.
const stopped = () => {
  process.stderr.write('gradplot: the run stopped before it finished\n');
  process.exitCode = 1;
};
process.once('beforeExit', stopped);
void main(process.argv).then((status) => {
  process.off('beforeExit', stopped);
  process.exitCode = status;
  saveCodeCaches();
});
