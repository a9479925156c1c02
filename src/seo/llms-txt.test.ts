import { describe, expect, it } from 'vitest';
import { parseLlmsTxt } from './lint/site-files.ts';
import { renderLlmsTxt, siteLlmsTxt } from './llms-txt.ts';

const site = { title: 'Example Blog', description: 'Guides to\nchecking built sites.' };

describe('siteLlmsTxt', () => {
  it('writes the llms.txt layout: the site as the title, its description quoted, the posts, then the optional pages', () => {
    const text = siteLlmsTxt({
      site,
      posts: [
        { title: 'Newest post', url: 'https://blog.example/posts/new/', description: 'What the newest post covers.' },
        { title: 'Older post', url: 'https://blog.example/posts/old/', description: 'What the older one covers.' },
      ],
      optional: [{ title: 'About Example Blog', url: 'https://blog.example/about/' }],
    });
    expect(text).toBe(
      [
        '# Example Blog',
        '',
        '> Guides to checking built sites.',
        '',
        '## Posts',
        '',
        '- [Newest post](https://blog.example/posts/new/): What the newest post covers.',
        '- [Older post](https://blog.example/posts/old/): What the older one covers.',
        '',
        '## Optional',
        '',
        '- [About Example Blog](https://blog.example/about/)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out an empty section, so a site without posts still has a valid file', () => {
    const text = siteLlmsTxt({ site, posts: [], optional: [{ title: 'About', url: 'https://blog.example/about/' }] });
    expect(text).not.toContain('## Posts');
    expect(parseLlmsTxt(text, 'llms.txt').problems).toEqual([]);
  });
});

describe('renderLlmsTxt', () => {
  it('keeps hostile titles, descriptions and URLs inside their link: brackets escaped, parentheses encoded, one line each', () => {
    const text = renderLlmsTxt({
      title: 'Site\n# not a heading',
      summary: 'One\n\n## not a section',
      sections: [
        {
          heading: 'Posts',
          links: [{ title: 'A [bracketed] \\ title\n- not an item', url: 'https://blog.example/posts/a_(b)/', notes: 'Line one\n- line two' }],
        },
      ],
    });
    expect(text).toBe(
      '# Site # not a heading\n\n> One ## not a section\n\n## Posts\n\n- [A \\[bracketed\\] \\\\ title - not an item](https://blog.example/posts/a_%28b%29/): Line one - line two\n',
    );
    expect(parseLlmsTxt(text, 'llms.txt')).toMatchObject({
      title: 'Site # not a heading',
      links: [{ text: 'A [bracketed] \\ title - not an item', url: 'https://blog.example/posts/a_%28b%29/', section: 'Posts' }],
      problems: [],
    });
  });
});
