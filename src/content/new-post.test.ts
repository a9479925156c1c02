import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseMarkdownEntry } from './frontmatter.ts';
import { NEW_POST_PLACEHOLDERS, newPostFile, placeholderDescription } from './new-post.ts';
import { postSchema } from './post-schema.ts';

const schema = postSchema({ image: () => z.string() as unknown as z.ZodType<ImageMetadata>, timeZone: 'Asia/Tokyo' });

describe('newPostFile', () => {
  it('scaffolds a draft whose frontmatter passes the post schema', () => {
    const file = newPostFile({ title: 'Tips: "quotes" & more', now: new Date('2026-03-09T20:00:00Z'), timeZone: 'Asia/Tokyo', tags: ['SEO'] });
    expect(file.fileName).toBe('tips-quotes-more.md');
    const entry = parseMarkdownEntry(file.contents, file.fileName);
    const data = schema.parse(entry.data);
    expect(data).toMatchObject({ title: 'Tips: "quotes" & more', draft: true, tags: ['SEO'] });
    // 20:00 UTC on the 9th is already the 10th in Tokyo.
    expect(entry.data['pubDate']).toBe('2026-03-10');
  });

  it('fills the description and body with the placeholders a build refuses once the draft line goes', () => {
    const file = newPostFile({ title: 'My post', now: new Date('2026-03-09T12:00:00Z'), timeZone: 'UTC' });
    const entry = parseMarkdownEntry(file.contents, file.fileName);
    expect(entry.data['description']).toBe(placeholderDescription('My post'));
    expect(entry.data['description']).toBe('What readers learn from “My post”, in one or two sentences for search results.');
    expect(entry.body).toBe(NEW_POST_PLACEHOLDERS.body);
  });

  it('refuses a title with nothing to make a URL from', () => {
    expect(() => newPostFile({ title: '  ', now: new Date(), timeZone: 'UTC' })).toThrow('Give the post a title');
    expect(() => newPostFile({ title: '???', now: new Date(), timeZone: 'UTC' })).toThrow('has no letters or digits');
  });
});

describe('npm run new-post', () => {
  const script = resolve(import.meta.dirname, '../../scripts/new-post.ts');
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2026-04-01' } });

  it('writes the post once and refuses to overwrite it', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'new-post-'));
    try {
      const first = run(contentDir, 'My first post', '--tags', 'SEO, IT');
      expect(first.status).toBe(0);
      const path = join(contentDir, 'posts/my-first-post.md');
      const written = readFileSync(path, 'utf8');
      expect(written).toContain('pubDate: 2026-04-01');
      expect(written).toContain('tags: ["SEO", "IT"]');
      const second = run(contentDir, 'My first post');
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('my-first-post.md already exists');
      expect(readFileSync(path, 'utf8')).toBe(written);
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
  });
});
