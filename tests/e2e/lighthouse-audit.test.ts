// The audit as a site owner runs it: the real entry script, real Chromium, real Lighthouse, on small
// hand-written sites, so each test can change one input of an audit and see what is audited again.
// These tests assert what was audited, the verdict and the cache; never how long anything took.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistServer } from '../../scripts/lighthouse/dist-server.ts';
import { audit, auditedPages, chromeGone, chromeRunning, judgementOf, processIdsWith, profileOf, removeTemporaryFolders, startAudit, temporaryFolder, TEST_LOCK_FILE } from '../helpers/audit-process.ts';
import { POSTS, writeAuditSite, type AuditSite } from '../helpers/audit-site.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';

const HUNG_PAGE_SITE = join(PROJECT_ROOT, 'tests/fixtures/lighthouse/hung-page');
// A page's deterministic run is a few seconds; on a busy 2-core machine everything can take several
// times longer, so these tests get more than the suite's default.
const AUDIT_TIMEOUT_MS = 300_000;

afterAll(removeTemporaryFolders);

describe('the audit, run after run', () => {
  let site: AuditSite;
  let state: string;
  const args = (...extra: string[]) => ['--dist', site.dist, '--reports-dir', join(state, 'reports'), '--cache-dir', join(state, 'cache'), '--runs', '1', ...extra];

  beforeAll(() => {
    site = writeAuditSite();
    state = temporaryFolder('audit-state-');
  });
  afterAll(() => site?.cleanup());

  it('audits every page the first time, times one page per template, and passes', async () => {
    const { exitCode, output } = await audit(args());
    expect(exitCode, output).toBe(0);
    expect(auditedPages(output)).toEqual([
      ['/', 'new'],
      ['/404.html', 'new'],
      ['/about/', 'new'],
      ...POSTS.map((path) => [path, 'new']),
    ]);
    const judgement = judgementOf(output);
    for (const page of judgement.pages) {
      expect(page.scores, page.path).toMatchObject({ seo: 100, accessibility: 100, 'best-practices': 100 });
      expect(page.findings.filter((finding) => finding.level === 'error'), page.path).toEqual([]);
    }
    // Timing on the first page of each template only; the others show no performance score.
    const timed = judgement.pages.filter((page) => page.timing).map((page) => page.path).sort();
    expect(timed).toEqual(['/', '/404.html', '/about/', POSTS[0]]);
    expect(judgement.pages.find((page) => page.path === POSTS[1])!.scores.performance).toBeNull();
    expect(output).toMatch(/\[1\/6\] \/ \(home, new\) · Chrome \d · \d+ s elapsed · about [\d:]+ s? ?left/);
    expect(output).toMatch(/\[timing 1\/4\] \/ \(home\): 1 timed run\(s\), one at a time/);
    expect(output).toMatch(/ {6}timed run 1 of 1: perf \d+ · LCP [\d.]+ s · TBT \d+ ms · other processes [\d.]+ of \d+ cores/);
    expect(output).toMatch(/Machine load during the timed runs|The machine was busy during the timed runs/);
    expect(output).toMatch(/Timing: deterministic pass: 6 page\(s\) on \d+ Chrome\(s\)/);
    // What the progress line says for a page is what the table says.
    for (const page of judgement.pages) {
      expect(output).toContain(`      ${page.path}: a11y ${page.scores.accessibility} · bp ${page.scores['best-practices']} · seo ${page.scores.seo}`);
    }
    expect(await chromeGone(profileOf(output)!)).toBe(0);
    expect(existsSync(profileOf(output)!)).toBe(false);
  }, AUDIT_TIMEOUT_MS);

  it('leaves a readable summary, an HTML report and JSON per page, an index and a history', () => {
    const reports = join(state, 'reports');
    const [run] = readdirSync(join(reports, 'runs'));
    const runDir = join(reports, 'runs', run!);
    for (const file of ['index.html', 'manifest.json', 'assertions.json', 'summary.txt', 'pages/home.html', 'pages/home.json', 'pages/home.timed-1.json']) {
      expect(existsSync(join(runDir, file)), file).toBe(true);
    }
    expect(readFileSync(join(runDir, 'summary.txt'), 'utf8')).toMatch(/ {2}page +template +why +perf +a11y +bp +seo +LCP +CLS +TBT +size +requests/);
    expect(readFileSync(join(runDir, 'pages/home.html'), 'utf8')).toContain('Lighthouse Report');
    expect(readFileSync(join(runDir, 'index.html'), 'utf8')).toContain('<a href="pages/home.html">report</a>');
    expect(readFileSync(join(reports, 'index.html'), 'utf8')).toContain(`href="runs/${run}/index.html"`);
    expect(readFileSync(join(reports, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('audits nothing and starts no Chrome when nothing changed', async () => {
    const { exitCode, output } = await audit(args());
    expect(exitCode, output).toBe(0);
    expect(output).toContain('Lighthouse: nothing to audit');
    expect(output).toMatch(/6 page\(s\) unchanged since their last audit; their results stand/);
    expect(output).toMatch(/post: 3 pages \(.+\), unchanged since \d+ \w+ \d{4}, \d\d:\d\d UTC or later/);
    expect(output).not.toContain('Chrome:');
  }, AUDIT_TIMEOUT_MS);

  it('audits only the post that was edited', async () => {
    site.editPost(POSTS[2]);
    const { exitCode, output } = await audit(args('--timed', 'none'));
    expect(exitCode, output).toBe(0);
    expect(auditedPages(output)).toEqual([[POSTS[2], 'changed']]);
    expect(output).toMatch(/5 page\(s\) unchanged since their last audit/);
  }, AUDIT_TIMEOUT_MS);

  it('audits one page per template when the shared CSS changed, and says the others share its result', async () => {
    site.editSharedCss();
    const { exitCode, output } = await audit(args('--timed', 'none'));
    expect(exitCode, output).toBe(0);
    expect(auditedPages(output)).toEqual([
      ['/', 'shared-change'],
      ['/404.html', 'shared-change'],
      ['/about/', 'shared-change'],
      [POSTS[0], 'shared-change'],
    ]);
    expect(output).toContain(`2 other post page(s) share the result of ${POSTS[0]} (only files they share with it changed): ${POSTS[1]}, ${POSTS[2]}.`);
    // The shared result is kept for them: the next run audits nothing.
    const again = await audit(args());
    expect(again.output).toContain('Lighthouse: nothing to audit');
  }, AUDIT_TIMEOUT_MS);

  it('fails on a deterministic regression, a 600 KiB image on one post, naming the image', async () => {
    await site.addHeavyImage(POSTS[1]);
    const { exitCode, output } = await audit(args('--timed', 'none'));
    expect(exitCode, output).toBe(1);
    expect(auditedPages(output)).toEqual([[POSTS[1], 'changed']]);
    expect(output).toMatch(new RegExp(`ERROR ${POSTS[1]} {2}Avoids enormous network payloads \\[total-byte-weight\\]: expected ≤ 500\\.0 KiB, found [\\d.]+ KiB: /images/heavy-photo\\.png`));
    expect(output).toContain('✗ Below budget');
    // A page that failed is audited again until it passes.
    const again = await audit(args('--timed', 'none'));
    expect(auditedPages(again.output)).toEqual([[POSTS[1], 'retry']]);
    expect(again.exitCode).toBe(1);
  }, AUDIT_TIMEOUT_MS);

  it('audits everything again with --all', async () => {
    const { output } = await audit(args('--all', '--timed', 'none'));
    expect(auditedPages(output).map(([, reason]) => reason)).toEqual(Array(6).fill('all'));
  }, AUDIT_TIMEOUT_MS);
});

describe('the audit’s Chrome and its clean-up', () => {
  let site: AuditSite;
  beforeAll(() => {
    site = writeAuditSite();
  });
  afterAll(() => site?.cleanup());
  const fresh = (name: string, ...extra: string[]) => ['--dist', site.dist, '--reports-dir', join(temporaryFolder(`reports-${name}-`), 'r'), '--cache-dir', temporaryFolder(`cache-${name}-`), '--runs', '1', ...extra];

  it.each([
    { signal: 'SIGTERM' as const, exitCode: 143, when: 'while Chrome starts', delayMs: 0 },
    { signal: 'SIGTERM' as const, exitCode: 143, when: 'during a Lighthouse run', delayMs: 1500 },
    { signal: 'SIGINT' as const, exitCode: 130, when: 'during a Lighthouse run (Ctrl-C)', delayMs: 1500 },
  ])('stops on $signal $when with no Chrome process left', async ({ signal, exitCode, delayMs }) => {
    const running = startAudit(fresh(`${signal}-${delayMs}`, '--max-pages', '2', '--timed', 'none'));
    await running.waitFor(/\[1\/2\]/);
    const profile = profileOf(running.output())!;
    expect(await chromeRunning(profile), 'Chrome should be running').toBeGreaterThan(0);
    await sleep(delayMs);
    running.child.kill(signal);
    const result = await running.done;
    expect(result.exitCode, result.output).toBe(exitCode);
    expect(result.output).toContain(`${signal}: stopping the Lighthouse audit`);
    expect(await chromeGone(profile)).toBe(0);
    expect(existsSync(profile)).toBe(false);
  }, AUDIT_TIMEOUT_MS);

  it('recovers when Chrome crashes mid-audit: the page is retried with a fresh Chrome and the run goes on', async () => {
    const running = startAudit(fresh('crash', '--max-pages', '2', '--workers', '1', '--timed', 'none'));
    await running.waitFor(/\[1\/2\]/);
    const profile = profileOf(running.output())!;
    await chromeRunning(profile);
    await sleep(1000);
    for (const pid of processIdsWith(profile)) process.kill(pid, 'SIGKILL'); // the crash: every Chrome process of this audit
    const result = await running.done;
    expect(result.output).toMatch(/\/ failed \(.+\); retrying once with a fresh Chrome/);
    expect(result.exitCode, result.output).toBe(0);
    expect(judgementOf(result.output).pages.map((page) => page.failed)).toEqual([false, false]);
    expect(await chromeGone(profile)).toBe(0);
  }, AUDIT_TIMEOUT_MS);

  it('stops on an unexpected error (its reports folder vanishes mid-run) with no Chrome process left', async () => {
    const args = fresh('vanishing', '--max-pages', '2', '--workers', '1', '--timed', 'none');
    const reports = args[args.indexOf('--reports-dir') + 1]!;
    const running = startAudit(args);
    await running.waitFor(/\[1\/2\]/);
    const profile = profileOf(running.output())!;
    await chromeRunning(profile);
    rmSync(reports, { recursive: true, force: true });
    writeFileSync(reports, 'a file where the reports folder was');
    const result = await running.done;
    expect(result.exitCode, result.output).toBe(1);
    expect(result.output).toMatch(/Lighthouse audit crashed: .*(ENOENT|ENOTDIR)/);
    expect(await chromeGone(profile)).toBe(0);
  }, AUDIT_TIMEOUT_MS);

  it('says clearly when the port asked for is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen));
    const { port } = blocker.address() as { port: number };
    try {
      const { exitCode, output } = await audit(fresh('port', '--port', String(port), '--timed', 'none'));
      expect(exitCode).toBe(1);
      expect(output).toContain(`Lighthouse audit failed: Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('takes over a machine lock left by a process that died, saying so, instead of waiting', async () => {
    const dead = startAudit(['--help']);
    await dead.done;
    writeFileSync(TEST_LOCK_FILE, JSON.stringify({ pid: dead.child.pid, startedAt: new Date().toISOString() }));
    const { exitCode, output } = await audit(fresh('lock', '--max-pages', '1'));
    expect(exitCode, output).toBe(0);
    expect(output).toContain(`Took over the machine's Lighthouse audit lock: its holder, pid ${dead.child.pid}, is no longer running`);
    expect(existsSync(TEST_LOCK_FILE)).toBe(false);
  }, AUDIT_TIMEOUT_MS);
});

describe('the audit on a page that hangs', () => {
  it('retries it once with a fresh Chrome, reports it as failed, and audits the pages after it', async () => {
    const state = temporaryFolder('audit-hung-');
    const { exitCode, output } = await audit(['--dist', HUNG_PAGE_SITE, '--reports-dir', join(state, 'reports'), '--cache-dir', join(state, 'cache'), '--all', '--runs', '1', '--timed', 'none', '--workers', '1', '--page-timeout', '5']);
    expect(exitCode, output).toBe(1);
    expect(output).toMatch(/\/posts\/hangs\/ failed \(.+\); retrying once with a fresh Chrome/);
    expect(output).toMatch(/✗ could not audit \/posts\/hangs\/: .+ \(tried 2 times\); continuing/);
    expect(output).toMatch(/ERROR \/posts\/hangs\/ {2}Lighthouse could not audit this page \[audit-failed\]/);
    const judgement = judgementOf(output);
    expect(judgement.pages.map((page) => [page.path, page.failed]).sort()).toEqual([
      ['/', false],
      ['/about/', false],
      ['/posts/hangs/', true],
    ]);
    expect(await chromeGone(profileOf(output)!)).toBe(0);
  }, AUDIT_TIMEOUT_MS);
});

describe('the audit of a deployed site', () => {
  it('takes the pages from the site’s sitemap, and audits with the desktop preset when asked', async () => {
    const root = temporaryFolder('deployed-');
    cpSync(HUNG_PAGE_SITE, root, { recursive: true });
    rmSync(join(root, 'posts'), { recursive: true });
    const server = await startDistServer({ root, policy: { basePath: '/', trailingSlash: 'always', format: 'directory' } });
    try {
      const site = `${server.origin}/`;
      writeFileSync(join(root, 'sitemap-index.xml'), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site}</loc></url><url><loc>${site}about/</loc></url></urlset>`);
      const state = temporaryFolder('audit-deployed-');
      const { exitCode, output } = await audit(['--url', site, '--reports-dir', join(state, 'reports'), '--cache-dir', join(state, 'cache'), '--runs', '1', '--preset', 'desktop', '--max-pages', '1']);
      expect(exitCode, output).toBe(0);
      expect(output).toContain(`Lighthouse: 1 of 2 pages of ${site} to audit, desktop`);
      const judgement = judgementOf(output);
      expect(judgement.pages.map((page) => page.url)).toEqual([site]);
      const runDir = dirname(/Reports: (\S+index\.html)/.exec(output)![1]!);
      const lhr = JSON.parse(readFileSync(join(runDir, judgement.pages[0]!.report!.replace(/\.html$/, '.json')), 'utf8')) as { configSettings: { formFactor: string } };
      expect(lhr.configSettings.formFactor).toBe('desktop');
    } finally {
      await server.close();
    }
  }, AUDIT_TIMEOUT_MS);
});

describe('without a usable Chrome', () => {
  const args = (state: string) => ['--dist', join(state, 'dist'), '--reports-dir', join(state, 'reports'), '--cache-dir', join(state, 'cache')];

  it.each([
    { name: 'npm run audit fails', flags: [], env: {}, exitCode: 1, message: 'Lighthouse audit failed: CHROME_PATH is set to /nonexistent/chrome, which is not an executable file' },
    { name: 'npm run build warns and succeeds', flags: ['--after-build'], env: {}, exitCode: 0, message: '⚠ Lighthouse audit skipped: CHROME_PATH is set to /nonexistent/chrome' },
    { name: 'npm run build fails on CI', flags: ['--after-build'], env: { CI: 'true' }, exitCode: 1, message: 'The audit is required here (--require-audit or CI is set), so the build fails.' },
    { name: 'npm run build fails with --require-audit', flags: ['--after-build', '--require-audit'], env: {}, exitCode: 1, message: 'Lighthouse audit failed: CHROME_PATH' },
  ])('$name, saying how to enable the audit', async ({ flags, env, exitCode, message }) => {
    const state = temporaryFolder('audit-no-chrome-');
    const result = await audit([...args(state), ...flags], { CHROME_PATH: '/nonexistent/chrome', ...env });
    expect(result.exitCode, result.output).toBe(exitCode);
    expect(result.output).toContain(message);
    expect(result.output).toMatch(/CHROME_PATH|Chromium/);
  });

  it('says a Chrome that cannot start does not start, before any timeout', async () => {
    const state = temporaryFolder('audit-bad-chrome-');
    const started = Date.now();
    const result = await audit(args(state), { CHROME_PATH: '/bin/false' });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('Lighthouse audit failed: /bin/false does not start (/bin/false --version exited with code 1)');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('says dist/ is missing before starting anything', async () => {
    const state = temporaryFolder('audit-no-dist-');
    const result = await audit(args(state));
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(`Lighthouse audit failed: ${join(state, 'dist')} does not exist. Build the site first`);
  });
});
