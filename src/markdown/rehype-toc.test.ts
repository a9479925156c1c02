import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeToc from './rehype-toc.ts';
import { nestHeadings, readToc, shouldShowToc, tocCountLabel, type TocHeading } from './toc.ts';

// The outline links to the ids rehype-heading-anchors gives, so the fixtures run both, as the site does.
describeMarkdownFixtures('rehype-toc', (options) => ({ rehypePlugins: [rehypeHeadingAnchors, [rehypeToc, options]] }));

const h = (depth: number, slug: string): TocHeading => ({ depth, slug, text: slug.toUpperCase() });

describe('nestHeadings', () => {
  it('puts each heading under the nearest earlier shallower heading', () => {
    const nested = nestHeadings([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b'), h(3, 'b1')]);
    expect(nested.map((entry) => [entry.slug, entry.children.map((child) => child.slug)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('keeps every entry when the outline skips a level or starts deep', () => {
    const nested = nestHeadings([h(3, 'early'), h(2, 'a'), h(4, 'deep')]);
    expect(nested.map((entry) => entry.slug)).toEqual(['early', 'a']);
    expect(nested[1]?.children.map((entry) => entry.slug)).toEqual(['deep']);
  });
});

describe('readToc', () => {
  it('reads the recorded outline and ignores anything malformed', () => {
    expect(readToc({ toc: [h(2, 'a'), { depth: '2' }, null] })).toEqual([h(2, 'a')]);
    expect(readToc({})).toEqual([]);
  });
});

describe('shouldShowToc', () => {
  it.each([
    { headings: [h(2, 'a'), h(2, 'b'), h(2, 'c')], min: 3, show: true },
    { headings: [h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b')], min: 3, show: false },
    { headings: [], min: 1, show: false },
  ])('shows a contents list for $headings.length headings when $min sections are required: $show', ({ headings, min, show }) => {
    expect(shouldShowToc(headings, min)).toBe(show);
  });
});

describe('tocCountLabel', () => {
  const heading = (slug: string): TocHeading => ({ depth: 2, slug, text: slug });
  it('counts every entry, subsections included, in words a summary can show', () => {
    expect(tocCountLabel([heading('a')])).toBe('1 section');
    expect(tocCountLabel([heading('a'), { ...heading('b'), depth: 3 }])).toBe('2 sections');
  });
});
