import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Forks, not threads: canvas is a native module, and CLI tests spawn processes anyway.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A missing snapshot fails instead of being written from the output it should check; `-u` writes them.
    update: 'none',
  },
});
