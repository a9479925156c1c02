import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServePolicy } from './dist-server.ts';
import {
  compareInputs,
  cssReferences,
  InputHasher,
  jsReferences,
  normalizedHtml,
  pageDependencies,
  requestPathOf,
  srcsetUrls,
  stableAssetName,
  stableDependencyName,
  type PageInputs,
} from './page-inputs.ts';

const policy: ServePolicy = { basePath: '/', trailingSlash: 'always', format: 'directory' };

/** A dist/ held in memory: file → text. */
const memoryDist = (files: Record<string, string>) => (file: string) => (file in files ? Buffer.from(files[file]!) : undefined);

describe('stable asset names', () => {
  it.each([
    { name: 'BaseLayout.BAq3LoVl.css', stable: 'BaseLayout.css' },
    { name: 'PostList.BvdePtr_.css', stable: 'PostList.css' },
    { name: 'ThemeToggle.astro_astro_type_script_index_0_lang.U25q9wGP.js', stable: 'ThemeToggle.astro_astro_type_script_index_0_lang.js' },
    { name: '_...page_.astro_astro_type_script_index_0_lang.DhhPHgzy.js', stable: '_...page_.astro_astro_type_script_index_0_lang.js' },
    { name: '_..B02U65mL.css', stable: '_..css' },
    { name: 'firewall-alert.61LO4v-K.svg', stable: 'firewall-alert.svg' },
    { name: 'photo.DwQ1RZ4K_Z1Gv3Ml.webp', stable: 'photo.webp' },
    { name: 'inter-latin-400-normal.BOOGhInR.woff2', stable: 'inter-latin-400-normal.woff2' },
    { name: 'favicon.ico', stable: 'favicon.ico' },
    { name: 'pagefind.js', stable: 'pagefind.js' },
  ])('$name is known as $stable', ({ name, stable }) => {
    expect(stableAssetName(name)).toBe(stable);
  });

  it.each([
    { file: '_astro/BaseLayout.BAq3LoVl.css', stable: '_astro/BaseLayout.css' },
    { file: 'pagefind/pagefind.en-gb_1ce7e32c.pf_meta', stable: 'pagefind/pagefind.en-gb_1ce7e32c.pf_meta' },
    { file: 'og/posts/a.BAq3LoVl.png', stable: 'og/posts/a.BAq3LoVl.png' },
  ])('a dist/ file keeps its name outside the assets folder: $file → $stable', ({ file, stable }) => {
    expect(stableDependencyName(file)).toBe(stable);
  });
});

describe('normalizedHtml', () => {
  it.each([
    { case: 'a stylesheet link', html: '<link rel="stylesheet" href="/_astro/BaseLayout.BAq3LoVl.css">', expected: '<link rel="stylesheet" href="/_astro/BaseLayout.css">' },
    { case: 'a module script', html: '<script type="module" src="/_astro/a.U25q9wGP.js"></script>', expected: '<script type="module" src="/_astro/a.js"></script>' },
    {
      case: 'every candidate of a srcset',
      html: '<img srcset="/_astro/p.DwQ1RZ4K_Z1Gv3Ml.webp 400w, /_astro/p.DwQ1RZ4K_Z2aaaaa.webp 800w" src="/_astro/p.DwQ1RZ4K.jpg">',
      expected: '<img srcset="/_astro/p.webp 400w, /_astro/p.webp 800w" src="/_astro/p.jpg">',
    },
    { case: 'an inline style url()', html: '<div style="background:url(/_astro/bg.Ab12Cd34.png)">', expected: '<div style="background:url(/_astro/bg.png)">' },
    { case: 'an inline script import', html: '<script type="module">import "/_astro/x.Ab12Cd34.js"</script>', expected: '<script type="module">import "/_astro/x.js"</script>' },
    { case: 'a <style> element', html: '<style>@font-face{src:url("/_astro/f.Ab12Cd34.woff2")}</style>', expected: '<style>@font-face{src:url("/_astro/f.woff2")}</style>' },
    { case: 'an island’s JSON props', html: '<astro-island props="{&quot;src&quot;:[0,&quot;/_astro/i.Ab12Cd34.png&quot;]}">', expected: '<astro-island props="{&quot;src&quot;:[0,&quot;/_astro/i.png&quot;]}">' },
  ])('takes the hash out of $case', ({ html, expected }) => {
    expect(normalizedHtml(html, '/_astro/')).toBe(expected);
  });

  it.each([
    { case: 'page text quoting an asset URL', html: '<p>Astro wrote /_astro/BaseLayout.BAq3LoVl.css</p><code>"/_astro/a.U25q9wGP.js"</code>' },
    { case: 'a comment', html: '<!-- /_astro/a.U25q9wGP.js -->' },
    { case: 'another site’s assets', html: '<link rel="stylesheet" href="https://cdn.example/_astro/a.BAq3LoVl.css">' },
    { case: 'a path that only ends in the assets folder', html: '<img src="/blog/_astro/p.DwQ1RZ4K.jpg">' },
    { case: 'unhashed files', html: '<link rel="icon" href="/favicon.ico"><img src="/_astro/logo.png">' },
    { case: 'hashes that are not file names', html: '<meta http-equiv="Content-Security-Policy" content="script-src \'sha256-K85qRuYfgCBD7lSR7HiI6Xag35z2veKEAbj2Ob6/Lo8=\'">' },
  ])('leaves $case as it is', ({ html }) => {
    expect(normalizedHtml(html, '/_astro/')).toBe(html);
  });

  it('follows the base path in the prefix', () => {
    expect(normalizedHtml('<link rel="stylesheet" href="/blog/_astro/a.BAq3LoVl.css"><img src="/_astro/b.BAq3LoVl.png">', '/blog/_astro/')).toBe(
      '<link rel="stylesheet" href="/blog/_astro/a.css"><img src="/_astro/b.BAq3LoVl.png">',
    );
  });
});

describe('references in a srcset, a stylesheet and a module', () => {
  it.each([
    { srcset: '/a.webp 400w, /b.webp 800w', urls: ['/a.webp', '/b.webp'] },
    { srcset: '/a.webp 1x,/b.webp 2x', urls: ['/a.webp', '/b.webp'] },
    // As browsers parse it: a comma inside a URL belongs to it.
    { srcset: '/a.webp,/b.webp 2x', urls: ['/a.webp,/b.webp'] },
    { srcset: '  /a.webp  ', urls: ['/a.webp'] },
    { srcset: '/a,b.webp 1x, /c.webp 2x', urls: ['/a,b.webp', '/c.webp'] },
  ])('srcset "$srcset" loads $urls', ({ srcset, urls }) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });

  it.each([
    { css: '@font-face{src:url(./f.woff2) format("woff2")}', urls: ['./f.woff2'] },
    { css: 'a{background:url( "x y.png" )}b{background:url(\'/z.png\')}', urls: ['x y.png', '/z.png'] },
    { css: '@import "base.css";@import url(theme.css) screen;', urls: ['base.css', 'theme.css'] },
    { css: '/* url(old.png) */ a{filter:url(#blur)}', urls: [] },
    { css: 'a{background:url(data:image/png;base64,AAA)}', urls: ['data:image/png;base64,AAA'] },
  ])('CSS $css loads $urls', ({ css, urls }) => {
    expect(cssReferences(css)).toEqual(urls);
  });

  it.each([
    { js: 'import{a as e}from"./chunk.Ab12Cd34.js";e()', urls: ['./chunk.Ab12Cd34.js'] },
    { js: 'import x, { y } from "./a.js";\nimport * as z from \'./b.js\';', urls: ['./a.js', './b.js'] },
    { js: 'import"./side.js";export*from"./re.js";export{q}from"./named.js"', urls: ['./side.js', './re.js', './named.js'] },
    { js: 'const m=()=>import(`./lazy.js`),n=import("./other.js",{with:{}})', urls: ['./lazy.js', './other.js'] },
    { js: 'import(`./${name}.js`);import(a)', urls: [] },
    { js: 'new Worker(new URL("./worker.js", import.meta.url))', urls: ['./worker.js'] },
    { js: 'x.import("./not-a-module.js");reimport("./neither.js")', urls: [] },
  ])('JS $js loads $urls', ({ js, urls }) => {
    expect(jsReferences(js)).toEqual(urls);
  });

  it('reads Vite’s preload list and asset URLs relative to the base path', () => {
    const js = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/a.Ab12Cd34.js","_astro/a.Ef56Gh78.css"])))=>i.map(i=>d[i]);const p="/blog/_astro/p.Ab12Cd34.jpg"';
    expect(jsReferences(js, { basePath: '/blog/' })).toEqual(['/blog/_astro/a.Ab12Cd34.js', '/blog/_astro/a.Ef56Gh78.css', '/blog/_astro/p.Ab12Cd34.jpg']);
  });

  it.each([
    { reference: '/_astro/a.css', from: '/posts/a/', path: '/_astro/a.css' },
    { reference: './f.woff2?v=1#x', from: '/_astro/a.css', path: '/_astro/f.woff2' },
    { reference: '../img/x.png', from: '/posts/a/', path: '/posts/img/x.png' },
    { reference: 'https://cdn.example/a.css', from: '/', path: undefined },
    { reference: '//cdn.example/a.css', from: '/', path: undefined },
    { reference: 'data:image/png;base64,AAA', from: '/', path: undefined },
    { reference: 'mailto:a@example.com', from: '/', path: undefined },
  ])('$reference from $from asks this server for $path', ({ reference, from, path }) => {
    expect(requestPathOf(reference, from)).toBe(path);
  });
});

describe('pageDependencies', () => {
  const page = { file: 'posts/a/index.html', path: '/posts/a/' };
  const head = `<link rel="stylesheet" href="/_astro/Base.Ab12Cd34.css"><link rel="icon" href="/favicon.svg"><link rel="apple-touch-icon" href="/apple-touch-icon.png">
    <link rel="preload" as="font" href="/_astro/f.Ab12Cd34.woff2" crossorigin><link rel="modulepreload" href="/_astro/m.Ab12Cd34.js">
    <link rel="canonical" href="https://example.com/posts/a/"><link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="sitemap" href="/sitemap-index.xml">
    <meta property="og:image" content="https://example.com/og/posts/a.png"><meta name="twitter:image" content="/og/posts/a.png">
    <script type="application/ld+json">{"image":"/og/posts/a.png"}</script>`;

  it('lists what the page loads and nothing it only links to', () => {
    const html = `<html><head>${head}</head><body><a href="/posts/b/">b</a><a href="/_astro/full.Ab12Cd34.jpg">full size</a>
      <picture><source srcset="/_astro/p.Ab12Cd34_Zx.avif 1x, /_astro/p.Ab12Cd34_Zy.avif 2x"><img src="../../photo.png" srcset="/_astro/p.Ab12Cd34_Zz.webp 2x"></picture>
      <img src="data:image/gif;base64,R0lGOD"><img src="https://cdn.example/x.png"><noscript><img src="/tracking.gif"></noscript>
      <div style="background-image:url('/_astro/bg.Ab12Cd34.png')"></div>
      <script type="module" src="/_astro/app.Ab12Cd34.js"></script></body></html>`;
    const read = memoryDist({ [page.file]: html });
    expect(pageDependencies(page, read, policy)).toEqual({
      files: [],
      missing: [
        '_astro/Base.Ab12Cd34.css',
        '_astro/app.Ab12Cd34.js',
        '_astro/bg.Ab12Cd34.png',
        '_astro/f.Ab12Cd34.woff2',
        '_astro/m.Ab12Cd34.js',
        '_astro/p.Ab12Cd34_Zx.avif',
        '_astro/p.Ab12Cd34_Zy.avif',
        '_astro/p.Ab12Cd34_Zz.webp',
        'apple-touch-icon.png',
        'favicon.svg',
        'photo.png',
      ],
    });
  });

  it('follows stylesheets and modules, and adds the extra paths that exist', () => {
    const read = memoryDist({
      [page.file]: '<link rel="stylesheet" href="/_astro/Base.Ab12Cd34.css"><script type="module">import "/_astro/app.Ab12Cd34.js"</script>',
      '_astro/Base.Ab12Cd34.css': '@import "./reset.Ab12Cd34.css";@font-face{src:url(./f.Ab12Cd34.woff2)}',
      '_astro/reset.Ab12Cd34.css': 'a{background:url(/_astro/bg.Ab12Cd34.png)}',
      '_astro/f.Ab12Cd34.woff2': 'font',
      '_astro/bg.Ab12Cd34.png': 'png',
      '_astro/app.Ab12Cd34.js': 'import{a}from"./chunk.Ab12Cd34.js";import("./lazy.Ab12Cd34.js")',
      '_astro/chunk.Ab12Cd34.js': 'import"./app.Ab12Cd34.js";export const a=new URL("./w.Ab12Cd34.js",import.meta.url)',
      '_astro/lazy.Ab12Cd34.js': '',
      'favicon.ico': 'ico',
    });
    expect(pageDependencies({ ...page, extraPaths: ['/favicon.ico', '/gone.js', 'https://cdn.example/x.js'] }, read, policy)).toEqual({
      files: [
        '_astro/Base.Ab12Cd34.css',
        '_astro/app.Ab12Cd34.js',
        '_astro/bg.Ab12Cd34.png',
        '_astro/chunk.Ab12Cd34.js',
        '_astro/f.Ab12Cd34.woff2',
        '_astro/lazy.Ab12Cd34.js',
        '_astro/reset.Ab12Cd34.css',
        'favicon.ico',
      ],
      missing: ['_astro/w.Ab12Cd34.js'],
    });
  });

  it('maps request paths under a base path to dist/ files, and names a path no file can serve', () => {
    const read = memoryDist({ 'index.html': '<link rel="stylesheet" href="/blog/_astro/a.Ab12Cd34.css"><img src="/elsewhere/x.png">', '_astro/a.Ab12Cd34.css': '' });
    expect(pageDependencies({ file: 'index.html', path: '/blog/' }, read, { ...policy, basePath: '/blog/' })).toEqual({ files: ['_astro/a.Ab12Cd34.css'], missing: ['/elsewhere/x.png'] });
  });

  it('says which page is missing from dist/ and what to do', () => {
    expect(() => pageDependencies(page, memoryDist({}), policy)).toThrowErrorMatchingInlineSnapshot(
      `[AuditInputError: posts/a/index.html (the page /posts/a/) is not in dist/. Rebuild the site, or pass the dist/ file that serves /posts/a/.]`,
    );
  });
});

describe('compareInputs', () => {
  const base: PageInputs = { htmlHash: 'h1', deps: { '_astro/Base.css': 'c1', '_astro/app.js': 'j1' }, headersHash: 'x1' };
  it.each<{ case: string; current: PageInputs; expected: ReturnType<typeof compareInputs> }>([
    { case: 'nothing changed', current: base, expected: { kind: 'same' } },
    { case: 'the HTML changed', current: { ...base, htmlHash: 'h2', deps: { ...base.deps, '_astro/Base.css': 'c2' } }, expected: { kind: 'html-changed' } },
    { case: 'a shared file changed', current: { ...base, deps: { ...base.deps, '_astro/Base.css': 'c2' } }, expected: { kind: 'shared-changed', changed: ['_astro/Base.css'] } },
    { case: 'a file was added', current: { ...base, deps: { ...base.deps, 'favicon.ico': 'i1' } }, expected: { kind: 'shared-changed', changed: ['favicon.ico'] } },
    { case: 'a file was removed', current: { ...base, deps: { '_astro/Base.css': 'c1' } }, expected: { kind: 'shared-changed', changed: ['_astro/app.js'] } },
    { case: 'a file went missing', current: { ...base, deps: { ...base.deps, '_astro/app.js': 'missing' } }, expected: { kind: 'shared-changed', changed: ['_astro/app.js'] } },
    { case: 'the headers changed', current: { ...base, headersHash: 'x2' }, expected: { kind: 'shared-changed', changed: ['_headers'] } },
    {
      case: 'files and headers changed',
      current: { ...base, deps: { '_astro/app.js': 'j2', '_astro/Base.css': 'c2' }, headersHash: 'x2' },
      expected: { kind: 'shared-changed', changed: ['_astro/Base.css', '_astro/app.js', '_headers'] },
    },
  ])('says so when $case', ({ current, expected }) => {
    expect(compareInputs(base, current)).toEqual(expected);
  });
});

describe('a page’s inputs across two builds of a real dist/ folder', () => {
  let dist: string;
  const write = (file: string, content: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), content);
  };
  const read = (file: string) => {
    const path = join(dist, file);
    try {
      return statSync(path).isFile() ? readFileSync(path) : undefined;
    } catch {
      return undefined;
    }
  };
  const pageHtml = (title: string, css: string) => `<!doctype html><html><head><title>${title}</title>
    <link rel="stylesheet" href="/_astro/${css}"><link rel="icon" href="/favicon.svg">
    <link rel="canonical" href="https://example.com/posts/${title}/">
    <script type="module" src="/_astro/Post.astro_astro_type_script_index_0_lang.B1c2D3e4.js"></script></head>
    <body data-template="post"><h1>${title}</h1>
    <picture><source srcset="/_astro/photo.DwQ1RZ4K_Z1Gv3Ml.avif 1x"><img src="/_astro/photo.DwQ1RZ4K_Z2Gv3Ml.webp" srcset="/_astro/photo.DwQ1RZ4K_Z3Gv3Ml.webp 2x"></picture></body></html>`;
  const pages = ['a', 'b'].map((slug) => ({ file: `posts/${slug}/index.html`, path: `/posts/${slug}/` }));
  const inputs = () => {
    const hasher = new InputHasher({ read, policy });
    return pages.map((page) => hasher.pageInputs(page));
  };

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'page-inputs-'));
    write('_headers', '/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    write('favicon.svg', '<svg/>');
    write('_astro/Post.Cq1w2E3r.css', '@font-face{font-family:Inter;src:url(/_astro/inter.BOOGhInR.woff2) format("woff2")}body{color:#111}');
    write('_astro/inter.BOOGhInR.woff2', 'font bytes');
    write('_astro/Post.astro_astro_type_script_index_0_lang.B1c2D3e4.js', 'import{t}from"./theme.Zx9Yw8Vu.js";t()');
    write('_astro/theme.Zx9Yw8Vu.js', 'export const t=()=>{}');
    write('_astro/photo.DwQ1RZ4K_Z1Gv3Ml.avif', 'avif');
    write('_astro/photo.DwQ1RZ4K_Z2Gv3Ml.webp', 'webp 1x');
    write('_astro/photo.DwQ1RZ4K_Z3Gv3Ml.webp', 'webp 2x');
    for (const [index, page] of pages.entries()) write(page.file, pageHtml(['a', 'b'][index]!, 'Post.Cq1w2E3r.css'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('finds the stylesheet, the font it loads, both chunks and every image candidate', () => {
    const [a] = inputs();
    expect(Object.keys(a!.deps)).toEqual([
      '_astro/Post.astro_astro_type_script_index_0_lang.js',
      '_astro/Post.css',
      '_astro/inter.woff2',
      '_astro/photo.avif',
      '_astro/photo.webp',
      '_astro/photo.webp#2',
      '_astro/theme.js',
      'favicon.svg',
    ]);
  });

  it('sees the same inputs when nothing was rebuilt', () => {
    const before = inputs();
    expect(inputs().map((after, index) => compareInputs(before[index]!, after))).toEqual([{ kind: 'same' }, { kind: 'same' }]);
  });

  it('tells an edit of the shared CSS (renamed file, both pages’ links rewritten) from an edit of a page', () => {
    const before = inputs();
    unlinkSync(join(dist, '_astro/Post.Cq1w2E3r.css'));
    write('_astro/Post.Dk4l5M6n.css', '@font-face{font-family:Inter;src:url(/_astro/inter.BOOGhInR.woff2) format("woff2")}body{color:#222}');
    for (const [index, page] of pages.entries()) write(page.file, pageHtml(['a', 'b'][index]!, 'Post.Dk4l5M6n.css'));
    const afterCss = inputs();
    expect(afterCss.map((after, index) => compareInputs(before[index]!, after))).toEqual([
      { kind: 'shared-changed', changed: ['_astro/Post.css'] },
      { kind: 'shared-changed', changed: ['_astro/Post.css'] },
    ]);

    write(pages[1]!.file, pageHtml('b', 'Post.Dk4l5M6n.css').replace('<h1>b</h1>', '<h1>b, revised</h1>'));
    expect(inputs().map((after, index) => compareInputs(afterCss[index]!, after))).toEqual([{ kind: 'same' }, { kind: 'html-changed' }]);
  });

  it('names the image when a srcset candidate changes', () => {
    const before = inputs();
    write('_astro/photo.DwQ1RZ4K_Z3Gv3Ml.webp', 'webp 2x, sharper');
    expect(compareInputs(before[0]!, inputs()[0]!)).toEqual({ kind: 'shared-changed', changed: ['_astro/photo.webp#2'] });
  });

  it('names a chunk that another chunk imports, and a file that went missing', () => {
    const before = inputs();
    write('_astro/theme.Zx9Yw8Vu.js', 'export const t=()=>{document.body.dataset.t="1"}');
    unlinkSync(join(dist, 'favicon.svg'));
    const after = inputs()[0]!;
    expect(after.deps['favicon.svg']).toBe('missing');
    expect(compareInputs(before[0]!, after)).toEqual({ kind: 'shared-changed', changed: ['_astro/theme.js', 'favicon.svg'] });
  });

  it('names _headers when a rule that applies to the page or its files changes, and only then', () => {
    const before = inputs();
    write('_headers', '/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/rss.xml\n  Content-Type: application/rss+xml\n');
    expect(compareInputs(before[0]!, inputs()[0]!)).toEqual({ kind: 'same' });
    write('_headers', '/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: no-store\n');
    expect(compareInputs(before[0]!, inputs()[0]!)).toEqual({ kind: 'shared-changed', changed: ['_headers'] });
  });

  it('reads each shared file once for all pages', () => {
    const reads = new Map<string, number>();
    const hasher = new InputHasher({
      read: (file) => {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return read(file);
      },
      policy,
    });
    for (const page of pages) hasher.pageInputs(page);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
    expect(reads.get('_astro/Post.Cq1w2E3r.css')).toBe(1);
  });
});
