import type { ResolvedUrl, UrlPolicy } from '../urls.ts';
import type { LintLevel, LintLevels, LintRuleId } from './rule-ids.ts';

/** An `<a href>`, with the name a screen reader or a search engine reads for it. */
export interface AnchorFact {
  href: string;
  /** aria-label, else the visible text and the alt text of images inside. */
  name: string;
  /** Whether aria-labelledby or aria-describedby gives the link more context. */
  described: boolean;
}

export interface ImageFact {
  src: string | undefined;
  alt: string | undefined;
  width: string | undefined;
  height: string | undefined;
}

export interface LinkFact {
  rel: string[];
  href: string;
  type: string | undefined;
}

/** A URL a page loads (image, script, stylesheet, icon, feed), by the element and attribute naming it. */
export interface ResourceFact {
  element: string;
  url: string;
}

export interface TimeFact {
  role: string;
  datetime: string;
  text: string;
}

/** Everything the rules need from one HTML page, read in a single pass of the parser. */
export interface PageFacts {
  /** Path in dist/, forward slashes (e.g. "posts/a/index.html"). */
  file: string;
  /** The page's own absolute URL in the site's canonical form. */
  url: string;
  lang: string | undefined;
  /** `<body data-template>`. */
  template: string | undefined;
  /** Text of each `<title>` of the document (not SVG titles). */
  titles: string[];
  /** `<meta name|property=… content=…>` by lower-case key, in document order. */
  metas: Map<string, string[]>;
  links: LinkFact[];
  headings: { level: number; text: string }[];
  anchors: AnchorFact[];
  images: ImageFact[];
  resources: ResourceFact[];
  /** Every id (and `<a name>`) on the page: the targets of `#fragment` links. */
  ids: Set<string>;
  /** Text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<time data-date="…" datetime="…">`: a post's own dates as shown. */
  times: TimeFact[];
  /** Attribute values starting with "http://" (links, sources, meta content). */
  insecureUrls: string[];
  /** robots/googlebot meta directives, lower case. */
  robots: string[];
}

export interface PageState {
  noindex: boolean;
  /** The 404 page: served for any missing URL, never indexed, has no URL of its own. */
  notFound: boolean;
  /** Not 404, not noindex, and its canonical (if any) is itself: the pages that belong in the sitemap. */
  indexable: boolean;
}

export type Page = PageFacts & PageState;

export interface SitemapFacts {
  /** Sitemap files read, relative to dist/. */
  files: string[];
  /** Every `<loc>` of every `<url>`. */
  urls: string[];
  /** `<lastmod>` by `<loc>`, for the URLs that have one. */
  lastmods: Map<string, string>;
  problems: string[];
}

export interface RobotsFacts {
  text: string;
  sitemaps: string[];
  /** Whether Googlebot may crawl a site-relative path. */
  allows(path: string): boolean;
  /** Whether the file blocks the whole site (a preview build). */
  blocksEverything: boolean;
}

export interface FeedFacts {
  file: string;
  /** Item links (RSS `<item><link>`, Atom `<entry><link href>`). */
  itemLinks: string[];
  problems: string[];
}

/** A link in llms.txt: `- [text](url): notes` under a `##` section. */
export interface LlmsTxtLinkFact {
  text: string;
  url: string;
  /** The `##` heading it is under. */
  section: string;
}

export interface LlmsTxtFacts {
  file: string;
  /** The text of the first-line `#` heading, if there is one. */
  title: string | undefined;
  links: LlmsTxtLinkFact[];
  problems: string[];
}

/** What the lint reads of the built site besides the pages. */
export interface DistFiles {
  /** Whether dist/ holds a file (relative path, forward slashes). */
  has(file: string): boolean;
  /** Width and height of an image in dist/, if it is one. */
  imageSize(file: string): { width: number; height: number } | undefined;
}

export interface SiteFacts {
  pages: Page[];
  /** Pages by their own URL. */
  byUrl: Map<string, Page>;
  dist: DistFiles;
  sitemap: SitemapFacts | undefined;
  robots: RobotsFacts | undefined;
  feeds: FeedFacts[];
  /** dist/llms.txt, when the site has one. */
  llmsTxt: LlmsTxtFacts | undefined;
}

/** The post a page was built from. */
export interface PostSource {
  /** The Markdown file, relative to the project. */
  file: string;
  /** Levels this post sets for its own page (frontmatter `lint:`). */
  levels: LintLevels;
  /** The frontmatter `canonical` override, if any. */
  canonical: string | undefined;
  /** The whole Markdown file, to point findings at a line. */
  text: string;
  /** The post's opening words as plain text (its excerpt), worked out only when a fix needs them. */
  opening?: () => string;
}

export interface LintThresholds {
  titleMaxPixels: number;
  descriptionMinLength: number;
  descriptionMaxLength: number;
}

export interface LintContext {
  policy: UrlPolicy;
  /** The site's content language, e.g. "en-GB". */
  language: string;
  /** Whether the site has an X/Twitter account (then twitter:site is expected). */
  twitter: boolean;
  thresholds: LintThresholds;
  /** The files of dist/, for rules that check what a page points to. */
  dist: DistFiles;
  /** Where an href on a page (at URL `from`) leads in dist/; undefined when it leaves the site. */
  resolve(href: string, from: string): ResolvedUrl | undefined;
  /** The post behind a page URL, when the page is a post. */
  sourceFor(url: string): PostSource | undefined;
}

/** What a rule reports: what is wrong and how to fix it. */
export interface RuleFinding {
  message: string;
  fix: string;
  /** Text to look for in the page's Markdown source to give a line number (an href, a heading). */
  evidence?: string;
}

export interface SiteRuleFinding extends RuleFinding {
  /** URL of the page the finding is about, or a file of dist/ (sitemap, robots.txt, feed). */
  page: string;
}

interface RuleBase {
  id: LintRuleId;
  /** One line: what the rule checks and why. */
  description: string;
  defaultLevel: Exclude<LintLevel, 'off'>;
}

export interface PageRule extends RuleBase {
  scope: 'page';
  check(page: Page, context: LintContext): RuleFinding[];
}

export interface SiteRule extends RuleBase {
  scope: 'site';
  check(site: SiteFacts, context: LintContext): SiteRuleFinding[];
}

export type LintRule = PageRule | SiteRule;

/** A finding in the report. */
export interface Finding {
  rule: LintRuleId;
  level: Exclude<LintLevel, 'off'>;
  /** Page URL, or a file of dist/. */
  page: string;
  message: string;
  fix: string;
  /** Source file (and line) when known, e.g. "content/posts/a.md:12". */
  source: string | undefined;
}
