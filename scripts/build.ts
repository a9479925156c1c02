// npm run build [-- options]: astro build into dist.staging/, the Lighthouse audit on that staged
// build, and only then dist.staging/ replaces dist/ in one rename; a failed or stopped build leaves
// dist/ as it was and its output in dist.rejected/. The decisions are in src/lib/atomic-output.ts;
// this file only runs the two processes, passes signals on, prints and sets the exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { publishOutput, readHandoff, rejectOutput } from '../src/integrations/atomic-output.ts';
import { parseAuditArgs, UsageError } from './lighthouse/audit-args.ts';
import { BuildUsageError, HANDOFF_ENV, outputFolders, signalExitCode, splitBuildArgs, type Rejection } from '../src/lib/atomic-output.ts';
import { displayPath } from '../src/lib/files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const AUDIT_SCRIPT = join(ROOT, 'scripts/audit.ts');

const USAGE = `Usage: npm run build [-- options]

Builds the site into dist.staging/ (astro build: pages, OG cards, sitemap, _headers, search index,
SEO lint), runs the Lighthouse audit on it, and only when every stage has passed replaces dist/ with
it in one rename. A failed or stopped build leaves dist/ as it was and its output in dist.rejected/.

  --outDir DIR   publish into DIR instead of dist/ (passed to astro build)
  --help         show this help
  Any other option goes to the audit, e.g. --require-audit (npm run audit -- --help lists them).`;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let stoppedBy: NodeJS.Signals | undefined;
let running: ChildProcess | undefined;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Ended> {
  // In a process group of its own, a child gets a Ctrl-C once (passed on from here), not also from the terminal.
  const child = spawn(process.execPath, args, { stdio: 'inherit', detached: true, env });
  running = child;
  return new Promise((resolveEnded, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running = undefined;
      resolveEnded({ code, signal });
    });
  });
}

/**
 * Where the build's SEO report is: the lint wrote it beside its JSON report, and the audit has redrawn its
 * scores. Loaded only now: the site config is astro build's to check, with its own errors, before this.
 */
async function seoReportOf(final: string): Promise<string | undefined> {
  const [{ reportPath }, { REPORT_INDEX_FILE }, { siteConfig }] = await Promise.all([
    import('../src/seo/lint/lint-dist.ts'),
    import('../src/seo/report/render-report.ts'),
    import('../src/site.config.ts'),
  ]);
  const index = join(dirname(reportPath(resolve(final), siteConfig)), REPORT_INDEX_FILE);
  return existsSync(index) ? displayPath(index) : undefined;
}

const exitCodeOf = (ended: Ended) => (ended.signal ? signalExitCode(ended.signal) : (ended.code ?? 1));

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args;
  try {
    args = splitBuildArgs(argv);
    // The audit's options are checked now, not after a build they would fail.
    parseAuditArgs([...args.audit, '--after-build', '--dist', 'dist.staging']);
  } catch (error) {
    if (!(error instanceof BuildUsageError) && !(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  // The first signal stops the child that is running; npm passes a Ctrl-C on as well, so repeats are ignored.
  const stop = (signal: NodeJS.Signals) => {
    if (stoppedBy) return;
    stoppedBy = signal;
    running?.kill(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  // npm passes SIGTERM and SIGINT to the shell running this script, and a shell that does not exec its
  // command (dash, Debian's sh) dies of it without passing it on: losing the parent means the same stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid === parent || stoppedBy) return;
    console.error('npm run build: the process that started it is gone (npm was stopped); stopping the build.');
    stop('SIGTERM');
  }, 250).unref();

  // 1. astro build, which stages only: the handoff file says where, and whether every stage passed.
  const handoffFile = join(tmpdir(), `atomic-build-${process.pid}.json`);
  rmSync(handoffFile, { force: true });
  const build = await run([ASTRO_BIN, 'build', ...args.astro], { ...process.env, [HANDOFF_ENV]: handoffFile });
  const handoff = readHandoff(handoffFile);
  rmSync(handoffFile, { force: true });
  if (!handoff) {
    // It stopped before reading its config (its own error is above), or it ran without the integration.
    if (build.code === 0) console.error('astro build staged nothing: atomicOutput() must be the last integration in astro.config.mjs.');
    return stoppedBy ? signalExitCode(stoppedBy) : exitCodeOf(build) || 1;
  }
  const folders = outputFolders(handoff.final);
  if (!handoff.staged || build.code !== 0) {
    // A failed or stopped build has rejected its own output; only one killed outright leaves it staged.
    if (existsSync(folders.staging)) {
      const rejection: Rejection = build.signal ? { kind: 'killed', signal: build.signal } : { kind: 'exited', code: build.code ?? 1 };
      console.error(rejectOutput(folders, rejection));
    }
    return stoppedBy ? signalExitCode(stoppedBy) : exitCodeOf(build) || 1;
  }

  // 2. The audit, on the staged build; 3. publish or reject.
  const audit = stoppedBy ? undefined : await run([AUDIT_SCRIPT, '--after-build', '--dist', folders.staging, '--report-as', displayPath(folders.final), ...args.audit], process.env);
  if (stoppedBy) {
    console.error(rejectOutput(folders, { kind: 'signal', signal: stoppedBy, stage: 'audit' }));
    return signalExitCode(stoppedBy);
  }
  if (audit!.code !== 0) {
    console.error(rejectOutput(folders, { kind: 'failed', stage: 'audit' }));
    return exitCodeOf(audit!);
  }
  // Only the line depends on finding the report: a build that passed every stage is published regardless.
  const report = await seoReportOf(folders.final).catch(() => undefined);
  console.log(publishOutput(folders, report));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('npm run build crashed:', error);
    process.exit(1);
  },
);
