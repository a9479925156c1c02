import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseMarkdownEntry } from '../../src/content/frontmatter.ts';
import { postSchema } from '../../src/content/post-schema.ts';
import { countWords } from '../../src/markdown/remark-reading-time.ts';
import { syntheticPost } from './synthetic-posts.ts';

const schema = postSchema({ image: () => z.string() as unknown as z.ZodType<ImageMetadata>, timeZone: 'Europe/London' });

describe('syntheticPost', () => {
  it('writes valid posts of realistic length, with headings, a list, a code block and links', () => {
    for (const index of [0, 1, 499, 999]) {
      const post = syntheticPost(index, 1000);
      const entry = parseMarkdownEntry(post.contents, post.fileName);
      expect(() => schema.parse(entry.data)).not.toThrow();
      expect(countWords(entry.body)).toBeGreaterThan(700);
      expect(countWords(entry.body)).toBeLessThan(950);
      expect(entry.body).toMatch(/^## /m);
      expect(entry.body).toMatch(/^- /m);
      expect(entry.body).toContain('```ts');
      expect(entry.body).toMatch(/\]\(\/posts\/synthetic-\d+\/\)/);
    }
  });

  it('is deterministic, so every run benchmarks the same content', () => {
    expect(syntheticPost(7, 100)).toEqual(syntheticPost(7, 100));
    expect(syntheticPost(7, 100).contents).not.toBe(syntheticPost(8, 100).contents);
  });
});
