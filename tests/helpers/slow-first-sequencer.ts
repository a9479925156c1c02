// The order test files start in. Vitest runs the longest files first when it remembers their times,
// but a fresh clone (CI) has no times, and it then starts the largest files first: a short file that
// runs Lighthouse for minutes would start last and finish alone. This starts the files that audit
// with Lighthouse first, then the other build and browser tests, then the unit tests, which fill the
// gaps at the end.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Lower runs earlier: how long a file of this kind takes, by where it lives. */
export function startRank(moduleId: string): number {
  const path = moduleId.split('\\').join('/');
  if (/\/tests\/e2e\/lighthouse-[^/]+\.test\.ts$/.test(path)) return 0;
  if (/\/tests\/(e2e|build|ci)\//.test(path)) return 1;
  return 2;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const known = await super.sort(files);
    return known
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => startRank(a.spec.moduleId) - startRank(b.spec.moduleId) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
