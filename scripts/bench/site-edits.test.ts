import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countWords } from '../../src/markdown/remark-reading-time.ts';
import { editPostBody, editSharedStylesheet, rehashedName, sharedStylesheetOf, stylesheetsOf } from './site-edits.ts';
import { syntheticPost } from './synthetic-posts.ts';

describe('editPostBody', () => {
  const post = syntheticPost(29, 60).contents;

  it('changes the first word of the body and nothing in the frontmatter', () => {
    const edited = editPostBody(post);
    const frontmatter = (text: string) => text.slice(0, text.indexOf('\n---\n') + 5);
    expect(frontmatter(edited)).toBe(frontmatter(post));
    expect(edited.slice(frontmatter(edited).length).trimStart()).toMatch(/^Edited /);
    expect(edited).not.toBe(post);
  });

  it('keeps the word count, so the reading time shown on list pages stays the same', () => {
    expect(countWords(editPostBody(post))).toBe(countWords(post));
  });

  it('says what it expects when there is no frontmatter', () => {
    expect(() => editPostBody('Just prose.')).toThrowErrorMatchingInlineSnapshot(`[Error: editPostBody expects Markdown with frontmatter followed by a body.]`);
  });
});

describe('stylesheetsOf and sharedStylesheetOf', () => {
  const page = (...hrefs: string[]) => `<head>${hrefs.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}<link rel="icon" href="/favicon.svg"></head>`;

  it.each([
    { html: page('/_astro/BaseLayout.BAq3LoVl.css', '/_astro/_..Cot1BVhB.css'), expected: ['/_astro/BaseLayout.BAq3LoVl.css', '/_astro/_..Cot1BVhB.css'] },
    { html: '<link href="/_astro/a.AAAAAAAA.css" rel="stylesheet">', expected: ['/_astro/a.AAAAAAAA.css'] },
    { html: page('https://fonts.example/x.css'), expected: [] },
  ])('reads the root-relative stylesheets of $html', ({ html, expected }) => {
    expect(stylesheetsOf(html)).toEqual(expected);
  });

  it('picks the stylesheet the most pages load', () => {
    const pages = [page('/_astro/post.AAAAAAAA.css', '/_astro/Base.BBBBBBBB.css'), page('/_astro/Base.BBBBBBBB.css'), page('/_astro/list.CCCCCCCC.css', '/_astro/Base.BBBBBBBB.css')];
    expect(sharedStylesheetOf(pages)).toBe('/_astro/Base.BBBBBBBB.css');
    expect(sharedStylesheetOf([page()])).toBeUndefined();
  });
});

describe('rehashedName', () => {
  it.each([
    { name: 'BaseLayout.BAq3LoVl.css', pattern: /^BaseLayout\.[A-Za-z0-9_-]{8}\.css$/ },
    { name: '_..Cot1BVhB.css', pattern: /^_\.\.[A-Za-z0-9_-]{8}\.css$/ },
  ])('gives $name a new 8-character hash', ({ name, pattern }) => {
    const renamed = rehashedName(name, 'body{color:red}');
    expect(renamed).toMatch(pattern);
    expect(renamed).not.toBe(name);
    expect(rehashedName(name, 'body{color:red}')).toBe(renamed);
  });

  it('refuses a name without a hash segment', () => {
    expect(() => rehashedName('site.css', 'x')).toThrow('site.css has no 8-character hash segment');
  });
});

describe('editSharedStylesheet', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('renames the shared stylesheet, adds a rule and relinks every page that loads it', () => {
    root = mkdtempSync(join(tmpdir(), 'site-edits-'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root!, file)), { recursive: true });
      writeFileSync(join(root!, file), text);
    };
    const link = (href: string) => `<link rel="stylesheet" href="${href}">`;
    write('_astro/BaseLayout.BAq3LoVl.css', 'body{margin:0}\n');
    write('_astro/post.DDDDDDDD.css', 'p{}\n');
    write('index.html', link('/_astro/BaseLayout.BAq3LoVl.css'));
    write('posts/a/index.html', link('/_astro/post.DDDDDDDD.css') + link('/_astro/BaseLayout.BAq3LoVl.css'));
    write('search/index.html', '<p>no styles</p>');

    const edit = editSharedStylesheet(root);

    expect(edit).toMatchObject({ from: '/_astro/BaseLayout.BAq3LoVl.css', pages: 2 });
    expect(edit.to).toMatch(/^\/_astro\/BaseLayout\.[A-Za-z0-9_-]{8}\.css$/);
    expect(readdirSync(join(root, '_astro')).sort()).toEqual([edit.to.slice('/_astro/'.length), 'post.DDDDDDDD.css'].sort());
    expect(readFileSync(join(root, edit.to), 'utf8')).toBe('body{margin:0}\nh1{letter-spacing:-0.01em}\n');
    expect(readFileSync(join(root, 'posts/a/index.html'), 'utf8')).toBe(link('/_astro/post.DDDDDDDD.css') + link(edit.to));
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe(link(edit.to));
    expect(readFileSync(join(root, 'search/index.html'), 'utf8')).toBe('<p>no styles</p>');
  });
});
