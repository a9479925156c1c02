import { describe, expect, it } from 'vitest';
import {
  outputFolders,
  planPreparation,
  planPublish,
  planRejection,
  preparationLines,
  publishedLine,
  reasonOf,
  rejectionLine,
  rejectionNote,
  signalExitCode,
  splitBuildArgs,
  testSignalOf,
  unwritableMessage,
  type DiskState,
  type FolderRole,
  type Rejection,
  type Step,
} from './atomic-output.ts';

const names: Record<FolderRole, string> = { final: 'dist', staging: 'dist.staging', previous: 'dist.previous', rejected: 'dist.rejected' };
const disk = (...present: FolderRole[]): DiskState => ({
  final: present.includes('final'),
  staging: present.includes('staging'),
  previous: present.includes('previous'),
  rejected: present.includes('rejected'),
});
const AT = new Date('2026-06-01T10:00:00Z');

/** A model of the four folders: which site each holds. Subfolder steps (`path`) change nothing here. */
type Model = Partial<Record<FolderRole, string>>;
function apply(model: Model, steps: readonly Step[]): Model {
  const next = { ...model };
  for (const step of steps) {
    if (step.op === 'rename') {
      if (next[step.from] === undefined) throw new Error(`rename of missing ${step.from}`);
      if (next[step.to] !== undefined) throw new Error(`rename onto existing ${step.to}`);
      next[step.to] = next[step.from]!;
      delete next[step.from];
    } else if (step.op === 'remove' && step.path === undefined) {
      delete next[step.folder];
    }
  }
  return next;
}
const stateOf = (model: Model): DiskState => disk(...(Object.keys(model) as FolderRole[]));

describe('outputFolders', () => {
  it.each([
    ['/site/dist', '/site/dist'],
    ['/site/dist/', '/site/dist'],
    ['/site/public-site/', '/site/public-site'],
  ])('puts the staging, previous and rejected folders beside %s', (outDir, final) => {
    expect(outputFolders(outDir)).toEqual({ final, staging: `${final}.staging`, previous: `${final}.previous`, rejected: `${final}.rejected` });
  });
});

describe('before a build', () => {
  it.each<{ on: FolderRole[]; steps: Step[]; says: string[] }>([
    { on: [], steps: [], says: [] },
    { on: ['final', 'rejected'], steps: [], says: [] },
    {
      on: ['previous'],
      steps: [{ op: 'rename', from: 'previous', to: 'final' }],
      says: ['Restored dist/ from dist.previous/: an earlier build was stopped in the middle of replacing it.'],
    },
    { on: ['final', 'previous'], steps: [{ op: 'remove', folder: 'previous' }], says: [] },
    {
      on: ['final', 'staging'],
      steps: [{ op: 'remove', folder: 'staging' }],
      says: ['Removed dist.staging/, left by a build that was killed before it finished (dist/ was not touched).'],
    },
    {
      on: ['previous', 'staging'],
      steps: [
        { op: 'rename', from: 'previous', to: 'final' },
        { op: 'remove', folder: 'staging' },
      ],
      says: [
        'Restored dist/ from dist.previous/: an earlier build was stopped in the middle of replacing it.',
        'Removed dist.staging/, left by a build that was killed before it finished (dist/ was not touched).',
      ],
    },
  ])('with $on on disk: $steps', ({ on, steps, says }) => {
    expect(planPreparation(disk(...on))).toEqual(steps);
    expect(preparationLines(steps, names)).toEqual(says);
  });
});

describe('publishing', () => {
  it('removes the prerender chunks, moves the old site aside, renames the new one in and deletes the old one', () => {
    expect(planPublish(disk('final', 'staging', 'rejected'))).toEqual([
      { op: 'remove', folder: 'staging', path: '.prerender' },
      { op: 'rename', from: 'final', to: 'previous' },
      { op: 'rename', from: 'staging', to: 'final' },
      { op: 'remove', folder: 'previous' },
      { op: 'remove', folder: 'rejected' },
    ]);
  });

  it('is one rename when there is no site yet', () => {
    expect(planPublish(disk('staging'))).toEqual([
      { op: 'remove', folder: 'staging', path: '.prerender' },
      { op: 'rename', from: 'staging', to: 'final' },
    ]);
  });

  it.each([
    ['a site already published', { final: 'old', staging: 'new' }],
    ['no site yet', { staging: 'new' }],
    ['a rejected build beside it', { final: 'old', staging: 'new', rejected: 'bad' }],
  ])('with %s, a crash after any step leaves, once the next build has prepared, the old site or the new one, whole', (_, before: Model) => {
    const steps = planPublish(stateOf(before));
    for (let done = 0; done <= steps.length; done++) {
      const crashed = apply(before, steps.slice(0, done));
      const recovered = apply(crashed, planPreparation(stateOf(crashed)));
      const expected = done === steps.length || crashed.final === 'new' ? 'new' : before.final;
      expect(recovered.final, `crash after ${done} step(s)`).toBe(expected);
      expect(recovered.previous, `crash after ${done} step(s)`).toBeUndefined();
    }
  });
});

describe('the line a published build ends with', () => {
  const published = 'Published: dist/ now holds this build (every stage passed; it replaced the previous site in one rename).';
  it.each([
    { report: 'reports/index.html', line: `${published} SEO report: reports/index.html`, why: 'links the SEO report the build wrote' },
    { report: undefined, line: published, why: 'says only where the site is when the build wrote no report' },
  ])('$why', ({ report, line }) => {
    expect(publishedLine(names, report)).toBe(line);
  });
});

describe('rejecting', () => {
  const lint: Rejection = { kind: 'failed', stage: 'urban-haze:seo-lint' };

  it('renames the staged output to the rejected build, clears its chunks and writes why; dist/ is not touched', () => {
    const steps = planRejection(disk('final', 'staging', 'rejected'), lint, AT, names);
    expect(steps).toEqual([
      { op: 'remove', folder: 'rejected' },
      { op: 'rename', from: 'staging', to: 'rejected' },
      { op: 'remove', folder: 'rejected', path: '.prerender' },
      { op: 'write', folder: 'rejected', path: 'REJECTED.txt', text: rejectionNote(lint, AT, names) },
    ]);
    expect(steps.some((step) => step.op === 'rename' && (step.from === 'final' || step.to === 'final'))).toBe(false);
  });

  it('has nothing to keep when the build stopped before writing any output', () => {
    expect(planRejection(disk('final'), lint, AT, names)).toEqual([]);
  });

  it('says why and when in the rejected folder', () => {
    expect(rejectionNote(lint, AT, names)).toMatchInlineSnapshot(`
      "This build was not published: the SEO lint failed.
      When: 2026-06-01T10:00:00.000Z
      The published site, dist/, was left as it was. The build's output (terminal or CI log) says what went wrong.
      The next failed build replaces this folder; the next successful one deletes it.
      "
    `);
  });

  it.each<[Rejection, string]>([
    [lint, 'the SEO lint failed'],
    [{ kind: 'failed', stage: 'audit' }, 'the Lighthouse audit failed'],
    [{ kind: 'failed', stage: 'render' }, 'rendering the pages failed'],
    [{ kind: 'signal', signal: 'SIGTERM', stage: 'urban-haze:og-images' }, 'stopped by SIGTERM while the OG cards were drawn'],
    [{ kind: 'signal', signal: 'SIGINT', stage: 'loading' }, 'stopped by SIGINT while the config and content were loaded'],
    [{ kind: 'killed', signal: 'SIGKILL' }, 'astro build was killed by SIGKILL'],
    [{ kind: 'exited', code: 134 }, 'astro build exited with code 134 before it finished'],
    [{ kind: 'failed', stage: 'my-integration' }, 'the my-integration integration failed'],
    [{ kind: 'incomplete', stage: 'urban-haze:search-index-finish' }, 'the build ended while the search index was built, before its last stage'],
  ])('gives the reason %j as "%s"', (rejection, reason) => {
    expect(reasonOf(rejection)).toBe(reason);
  });

  it.each<[FolderRole[], string]>([
    [['final', 'staging'], 'dist/ unchanged; the rejected build is in dist.rejected/ (the SEO lint failed)'],
    [['staging'], 'nothing published to dist/; the rejected build is in dist.rejected/ (the SEO lint failed)'],
    [['final'], 'dist/ unchanged (the SEO lint failed, before any output was written)'],
  ])('ends the build, with %j on disk, with one line: %s', (on, line) => {
    expect(rejectionLine(disk(...on), lint, names)).toBe(line);
  });
});

describe('signalExitCode', () => {
  it.each([
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGKILL', 137],
    ['SIGTERM', 143],
  ])('exits a build stopped by %s with %i, as a shell reports it', (signal, code) => {
    expect(signalExitCode(signal)).toBe(code);
  });
});

describe('unwritableMessage', () => {
  it('names the cache folder and the fixes', () => {
    expect(unwritableMessage('cache', 'node_modules/.astro', 'EACCES', 'dist')).toMatchInlineSnapshot(
      `"Cannot write to Astro's cache folder node_modules/.astro (EACCES). The build keeps its content store, optimised images, OG cards and search index there. Fix: make it writable by this user (e.g. chown -R "$(id -un)" node_modules/.astro), delete it (it is rebuilt), or set ASTRO_CACHE_DIR to a writable folder."`,
    );
  });

  it('names the folder that holds the output and the fixes', () => {
    expect(unwritableMessage('output', '/srv/site', 'EROFS', '/srv/site/dist')).toBe(
      'Cannot write to /srv/site (EROFS), where the build stages its output beside /srv/site/dist/ before replacing it. Fix: make /srv/site writable by this user, or build into another folder with --outDir.',
    );
  });
});

describe('splitBuildArgs', () => {
  it.each<[string[], { astro: string[]; audit: string[] }]>([
    [[], { astro: [], audit: [] }],
    [['--require-audit'], { astro: [], audit: ['--require-audit'] }],
    [['--outDir', 'out', '--max-pages', '3'], { astro: ['--outDir', 'out'], audit: ['--max-pages', '3'] }],
    [['--outDir=out'], { astro: ['--outDir', 'out'], audit: [] }],
  ])('sends %j to astro build and the audit as %j', (argv, expected) => {
    expect(splitBuildArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--dist', 'x'], /choose where it publishes with --outDir instead of --dist/],
    [['--outDir'], /--outDir expects a folder/],
  ])('refuses %j', (argv, message) => {
    expect(() => splitBuildArgs(argv)).toThrow(message);
  });
});

describe('testSignalOf', () => {
  it('reads the stage and the signal, SIGTERM by default, and nothing when unset', () => {
    expect(testSignalOf({})).toBeUndefined();
    expect(testSignalOf({ ATOMIC_BUILD_TEST_SIGNAL_AT: 'render' })).toEqual({ stage: 'render', signal: 'SIGTERM' });
    expect(testSignalOf({ ATOMIC_BUILD_TEST_SIGNAL_AT: 'render', ATOMIC_BUILD_TEST_SIGNAL: 'SIGHUP' })).toEqual({ stage: 'render', signal: 'SIGHUP' });
    expect(() => testSignalOf({ ATOMIC_BUILD_TEST_SIGNAL_AT: 'render', ATOMIC_BUILD_TEST_SIGNAL: 'TERM' })).toThrow(/not a signal name/);
  });
});
