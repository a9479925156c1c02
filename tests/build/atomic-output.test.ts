// A build publishes a complete site or changes nothing: whatever fails or stops it (the lint, the
// audit, a signal in any stage, SIGKILL), the previous dist/ stays byte-identical, the rejected output
// is kept beside it, and one line says so. The tests run one after another on one small fixture site
// (they share its cache, so each later build is a warm one); the stages are hit through the build's
// own test signal, plus real SIGTERM and SIGKILL sent when the output reaches a stage.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAstroBuild, type AstroBuildOptions } from '../../scripts/lib/astro-build.ts';
import { atomicOutput, prepareOutput } from '../../src/integrations/atomic-output.ts';
import { outputFolders, STAGES } from '../../src/lib/atomic-output.ts';
import { displayPath, listFiles } from '../../src/lib/files.ts';
import { TEST_LOCK_FILE } from '../helpers/audit-process.ts';
import { post, PROJECT_ROOT, writePages, writePosts } from '../helpers/fixture-site.ts';

const FIXTURE_ROOT = join(PROJECT_ROOT, '.cache/test-sites');

/** Every file of a folder and the hash of its bytes. */
/** The last line one stream printed (across stdout and stderr, the order of lines is not fixed). */
const lastLine = (stream: string) => stream.trimEnd().split('\n').at(-1);

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(folder)
      .sort()
      .map((file) => [file, createHash('sha256').update(readFileSync(join(folder, file))).digest('hex')]),
  );
}

describe('the integration outside astro build', () => {
  it.each(['dev', 'preview', 'sync'] as const)('leaves the output folder alone under astro %s', async (command) => {
    const hook = atomicOutput().hooks['astro:config:setup']!;
    const updates: unknown[] = [];
    // Only what the hook could touch; under any command but build it must touch nothing.
    const params = { command, config: { outDir: new URL('file:///nowhere/dist/') }, updateConfig: (update: unknown) => updates.push(update) };
    await hook(params as unknown as Parameters<typeof hook>[0]);
    expect(updates).toEqual([]);
  });

  it('runs last, and every stage before it has a name, so a failure or signal in any of them says where', async () => {
    const { default: config } = await import('../../astro.config.mjs');
    const integrations = (config.integrations ?? []).flat().filter((each): each is AstroIntegration => Boolean(each && typeof each === 'object' && 'hooks' in each));
    expect(integrations.at(-1)?.name).toBe('urban-haze:atomic-output');
    const stages = integrations.slice(0, -1).filter((each) => each.hooks['astro:build:done']).map((each) => each.name);
    // Among them the stages the signal tests below do not stop a build in (they wrap the same way).
    expect(stages).toEqual(expect.arrayContaining(['urban-haze:search-index', 'urban-haze:sitemap-out-dir', 'urban-haze:security-headers']));
    expect(stages.filter((stage) => !(stage in STAGES))).toEqual([]);
  });
});

describe('recovering from a crash between the two renames that replace dist/', () => {
  const root = mkdtempSync(join(tmpdir(), 'atomic-output-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('puts the old site back when dist/ is missing and dist.previous/ holds it, and clears a dead staging folder', () => {
    const folders = outputFolders(join(root, 'dist'));
    mkdirSync(folders.previous, { recursive: true });
    writeFileSync(join(folders.previous, 'index.html'), 'the old site');
    mkdirSync(join(folders.staging, '.prerender'), { recursive: true });
    const lines = prepareOutput(folders);
    expect(readFileSync(join(folders.final, 'index.html'), 'utf8')).toBe('the old site');
    expect([existsSync(folders.previous), existsSync(folders.staging)]).toEqual([false, false]);
    expect(lines).toEqual([expect.stringMatching(/^Restored .*dist\/ from .*dist\.previous\/: an earlier build was stopped/), expect.stringMatching(/^Removed .*dist\.staging\/, left by a build that was killed/)]);
  });
});

describe('a build that fails or is stopped leaves the previous dist/ byte-identical', () => {
  let directory: string;
  let dist: string;
  let folders: ReturnType<typeof outputFolders>;
  let before: Record<string, string>;
  const shown = (path: string) => displayPath(path, PROJECT_ROOT);
  const start = (options: Partial<AstroBuildOptions> = {}) =>
    startAstroBuild({ contentDir: join(directory, 'content'), outDir: dist, cacheDir: join(directory, '.astro-cache'), ...options, env: { BUILD_DATE: '2026-06-01', ...options.env } });
  const build = async (options: Partial<AstroBuildOptions> = {}) => start(options).done;
  const note = () => readFileSync(join(folders.rejected, 'REJECTED.txt'), 'utf8');
  /** The owner's SEO report, written beside the output folder by the SEO lint. */
  let seoReport: string;
  const rejectedLine = (reason: string) => `${shown(dist)}/ unchanged; the rejected build is in ${shown(folders.rejected)}/ (${reason})`;
  const expectUnchanged = () => {
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(folders.staging), 'staging folder left').toBe(false);
  };

  beforeAll(() => {
    mkdirSync(FIXTURE_ROOT, { recursive: true });
    directory = mkdtempSync(join(FIXTURE_ROOT, 'atomic-output-'));
    dist = join(directory, 'dist');
    seoReport = join(directory, 'reports/index.html');
    folders = outputFolders(dist);
    writePosts(directory, {
      'first.md': post({ title: '"First post"' }),
      'second.md': post({ title: '"Second post"', pubDate: '2026-02-01' }),
    });
    writePages(directory);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('publishes a passing build only at its end, whole: no staging folder or server chunks left', async () => {
    const run = await build();
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain(`directory: ${folders.staging}/`);
    expect(run.output).toContain(`Published: ${shown(dist)}/ now holds this build`);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'og'))).toBe(true);
    expect(listFiles(dist).filter((file) => file.startsWith('.prerender'))).toEqual([]);
    expect([folders.staging, folders.previous, folders.rejected].filter(existsSync)).toEqual([]);
    writeFileSync(join(dist, 'MARKER'), 'the site that was published before\n');
    before = snapshot(dist);
  });

  it('fails at once, naming the folder and the fix, when the cache folder is read-only', async () => {
    const cacheDir = join(directory, '.astro-cache');
    // Root writes through permissions, so the build runs as nobody, as a site owner who is not root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, env: { HOME: tmpdir() } } : {};
    chmodSync(directory, 0o755);
    chmodSync(cacheDir, 0o555);
    try {
      const run = await build(asNobody);
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(`Cannot write to Astro's cache folder ${shown(cacheDir)} (EACCES).`);
      expect(run.output).toMatch(/Fix: make it writable by this user .*or set ASTRO_CACHE_DIR to a writable folder/);
      expect(run.output).not.toContain('data-store.json');
    } finally {
      chmodSync(cacheDir, 0o755);
      chmodSync(directory, 0o700);
    }
    expectUnchanged();
  });

  it('keeps a site the SEO lint fails out of dist/, as dist.rejected/, and says why', async () => {
    // Two posts with one description: an error-level lint rule (description-unique).
    const duplicate = join(directory, 'content/posts/duplicate.md');
    writeFileSync(duplicate, post({ title: '"Third post"', description: JSON.stringify('The fixture post “First post”, used by the build tests to check what the site publishes.') }));
    try {
      const run = await build();
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain('description-unique');
      expect(lastLine(run.stderr)).toContain(rejectedLine('the SEO lint failed'));
    } finally {
      rmSync(duplicate);
    }
    expectUnchanged();
    expect(note()).toMatch(/^This build was not published: the SEO lint failed\.\nWhen: \d{4}-\d\d-\d\dT/);
    // The rejected build is the whole site the lint judged, offending page included.
    expect(existsSync(join(folders.rejected, 'posts/duplicate/index.html'))).toBe(true);
  });

  it('keeps dist/ when a post names a hero image that does not exist', async () => {
    writePosts(directory, { 'hero/index.md': post({ title: '"A post with a lost hero"', hero: '\n  src: ./does-not-exist.jpg\n  alt: "A photo that is not there"' }) });
    try {
      const run = await build();
      expect(run.exitCode, run.output).not.toBe(0);
      expect(run.output).toContain(`${shown(dist)}/ unchanged`);
    } finally {
      rmSync(join(directory, 'content/posts/hero'), { recursive: true });
    }
    expectUnchanged();
  });

  it.each([
    { stage: 'render', signal: 'SIGTERM', exitCode: 143, reason: 'stopped by SIGTERM while the pages were rendered' },
    { stage: 'urban-haze:og-images', signal: 'SIGTERM', exitCode: 143, reason: 'stopped by SIGTERM while the OG cards were drawn' },
    { stage: '@astrojs/sitemap', signal: 'SIGHUP', exitCode: 129, reason: 'stopped by SIGHUP while the sitemap was written' },
    { stage: 'urban-haze:search-index-finish', signal: 'SIGTERM', exitCode: 143, reason: 'stopped by SIGTERM while the search index was built' },
    { stage: 'urban-haze:seo-lint', signal: 'SIGINT', exitCode: 130, reason: 'stopped by SIGINT while the SEO lint ran' },
  ])('stopped by $signal at $stage, exits $exitCode and keeps dist/', async ({ stage, signal, exitCode, reason }) => {
    const run = await build({ env: { ATOMIC_BUILD_TEST_SIGNAL_AT: stage, ATOMIC_BUILD_TEST_SIGNAL: signal } });
    expect(run.exitCode, run.output).toBe(exitCode);
    expect(run.output).toContain(rejectedLine(reason));
    expectUnchanged();
    expect(note()).toContain(`This build was not published: ${reason}.`);
    expect(existsSync(join(folders.rejected, '.prerender'))).toBe(false);
  });

  it('stopped by a real SIGTERM to npm run build while the pages are generated, exits 143 and keeps dist/', async () => {
    const running = start({ entry: 'npm-build' });
    await running.waitFor(/generating static routes/);
    running.child.kill('SIGTERM');
    const run = await running.done;
    expect(run.exitCode, run.output).toBe(143);
    expect(run.output).toMatch(/unchanged; the rejected build is in .*dist\.rejected\/ \(stopped by SIGTERM while/);
    expectUnchanged();
  });

  it('killed outright (SIGKILL) while the pages are generated, leaves dist/ intact and only a staging folder', async () => {
    const running = start();
    await running.waitFor(/generating static routes/);
    running.child.kill('SIGKILL');
    const run = await running.done;
    expect(run.signal, run.output).toBe('SIGKILL');
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(folders.staging)).toBe(true);
  });

  it('the next passing build (npm run build) clears the dead staging folder, publishes the new site and removes the rejected one', async () => {
    writePosts(directory, { 'third.md': post({ title: '"Third post"', pubDate: '2026-03-01' }) });
    // No Chrome and no CI: the audit is skipped with a warning, as on a machine without Chromium.
    const run = await build({ entry: 'npm-build', env: { CHROME_PATH: '/nonexistent/chrome', CI: '' } });
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain(`Removed ${shown(folders.staging)}/, left by a build that was killed before it finished`);
    expect(run.output).toContain('Lighthouse audit skipped');
    expect(lastLine(run.stdout)).toBe(`Published: ${shown(dist)}/ now holds this build (every stage passed; it replaced the previous site in one rename). SEO report: ${shown(seoReport)}`);
    expect(existsSync(join(dist, 'posts/third/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'MARKER'))).toBe(false);
    expect([folders.staging, folders.previous, folders.rejected].filter(existsSync)).toEqual([]);
    writeFileSync(join(dist, 'MARKER'), 'the site that was published before\n');
    before = snapshot(dist);
  });

  it('keeps a site the Lighthouse audit fails out of dist/ under npm run build, and redraws the SEO report with that run', async () => {
    const state = mkdtempSync(join(tmpdir(), 'atomic-output-audit-'));
    // The audit's reports in their usual place beside the SEO report (reports/lighthouse/), so the report charts them.
    const reports = join(directory, 'reports/lighthouse');
    // One page, no timed runs, and a budget no page can meet: at most 0 network requests.
    const audit = { maxChangedPages: 0, alwaysAudit: ['/'], timedPages: 'none', assertions: { 'network-requests': ['error', { maxLength: 0 }] } };
    try {
      const run = await build({
        entry: 'npm-build',
        args: ['--reports-dir', reports, '--cache-dir', join(state, 'cache')],
        env: { SITE_CONFIG_OVERRIDES: JSON.stringify({ audit }), LIGHTHOUSE_LOCK_FILE: TEST_LOCK_FILE, LIGHTHOUSE_AUDIT_RUN: `tests-${process.pid}`, CI: '' },
      });
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(`Build staged in ${shown(folders.staging)}/; it replaces ${shown(dist)}/ only if the Lighthouse audit passes.`);
      expect(run.output).toMatch(/network-requests/);
      expect(lastLine(run.stderr)).toBe(rejectedLine('the Lighthouse audit failed'));
      // Reports and history name the folder the build was for, so its scores compare with npm run audit's.
      const history = readFileSync(join(reports, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { target: string });
      expect(history.map((entry) => entry.target)).toEqual([shown(dist)]);
      // The report the build's lint wrote before the audit now shows this audit's run, not the one before.
      expect(run.stdout).toContain(`SEO report redrawn with this run's scores: ${shown(seoReport)}`);
      const index = readFileSync(seoReport, 'utf8');
      expect(index).toContain('some budgets missed');
      expect(index).not.toContain('No Lighthouse history yet');
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
    expectUnchanged();
    expect(note()).toContain('This build was not published: the Lighthouse audit failed.');
  }, 300_000);
});
