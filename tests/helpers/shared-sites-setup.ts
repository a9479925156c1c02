// Global setup of the vitest project "project-content": builds each shared site once, side by side,
// before its test files start, and removes them when the run ends.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildFixture } from './fixture-site.ts';
import { SHARED_SITES, type SharedSiteBuilds, type SharedSiteName } from './shared-sites.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const names = Object.keys(SHARED_SITES) as SharedSiteName[];
  const builds = await Promise.all(names.map((name) => buildFixture(SHARED_SITES[name])));
  const directories = builds.map((build) => build.directory);
  const removeAll = () => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
  const failed = builds.findIndex((build) => build.exitCode !== 0);
  if (failed !== -1) {
    const { output } = builds[failed]!;
    removeAll();
    throw new Error(`The shared "${names[failed]}" site (tests/helpers/shared-sites.ts) failed to build:\n${output}`);
  }
  project.provide('sharedSites', Object.fromEntries(names.map((name, index) => [name, { directory: directories[index]!, output: builds[index]!.output }])) as SharedSiteBuilds);
  return removeAll;
}
