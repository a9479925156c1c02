// Which pages this run audits: one per template, the pages the config always audits, and the
// posts whose HTML changed since they last met their budgets. Pure, so tests can call it directly.
import type { SitePage } from './site-pages.ts';

/** Templates in the order they are audited; any other template a page declares follows them. */
export const TEMPLATE_ORDER = ['home', 'list', 'post', 'tag-index', 'tag', 'archive', 'about', 'search', 'not-found'];

/** Pages whose own content changes; list pages change whenever a post does and are covered by their template. */
const CONTENT_TEMPLATE = 'post';

export type SelectionReason = 'template' | 'always' | 'changed' | 'all';

export interface SelectedPage extends SitePage {
  reason: SelectionReason;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface SelectionInput {
  pages: readonly SitePage[];
  /** path → content hash of each page when it last met its budgets (the changed-only cache). */
  auditedHashes: Readonly<Record<string, string>>;
  /** Public pathnames audited on every run. */
  alwaysAudit: readonly string[];
  /** `--all`: every page, changed or not. */
  all: boolean;
  /** Changed posts audited per run at most. */
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

export interface Selection {
  pages: SelectedPage[];
  /** Pages that would be audited but wait for a later run. */
  deferred: DeferredPage[];
  /** Posts skipped because their HTML is unchanged since they last met their budgets. */
  unchanged: number;
  /** Always-audited paths the build does not have. */
  missingAlways: string[];
  /** Pages left to the other shards. */
  otherShards: number;
}

function templateRank(template: string): number {
  const rank = TEMPLATE_ORDER.indexOf(template);
  return rank === -1 ? TEMPLATE_ORDER.length : rank;
}

const byPath = (a: SitePage, b: SitePage) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The ordered list of pages to audit. Shards split the final list round-robin, so for the same
 * build and cache the shards `1/n … n/n` together cover every page exactly once.
 */
export function selectPages(input: SelectionInput): Selection {
  const pages = [...input.pages].sort(byPath);
  const always = new Set(input.alwaysAudit);
  const chosen: SelectedPage[] = [];
  const taken = new Set<string>();
  const take = (page: SitePage, reason: SelectionReason) => {
    if (taken.has(page.path)) return;
    taken.add(page.path);
    chosen.push({ ...page, reason });
  };

  // One page per template: an indexable page when there is one, and not an always-audited page
  // when another can show the template, so the always-audited pages add coverage.
  const templates = [...new Set(pages.map((page) => page.template))].sort((a, b) => templateRank(a) - templateRank(b) || a.localeCompare(b));
  for (const template of templates) {
    const candidates = pages
      .filter((page) => page.template === template)
      .sort((a, b) => Number(b.indexable) - Number(a.indexable) || Number(always.has(a.path)) - Number(always.has(b.path)) || byPath(a, b));
    const sample = candidates[0]!;
    if (!always.has(sample.path)) take(sample, 'template');
  }
  const missingAlways: string[] = [];
  for (const path of input.alwaysAudit) {
    const page = pages.find((candidate) => candidate.path === path);
    if (page) take(page, 'always');
    else missingAlways.push(path);
  }

  const deferred: DeferredPage[] = [];
  let unchanged = 0;
  if (input.all) {
    for (const page of pages) take(page, 'all');
  } else {
    const changed = pages.filter((page) => page.template === CONTENT_TEMPLATE && !taken.has(page.path));
    let allowance = input.maxChangedPages;
    for (const page of changed) {
      if (input.auditedHashes[page.path] === page.contentHash) unchanged++;
      else if (allowance > 0) {
        take(page, 'changed');
        allowance--;
      } else deferred.push({ page, why: 'max-changed-pages' });
    }
  }

  const shard = input.shard ?? { index: 1, count: 1 };
  const mine = chosen.filter((_, position) => position % shard.count === shard.index - 1);
  const limit = input.maxPages ?? Infinity;
  for (const page of mine.slice(limit)) deferred.push({ page, why: 'max-pages' });
  return {
    pages: mine.slice(0, limit),
    deferred,
    unchanged,
    missingAlways,
    otherShards: chosen.length - mine.length,
  };
}
