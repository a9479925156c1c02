import { describe, expect, it } from 'vitest';
import { brief, findingsOf, llmsTxtOf, page, site, SITE, url } from '../../../../tests/helpers/lint-site.ts';

const pages = {
  '/about/': page({ route: '/about/', template: 'about' }),
  '/posts/a/': page({ route: '/posts/a/' }),
  '/posts/b/': page({ route: '/posts/b/' }),
  '/posts/hidden/': page({ route: '/posts/hidden/', noindex: true }),
};

describe('llms-txt-valid', () => {
  it('passes an llms.txt of every indexable post, with other pages and links elsewhere besides', () => {
    const crossPosted = page({ route: '/posts/moved/', replace: { canonical: '<link rel="canonical" href="https://first.example/moved/">' } });
    const llms = `${llmsTxtOf([url('/posts/a/'), url('/posts/b/'), url('/posts/moved/')])}\n## Optional\n\n- [About](${url('/about/')})\n- [Our code](https://github.example/blog)\n`;
    expect(findingsOf('llms-txt-valid', site({ ...pages, '/posts/moved/': crossPosted }, { 'llms.txt': llms }))).toEqual([]);
  });

  it('passes a site without llms.txt, and a preview build’s, where every post is noindex', () => {
    const { 'llms.txt': _llms, ...files } = site(pages);
    expect(findingsOf('llms-txt-valid', files)).toEqual([]);
    const preview = site(pages, { 'llms.txt': llmsTxtOf([url('/posts/a/'), url('/posts/b/'), url('/posts/hidden/')]), 'robots.txt': 'User-agent: *\nDisallow: /\n' });
    expect(findingsOf('llms-txt-valid', preview)).toEqual([]);
  });

  it('reports links to a noindex post, to a non-canonical URL and to a page that was never built (a draft)', () => {
    const files = site(pages, { 'llms.txt': llmsTxtOf([url('/posts/a/'), url('/posts/b/'), url('/posts/hidden/'), `${SITE}posts/a`, url('/posts/draft/')]) });
    expect(brief(findingsOf('llms-txt-valid', files))).toEqual([
      ['llms.txt', 'error', 'llms.txt links to /posts/hidden/, which is marked noindex.'],
      ['llms.txt', 'error', `llms.txt links to ${SITE}posts/a, which is not a page of this site in its canonical form.`],
      ['llms.txt', 'error', `llms.txt links to ${url('/posts/draft/')}, which is not a page of this site in its canonical form.`],
    ]);
  });

  it('reports an indexable post that llms.txt leaves out, and a file that breaks the proposal’s layout', () => {
    const files = site(pages, { 'llms.txt': `Example Blog\n\n## Posts\n\n- [A post](${url('/posts/a/')})\n- ${url('/posts/b/')}\n` });
    expect(brief(findingsOf('llms-txt-valid', files))).toEqual([
      ['llms.txt', 'error', 'llms.txt cannot be read as the llms.txt proposal lays it out: it does not start with a "# " title (the site\'s name).'],
      ['llms.txt', 'error', 'llms.txt cannot be read as the llms.txt proposal lays it out: line 6 is not a link of the form "- [title](absolute URL): notes".'],
      ['/posts/b/', 'error', '/posts/b/ is an indexable post, but llms.txt does not list it.'],
    ]);
  });
});
