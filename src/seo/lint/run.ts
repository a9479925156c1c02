// Runs the rules: every page rule on every page, then the site rules, each finding at the level the
// site config and the page's own post set for its rule. Pure: the facts come in, findings go out.
import { createResolver, normaliseUrl } from './dist-urls.ts';
import { sourceLine } from './post-sources.ts';
import type { LintLevel, LintLevels } from './rule-ids.ts';
import { LINT_RULES } from './rules/index.ts';
import { canonicalLinks, sameUrl } from './rules/helpers.ts';
import type {
  DistFiles,
  FeedFacts,
  LlmsTxtFacts,
  Finding,
  LintContext,
  LintRule,
  LintThresholds,
  Page,
  PageFacts,
  PageState,
  PostSource,
  RobotsFacts,
  SiteFacts,
  SitemapFacts,
} from './types.ts';
import type { UrlPolicy } from '../urls.ts';

export interface LintInput {
  pages: PageFacts[];
  dist: DistFiles;
  sitemap: SitemapFacts | undefined;
  robots: RobotsFacts | undefined;
  feeds: FeedFacts[];
  llmsTxt: LlmsTxtFacts | undefined;
}

export interface LintOptions {
  policy: UrlPolicy;
  language: string;
  twitter: boolean;
  thresholds: LintThresholds;
  /** Levels from the site config, by rule id; unlisted rules use their defaults. */
  levels: LintLevels;
  /** Posts by their page URL. */
  sources: ReadonlyMap<string, PostSource>;
  /** The rules to run (all by default; tests pass one). */
  rules?: readonly LintRule[];
}

/** Whether a page may be indexed: the 404 page never, a noindex page never, a page canonical to another URL not itself. */
export function pageState(facts: PageFacts): PageState {
  const noindex = facts.robots.includes('noindex') || facts.robots.includes('none');
  const notFound = facts.file === '404.html' || facts.template === 'not-found';
  const canonical = canonicalLinks(facts)[0];
  const selfCanonical = canonical === undefined || sameUrl(canonical, facts.url);
  return { noindex, notFound, indexable: !noindex && !notFound && selfCanonical };
}

export function lintSite(input: LintInput, options: LintOptions): Finding[] {
  const rules = options.rules ?? LINT_RULES;
  const pages: Page[] = input.pages.map((facts) => Object.assign(facts, pageState(facts)));
  const site: SiteFacts = {
    pages,
    byUrl: new Map(pages.map((page) => [normaliseUrl(page.url) ?? page.url, page])),
    dist: input.dist,
    sitemap: input.sitemap,
    robots: input.robots,
    feeds: input.feeds,
    llmsTxt: input.llmsTxt,
  };
  const sourceFor = (url: string) => options.sources.get(url);
  const context: LintContext = {
    policy: options.policy,
    language: options.language,
    twitter: options.twitter,
    thresholds: options.thresholds,
    dist: input.dist,
    resolve: createResolver(options.policy.site),
    sourceFor,
  };
  const anyPostTurnsOn = (rule: LintRule) => [...options.sources.values()].some((source) => (source.levels[rule.id] ?? 'off') !== 'off');
  const levelFor = (rule: LintRule, page: string): LintLevel =>
    sourceFor(page)?.levels[rule.id] ?? options.levels[rule.id] ?? rule.defaultLevel;

  const findings: Finding[] = [];
  const add = (rule: LintRule, page: string, finding: { message: string; fix: string; evidence?: string }) => {
    const level = levelFor(rule, page);
    if (level === 'off') return;
    const source = sourceFor(page);
    const line = source ? sourceLine(source.text, finding.evidence) : undefined;
    findings.push({
      rule: rule.id,
      level,
      page,
      message: finding.message,
      fix: finding.fix,
      source: source ? `${source.file}${line === undefined ? '' : `:${line}`}` : undefined,
    });
  };

  for (const rule of rules) {
    const siteLevel = options.levels[rule.id] ?? rule.defaultLevel;
    if (siteLevel === 'off' && !anyPostTurnsOn(rule)) continue;
    if (rule.scope === 'page') {
      for (const page of pages) {
        if (levelFor(rule, page.url) === 'off') continue;
        for (const finding of rule.check(page, context)) add(rule, page.url, finding);
      }
    } else {
      for (const finding of rule.check(site, context)) add(rule, finding.page, finding);
    }
  }
  return findings;
}
