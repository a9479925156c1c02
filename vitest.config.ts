import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/helpers/slow-first-sequencer.ts';

/** The test files that read a build of content/; the global setup builds it once for all of them. */
const PROJECT_CONTENT_TESTS = [
  'tests/build/default-site.test.ts',
  'tests/e2e/accessibility.test.ts',
  'tests/e2e/comments-and-follow.test.ts',
  'tests/e2e/lighthouse-load.test.ts',
  'tests/e2e/search.test.ts',
  'tests/e2e/security-and-theme.test.ts',
];

export default defineConfig({
  test: {
    // Build and browser tests start real Astro builds and Chromium; give them room on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, although most of
    // the long tests wait on child processes (Astro, Chromium). Two at least keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'], exclude: PROJECT_CONTENT_TESTS },
      },
      {
        extends: true,
        test: { name: 'project-content', include: PROJECT_CONTENT_TESTS, globalSetup: ['tests/helpers/shared-sites-setup.ts'] },
      },
    ],
  },
});
