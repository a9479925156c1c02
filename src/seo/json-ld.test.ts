import { describe, expect, it } from 'vitest';
import { compact, homeCrumb, pageGraph, serializeJsonLd, tagsCrumb, type PageGraphInput } from './json-ld.ts';
import { testImage, testSite, testUrls } from './test-fixtures.ts';

const context = { site: testSite, urls: testUrls };
const post: PageGraphInput = {
  url: 'https://example.com/posts/a/',
  kind: 'WebPage',
  name: 'A post',
  description: 'What the post says.',
  breadcrumbs: [homeCrumb],
  post: {
    title: 'A post',
    description: 'What the post says.',
    image: testImage,
    published: new Date('2026-03-10T00:00:00Z'),
    modified: new Date('2026-07-01T08:00:00Z'),
    tags: ['SEO', 'Internet'],
    wordCount: 812,
  },
};

type Node = Record<string, unknown>;
const nodes = (input: PageGraphInput) => (pageGraph(input, context) as unknown as { '@graph': Node[] })['@graph'];
const byType = (input: PageGraphInput, type: string) => nodes(input).filter((node) => node['@type'] === type);

function blankPaths(value: unknown, path = '$'): string[] {
  if (value === undefined || value === null || value === '') return [path];
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((item, index) => blankPaths(item, `${path}[${index}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => blankPaths(item, `${path}.${key}`));
  return [];
}

describe('pageGraph', () => {
  it('describes a post as WebSite, publisher, WebPage, BreadcrumbList and BlogPosting', () => {
    expect(nodes(post).map((node) => node['@type'])).toEqual(['WebSite', 'Organization', 'WebPage', 'BreadcrumbList', 'BlogPosting']);
  });

  it('gives the BlogPosting every recommended property, dated like the page', () => {
    expect(byType(post, 'BlogPosting')[0]).toEqual({
      '@type': 'BlogPosting',
      '@id': 'https://example.com/posts/a/#article',
      headline: 'A post',
      description: 'What the post says.',
      image: { '@type': 'ImageObject', url: testImage.url, width: '1200', height: '630', caption: 'A card' },
      datePublished: '2026-03-10T00:00:00+00:00',
      dateModified: '2026-07-01T09:00:00+01:00',
      author: { '@type': 'Person', name: 'Ann Author', url: 'https://example.com/about/' },
      publisher: { '@id': 'https://example.com/#publisher' },
      mainEntityOfPage: { '@id': 'https://example.com/posts/a/' },
      isPartOf: { '@id': 'https://example.com/#website' },
      keywords: ['SEO', 'Internet'],
      wordCount: 812,
      inLanguage: 'en-GB',
      url: 'https://example.com/posts/a/',
    });
  });

  it('credits the post to the author as a Person, with bio, picture and profiles, while the organisation publishes it', () => {
    const author = { name: 'Nell Harrow', url: 'https://example.com/about/', bio: 'Editor of Example.', avatar: '/avatar.svg', sameAs: ['https://mastodon.example/@nell'] };
    const site = { ...testSite, author };
    const [article] = (pageGraph(post, { ...context, site }) as unknown as { '@graph': Node[] })['@graph'].filter((node) => node['@type'] === 'BlogPosting');
    expect(article?.['author']).toEqual({
      '@type': 'Person',
      name: 'Nell Harrow',
      url: 'https://example.com/about/',
      description: 'Editor of Example.',
      image: 'https://example.com/avatar.svg',
      sameAs: ['https://mastodon.example/@nell'],
    });
    expect(article?.['publisher']).toEqual({ '@id': 'https://example.com/#publisher' });
    expect(byType(post, 'Organization')[0]?.['name']).toBe('Example Ltd');
  });

  it('falls back to the publication date for dateModified', () => {
    const { modified: _modified, ...unmodified } = post.post!;
    expect(byType({ ...post, post: unmodified }, 'BlogPosting')[0]?.['dateModified']).toBe('2026-03-10T00:00:00+00:00');
  });

  it('names the publisher with logo and sameAs from the social profiles and X handle', () => {
    expect(byType(post, 'Organization')[0]).toEqual({
      '@type': 'Organization',
      '@id': 'https://example.com/#publisher',
      name: 'Example Ltd',
      url: 'https://example.com/',
      sameAs: ['https://github.com/example', 'https://x.com/example'],
      logo: { '@type': 'ImageObject', url: 'https://example.com/logo.png' },
    });
  });

  it('can describe the publisher as a person', () => {
    const site = { ...testSite, publisher: { ...testSite.publisher, type: 'Person' as const } };
    const graph = pageGraph(post, { ...context, site }) as unknown as { '@graph': Node[] };
    expect(graph['@graph'][1]).toMatchObject({ '@type': 'Person', image: { url: 'https://example.com/logo.png' } });
  });

  it('builds the breadcrumb trail from the home page to the page itself', () => {
    const tag = { url: 'https://example.com/tags/seo/', kind: 'CollectionPage' as const, name: 'SEO', description: 'Posts about SEO.', breadcrumbs: [homeCrumb, tagsCrumb] };
    expect(byType(tag, 'BreadcrumbList')[0]?.['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Tags', item: 'https://example.com/tags/' },
      { '@type': 'ListItem', position: 3, name: 'SEO', item: 'https://example.com/tags/seo/' },
    ]);
    expect(byType(tag, 'CollectionPage')).toHaveLength(1);
  });

  it('omits the breadcrumb on the home page and never leaves a property blank', () => {
    const home = { url: 'https://example.com/', kind: 'CollectionPage' as const, name: 'Example Site', description: '' };
    expect(nodes(home).map((node) => node['@type'])).toEqual(['WebSite', 'Organization', 'CollectionPage']);
    const site = { ...testSite, social: [] };
    const bare = pageGraph({ ...post, post: { ...post.post!, tags: [] } }, { ...context, site: { ...site, twitter: undefined } });
    expect(blankPaths(bare)).toEqual([]);
    expect(blankPaths(pageGraph(home, context))).toEqual([]);
  });
});

describe('compact', () => {
  it('drops undefined, null, empty strings and empty lists at any depth, and keeps zero and false', () => {
    expect(compact({ a: undefined, b: null, c: '', d: [], e: [{ f: '' }, 'x'], g: { h: 0, i: false } })).toEqual({ e: [{}, 'x'], g: { h: 0, i: false } });
  });
});

describe('serializeJsonLd', () => {
  const hostile = [
    '</script><script>alert(1)</script><!--',
    'Quotes " \' & ampersands &amp; literal',
    '<em>HTML</em> in a title',
    'Emoji 🚀 and RTL עברית',
    'Line\u2028and paragraph\u2029separators',
  ];

  it.each(hostile)('round-trips %j exactly through JSON.parse', (title) => {
    const data = { '@context': 'https://schema.org', headline: title, nested: [{ name: title }] };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });

  it.each(hostile)('leaves no raw <, >, & or line separator in %j', (title) => {
    expect(serializeJsonLd({ headline: title })).not.toMatch(/[<>&\u2028\u2029]/);
  });
});
