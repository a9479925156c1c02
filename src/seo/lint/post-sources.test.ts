import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPostSources, sourceLine } from './post-sources.ts';

const root = mkdtempSync(join(tmpdir(), 'post-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(root, 'content/posts', path, '..'), { recursive: true });
  writeFileSync(join(root, 'content/posts', path), text);
}

describe('readPostSources', () => {
  write('plain.md', '---\ntitle: Plain\n---\n## A heading\n\nThe *opening* paragraph.\n\nMore.\n');
  write('folder/index.md', '---\ntitle: Folder\nslug: chosen\ncanonical: https://first.example/x/\nlint:\n  title-width: "off"\n---\nBody\n');
  write('bad-levels.md', '---\ntitle: Bad\nlint:\n  title-wdth: "off"\n---\nBody\n');
  write('broken.md', '---\nslug: "unclosed\n---\nBody\n');

  const sources = readPostSources(join(root, 'content'), { site: 'https://blog.example/', trailingSlash: 'always', format: 'directory' }, root);

  it('maps each post’s page URL to its file, levels and canonical override, with the site’s own slug rules', () => {
    expect(sources.byUrl.get('https://blog.example/posts/plain/')).toMatchObject({ file: 'content/posts/plain.md', levels: {}, canonical: undefined });
    expect(sources.byUrl.get('https://blog.example/posts/chosen/')).toMatchObject({
      file: 'content/posts/folder/index.md',
      levels: { 'title-width': 'off' },
      canonical: 'https://first.example/x/',
    });
  });

  it('gives each post’s opening words, for fixes that need them', () => {
    expect(sources.byUrl.get('https://blog.example/posts/plain/')?.opening?.()).toBe('The opening paragraph.');
  });

  it('notes posts it cannot read or whose levels are wrong, and carries on', () => {
    expect(sources.problems).toEqual([
      'content/posts/bad-levels.md: lint: unknown lint rule "title-wdth": did you mean "title-width"?',
      'content/posts/broken.md:2:16: invalid YAML in the frontmatter: Missing closing "quote',
    ]);
  });
});

describe('sourceLine', () => {
  it('finds the first line holding the evidence', () => {
    expect(sourceLine('---\ntitle: A\n---\n\n[x](/posts/b/)\n', '/posts/b/')).toBe(5);
    expect(sourceLine('text', 'absent')).toBeUndefined();
    expect(sourceLine('text', undefined)).toBeUndefined();
  });
});
