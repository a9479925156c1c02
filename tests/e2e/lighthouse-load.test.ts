// A busy machine must never fail a healthy site, and must not hide a real regression. The default
// site (a real Astro build of content/) is audited while two processes burn the CPU; then a 600 KiB
// image is planted on one post and the same audit, still under load, fails naming it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { audit, auditedPages, judgementOf, removeTemporaryFolders, temporaryFolder } from '../helpers/audit-process.ts';
import type { BuildResult } from '../helpers/fixture-site.ts';
import { copyOfSharedSite } from '../helpers/shared-sites.ts';

const ADVISORY = '/posts/windows-firewall-blocked-netsession-win-exe/';
const AUDIT_TIMEOUT_MS = 420_000;
/** Each burner stops by itself after this long, whatever happens to the test. */
const BURN_SECONDS = 300;

let burners: ChildProcess[] = [];
/** Two processes that keep a core each busy, as other work on a shared machine would. */
function startBurners(): void {
  burners = [1, 2].map(() => spawn(process.execPath, ['-e', `const end = Date.now() + ${BURN_SECONDS * 1000}; while (Date.now() < end) {}`], { stdio: 'ignore' }));
}
function stopBurners(): void {
  for (const burner of burners) burner.kill('SIGKILL');
  burners = [];
}

describe('the audit of the default site on a busy machine', () => {
  let build: BuildResult;
  let state: string;
  const args = () => ['--dist', build.dist, '--reports-dir', join(state, 'reports'), '--cache-dir', join(state, 'cache'), '--runs', '1'];

  beforeAll(async () => {
    // A copy of the run's shared build of content/: the second test plants an image in it.
    build = copyOfSharedSite('default');
    state = temporaryFolder('audit-load-');
  });
  afterEach(stopBurners);
  afterAll(() => {
    stopBurners();
    build?.cleanup();
    removeTemporaryFolders();
  });

  it('passes while two CPU-burning processes run: timing is reported, never held against a healthy page', async () => {
    startBurners();
    const { exitCode, output } = await audit(args());
    expect(exitCode, output).toBe(0);
    const judgement = judgementOf(output);
    expect(judgement.pages.map((page) => page.template)).toEqual(expect.arrayContaining(['home', 'list', 'post', 'tag-index', 'tag', 'archive', 'about', 'not-found']));
    expect(judgement.pages.map((page) => page.path)).toContain(ADVISORY);
    for (const page of judgement.pages) {
      expect(page.scores, page.path).toMatchObject({ seo: 100, accessibility: 100, 'best-practices': 100 });
      expect(page.findings.filter((finding) => finding.level === 'error'), page.path).toEqual([]);
    }
    // The load was seen and stated.
    expect(output).toMatch(/other processes used [\d.]+ of \d+ cores/);
  }, AUDIT_TIMEOUT_MS);

  it('fails, still under load, when a post gains a 600 KiB image, naming the image; only that post is audited again', async () => {
    const post = '/posts/shooting-raw-vs-jpeg/';
    const png = await sharp({ create: { width: 520, height: 400, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    mkdirSync(join(build.dist, 'images'), { recursive: true });
    writeFileSync(join(build.dist, 'images/planted.png'), png);
    const file = join(build.dist, post.slice(1), 'index.html');
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/(<h1[^>]*>)/, '<img src="/images/planted.png" width="520" height="400" alt="A heavy photo">$1'));

    startBurners();
    const { exitCode, output } = await audit(args());
    expect(exitCode, output).toBe(1);
    expect(auditedPages(output)).toEqual([[post, 'changed']]);
    expect(output).toMatch(new RegExp(`ERROR ${post} {2}.+\\[total-byte-weight\\]: expected ≤ 500\\.0 KiB, found [\\d.]+ KiB: /images/planted\\.png`));
  }, AUDIT_TIMEOUT_MS);
});
