import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, pngOfSize, site, SITE } from '../../../../tests/helpers/lint-site.ts';

describe('social-tags-present', () => {
  it('passes pages and posts with every tag, and the 404 page without them', () => {
    expect(findingsOf('social-tags-present', site({ '/about/': page({ route: '/about/' }), '/posts/a/': page({ route: '/posts/a/' }) }))).toEqual([]);
    expect(findingsOf('social-tags-present', { '404.html': page({ route: '/404/', template: 'not-found', omit: ['og:image', 'twitter:card'] }) })).toEqual([]);
  });

  it('lists the missing tags, including article:published_time on posts', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', omit: ['og:image', 'twitter:card', 'article:published_time'] }) });
    expect(brief(findingsOf('social-tags-present', files))).toEqual([
      ['/posts/a/', 'error', 'Missing or empty social tags: og:image, twitter:card, article:published_time.'],
    ]);
  });

  it('expects twitter:site only when the site has an X account', () => {
    const files = site({ '/about/': page({ route: '/about/', omit: ['twitter:site'] }) });
    expect(findingsOf('social-tags-present', files, { twitter: false })).toEqual([]);
    expect(brief(findingsOf('social-tags-present', files, { twitter: true }))).toEqual([['/about/', 'error', 'Missing or empty social tags: twitter:site.']]);
  });

  it('reports a post whose og:type is not article', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', replace: { 'og:type': '<meta property="og:type" content="website">' } }) });
    expect(brief(findingsOf('social-tags-present', files))).toEqual([['/posts/a/', 'error', 'A post has og:type "website".']]);
  });
});

describe('social-tags-unique', () => {
  it('passes single tags and repeated article:tag', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', head: '<meta property="article:tag" content="SEO"><meta property="article:tag" content="IT">' }) });
    expect(findingsOf('social-tags-unique', files)).toEqual([]);
  });

  it('reports each tag that appears twice', () => {
    const files = site({ '/about/': page({ route: '/about/', head: '<meta property="og:type" content="article"><meta name="twitter:card" content="summary">' }) });
    expect(brief(findingsOf('social-tags-unique', files))).toEqual([
      ['/about/', 'error', 'og:type appears 2 times ("website", "article").'],
      ['/about/', 'error', 'twitter:card appears 2 times ("summary_large_image", "summary").'],
    ]);
  });
});

describe('og-image', () => {
  const withImage = (tags: Record<string, string>, extra = {}) => site({ '/about/': page({ route: '/about/', replace: tags }) }, extra);

  it('passes a 1200×630 PNG in dist/ with its size declared, and an image on another site', () => {
    expect(findingsOf('og-image', withImage({}))).toEqual([]);
    expect(findingsOf('og-image', withImage({ 'og:image': '<meta property="og:image" content="https://cdn.example/card.png">' }))).toEqual([]);
  });

  it.each([
    {
      name: 'a relative URL',
      tags: { 'og:image': '<meta property="og:image" content="/og/card.png">' },
      message: 'og:image "/og/card.png" is not an absolute URL; platforms cannot load it.',
    },
    {
      name: 'an image missing from dist/',
      tags: { 'og:image': `<meta property="og:image" content="${SITE}og/missing.png">` },
      message: `og:image ${SITE}og/missing.png is not in dist/.`,
    },
    {
      name: 'a wrong declared size',
      tags: { 'og:image:width': '<meta property="og:image:width" content="1600">' },
      message: 'og:image is declared 1600×630 but og/card.png is 1200×630.',
    },
    {
      name: 'an undeclared size',
      tags: { 'og:image:height': '' },
      message: 'og:image:width and og:image:height are not both declared.',
    },
    {
      name: 'an image file that is not an image',
      tags: { 'og:image': `<meta property="og:image" content="${SITE}og/card.txt">` },
      message: `og:image ${SITE}og/card.txt is not a PNG, JPEG, GIF or WebP image.`,
    },
    {
      name: 'a missing twitter:image',
      tags: { 'twitter:image:alt': `<meta name="twitter:image" content="${SITE}og/gone.png">` },
      message: `twitter:image ${SITE}og/gone.png is not in dist/.`,
    },
  ])('reports $name', ({ tags, message }) => {
    expect(brief(findingsOf('og-image', withImage(tags, { 'og/card.txt': 'not an image' })))).toEqual([['/about/', 'error', message]]);
  });

  it('reports an image smaller than 1200×630', () => {
    const files = withImage(
      { 'og:image:width': '<meta property="og:image:width" content="600">', 'og:image:height': '<meta property="og:image:height" content="315">' },
      { 'og/card.png': pngOfSize(600, 315) },
    );
    // (The home page around it still declares 1200×630, and is reported for that too.)
    expect(brief(findingsOf('og-image', files)).filter(([where]) => where === '/about/')).toEqual([
      ['/about/', 'error', 'og:image is 600×315, smaller than 1200×630; large cards show it small or not at all.'],
    ]);
  });
});
