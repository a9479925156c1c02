// npm run bench:lint [-- --pages 5000 --runs 3 --keep]
// Measures the SEO lint on a synthetic built site: thousands of post pages shaped like the real ones
// (full head, table of contents, sections, links, images), with their Markdown sources, a sitemap,
// robots.txt and a feed. Reports pages per second of CPU time (one core: the lint is single-threaded)
// and of wall time, the median of several runs. Goal: at least 1,000 pages per second per core.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSiteConfig } from '../src/config/site-schema.ts';
import { lintDist } from '../src/seo/lint/lint-dist.ts';

const SITE = 'https://bench.example/';

const config = parseSiteConfig({
  url: SITE,
  title: 'Bench',
  description: 'A synthetic site for measuring the SEO lint.',
  language: 'en-GB',
  timezone: 'Europe/London',
  author: { name: 'Bench Author', url: `${SITE}about/` },
  publisher: { type: 'Organization', name: 'Bench Ltd', logo: '/logo.png' },
  twitter: { handle: '@bench' },
});

const words = 'network router firewall photo lens aperture search index crawl sitemap canonical title description image backup cloud drive password update browser'.split(' ');

function sentence(seed: number, length: number): string {
  const chosen = Array.from({ length }, (_, index) => words[(seed * 7 + index * 13) % words.length]);
  const text = chosen.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

interface SyntheticPage {
  url: string;
  title: string;
  description: string;
  template: 'post' | 'home' | 'about';
  /** Varies the text between pages. */
  seed: number;
  total: number;
  /** Extra HTML at the start of the content (the home page's list of posts). */
  lead?: string;
}

function pageHtml({ url, title, description, template, seed, total, lead = '' }: SyntheticPage): string {
  const isPost = template === 'post';
  const sections = Array.from({ length: 8 }, (_, section) => {
    const id = `section-${section}`;
    const heading = sentence(seed + section, 5);
    const paragraphs = Array.from(
      { length: 4 },
      (_, paragraph) => `<p>${sentence(seed + section + paragraph, 45)} See <a href="/posts/post-${(seed + section + 1) % total}/">${sentence(section, 4)}</a>.</p>`,
    ).join('\n');
    return `<div class="heading-wrapper level-h2"><h2 id="${id}">${heading}</h2><a class="heading-anchor" href="#${id}" aria-label="Link to section: ${heading}"><span aria-hidden="true">#</span></a></div>\n${paragraphs}\n<p><img alt="${sentence(section, 8)}" loading="lazy" decoding="async" width="800" height="480" src="/_astro/figure-${section}.svg"></p>`;
  }).join('\n');
  const toc = Array.from({ length: 8 }, (_, section) => `<li><a href="#section-${section}">${sentence(seed + section, 5)}</a></li>`).join('');
  const graph: Record<string, unknown>[] = [
    { '@type': 'WebSite', '@id': `${SITE}#website`, url: SITE, name: 'Bench', publisher: { '@id': `${SITE}#publisher` } },
    { '@type': 'Organization', '@id': `${SITE}#publisher`, name: 'Bench Ltd', logo: `${SITE}logo.png` },
  ];
  if (isPost) {
    graph.push({
      '@type': 'BlogPosting',
      headline: title,
      description,
      image: `${SITE}og/post-${seed}.png`,
      datePublished: '2026-03-10T00:00:00+00:00',
      dateModified: '2026-03-10T00:00:00+00:00',
      author: { '@type': 'Person', name: 'Bench Author' },
      publisher: { '@id': `${SITE}#publisher` },
      mainEntityOfPage: url,
      wordCount: 1000,
      inLanguage: 'en-GB',
    });
  }
  const image = `${SITE}og/post-${seed}.png`;
  const head = [
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title><meta name="description" content="${description}"><link rel="canonical" href="${url}">`,
    `<meta property="og:title" content="${title}"><meta property="og:type" content="${isPost ? 'article' : 'website'}"><meta property="og:url" content="${url}">`,
    `<meta property="og:image" content="${image}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><meta property="og:image:alt" content="${title}">`,
    `<meta property="og:description" content="${description}"><meta property="og:site_name" content="Bench"><meta property="og:locale" content="en_GB">`,
    isPost ? '<meta property="article:published_time" content="2026-03-10T00:00:00+00:00">' : '',
    '<meta name="twitter:card" content="summary_large_image"><meta name="twitter:site" content="@bench">',
    `<link rel="alternate" type="application/rss+xml" title="Bench" href="${SITE}rss.xml"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/site.css">`,
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`,
  ].join('');
  const dates = isPost ? '<p>Published <time datetime="2026-03-10T00:00:00+00:00" data-date="published">10 March 2026</time></p>' : '';
  return `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body data-template="${template}"><a class="skip-link" href="#main">Skip to content</a><header><a href="/">Bench</a><nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a></li></ul></nav></header><main id="main"><article><header><h1>${title}</h1>${dates}</header><nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2><ol>${toc}</ol></nav><div class="content">\n${lead}${sections}\n</div></article></main><footer><a href="/rss.xml">RSS feed</a></footer><script type="module" src="/_astro/theme.js"></script></body></html>`;
}

function postPage(index: number, total: number): string {
  return pageHtml({
    url: `${SITE}posts/post-${index}/`,
    title: `Post ${index}: ${sentence(index, 6).slice(0, -1)}`,
    description: `Post ${index} explains ${sentence(index, 14).toLowerCase()}`,
    template: 'post',
    seed: index,
    total,
  });
}

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

function writeSite(root: string, total: number): number {
  const write = (path: string, contents: string | Uint8Array) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  };
  let bytes = 0;
  const urls = [SITE, `${SITE}about/`];
  for (let index = 0; index < total; index++) {
    const html = postPage(index, total);
    bytes += html.length;
    write(`dist/posts/post-${index}/index.html`, html);
    write(`dist/og/post-${index}.png`, png(1200, 630));
    write(`content/posts/post-${index}.md`, `---\ntitle: "Post ${index}"\ndescription: "Synthetic."\npubDate: 2026-03-10\n---\n\nBody of post ${index}.\n`);
    urls.push(`${SITE}posts/post-${index}/`);
  }
  const list = `<ul>${Array.from({ length: total }, (_, index) => `<li><a href="/posts/post-${index}/">Post ${index}</a></li>`).join('')}</ul>`;
  write('dist/index.html', pageHtml({ url: SITE, title: 'Bench', description: 'The home page of a synthetic site for measuring the SEO lint, listing every post.', template: 'home', seed: 0, total, lead: list }));
  write('dist/about/index.html', pageHtml({ url: `${SITE}about/`, title: 'About Bench', description: 'Who writes the synthetic site used to measure the SEO lint, and how to reach them.', template: 'about', seed: 1, total }));
  for (let section = 0; section < 8; section++) write(`dist/_astro/figure-${section}.svg`, '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="480"/>');
  for (const file of ['dist/_astro/site.css', 'dist/_astro/theme.js', 'dist/favicon.svg']) write(file, '');
  write('dist/sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}sitemap-0.xml</loc></sitemap></sitemapindex>`);
  write('dist/sitemap-0.xml', `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<url><loc>${url}</loc></url>`).join('')}</urlset>`);
  write('dist/robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap-index.xml\n`);
  write('dist/rss.xml', `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>${SITE}</link>${urls.slice(2, 52).map((url) => `<item><title>x</title><link>${url}</link></item>`).join('')}</channel></rss>`);
  return bytes / total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): number {
  const { values } = parseArgs({
    options: { pages: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
  });
  const total = Number(values.pages);
  const runs = Number(values.runs);
  if (!Number.isInteger(total) || total < 10 || !Number.isInteger(runs) || runs < 1) {
    console.error('Usage: npm run bench:lint -- [--pages N (at least 10)] [--runs R] [--keep]');
    return 2;
  }
  const root = mkdtempSync(join(tmpdir(), 'urban-haze-bench-lint-'));
  try {
    process.stdout.write(`Writing a synthetic site of ${total.toLocaleString('en-GB')} posts… `);
    const averageBytes = writeSite(root, total);
    console.log(`done (${Math.round(averageBytes / 1024)} KB of HTML per post).`);
    const results: { wall: number; cpu: number; pages: number; findings: number }[] = [];
    for (let run = 1; run <= runs; run++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const report = lintDist({ distDir: join(root, 'dist'), contentDir: join(root, 'content'), config, root });
      const wall = (performance.now() - started) / 1000;
      const cpuUsed = process.cpuUsage(cpuBefore);
      const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
      results.push({ wall, cpu, pages: report.pages, findings: report.findings.length });
      console.log(
        `run ${run}/${runs}: ${report.pages} pages in ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU; ` +
          `${report.errors} errors, ${report.warnings} warnings${report.findings[0] ? ` (first: ${report.findings[0].rule} on ${report.findings[0].page}: ${report.findings[0].message})` : ""}`,
      );
    }
    const pages = results[0]!.pages;
    const perCore = pages / median(results.map((result) => result.cpu));
    const perWall = pages / median(results.map((result) => result.wall));
    const summary = {
      pages,
      averageKilobytes: Math.round(averageBytes / 1024),
      runs,
      pagesPerCpuSecond: Math.round(perCore),
      pagesPerWallSecond: Math.round(perWall),
      goal: 1000,
      met: perCore >= 1000,
    };
    const output = resolve('reports/bench-lint.json');
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `SEO lint benchmark: ${Math.round(perCore).toLocaleString('en-GB')} pages per second per core ` +
        `(${Math.round(perWall).toLocaleString('en-GB')} per second of wall time), median of ${runs} runs over ${pages.toLocaleString('en-GB')} pages; ` +
        `goal 1,000: ${summary.met ? 'met' : 'NOT met'}. Written to ${output}.`,
    );
    return summary.met ? 0 : 1;
  } finally {
    if (values.keep) console.log(`Kept the synthetic site in ${root}.`);
    else rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = main();
