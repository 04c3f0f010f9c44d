// node:child_process for commander, loaded on first use: commander needs it only to run a subcommand as a
// program of its own, which gradplot never does, and loading it costs every start milliseconds.
let loaded;
module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });
