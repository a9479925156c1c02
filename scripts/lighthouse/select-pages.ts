// Which pages this run audits. A page is audited again only when an input of its audit changed: its
// own HTML, or a file it loads (CSS, JS, images, fonts) or the _headers rules it is served with. When
// only shared files changed, one page per template and change stands for the others, which share its
// result. Templates are not special: an unchanged page of any template is not audited again. Pure, so
// tests can call it directly.
import type { CachedPage } from './page-cache.ts';
import type { InputChange, PageInputs } from './page-inputs.ts';
import type { SitePage } from './site-pages.ts';

/** Templates in the order they are audited; any other template a page declares follows them. */
export const TEMPLATE_ORDER = ['home', 'list', 'post', 'tag-index', 'tag', 'archive', 'about', 'search', 'not-found'];

export type SelectionReason =
  /** Never audited with these budgets, preset, Lighthouse and Chrome. */
  | 'new'
  /** Its HTML changed. */
  | 'changed'
  /** Only files it shares with other pages of its template changed; it stands for them. */
  | 'shared-change'
  /** Its last audit did not meet the budgets. */
  | 'retry'
  /** In audit.alwaysAudit. */
  | 'always'
  /** --all. */
  | 'all'
  /** --since: its sources changed since a git ref. */
  | 'since';

export interface SelectedPage extends SitePage {
  reason: SelectionReason;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Pages changed since a git ref (`--since`): posts by path, and whether anything shared by every page changed. */
export interface SourceChanges {
  paths: ReadonlySet<string>;
  sharedSourcesChanged: boolean;
}

export interface SelectionInput {
  pages: readonly (SitePage & { inputs: PageInputs })[];
  /** Each page's last audit (the audit cache), for the same budgets, preset, Lighthouse and Chrome. */
  cache: Readonly<Record<string, CachedPage>>;
  compare: (previous: PageInputs, current: PageInputs) => InputChange;
  /** Public pathnames audited on every run. */
  alwaysAudit: readonly string[];
  /** `--all`: every page, changed or not. */
  all: boolean;
  /** `--since <ref>`: the pages whose sources changed, instead of the cache's view. */
  since?: SourceChanges | undefined;
  /** Pages audited per run at most, besides the always-audited ones. */
  maxChangedPages: number;
  /** `--max-pages N`: pages this machine audits at most, after sharding. */
  maxPages?: number | undefined;
  /** `--shard i/n`: this machine's share of the list. */
  shard?: Shard | undefined;
}

export interface DeferredPage {
  page: SitePage;
  why: 'max-changed-pages' | 'max-pages';
}

export interface SharedPage {
  path: string;
  template: string;
  /** The page audited for it: same template, same changed files (or, with --since, same template). */
  with: string;
  /** Why it shares: only files it shares changed, or (--since) sources shared by its template changed. */
  because: 'shared-files' | 'shared-sources';
}

export interface UnchangedPage {
  path: string;
  template: string;
  /** When its kept result was made. */
  since: string;
}

export interface Selection {
  pages: SelectedPage[];
  /** Pages whose only change is in files their representative's audit covers. */
  shared: SharedPage[];
  /** Pages with nothing changed: their kept results stand. */
  unchanged: UnchangedPage[];
  /** Pages that would be audited but wait for a later run. */
  deferred: DeferredPage[];
  /** Always-audited paths the build does not have. */
  missingAlways: string[];
  /** Pages left to the other shards. */
  otherShards: number;
  /** Every shard's pages in order, before --max-pages: the same in each shard of one build and cache. */
  plan: string[];
}

function templateRank(template: string): number {
  const rank = TEMPLATE_ORDER.indexOf(template);
  return rank === -1 ? TEMPLATE_ORDER.length : rank;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One page per template first (so a capped run still covers every template), then the rest, each by path. */
function coverageOrder<T extends SitePage>(pages: readonly T[]): T[] {
  const sorted = [...pages].sort((a, b) => templateRank(a.template) - templateRank(b.template) || a.template.localeCompare(b.template) || byPath(a, b));
  const seen = new Set<string>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const page of sorted) {
    if (seen.has(page.template)) rest.push(page);
    else {
      seen.add(page.template);
      first.push(page);
    }
  }
  return [...first, ...rest];
}

/**
 * The ordered list of pages to audit. Shards split the final list round-robin, so for the same
 * build and cache the shards `1/n … n/n` together cover every page exactly once.
 */
export function selectPages(input: SelectionInput): Selection {
  const pages = [...input.pages].sort(byPath);
  const always = new Set(input.alwaysAudit);
  const wanted: (SelectedPage & { inputs: PageInputs })[] = [];
  const shared: SharedPage[] = [];
  const unchanged: UnchangedPage[] = [];
  // Pages whose only changes are shared files, grouped by template and the exact changes (name → new hash).
  const groups = new Map<string, { template: string; changes: [string, string][]; members: (SitePage & { inputs: PageInputs })[] }>();
  const join = (page: SitePage & { inputs: PageInputs }, changes: [string, string][]) => {
    const key = [page.template, ...changes.map((change) => change.join('='))].join('\0');
    const group = groups.get(key) ?? { template: page.template, changes, members: [] };
    group.members.push(page);
    groups.set(key, group);
  };
  const hashOfInput = (inputs: PageInputs, name: string) => (name === '_headers' ? inputs.headersHash : (inputs.deps[name] ?? 'gone'));

  for (const page of pages) {
    const cached = input.cache[page.path];
    if (input.all) {
      wanted.push({ ...page, reason: 'all' });
      continue;
    }
    if (always.has(page.path)) {
      wanted.push({ ...page, reason: 'always' });
      continue;
    }
    // A page never audited, or whose last audit missed, is audited whatever else is asked.
    if (!cached) wanted.push({ ...page, reason: 'new' });
    else if (!cached.passed) wanted.push({ ...page, reason: 'retry' });
    else if (input.since) {
      if (input.since.paths.has(page.path)) wanted.push({ ...page, reason: 'since' });
      else if (input.since.sharedSourcesChanged) join(page, []);
      else unchanged.push({ path: page.path, template: page.template, since: cached.at });
    }
    else {
      const change = input.compare(cached.inputs, page.inputs);
      if (change.kind === 'same') unchanged.push({ path: page.path, template: page.template, since: cached.at });
      else if (change.kind === 'html-changed') wanted.push({ ...page, reason: 'changed' });
      else join(page, [...change.changed].sort().map((name) => [name, hashOfInput(page.inputs, name)]));
    }
  }
  for (const group of groups.values()) {
    // A page of the template audited anyway, with the same changed files, already stands for the group;
    // else an indexable member does when there is one, so every check applies to it.
    const covers = (page: SitePage & { inputs: PageInputs }) => page.template === group.template && group.changes.every(([name, hash]) => hashOfInput(page.inputs, name) === hash);
    const representative =
      wanted.find(covers) ?? [...group.members].sort((a, b) => Number(b.indexable) - Number(a.indexable) || byPath(a, b))[0]!;
    if (!wanted.some((page) => page.path === representative.path)) wanted.push({ ...representative, reason: input.since ? 'since' : 'shared-change' });
    const because = input.since ? 'shared-sources' : 'shared-files';
    for (const member of group.members) if (member.path !== representative.path) shared.push({ path: member.path, template: member.template, with: representative.path, because });
  }

  const missingAlways = input.alwaysAudit.filter((path) => !pages.some((page) => page.path === path));
  const deferred: DeferredPage[] = [];
  const ordered = coverageOrder(wanted);
  const capped = input.all ? ordered : ordered.filter((page) => page.reason === 'always');
  let allowance = input.maxChangedPages;
  if (!input.all) {
    for (const page of ordered) {
      if (page.reason === 'always') continue;
      if (allowance > 0) {
        capped.push(page);
        allowance--;
      } else deferred.push({ page, why: 'max-changed-pages' });
    }
  }
  const chosen = input.all ? capped : coverageOrder(capped);
  const deferredPaths = new Set(deferred.map((item) => item.page.path));
  const shard = input.shard ?? { index: 1, count: 1 };
  const mine = chosen.filter((_, position) => position % shard.count === shard.index - 1);
  const limit = input.maxPages ?? Infinity;
  for (const page of mine.slice(limit)) deferred.push({ page, why: 'max-pages' });
  const audited = new Set(mine.slice(0, limit).map((page) => page.path));
  return {
    pages: mine.slice(0, limit),
    // A page shares a result only when its representative is audited on this machine in this run.
    shared: shared.filter((item) => audited.has(item.with) && !deferredPaths.has(item.with)).sort(byPath),
    unchanged: unchanged.sort(byPath),
    deferred,
    missingAlways,
    otherShards: chosen.length - mine.length,
    plan: chosen.map((page) => page.path),
  };
}

/**
 * Which audited pages get the timed runs: the first audited page of each template and every page audited
 * again after a miss (a failure, or timing let off because the machine was busy), all, or none.
 */
export function timedPagesOf(pages: readonly SelectedPage[], mode: 'per-template' | 'all' | 'none'): SelectedPage[] {
  if (mode === 'none') return [];
  if (mode === 'all') return [...pages];
  const seen = new Set<string>();
  return pages.filter((page) => {
    const first = !seen.has(page.template);
    seen.add(page.template);
    return first || page.reason === 'retry';
  });
}
