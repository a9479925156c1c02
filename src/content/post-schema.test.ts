import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { postSchema } from './post-schema.ts';

// Stands in for Astro's image() helper, which needs a build to resolve files.
const image = () => z.string().transform((src) => ({ src, width: 800, height: 600, format: 'png' }) as ImageMetadata);
const schema = postSchema({ image, timeZone: 'Europe/London' });

const valid = {
  title: 'A post',
  description: 'What the post is about.',
  pubDate: '2026-03-10',
};

function issues(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('post frontmatter', () => {
  it('fills defaults and turns dates into instants in the site zone', () => {
    const post = schema.parse({ ...valid, updatedDate: '2026-07-01' });
    expect(post).toMatchObject({ tags: [], draft: false, noindex: false });
    expect(post.pubDate.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(post.updatedDate?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it.each([
    { name: 'a missing description', input: { title: 'A', pubDate: '2026-03-10' }, expected: ['description: description is required: add description: "What the alert means and what to do about it."'] },
    { name: 'an impossible date', input: { ...valid, pubDate: '2024-13-45' }, expected: ['pubDate: "2024-13-45" is not a real date (month 13 does not exist). Write a calendar date like 2026-03-10, or a date and time with an offset like 2026-03-10T09:30:00+01:00.'] },
    { name: 'a vague date', input: { ...valid, pubDate: 'yesterday' }, expected: ['pubDate: "yesterday" is not a date in a format this site accepts. Write a calendar date like 2026-03-10, or a date and time with an offset like 2026-03-10T09:30:00+01:00.'] },
    { name: 'an empty date', input: { ...valid, pubDate: '' }, expected: ['pubDate: the date is empty. Write a calendar date like 2026-03-10, or a date and time with an offset like 2026-03-10T09:30:00+01:00.'] },
    { name: 'a missing date', input: { title: 'A', description: 'B' }, expected: ['pubDate: pubDate is required. Write a calendar date like 2026-03-10, or a date and time with an offset like 2026-03-10T09:30:00+01:00.'] },
    { name: 'an update before publication', input: { ...valid, updatedDate: '2026-03-09' }, expected: ['updatedDate: updatedDate is before pubDate; a post cannot be updated before it is published. Fix one of the two dates.'] },
    { name: 'a typo in a key', input: { ...valid, descripton: 'x' }, expected: ['descripton: unknown key "descripton": did you mean "description"?'] },
    { name: 'a hero image without alt text', input: { ...valid, hero: { src: './hero.png' } }, expected: ['hero.alt: hero.alt is required: describe the image, e.g. alt: "A firewall alert on a Windows desktop"'] },
    { name: 'a hero image with empty alt text', input: { ...valid, hero: { src: './hero.png', alt: ' ' } }, expected: ['hero.alt: hero.alt is empty: describe what the image shows'] },
    { name: 'a control character in the title', input: { ...valid, title: 'Bad\u0007title' }, expected: ['title: title contains a control character (such as a tab or NUL); remove it'] },
    { name: 'a relative canonical URL', input: { ...valid, canonical: '/elsewhere' }, expected: ['canonical: canonical must be an absolute https:// URL'] },
    { name: 'an upper-case slug', input: { ...valid, slug: 'My-Post' }, expected: ['slug: write the slug in lower case with hyphens, e.g. slug: my-post'] },
    { name: 'a quoted boolean', input: { ...valid, draft: 'yes' }, expected: ['draft: draft must be true or false'] },
    { name: 'a misspelt lint rule', input: { ...valid, lint: { 'descripton-length': 'off' } }, expected: ['lint.descripton-length: unknown lint rule "descripton-length": did you mean "description-length"?'] },
    { name: 'an unknown lint rule', input: { ...valid, lint: { 'be-nice': 'off' } }, expected: ['lint.be-nice: unknown lint rule "be-nice": remove it (the rules are listed in src/seo/lint/rules/index.ts)'] },
    { name: 'an unknown lint level', input: { ...valid, lint: { 'title-width': 'ignore' } }, expected: ['lint.title-width: "ignore" is not a lint level; use "error", "warn" or "off"'] },
  ])('rejects $name with the field and the fix', ({ input, expected }) => {
    expect(issues(input)).toEqual(expected);
  });

  it('reports a typo together with the other mistakes in the same file', () => {
    expect(issues({ title: 'A', pubDate: 'soon', descripton: 'x' })).toEqual([
      expect.stringMatching(/^description: description is required/),
      expect.stringMatching(/^pubDate: "soon" is not a date/),
      'descripton: unknown key "descripton": did you mean "description"?',
    ]);
  });

  it('accepts SEO lint levels for the post’s own page', () => {
    expect(schema.parse({ ...valid, lint: { 'description-length': 'off', 'title-width': 'error' } }).lint).toEqual({
      'description-length': 'off',
      'title-width': 'error',
    });
  });

  it('keeps titles with quotes, ampersands, emoji, RTL text and U+2028 as written', () => {
    const title = '“Quotes” & <em>tags</em> 🚀 עברית \u2028 line';
    expect(schema.parse({ ...valid, title }).title).toBe(title);
  });
});
