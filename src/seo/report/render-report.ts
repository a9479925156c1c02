// The owner's SEO report as HTML: reports/index.html (the site summary, what changed since the last build,
// the site's scores over time, every page) and reports/pages/<slug>.html (one page as Google and social
// sites show it, its lint findings with their fix, its scores). Pure: what the build knows in, files out.
// Nothing inline: the pages link one stylesheet (REPORT_CSS, written beside them) and the index one small
// classic script (REPORT_JS, the pages table's filters; without it every page is listed), so the report
// opens from disk (file:// runs no module script) with no network, and would pass the site's own CSP
// (style-src 'self'; script-src 'self') if it were ever served.
import { normaliseUrl } from '../lint/dist-urls.ts';
import { shortUrl } from '../lint/rules/helpers.ts';
import type { LintInput } from '../lint/run.ts';
import type { Finding, PageFacts } from '../lint/types.ts';
import { resolveOnSite, type UrlPolicy } from '../urls.ts';
import { chartTable, formatMetric, formatRunTime, renderChart } from './score-chart.ts';
import { METRICS, type Budget, type MetricKey, type Point, type ScoreHistory, type SeriesSet } from './score-history.ts';
import { diffSiteFacts, SEO_CHANGE_SEVERITIES, type SeoChange, type SeoChangeSeverity } from './seo-diff.ts';
import type { PageSeoFacts, SiteFacts } from './seo-facts.ts';
import { serpPreview, type SerpResult, type SerpSite } from './serp-preview.ts';
import { socialPreviews, type SocialPreview } from './social-preview.ts';
import { escapeHtml as e, hrefOf } from './html.ts';

/** An image the report shows from its own copy (the report opens with no network). */
export interface ReportImage {
  /** Where the copy is, relative to the report folder ("images/og/posts/a.png"). */
  href: string;
  size: { width: number; height: number } | undefined;
}

export interface ReportInput {
  site: SerpSite;
  /** When the build ran (ISO 8601). */
  generatedAt: string;
  /** The site's pages as the SEO lint read them. */
  pages: readonly PageFacts[];
  /** This build's snapshot, and the previous build's (undefined on a first build or a cleared cache). */
  current: SiteFacts;
  previous: SiteFacts | undefined;
  findings: readonly Finding[];
  /** The Lighthouse history as series; undefined when there is no history file yet. */
  history: ScoreHistory | undefined;
  budgets: Partial<Record<MetricKey, Budget>>;
  /** Each image URL the pages use that the report has a copy of, by absolute URL. */
  images: ReadonlyMap<string, ReportImage>;
}

export interface ReportFile {
  /** Relative to the report folder. */
  path: string;
  text: string;
}

export interface RenderedReport {
  files: ReportFile[];
  changes: SeoChange[];
  /** Changes of severity risk: told in the build's last line. */
  risks: number;
}

export const REPORT_CSS_FILE = 'report.css';
export const REPORT_JS_FILE = 'report.js';
export const REPORT_INDEX_FILE = 'index.html';

// ---- small helpers ----

const plural = (count: number, word: string, many = `${word}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? word : many}`;
const SEVERITY_LABEL: Record<SeoChangeSeverity, string> = { risk: 'Risk', notable: 'Notable', info: 'Info' };
const LEVEL_LABEL: Record<Finding['level'], string> = { error: 'Error', warn: 'Warning' };
const norm = (url: string) => normaliseUrl(url) ?? url;

/** A file name for each page URL: its path, segments joined by "_", other characters as "-"; unique. */
export function pageSlugs(urls: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const url of urls) {
    let path = url;
    try {
      path = decodeURI(new URL(url).pathname);
    } catch {
      // keep the text as it is
    }
    const base =
      path
        .split('/')
        .filter(Boolean)
        .map((segment) => segment.replace(/\.html$/, '').replace(/[^\p{L}\p{N}-]+/gu, '-'))
        .join('_')
        .slice(0, 120) || 'home';
    let slug = base;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    taken.add(slug.toLowerCase());
    slugs.set(url, slug);
  }
  return slugs;
}

/** Each image URL the pages' previews show that lies in dist/: the file to copy, its size, and where the copy goes. */
export function imagesToCopy(loaded: LintInput, policy: UrlPolicy): Map<string, { file: string } & ReportImage> {
  const images = new Map<string, { file: string } & ReportImage>();
  for (const page of loaded.pages) {
    for (const key of ['og:image', 'twitter:image']) {
      const value = page.metas.get(key)?.[0]?.trim();
      if (!value || !URL.canParse(value, page.url)) continue;
      const url = new URL(value, page.url).href;
      if (images.has(url)) continue;
      const file = resolveOnSite(url, page.url, policy.site)?.candidates.find((candidate) => loaded.dist.has(candidate));
      if (file) images.set(url, { file, href: `images/${file}`, size: loaded.dist.imageSize(file) });
    }
  }
  return images;
}

function htmlDocument(title: string, depth: 0 | 1, body: string, script = false): string {
  const up = depth === 1 ? '../' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<link rel="stylesheet" href="${up}${REPORT_CSS_FILE}">${script ? `\n<script src="${up}${REPORT_JS_FILE}" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${body}
</body>
</html>
`;
}

function stateOf(page: PageSeoFacts): string {
  if (page.indexable) return 'Indexable';
  const words: Record<string, string> = { noindex: 'noindex', 'canonical-elsewhere': 'canonical elsewhere', 'robots-txt': 'blocked by robots.txt' };
  return `Not indexed: ${page.notIndexed.map((reason) => words[reason]).join(', ')}`;
}

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], options: { rawCells?: boolean; className?: string; rowAttributes?: readonly string[] } = {}): string {
  const cell = (text: string) => (options.rawCells ? text : e(text));
  const header = `<thead><tr>${head.map((text) => `<th scope="col">${e(text)}</th>`).join('')}</tr></thead>`;
  // The first cell of each row names it, for screen readers reading across.
  const body = rows.map((row, rowIndex) => `<tr${options.rowAttributes?.[rowIndex] ?? ''}>${row.map((text, index) => (index === 0 ? `<th scope="row">${cell(text)}</th>` : `<td>${cell(text)}</td>`)).join('')}</tr>`).join('\n');
  // A wide table scrolls inside its own focusable region on a phone, not the whole page.
  return `<div class="scroll${options.className ? ` ${options.className}` : ''}" role="region" tabindex="0" aria-label="${e(caption)}"><table><caption>${e(caption)}</caption>${header}<tbody>\n${body}\n</tbody></table></div>`;
}

// ---- SEO diff ----

function changesList(changes: readonly SeoChange[], link: (url: string) => string | undefined): string {
  const rows = changes.map((change) => {
    const href = link(change.url);
    const page = href ? `<a href="${href}">${e(shortUrl(change.url))}</a>` : e(shortUrl(change.url));
    return `<li class="change change-${change.severity}"><span class="badge badge-${change.severity}">${SEVERITY_LABEL[change.severity]}</span> <span class="change-page">${page}</span> <span class="change-message">${e(change.message)}</span></li>`;
  });
  return `<ol class="changes">\n${rows.join('\n')}\n</ol>`;
}

function diffSection(input: ReportInput, changes: readonly SeoChange[], link: (url: string) => string | undefined): string {
  let body: string;
  if (!input.previous) {
    body = '<p>No previous build to compare with: this is the first build, or the cache folder was cleared. The next build will show here what it changed in what search engines see.</p>';
  } else if (changes.length === 0) {
    body = '<p>Nothing search engines see changed since the last build.</p>';
  } else {
    const counts = SEO_CHANGE_SEVERITIES.map((severity) => [severity, changes.filter((change) => change.severity === severity).length] as const).filter(([, count]) => count > 0);
    body = `<p>${counts.map(([severity, count]) => `${plural(count, severity === 'risk' ? 'risky change' : `${severity} change`)}`).join(', ')}; changes that can cost traffic first.</p>\n${changesList(changes, link)}`;
  }
  return `<section aria-labelledby="changes-title"><h2 id="changes-title">What changed since the last build</h2>\n${body}\n</section>`;
}

// ---- charts ----

function chartsOf(series: SeriesSet, scope: string, idPrefix: string, budgets: ReportInput['budgets']): string {
  const figures = METRICS.map((metric) => {
    const points: Point[] = series[metric.key];
    const options = { label: `${metric.label}, ${scope}`, unit: metric.unit, budget: budgets[metric.key], id: `${idPrefix}-${metric.key}` };
    const data = chartTable(points, options);
    const tableHtml = data.rows.length === 0 ? '' : `<details><summary>The runs as a table</summary>${table(data.caption, data.columns, [...data.rows].reverse())}${data.note ? `<p class="note">${e(data.note)}</p>` : ''}</details>`;
    return `<figure class="chart"><figcaption>${e(metric.label)}</figcaption>${renderChart(points, options)}${tableHtml}</figure>`;
  });
  return `<div class="charts">\n${figures.join('\n')}\n</div>`;
}

const hasPoints = (series: SeriesSet) => METRICS.some((metric) => series[metric.key].length > 0);

// ---- index ----

function summarySection(input: ReportInput, changes: readonly SeoChange[]): string {
  const pages = input.current.pages;
  const count = (test: (page: PageSeoFacts) => boolean) => pages.filter(test).length;
  const states = [
    ['Indexable', count((page) => page.indexable)],
    ['noindex', count((page) => page.notIndexed.includes('noindex'))],
    ['Canonical to another URL', count((page) => page.notIndexed.includes('canonical-elsewhere'))],
    ['Blocked by robots.txt', count((page) => page.notIndexed.includes('robots-txt'))],
  ] as const;
  const errors = input.findings.filter((finding) => finding.level === 'error').length;
  const warnings = input.findings.length - errors;
  const risks = changes.filter((change) => change.severity === 'risk').length;
  const lastRun = input.history?.runs.at(-1);
  const items = [
    `<li><strong>${plural(pages.length, 'page')}</strong> built: ${states.map(([label, n]) => `${e(label)} ${n}`).join(' · ')}. Drafts and scheduled posts are not built, so they are left out.</li>`,
    `<li><strong>Lint</strong>: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.</li>`,
    `<li><strong>Since the last build</strong>: ${input.previous ? `${plural(changes.length, 'change')}, ${plural(risks, 'risk')}` : 'no previous build'}.</li>`,
    `<li><strong>Last audit</strong>: ${lastRun ? `${e(formatRunTime(lastRun.at))} UTC, ${lastRun.passed ? 'every budget met' : 'some budgets missed'}` : 'none yet (npm run audit)'}.</li>`,
  ];
  const slowest = slowestPages(input.history);
  const slow = slowest.length === 0 ? '' : `\n<h3>Slowest pages (latest Largest Contentful Paint)</h3>\n<ol class="slowest">${slowest.map(({ path, value }) => `<li>${e(path)}: ${e(formatMetric(value, 'ms'))}</li>`).join('')}</ol>`;
  return `<section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>\n<ul class="summary">\n${items.join('\n')}\n</ul>${slow}\n</section>`;
}

function slowestPages(history: ScoreHistory | undefined, limit = 5): { path: string; value: number }[] {
  if (!history) return [];
  return history.pages
    .flatMap(({ path, series }) => {
      const last = series.lcpMs.at(-1);
      return last ? [{ path, value: last.value }] : [];
    })
    .sort((a, b) => b.value - a.value || (a.path < b.path ? -1 : 1))
    .slice(0, limit);
}

function findingCounts(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return 'none';
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

function fileFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  return `<section aria-labelledby="files-title"><h2 id="files-title">Findings on the site's files</h2>\n${findingsList(findings)}\n</section>`;
}

function findingsList(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => Number(a.level === 'warn') - Number(b.level === 'warn'));
  return `<ul class="findings">\n${sorted
    .map(
      (finding) =>
        `<li class="finding finding-${finding.level}"><p><span class="badge badge-${finding.level}">${LEVEL_LABEL[finding.level]}</span> <code>${e(finding.rule)}</code> ${e(finding.message)}</p><p class="fix"><strong>Fix:</strong> ${e(finding.fix)}${finding.source ? ` <span class="source">(${e(finding.source)})</span>` : ''}</p></li>`,
    )
    .join('\n')}\n</ul>`;
}

// ---- one page ----

function serpResult(result: SerpResult, date: string | undefined, lang: string | undefined): string {
  const dir = (text: { dir: 'ltr' | 'rtl' }) => (text.dir === 'rtl' ? ' dir="rtl"' : '');
  const snippet = result.snippet ? `<p class="serp-snippet"${dir(result.snippet)}>${date ? `<span class="serp-date">${e(date)} — </span>` : ''}${e(result.snippet.shown)}</p>` : `<p class="serp-snippet serp-missing">${date ? `<span class="serp-date">${e(date)} — </span>` : ''}(no description: Google picks text from the page)</p>`;
  const cut = [
    result.title.truncated ? `Title cut: “${e(result.title.full)}”.` : '',
    result.snippet?.truncated ? 'Description cut.' : '',
  ].filter(Boolean);
  return `<div class="serp serp-${result.device}"${lang ? ` lang="${e(lang)}"` : ''}>
<p class="serp-site"><span class="serp-name">${e(result.siteName)}</span> <span class="serp-url">${e(result.displayUrl)}</span></p>
<p class="serp-title"${dir(result.title)}>${e(result.title.shown)}</p>
${snippet}
</div>${cut.length > 0 ? `<p class="note" lang="en">${cut.join(' ')}</p>` : ''}`;
}

function googleSection(page: PageFacts, input: ReportInput, findings: readonly Finding[]): string {
  const preview = serpPreview(page, input.site);
  let body: string;
  if (!preview.indexable) {
    body = `<p class="not-indexed"><span class="badge badge-info">Not in results</span> ${e(preview.reason)}</p>`;
  } else {
    const rich = preview.richResults.length === 0 ? 'none' : preview.richResults.map((result) => (result === 'article' ? 'Article (BlogPosting)' : 'Breadcrumbs (BreadcrumbList)')).join(', ');
    body = `<div class="serps">
<div><h3>Desktop</h3>${serpResult(preview.desktop, preview.date, page.lang)}</div>
<div><h3>Mobile</h3>${serpResult(preview.mobile, preview.date, page.lang)}</div>
</div>
<p>Rich results it is eligible for: ${e(rich)}.</p>
${preview.notes.map((note) => `<p class="note">${e(note)}</p>`).join('\n')}
<p class="note">Cut by width in Arial (title 20 px, description 14 px), with the lint's own character widths.</p>`;
  }
  const lint = findings.length === 0 ? '<p>The SEO lint found nothing on this page.</p>' : findingsList(findings);
  return `<section aria-labelledby="google-title"><h2 id="google-title">In Google results</h2>\n${body}\n<h3>SEO lint on this page</h3>\n${lint}\n</section>`;
}

const NETWORK_NAME: Record<SocialPreview['network'], string> = { x: 'X', facebook: 'Facebook and LinkedIn', chat: 'Slack and Discord' };

function socialImage(preview: SocialPreview, input: ReportInput): string {
  const image = preview.image;
  if (!image) return '';
  if (image.layout === 'none') return '<p class="card-noimage">(image too small to show)</p>';
  const copy = input.images.get(image.url);
  const aspect = preview.network === 'chat' ? 'fit' : image.layout === 'thumbnail' ? 'square' : preview.network === 'x' ? 'wide-2' : 'wide-191';
  if (!copy) return `<p class="card-image card-placeholder aspect-${aspect}">Image not in this build (${e(image.url)}); the report does not load it.</p>`;
  const size = preview.network === 'chat' && image.display ? ` width="${image.display.width}" height="${image.display.height}"` : '';
  const alt = image.alt ? e(image.alt) : '';
  return `<img class="card-image aspect-${aspect}" src="../${hrefOf(copy.href)}" alt="${alt}"${size}>`;
}

function socialCard(preview: SocialPreview, input: ReportInput): string {
  const layout = preview.image?.layout ?? 'none';
  const title = preview.title ? `<p class="card-title"${preview.title.dir === 'rtl' ? ' dir="rtl"' : ''}>${e(preview.title.shown)}</p>` : '<p class="card-title serp-missing">(no title)</p>';
  const description = preview.description ? `<p class="card-description"${preview.description.dir === 'rtl' ? ' dir="rtl"' : ''}>${e(preview.description.shown)}</p>` : '';
  const domain = `<p class="card-domain">${e(preview.domain)}</p>`;
  const texts = preview.network === 'chat' ? `${domain}${title}${description}` : preview.network === 'x' && layout === 'large' ? `${title}${domain}` : `${domain}${title}${description}`;
  const cut = [preview.title?.truncated ? 'title cut' : '', preview.description?.truncated ? 'description cut' : '', preview.image?.cropped ? 'image cropped to the frame (centred)' : ''].filter(Boolean);
  const notes = [...(cut.length > 0 ? [`Shown: ${cut.join(', ')}.`] : []), ...preview.notes];
  const label = preview.network === 'x' ? `X (${preview.card ?? 'summary'})` : NETWORK_NAME[preview.network];
  return `<div class="social"><h3>${e(label)}</h3>
<div class="card card-${preview.network} card-${layout}">${socialImage(preview, input)}<div class="card-text">${texts}</div></div>
${notes.map((note) => `<p class="note">${e(note)}</p>`).join('\n')}
</div>`;
}

function pageHtml(page: PageFacts, facts: PageSeoFacts, input: ReportInput, findings: readonly Finding[], changes: readonly SeoChange[]): string {
  const path = shortUrl(facts.url);
  const image = ['og:image', 'twitter:image'].map((key) => page.metas.get(key)?.[0]).find(Boolean);
  const imageUrl = image && URL.canParse(image, page.url) ? new URL(image, page.url).href : undefined;
  const social = socialPreviews(page, { title: input.site.title }, { imageSize: imageUrl ? input.images.get(imageUrl)?.size : undefined });
  const audited = input.history?.pages.find((entry) => entry.path === new URL(facts.url).pathname);
  const scores = audited && hasPoints(audited.series) ? chartsOf(audited.series, path, 'page', input.budgets) : '<p>This page has not been audited yet (npm run audit audits the pages a build changed).</p>';
  const changeHtml = !input.previous ? '<p>No previous build to compare with.</p>' : changes.length === 0 ? '<p>Nothing search engines see changed on this page.</p>' : changesList(changes, () => undefined);
  const body = `<header class="top"><nav aria-label="Report"><a href="../${REPORT_INDEX_FILE}">All pages</a></nav>
<h1>${e(path)}</h1>
<p class="meta"><a href="${e(facts.url)}">${e(facts.url)}</a> · ${e(facts.template ?? 'page')} · ${e(stateOf(facts))}</p>
</header>
<main id="main">
${googleSection(page, input, findings)}
<section aria-labelledby="page-changes-title"><h2 id="page-changes-title">Changed since the last build</h2>
${changeHtml}
</section>
<section aria-labelledby="social-title"><h2 id="social-title">When shared</h2>
<div class="socials">
${social.map((preview) => socialCard(preview, input)).join('\n')}
</div>
</section>
<section aria-labelledby="scores-title"><h2 id="scores-title">Scores over time</h2>
${scores}
</section>
</main>`;
  return htmlDocument(`${path} · SEO report`, 1, body);
}

// ---- the pages table's filters ----

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** Filters by template, tag and lint rule; hidden until report.js runs, since without it they would do nothing. */
function filtersForm(templates: readonly string[], tags: readonly string[], rules: readonly string[]): string {
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) =>
    `<span><label for="filter-${name}">${e(label)}</label> <select id="filter-${name}" name="${name}"><option value="">All</option>${options.map(([value, text]) => `<option value="${e(value)}">${e(text)}</option>`).join('')}</select></span>`;
  const pairs = (values: readonly string[]) => sortedUnique(values).map((value) => [value, value] as const);
  return `<form class="filters" id="filters" hidden aria-label="Filter the pages">
${select('template', 'Template', pairs(templates))}
${select('tag', 'Tag', pairs(tags))}
${select('finding', 'Lint finding', [['*', 'Any finding'], ...pairs(rules)])}
<p class="note" id="filter-status" role="status"></p>
</form>`;
}

// Classic script (file:// runs no module script); reads the rows' data-* attributes, changes only "hidden".
export const REPORT_JS = `'use strict';
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-template]'));
  var status = document.getElementById('filter-status');
  function apply() {
    var template = form.elements.template.value, tag = form.elements.tag.value, finding = form.elements.finding.value, shown = 0;
    rows.forEach(function (row) {
      var rules = row.dataset.rules ? row.dataset.rules.split(' ') : [];
      var keep = (!template || row.dataset.template === template) &&
        (!tag || JSON.parse(row.dataset.tags || '[]').indexOf(tag) >= 0) &&
        (!finding || (finding === '*' ? rules.length > 0 : rules.indexOf(finding) >= 0));
      row.hidden = !keep;
      if (keep) shown++;
    });
    status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' pages.';
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;

// ---- the whole report ----

export function renderReport(input: ReportInput): RenderedReport {
  const changes = diffSiteFacts(input.previous, input.current);
  const factsByUrl = new Map(input.current.pages.map((page) => [page.url, page]));
  const pagesByUrl = new Map(input.pages.map((page) => [norm(page.url), page]));
  const slugs = pageSlugs(input.current.pages.map((page) => page.url));
  const findingsByUrl = new Map<string, Finding[]>();
  const siteFileFindings: Finding[] = [];
  for (const finding of input.findings) {
    const url = /^https?:/.test(finding.page) ? norm(finding.page) : undefined;
    if (url === undefined || !factsByUrl.has(url)) {
      siteFileFindings.push(finding);
      continue;
    }
    findingsByUrl.set(url, [...(findingsByUrl.get(url) ?? []), finding]);
  }
  const changesByUrl = new Map<string, SeoChange[]>();
  for (const change of changes) changesByUrl.set(change.url, [...(changesByUrl.get(change.url) ?? []), change]);
  const link = (url: string) => (slugs.has(url) ? hrefOf(`pages/${slugs.get(url)}.html`) : undefined);

  const files: ReportFile[] = [];
  for (const facts of input.current.pages) {
    const page = pagesByUrl.get(facts.url);
    if (!page) continue;
    files.push({ path: `pages/${slugs.get(facts.url)}.html`, text: pageHtml(page, facts, input, findingsByUrl.get(facts.url) ?? [], changesByUrl.get(facts.url) ?? []) });
  }

  const tagsOf = (url: string) => [...new Set(pagesByUrl.get(url)?.metas.get('article:tag') ?? [])];
  const rulesOf = (url: string) => [...new Set((findingsByUrl.get(url) ?? []).map((finding) => finding.rule))];
  const rowAttributes = input.current.pages.map(
    (facts) => ` data-template="${e(facts.template ?? 'page')}" data-tags="${e(JSON.stringify(tagsOf(facts.url)))}" data-rules="${e(rulesOf(facts.url).join(' '))}"`,
  );
  const rows = input.current.pages.map((facts) => {
    const changed = changesByUrl.get(facts.url) ?? [];
    const risky = changed.filter((change) => change.severity === 'risk').length;
    return [
      `<a href="${link(facts.url)}">${e(shortUrl(facts.url))}</a>`,
      e(facts.title ?? '(no title)'),
      e(facts.template ?? 'page'),
      e(stateOf(facts)),
      e(findingCounts(findingsByUrl.get(facts.url) ?? [])),
      e(changed.length === 0 ? 'none' : `${changed.length}${risky ? ` (${plural(risky, 'risk')})` : ''}`),
    ];
  });
  const history = input.history;
  const siteScores = history && history.runs.length > 0 ? chartsOf(history.site, 'whole site (worst page)', 'site', input.budgets) : '<p>No Lighthouse history yet: each run of npm run audit (and of npm run build) adds one to reports/lighthouse/history.jsonl.</p>';
  const problems = history?.problems.length ? `<ul class="notes">${history.problems.map((problem) => `<li>${e(problem.message)}</li>`).join('')}</ul>` : '';
  const index = `<header class="top">
<h1>SEO report: ${e(input.site.title)}</h1>
<p class="meta">${e(input.site.url)} · built ${e(formatRunTime(input.generatedAt))} UTC</p>
<nav aria-label="Sections"><ul class="toc"><li><a href="#summary-title">Summary</a></li><li><a href="#changes-title">What changed</a></li><li><a href="#scores-title">Scores over time</a></li><li><a href="#pages-title">Pages</a></li></ul></nav>
</header>
<main id="main">
${summarySection(input, changes)}
${diffSection(input, changes, link)}
<section aria-labelledby="scores-title"><h2 id="scores-title">Scores over time</h2>
<p>The whole site at each run is its worst page; the dashed line is the budget from the audit config, and rings are runs outside it.</p>
${siteScores}
${problems}
</section>
<section aria-labelledby="pages-title"><h2 id="pages-title">Pages</h2>
<p>Each page links to its Google and social previews, its lint findings and its scores.</p>
${filtersForm(input.current.pages.map((facts) => facts.template ?? 'page'), input.current.pages.flatMap((facts) => tagsOf(facts.url)), input.current.pages.flatMap((facts) => rulesOf(facts.url)))}
${table(`Every page of the build (${input.current.pages.length})`, ['Page', 'Title', 'Template', 'State', 'Lint findings', 'Changes'], rows, { rawCells: true, rowAttributes, className: 'pages-table' })}
</section>
${fileFindings(siteFileFindings)}
</main>`;
  files.unshift({ path: REPORT_INDEX_FILE, text: htmlDocument(`SEO report: ${input.site.title}`, 0, index, true) });
  files.push({ path: REPORT_CSS_FILE, text: REPORT_CSS }, { path: REPORT_JS_FILE, text: REPORT_JS });
  return { files, changes, risks: changes.filter((change) => change.severity === 'risk').length };
}

// Colours meet WCAG AA on both schemes; charts draw in currentColor, so they follow.
export const REPORT_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #545454; --line: #d0d0d0; --panel: #f4f4f4; --link: #0b57d0;
  --serp-title: #1a0dab; --serp-url: #202124; --risk-bg: #fde7e7; --risk: #8a1111; --notable-bg: #fff3d6; --notable: #6b4700;
  --info-bg: #e6eefb; --info: #123e8a; --focus: #0b57d0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #141414; --fg: #ececec; --muted: #b5b5b5; --line: #444; --panel: #1f1f1f; --link: #8ab4f8;
    --serp-title: #99c3ff; --serp-url: #dadce0; --risk-bg: #4a1414; --risk: #ffd0d0; --notable-bg: #3d2e05; --notable: #ffe3a3;
    --info-bg: #142847; --info: #cfe0ff; --focus: #8ab4f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible, .scroll:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.meta, .note { color: var(--muted); }
.note { font-size: 0.9rem; margin: 0.25rem 0; }
.toc { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; }
.summary { padding-left: 1.25rem; }
.badge { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; font-size: 0.85rem; font-weight: 600; }
.badge-risk, .badge-error { background: var(--risk-bg); color: var(--risk); }
.badge-notable, .badge-warn { background: var(--notable-bg); color: var(--notable); }
.badge-info { background: var(--info-bg); color: var(--info); }
.changes, .findings { list-style: none; padding: 0; }
.change, .finding { padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
.change-page { font-weight: 600; }
.finding p { margin: 0.2rem 0; }
.fix { padding-left: 0.75rem; border-left: 3px solid var(--line); }
.source, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
tbody th { font-weight: normal; }
th, td { overflow-wrap: normal; }
td a, th a { overflow-wrap: anywhere; }
.pages-table table { min-width: 44rem; }
.serps { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) { .serps { grid-template-columns: minmax(0, 632px) minmax(0, 360px); } }
.serp { font-family: Arial, "Liberation Sans", Arimo, Helvetica, sans-serif; background: var(--panel); padding: 0.75rem 1rem; border-radius: 0.5rem; }
.serp p { margin: 0; }
.serp-site { font-size: 14px; color: var(--serp-url); }
.serp-name { display: block; }
.serp-url { color: var(--muted); font-size: 12px; }
.serp-title { font-size: 20px; line-height: 1.3; color: var(--serp-title); margin: 0.25rem 0 !important; }
.serp-snippet { font-size: 14px; line-height: 1.58; }
.serp-date, .serp-missing { color: var(--muted); }
.socials { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); }
.card { border: 1px solid var(--line); border-radius: 0.75rem; overflow: hidden; background: var(--panel); }
.card p { margin: 0; }
.card-text { padding: 0.6rem 0.75rem; }
.card-title { font-weight: 600; }
.card-domain, .card-description { color: var(--muted); font-size: 0.9rem; }
.card-facebook .card-domain { text-transform: uppercase; font-size: 0.8rem; }
.card-image { display: block; height: auto; object-fit: cover; object-position: center; background: var(--line); }
.card-placeholder, .card-noimage { padding: 1rem; color: var(--muted); font-size: 0.9rem; }
.card-x .card-image, .card-facebook .card-image { width: 100%; }
.aspect-wide-2 { aspect-ratio: 2 / 1; }
.aspect-wide-191 { aspect-ratio: 1.91 / 1; }
.aspect-square { aspect-ratio: 1 / 1; }
.card-thumbnail:not(.card-chat) { display: flex; align-items: stretch; }
.card-thumbnail:not(.card-chat) .card-image { width: 6rem; flex: none; }
.card-chat { border-left: 4px solid var(--muted); border-radius: 0.25rem; padding-bottom: 0.6rem; }
.card-chat .card-image { max-width: calc(100% - 1.5rem); height: auto; margin: 0 0.75rem; order: 2; border-radius: 0.25rem; }
.card-chat { display: flex; flex-direction: column; }
.card-chat .card-domain { font-size: 0.8rem; }
.card-chat .card-title { color: var(--link); }
.charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; }
.score-chart { width: 100%; max-width: 320px; height: auto; color: var(--fg); }
.score-chart .budget { color: var(--risk); }
details { margin-top: 0.25rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0; }
.filters[hidden] { display: none; }
.filters select { font: inherit; margin-left: 0.25rem; max-width: 14rem; }
.filters .note { flex-basis: 100%; }
tr[hidden] { display: none; }
summary { cursor: pointer; color: var(--link); }
`;
