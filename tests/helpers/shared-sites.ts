// The project's own content is built once per test run for every test file that only reads that
// build (the vitest project "project-content" in vitest.config.ts, whose global setup makes them).
// A test that changes a build takes a copy of it, so the others never see the change.
import { inject } from 'vitest';
import { copyFixture, fixtureResult, post, type BuildResult, type FixtureOptions } from './fixture-site.ts';
import { QUICK_ANSWER_POSTS } from './post-page-fixtures.ts';

/** Made-up giscus settings: the tests never reach GitHub or giscus.app. */
export const TEST_GISCUS = {
  repo: 'urban-haze-test/discussions',
  repoId: 'R_kgDOTESTREPO',
  category: 'Comments',
  categoryId: 'DIC_kwDOTESTCAT',
} as const;

/** A noindex post, for the tests that prove it stays out of search. */
export const NOINDEX_POST = {
  'private-notes.md': post({ title: '"Private notes"', noindex: 'true' }, 'The quokka-basalt checklist is published but kept out of search engines and site search.'),
};

export const SHARED_SITES = {
  /** content/ as `npm run build` builds it. */
  default: { withProjectContent: true },
  /** content/ with comments switched on, a post with a quick answer and a noindex post: what the browser tests read. */
  reader: {
    withProjectContent: true,
    posts: { ...QUICK_ANSWER_POSTS, ...NOINDEX_POST },
    env: { SITE_CONFIG_OVERRIDES: JSON.stringify({ giscus: TEST_GISCUS }) },
  },
} satisfies Record<string, FixtureOptions>;

export type SharedSiteName = keyof typeof SHARED_SITES;

/** Where each shared build is, and what it printed, handed from the global setup to the test files. */
export type SharedSiteBuilds = Record<SharedSiteName, { directory: string; output: string }>;

declare module 'vitest' {
  export interface ProvidedContext {
    sharedSites: SharedSiteBuilds;
  }
}

function providedBuild(name: SharedSiteName): { directory: string; output: string } {
  const builds = inject('sharedSites') as SharedSiteBuilds | undefined;
  if (!builds) throw new Error(`The shared "${name}" site is built by the global setup of the vitest project "project-content": add this test file to that project in vitest.config.ts.`);
  return builds[name];
}

/** The shared build, to read only; its cleanup leaves it for the other files. */
export function sharedSite(name: SharedSiteName): BuildResult {
  const { directory, output } = providedBuild(name);
  return fixtureResult(directory, 0, output, { keep: true });
}

/** A copy of the shared build of its own, which the test may change and cleans up. */
export function copyOfSharedSite(name: SharedSiteName): BuildResult {
  const { directory, output } = providedBuild(name);
  return fixtureResult(copyFixture(directory), 0, output);
}
