// The Lighthouse audit's cost on a synthetic site, each measurement beside an `astro build` of the same
// site: the first audit (empty cache), an unchanged rebuild, one post edited, the shared CSS changed, and
// the deterministic pass's pages per minute. Everything lives in a temporary folder: never content/,
// dist/, .cache/ or reports/lighthouse/ of the project. Run from scripts/bench.ts (`--audit`).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, runAstroBuild } from '../lib/astro-build.ts';
import { samplePeakMemory } from '../lib/process-tree.ts';
import { startLoadSample } from '../lighthouse/machine-load.ts';
import { auditRunOf, formatAuditProgress, parseAuditOutput, type AuditBenchResult, type AuditRun, type AuditRunFiles, type AuditScenario, type AuditScenarioName } from './audit-bench-report.ts';
import { editPostBody, editSharedStylesheet } from './site-edits.ts';
import { writeSyntheticPosts } from './synthetic-posts.ts';

const AUDIT_SCRIPT = join(PROJECT_ROOT, 'scripts/audit.ts');

export interface AuditBenchOptions {
  posts: number;
  /** Pages of the deterministic-only pass (`--max-pages`); all pages when undefined. */
  throughputPages?: number;
  /** A temporary folder of the caller's, removed by the caller. */
  workDir: string;
  /** The same environment for every build and audit, so both read the same site config. */
  env: Record<string, string>;
  log: (message: string) => void;
}

interface Paths {
  contentDir: string;
  outDir: string;
  astroCacheDir: string;
  auditCacheDir: string;
  reportsDir: string;
}

async function build(label: string, paths: Paths, env: Record<string, string>, log: (message: string) => void): Promise<number> {
  const run = await runAstroBuild({ contentDir: paths.contentDir, outDir: paths.outDir, cacheDir: paths.astroCacheDir, env });
  if (run.exitCode !== 0) {
    console.error(run.output);
    throw new Error(`The ${label} build failed (exit ${run.exitCode}); its output is above.`);
  }
  log(`build · ${label}: ${(run.milliseconds / 1000).toFixed(2)} s`);
  return run.milliseconds;
}

/** Lines of the audit worth passing on while it runs: a page starting, a timed page starting, waiting for the lock. */
const PROGRESS_LINE = /^(\[\d+\/\d+\]|\[timing \d+\/\d+\]|Waiting for another Lighthouse audit|Unpacking the Chromium)/;

/** Runs `npm run audit` on the synthetic build as a site owner would, and reads back what it wrote. */
async function audit(
  name: AuditScenarioName,
  args: string[],
  paths: Paths,
  env: Record<string, string>,
  log: (message: string) => void,
  cacheDir = paths.auditCacheDir,
): Promise<AuditRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [AUDIT_SCRIPT, '--dist', paths.outDir, '--reports-dir', paths.reportsDir, '--cache-dir', cacheDir, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CONTENT_DIR: paths.contentDir, ASTRO_CACHE_DIR: paths.astroCacheDir, NO_COLOR: '1', ...env },
  });
  const memory = child.pid ? samplePeakMemory(child.pid) : undefined;
  const load = startLoadSample(() => (child.pid ? [child.pid] : []));
  let output = '';
  let pending = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (PROGRESS_LINE.test(line)) log(`  audit · ${name}: ${line}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exitCode = await new Promise<number>((resolveExit) => child.on('close', (code) => resolveExit(code ?? 1)));
  const milliseconds = Math.round(performance.now() - started);
  const peakMemoryBytes = memory?.stop();
  const { otherCores } = load.stop();
  const { nothingToAudit, reportIndex } = parseAuditOutput(output);
  if (!nothingToAudit && !reportIndex) {
    console.error(output);
    throw new Error(`The audit (${name}) wrote no reports (exit ${exitCode}); its output is above.`);
  }
  let files: AuditRunFiles | undefined;
  if (reportIndex) {
    const runDir = resolve(PROJECT_ROOT, reportIndex, '..');
    const read = (file: string) => JSON.parse(readFileSync(join(runDir, file), 'utf8'));
    files = { manifest: read('manifest.json'), judgement: read('assertions.json') };
  }
  const run = auditRunOf({ exitCode, milliseconds, output, ...(files ? { files } : {}), ...(peakMemoryBytes === undefined ? {} : { peakMemoryBytes }), otherCores });
  log(formatAuditProgress(name, run));
  return run;
}

export async function benchAudit(options: AuditBenchOptions): Promise<AuditBenchResult> {
  const { workDir, env, log, posts } = options;
  const paths: Paths = {
    contentDir: join(workDir, 'content'),
    outDir: join(workDir, 'dist'),
    astroCacheDir: join(workDir, 'astro-cache'),
    auditCacheDir: join(workDir, 'lighthouse-cache'),
    reportsDir: join(workDir, 'lighthouse-reports'),
  };
  writeSyntheticPosts(paths.contentDir, posts);
  log(`audit: ${posts} synthetic posts written to ${paths.contentDir}`);
  const scenarios: AuditScenario[] = [];

  // 1. First audit: a cold build, then every page once into an empty audit cache.
  const coldMs = await build('cold', paths, env, log);
  const first = await audit('first', ['--all'], paths, env, log);
  scenarios.push({ name: 'first', build: { kind: 'cold', milliseconds: coldMs }, audit: first });

  // 2. Nothing changed: a warm rebuild, then the audit as npm run build runs it.
  const warmMs = await build('warm, nothing changed', paths, env, log);
  scenarios.push({ name: 'unchanged', build: { kind: 'warm', milliseconds: warmMs }, audit: await audit('unchanged', ['--after-build'], paths, env, log) });

  // 3. One post's Markdown edited: rebuild, audit.
  const postFile = join(paths.contentDir, 'posts', `synthetic-${Math.ceil(posts / 2)}.md`);
  writeFileSync(postFile, editPostBody(readFileSync(postFile, 'utf8')));
  const editedMs = await build('warm, one post edited', paths, env, log);
  scenarios.push({ name: 'one-post', build: { kind: 'warm', milliseconds: editedMs }, audit: await audit('one-post', ['--after-build'], paths, env, log) });

  // 4. The shared CSS changed, made on dist/ as a rebuild would write it (the project's src/ is never edited).
  const edit = editSharedStylesheet(paths.outDir);
  log(`audit: shared stylesheet ${edit.from} → ${edit.to}, relinked in ${edit.pages} page(s)`);
  scenarios.push({ name: 'css', build: { kind: 'none' }, audit: await audit('css', ['--after-build'], paths, env, log) });

  // 5. The deterministic pass alone, on a cache of its own, for pages per minute.
  const throughputArgs = ['--all', '--timed', 'none', ...(options.throughputPages ? ['--max-pages', String(options.throughputPages)] : [])];
  const throughput = await audit('throughput', throughputArgs, paths, env, log, join(workDir, 'lighthouse-cache-throughput'));
  scenarios.push({ name: 'throughput', build: { kind: 'none' }, audit: throughput });

  const pages = first.audited.length;
  const templates = [...new Set(first.audited.map((page) => page.template))].sort();
  return { posts, pages, templates, warmBuildMs: warmMs, scenarios };
}
