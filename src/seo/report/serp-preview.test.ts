import { describe, expect, it } from 'vitest';
import { readPageFacts } from '../lint/page-facts.ts';
import { textWidthPx } from '../lint/title-width.ts';
import { formatSerpDate, serpPreview, urlCrumbs, type SerpPreview } from './serp-preview.ts';

const site = { title: 'Urban Haze', url: 'https://urban-haze.example' };

interface PageOptions {
  url?: string;
  lang?: string;
  title?: string | undefined;
  h1?: string;
  description?: string | undefined;
  robots?: string;
  canonical?: string;
  jsonLd?: unknown[];
  published?: string;
}

/** A built page's HTML, read by the lint's own reader. */
function page(options: PageOptions = {}) {
  const url = options.url ?? 'https://urban-haze.example/posts/city-haze/';
  const head = [
    options.title === undefined && 'title' in options ? '' : `<title>${options.title ?? 'City haze · Urban Haze'}</title>`,
    options.description === undefined && 'description' in options ? '' : `<meta name="description" content="${options.description ?? 'Why the sky over a city turns orange at dusk.'}">`,
    options.robots ? `<meta name="robots" content="${options.robots}">` : '',
    `<link rel="canonical" href="${options.canonical ?? url}">`,
    ...(options.jsonLd ?? []).map((node) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`),
  ].join('');
  const body = `${options.h1 ? `<h1>${options.h1}</h1>` : ''}${options.published ? `<time datetime="${options.published}" data-date="published">shown</time>` : ''}`;
  const file = new URL(url).pathname.slice(1) || 'index.html';
  return readPageFacts(`<html lang="${options.lang ?? 'en-GB'}"><head>${head}</head><body>${body}</body></html>`, file, url);
}

function shown(preview: SerpPreview) {
  if (!preview.indexable) throw new Error(`expected a result, got: ${preview.reason}`);
  return preview;
}

const blogPosting = (datePublished: string) => ({ '@context': 'https://schema.org', '@type': 'BlogPosting', headline: 'City haze', datePublished });
const breadcrumbs = {
  '@context': 'https://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home', item: 'https://urban-haze.example/' }],
};

describe('serpPreview: the title', () => {
  it.each([
    { case: 'a short title', title: 'City haze · Urban Haze', truncated: false },
    { case: 'a title exactly at 600 px (31 Ws are 585 px)', title: 'W'.repeat(31), truncated: false },
    { case: 'a title 1 px past the limit (32 Ws are 604 px)', title: 'W'.repeat(32), truncated: true },
    { case: 'a long Latin title', title: 'Everything I learnt about reading the colour of the sky over a big city in twelve years', truncated: true },
    { case: 'an emoji title', title: `Haze ${'🌫️ '.repeat(40)}`, truncated: true },
    { case: 'a CJK title', title: '都市の霞が夕焼けの色をどう変えるのか、十二年間観察して分かったこと', truncated: true },
    { case: 'an RTL title', title: 'איך האובך מעל העיר משנה את צבע השקיעה ומה זה אומר על מזג האוויר מחר ומחרתיים בבוקר ובערב', truncated: true },
  ])('on desktop is cut at 600 px of Arial 20 px: $case', ({ title, truncated }) => {
    const { desktop } = shown(serpPreview(page({ title }), site));
    expect(desktop.title.truncated).toBe(truncated);
    expect(textWidthPx(desktop.title.shown)).toBeLessThanOrEqual(600);
    if (!truncated) expect(desktop.title.shown).toBe(title.trim());
    else expect(desktop.title.shown).toMatch(/…$/);
  });

  it('on desktop follows the lint when the site sets its own title limit', () => {
    const { desktop } = shown(serpPreview(page({ title: 'W'.repeat(31) }), { ...site, titleMaxPixels: 500 }));
    expect(desktop.title.truncated).toBe(true);
    expect(textWidthPx(desktop.title.shown)).toBeLessThanOrEqual(500);
  });

  it('on mobile wraps to two lines before it is cut, so a title cut on desktop may show whole', () => {
    // 613 px in one line; two lines of 328 px hold it.
    const title = 'Reading the colour of the sky over a city at dusk, and what it tells you';
    const { desktop, mobile } = shown(serpPreview(page({ title }), site));
    expect(desktop.title.truncated).toBe(true);
    expect(mobile.title).toMatchObject({ truncated: false, lines: ['Reading the colour of the sky over a', 'city at dusk, and what it tells you'] });
  });

  it('says which way an RTL title runs', () => {
    expect(shown(serpPreview(page({ title: 'שלום עולם' }), site)).desktop.title.dir).toBe('rtl');
  });

  it('falls back to the h1 when the page has no <title>, and says so', () => {
    const preview = shown(serpPreview(page({ title: undefined, h1: 'City haze' }), site));
    expect(preview.desktop).toMatchObject({ titleSource: 'h1', title: { shown: 'City haze' } });
    expect(preview.notes).toContain('The page has no <title>; Google writes one, often from the main heading, as shown.');
  });
});

describe('serpPreview: the snippet', () => {
  const long =
    'Every evening the sky over the river turns a colour that depends on what the city breathed out that day: dust from building sites, exhaust, sea salt and the smoke of a thousand kitchens, each scattering light its own way.';

  it.each([
    { device: 'desktop', widthPx: 920 },
    { device: 'mobile', widthPx: 680 },
  ] as const)('is cut on $device at $widthPx px of Arial 14 px, after a word, with "…"', ({ device, widthPx }) => {
    const snippet = shown(serpPreview(page({ description: long }), site))[device].snippet!;
    expect(snippet.truncated).toBe(true);
    expect(snippet.shown).toMatch(/\S …$/);
    expect(long.startsWith(snippet.shown.replace(/ …$/, ''))).toBe(true);
    expect(textWidthPx(snippet.shown, 14)).toBeLessThanOrEqual(widthPx);
  });

  it('loses room to the date drawn before it', () => {
    const withDate = shown(serpPreview(page({ description: long, jsonLd: [blogPosting('2011-03-14T09:00:00+00:00')] }), site));
    const without = shown(serpPreview(page({ description: long }), site));
    expect(withDate.date).toBe('14 Mar 2011');
    expect(withDate.desktop.snippet!.shown.length).toBeLessThan(without.desktop.snippet!.shown.length);
    expect(textWidthPx(`14 Mar 2011 — ${withDate.desktop.snippet!.shown}`, 14)).toBeLessThanOrEqual(920);
  });

  it('is absent when the page has no description, with a note that Google picks page text', () => {
    const preview = shown(serpPreview(page({ description: undefined }), site));
    expect(preview.desktop.snippet).toBeUndefined();
    expect(preview.mobile.snippet).toBeUndefined();
    expect(preview.notes).toContain('The page has no meta description; Google shows text from the page that matches the search instead.');
  });
});

describe('serpPreview: pages Google does not show', () => {
  it.each([
    { case: 'noindex', options: { robots: 'noindex, follow' }, reason: /noindex/ },
    { case: 'robots "none"', options: { robots: 'none' }, reason: /noindex/ },
    { case: 'canonical to another URL', options: { canonical: 'https://elsewhere.example/original/' }, reason: /canonical is https:\/\/elsewhere\.example\/original\// },
    { case: 'the 404 page', options: { url: 'https://urban-haze.example/404.html' }, reason: /404 page/ },
  ])('gives no preview for $case, and says why', ({ options, reason }) => {
    const preview = serpPreview(page(options), site);
    expect(preview.indexable).toBe(false);
    if (!preview.indexable) expect(preview.reason).toMatch(reason);
  });
});

describe('serpPreview: the URL line, site name, date and rich results', () => {
  it.each([
    { url: 'https://urban-haze.example/', crumbs: ['urban-haze.example'] },
    { url: 'https://urban-haze.example/posts/city-haze/', crumbs: ['urban-haze.example', 'posts', 'city-haze'] },
    { url: 'https://urban-haze.example/posts/city-haze', crumbs: ['urban-haze.example', 'posts', 'city-haze'] },
    { url: 'https://urban-haze.example/posts/city-haze.html', crumbs: ['urban-haze.example', 'posts', 'city-haze.html'] },
    { url: 'https://urban-haze.example/posts/caf%C3%A9-%E6%9D%B1%E4%BA%AC/', crumbs: ['urban-haze.example', 'posts', 'café-東京'] },
    { url: 'https://urban-haze.example/posts/100%25-bad%/', crumbs: ['urban-haze.example', 'posts', '100%25-bad%'] },
    { url: 'https://www.xn--mnchen-3ya.example/tags/', crumbs: ['www.münchen.example', 'tags'] },
  ])('shows $url as $crumbs', ({ url, crumbs }) => {
    expect(urlCrumbs(url)).toEqual(crumbs);
  });

  it('shows crumbs on desktop and the domain alone on mobile', () => {
    const preview = shown(serpPreview(page(), site));
    expect(preview.desktop.displayUrl).toBe('urban-haze.example › posts › city-haze');
    expect(preview.mobile.displayUrl).toBe('urban-haze.example');
  });

  it.each([
    { case: 'the WebSite node', options: { jsonLd: [{ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Haze Notes' }] }] }, name: 'Haze Notes' },
    { case: 'the site config', options: {}, name: 'Urban Haze' },
  ])('takes the site name from $case', ({ options, name }) => {
    expect(shown(serpPreview(page(options), site)).desktop.siteName).toBe(name);
  });

  it.each([
    { case: 'BlogPosting datePublished, in the day it was written', options: { jsonLd: [blogPosting('2011-03-14T23:30:00-05:00')] }, date: '14 Mar 2011' },
    { case: 'the shown published date', options: { published: '2026-01-02' }, date: '2 Jan 2026' },
    { case: 'US English', options: { lang: 'en-US', published: '2011-03-14' }, date: 'Mar 14, 2011' },
    { case: 'no date', options: {}, date: undefined },
    { case: 'a date that is not one', options: { published: '2026-02-31' }, date: undefined },
  ])('dates the result from $case', ({ options, date }) => {
    expect(shown(serpPreview(page(options), site)).date).toBe(date);
  });

  it('formats dates in the page language', () => {
    expect(formatSerpDate('2011-03-14', 'de-DE')).toBe('14. März 2011');
  });

  it.each([
    { case: 'BlogPosting', jsonLd: [blogPosting('2011-03-14')], rich: ['article'] },
    { case: 'BreadcrumbList', jsonLd: [breadcrumbs], rich: ['breadcrumbs'] },
    { case: 'both, in one @graph', jsonLd: [{ '@context': 'https://schema.org', '@graph': [breadcrumbs, blogPosting('2011-03-14')] }], rich: ['article', 'breadcrumbs'] },
    { case: 'only a WebSite', jsonLd: [{ '@type': 'WebSite', name: 'x' }], rich: [] },
    { case: 'broken JSON-LD', jsonLd: [], rich: [] },
  ])('marks rich results for $case', ({ jsonLd, rich }) => {
    expect(shown(serpPreview(page({ jsonLd }), site)).richResults).toEqual(rich);
  });
});
