import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeHref, routeOutputFile, type BuildFormat, type RoutePath, type TrailingSlash } from '../../src/seo/urls.ts';
import { distFileForPath, startDistServer, type DistServer, type ServePolicy } from './dist-server.ts';

const policies = (['directory', 'file'] as BuildFormat[]).flatMap((format) =>
  (['always', 'never', 'ignore'] as TrailingSlash[]).flatMap((trailingSlash) =>
    ['https://example.com/', 'https://example.com/blog/'].map((site) => ({ format, trailingSlash, site })),
  ),
);

const routes: RoutePath[] = ['/', '/posts/a/', '/tags/seo/page/2/', '/posts/café/', '/rss.xml', '/_astro/app.Bx1.css'];

describe('which dist/ file answers a request', () => {
  it.each(policies)('serves every canonical URL from the file Astro wrote ($format, $trailingSlash, $site)', ({ format, trailingSlash, site }) => {
    const policy: ServePolicy = { basePath: new URL(site).pathname, trailingSlash, format };
    for (const route of routes) {
      const href = routeHref(route, { site, trailingSlash, format });
      expect(distFileForPath(href, policy), href).toBe(routeOutputFile(route, format).normalize('NFC'));
    }
  });

  it.each([
    { path: '/posts/a/', directory: { always: 'posts/a/index.html', never: undefined, ignore: 'posts/a/index.html' }, file: { always: undefined, never: undefined, ignore: undefined } },
    { path: '/posts/a', directory: { always: undefined, never: 'posts/a/index.html', ignore: 'posts/a/index.html' }, file: { always: undefined, never: 'posts/a.html', ignore: 'posts/a.html' } },
    { path: '/posts/a.html', directory: { always: 'posts/a.html', never: 'posts/a.html', ignore: 'posts/a.html' }, file: { always: 'posts/a.html', never: 'posts/a.html', ignore: 'posts/a.html' } },
    { path: '/404.html', directory: { always: '404.html', never: '404.html', ignore: '404.html' }, file: { always: '404.html', never: '404.html', ignore: '404.html' } },
  ])('answers $path only in the forms the URL policy allows', ({ path, directory, file }) => {
    for (const [format, expected] of [['directory', directory], ['file', file]] as const) {
      for (const trailingSlash of ['always', 'never', 'ignore'] as const) {
        expect(distFileForPath(path, { basePath: '/', trailingSlash, format }), `${format} ${trailingSlash}`).toBe(expected[trailingSlash]);
      }
    }
  });

  it.each(['/../etc/passwd', '/posts/%2e%2e/%2e%2e/secret', '/a/..%2f..%2fb', '//evil.example/x', '/%E0%A4%A', '/posts/a%5C..%5Cb/'])('refuses %s, whatever the URL policy', (path) => {
    for (const { format, trailingSlash } of policies) {
      expect(distFileForPath(path, { basePath: '/', trailingSlash, format }), `${format} ${trailingSlash}`).toBeUndefined();
    }
  });

  it('serves the search index’s files (.pf_meta, .pf_fragment) as they are, whatever the URL policy', () => {
    for (const { format, trailingSlash } of policies) {
      expect(distFileForPath('/pagefind/pagefind.en_1ce7.pf_meta', { basePath: '/', trailingSlash, format }), `${format} ${trailingSlash}`).toBe('pagefind/pagefind.en_1ce7.pf_meta');
      expect(distFileForPath('/pagefind/fragment/en_3a2.pf_fragment', { basePath: '/', trailingSlash, format })).toBe('pagefind/fragment/en_3a2.pf_fragment');
    }
  });

  it('answers nothing outside the base path', () => {
    expect(distFileForPath('/posts/a/', { basePath: '/blog/', trailingSlash: 'always', format: 'directory' })).toBeUndefined();
  });
});

describe('the dist/ server', () => {
  let root: string;
  let server: DistServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dist-server-'));
    const files: Record<string, string> = {
      'index.html': `<!doctype html><title>Home</title>${'<p>Home page text.</p>'.repeat(50)}`,
      'posts/a/index.html': '<!doctype html><title>A</title>',
      '404.html': '<!doctype html><title>Not found</title>',
      '_astro/app.css': 'body{color:red}',
      'logo.png': 'PNG',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    server = await startDistServer({ root, policy: { basePath: '/blog/', trailingSlash: 'always', format: 'directory' } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on a free port, under the site’s base path', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.siteUrl).toBe(`${server.origin}/blog/`);
  });

  it('serves pages and assets with their content type, like a static host', async () => {
    const page = await fetch(`${server.siteUrl}posts/a/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>A</title>');
    const css = await fetch(`${server.siteUrl}_astro/app.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.siteUrl}logo.png`)).headers.get('content-type')).toBe('image/png');
  });

  it('compresses text for clients that accept gzip, so page weight is what readers download', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolveBody, reject) => {
      request(`${server.siteUrl}`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolveBody({ encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(body.encoding).toBe('gzip');
    expect(gunzipSync(body.bytes).toString()).toContain('Home page text.');
  });

  it('answers a missing page with the site’s 404 page and status 404', async () => {
    const response = await fetch(`${server.siteUrl}posts/missing/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>Not found</title>');
    expect((await fetch(`${server.siteUrl}posts/a`)).status).toBe(404); // not the canonical form under "always"
  });

  it('sends the rules of the site’s _headers on top of its own headers', async () => {
    const withRules = await startDistServer({
      root,
      policy: { basePath: '/blog/', trailingSlash: 'always', format: 'directory' },
      headerRules: [
        { path: '/*', headers: { 'Content-Security-Policy': "default-src 'self'" } },
        { path: '/blog/_astro/*', headers: { 'Cache-Control': 'public, max-age=60' } },
      ],
    });
    try {
      const page = await fetch(`${withRules.siteUrl}posts/a/`);
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await fetch(`${withRules.siteUrl}_astro/app.css`)).headers.get('cache-control')).toBe('public, max-age=60');
    } finally {
      await withRules.close();
    }
  });

  it('answers a blank page on the site’s origin with the home page’s headers, for Lighthouse to start each run from', async () => {
    const withRules = await startDistServer({
      root,
      policy: { basePath: '/blog/', trailingSlash: 'always', format: 'directory' },
      headerRules: [{ path: '/*', headers: { 'Cross-Origin-Opener-Policy': 'same-origin' } }],
    });
    try {
      expect(withRules.blankPage).toBe(`${withRules.siteUrl}__audit-blank__.html`);
      const blank = await fetch(withRules.blankPage);
      expect(blank.status).toBe(200);
      expect(blank.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(await blank.text()).toMatch(/^<!doctype html>.*<body><\/body>/);
    } finally {
      await withRules.close();
    }
  });

  it('says clearly when the port asked for is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startDistServer({ root, policy: { basePath: '/', trailingSlash: 'always', format: 'directory' }, port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use, so dist/ cannot be served there. Stop what is using it, choose another port with --port N, or leave --port out to use a free port.`,
      );
    } finally {
      blocker.close();
    }
  });
});
