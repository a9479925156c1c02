// The audit's command line, parsed into plain options. Pure: the entry script prints and exits.
import { parseArgs } from 'node:util';
import { AUDIT_LIMITS, PRESETS, TIMED_PAGES, type Preset, type TimedPages } from '../../src/config/audit-schema.ts';
import type { Shard } from './select-pages.ts';

export const USAGE = `Usage: npm run audit -- [options]
       npm run build            (astro build into dist.staging/, this audit of it with --after-build, then dist/)

Audits the built site in dist/ with Lighthouse: every page whose HTML, loaded files (CSS,
JS, images, fonts) or headers changed since its last audit, one page per template when only
shared files changed, and the pages in audit.alwaysAudit. Nothing changed: nothing audited.

  --all                 audit every page, changed or not
  --since REF           audit the pages whose sources changed since a git commit (e.g. main)
  --max-pages N         audit at most N pages on this machine
  --shard i/n           audit only this machine's share (1 ≤ i ≤ n) of the page list; writes
                        shard-i-of-n.json into the reports folder for --merge
  --merge DIR…          combine the results of shards 1/n … n/n (each DIR a shard's reports folder)
                        into one report, history entry and verdict; fails if any shard failed
  --url https://…       audit a deployed site instead (pages from its sitemap)
  --preset P            mobile (default) or desktop
  --runs N              timed performance runs per timed page, judged on the median (default: audit.performanceRuns)
  --timed WHICH         pages that get timed runs: per-template, all or none (default: audit.timedPages)
  --workers N           Chrome instances for the deterministic pass (default: one per CPU core)
  --page-timeout S      seconds a page may take to load (default: audit.pageTimeoutSeconds)
  --port N              serve dist/ on this port of 127.0.0.1 (default: a free port)
  --dist DIR            the build to audit (default: dist/)
  --report-as DIR       the name the build goes by in reports and history (npm run build audits
                        dist.staging/ as dist/, the folder it is about to replace)
  --reports-dir DIR     where reports go (default: reports/lighthouse/)
  --cache-dir DIR       where the changed-only cache lives (default: .cache/lighthouse/)
  --after-build         run as the last step of npm run build: without Chrome, warn and succeed
  --require-audit       with --after-build, fail when Chrome is missing (also when CI is set)
  --help                show this help

Budgets and settings: the audit field of src/site.config.ts (documented in src/config/audit-schema.ts).
Chrome: CHROME_PATH, else /usr/bin/chromium, chromium-browser, google-chrome and other usual places.`;

export interface AuditArgs {
  afterBuild: boolean;
  requireAudit: boolean;
  all: boolean;
  help: boolean;
  since?: string;
  timed?: TimedPages;
  workers?: number;
  maxPages?: number;
  shard?: Shard;
  url?: string;
  preset?: Preset;
  runs?: number;
  pageTimeoutSeconds?: number;
  port?: number;
  dist?: string;
  /** The folder the audited build is published as, for reports and history (see --report-as). */
  reportAs?: string;
  reportsDir?: string;
  cacheDir?: string;
  /** `--merge DIR…`: the shards' reports folders to combine; no audit runs. */
  merge?: string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInteger(flag: string, value: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new UsageError(`--${flag} expects a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, not "${value}"`);
  }
  return parsed;
}

function oneOf<T extends string>(flag: string, choices: readonly T[], value: string): T {
  const choice = choices.find((name) => name === value);
  if (!choice) throw new UsageError(`--${flag} is ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`);
  return choice;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n, e.g. --shard 2/4, not "${value}"`);
  }
  return { index, count };
}

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      // Only --merge takes more than one value: `--merge a b c`.
      allowPositionals: true,
      options: {
        'after-build': { type: 'boolean', default: false },
        'require-audit': { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'max-pages': { type: 'string' },
        since: { type: 'string' },
        timed: { type: 'string' },
        workers: { type: 'string' },
        shard: { type: 'string' },
        url: { type: 'string' },
        preset: { type: 'string' },
        runs: { type: 'string' },
        'page-timeout': { type: 'string' },
        port: { type: 'string' },
        dist: { type: 'string' },
        'report-as': { type: 'string' },
        'reports-dir': { type: 'string' },
        'cache-dir': { type: 'string' },
        merge: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    // Node's hint about positional arguments is for --merge's folders only; an unknown option needs none.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${message.replace(/\.$/, '')}. Run npm run audit -- --help for the options.`);
  }
  const args: AuditArgs = {
    afterBuild: values['after-build'],
    requireAudit: values['require-audit'],
    all: values.all,
    help: values.help,
  };
  if (values['max-pages'] !== undefined) args.maxPages = positiveInteger('max-pages', values['max-pages']);
  if (values.shard !== undefined) args.shard = parseShard(values.shard);
  if (values.since !== undefined) {
    if (values.since.trim() === '' || values.since.startsWith('-')) throw new UsageError(`--since expects a git commit, branch or tag, e.g. --since main, not "${values.since}"`);
    args.since = values.since;
  }
  if (values.timed !== undefined) args.timed = oneOf('timed', TIMED_PAGES, values.timed);
  if (values.workers !== undefined) args.workers = positiveInteger('workers', values.workers, { max: AUDIT_LIMITS.maxWorkers });
  if (values.url !== undefined) {
    if (!/^https?:\/\//.test(values.url) || !URL.canParse(values.url)) throw new UsageError(`--url expects the site's address, e.g. https://example.com/, not "${values.url}"`);
    const url = new URL(values.url);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    args.url = url.href;
  }
  if (values.preset !== undefined) args.preset = oneOf('preset', PRESETS, values.preset);
  if (values.runs !== undefined) args.runs = positiveInteger('runs', values.runs, { max: AUDIT_LIMITS.maxPerformanceRuns });
  if (values['page-timeout'] !== undefined) args.pageTimeoutSeconds = positiveInteger('page-timeout', values['page-timeout'], AUDIT_LIMITS.pageTimeoutSeconds);
  if (values.port !== undefined) args.port = positiveInteger('port', values.port, { max: 65535 });
  if (values.dist !== undefined) args.dist = values.dist;
  if (values['report-as'] !== undefined) args.reportAs = values['report-as'];
  if (values['reports-dir'] !== undefined) args.reportsDir = values['reports-dir'];
  if (values['cache-dir'] !== undefined) args.cacheDir = values['cache-dir'];
  if (values.merge !== undefined) {
    // Only where the merged report and cache go make sense with a merge: the rest is the shards' to choose.
    const others = Object.keys(values).filter((name) => !['merge', 'reports-dir', 'cache-dir'].includes(name) && values[name as keyof typeof values] !== false);
    if (others.length > 0) throw new UsageError(`--merge combines results the shards already made; it takes only --reports-dir and --cache-dir, not ${others.map((name) => `--${name}`).join(', ')}.`);
    args.merge = [...values.merge, ...positionals];
  } else if (positionals.length > 0) {
    throw new UsageError(`Unexpected argument "${positionals[0]}". Run npm run audit -- --help for the options.`);
  }
  if (args.all && args.since !== undefined) throw new UsageError('--all audits every page and --since the pages changed since a commit. Use one or the other.');
  if (args.url !== undefined && args.since !== undefined) throw new UsageError('--since maps source files to the pages of a local build; it cannot be used with --url.');
  if (args.url !== undefined && (args.dist !== undefined || args.port !== undefined)) {
    throw new UsageError('--url audits a deployed site; --dist and --port are for auditing a local build. Use one or the other.');
  }
  return args;
}

/** `CI` set to anything but "", "0" or "false" means a CI machine, where a skipped audit is an error. */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = (env['CI'] ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * Whether a missing Chrome fails the run. `npm run audit` always needs Chrome; after a build the
 * audit is skipped with a warning, unless --require-audit or CI asks for it.
 */
export function auditIsRequired(args: Pick<AuditArgs, 'afterBuild' | 'requireAudit'>, env: Readonly<Record<string, string | undefined>>): boolean {
  return !args.afterBuild || args.requireAudit || isCi(env);
}
