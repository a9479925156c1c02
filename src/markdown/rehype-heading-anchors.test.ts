import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures, fixtureCases, renderFixture } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeHeadingAnchors, { headingText, stripHeadingAnchors } from './rehype-heading-anchors.ts';

describeMarkdownFixtures('rehype-heading-anchors', (options) => ({ rehypePlugins: [[rehypeHeadingAnchors, options]] }));

describe('rehype-heading-anchors and Astro’s own heading list', () => {
  it.each(fixtureCases('rehype-heading-anchors'))('$name: Astro reports every id unchanged and the link text stays out of the heading text', async (fixture) => {
    const withAnchors = await renderFixture(fixture, { rehypePlugins: [[rehypeHeadingAnchors, fixture.options]] });
    const astroAlone = await renderFixture(fixture, {});
    // The same slugs Astro would have chosen on its own, and the same text.
    expect(withAnchors.headings).toEqual(astroAlone.headings);
    for (const heading of withAnchors.headings) {
      expect(withAnchors.html).toContain(` id="${heading.slug}"`);
      expect(heading.text).not.toMatch(/Link to section|Lien vers|#$/);
    }
  });
});

describe('headingText', () => {
  it('reads text and code, and leaves out inline HTML tags', () => {
    const heading: Element = {
      type: 'element',
      tagName: 'h2',
      properties: {},
      children: [
        { type: 'text', value: 'Run ' },
        { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'winget' }] },
        { type: 'raw', value: '<br>' } as never,
        { type: 'text', value: ' today' },
      ],
    };
    expect(headingText(heading)).toBe('Run winget today');
  });
});

describe('stripHeadingAnchors', () => {
  it('removes every section link the plugin added and nothing else', async () => {
    const [fixture] = fixtureCases('rehype-heading-anchors').filter((each) => each.name === 'links-each-section-beside-its-heading');
    const { html } = await renderFixture(fixture!, { rehypePlugins: [rehypeHeadingAnchors] });
    expect(stripHeadingAnchors(html)).toBe(
      '<p>Intro paragraph.</p>\n' +
        '<div class="heading-wrapper level-h2"><h2 id="what-the-firewall-alert-means">What the firewall alert means</h2></div>\n' +
        '<p>Text.</p>\n' +
        '<div class="heading-wrapper level-h3"><h3 id="check-where-it-lives">Check where it lives</h3></div>\n' +
        '<p>More text.</p>',
    );
  });
});
