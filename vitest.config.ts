import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // Build and browser tests start real Astro builds and Chromium; give them room on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, although most of
    // the long tests wait on child processes (Astro, Chromium). Two at least keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
