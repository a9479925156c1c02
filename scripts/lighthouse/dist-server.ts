// Serves the built dist/ on 127.0.0.1 the way a static host would, so Lighthouse audits the
// exact files that will be deployed. Which URL answers with which file follows the site's
// URL policy (src/seo/urls.ts): a page is served at the URL the site links to (with trailingSlash
// "ignore", also in its other form), so a wrong internal URL shows up as a 404.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersForPath, type HeaderRule } from '../../src/security/headers.ts';
import { decodePathSegments } from '../lib/url-path.ts';
import { formatRoutePath, routeOutputFile, type BuildFormat, type RoutePath, type TrailingSlash } from '../../src/seo/urls.ts';

// Files are served as they are; Pagefind's index files end in .pf_meta, .pf_index and .pf_fragment.
const HAS_EXTENSION = /\.[a-z0-9_]+$/i;

export interface ServePolicy {
  /** The site's base path, from its URL: "/" or "/blog/". */
  basePath: string;
  trailingSlash: TrailingSlash;
  format: BuildFormat;
}

/**
 * The file in dist/ (relative, "/"-separated) that answers a request path, or undefined for a 404.
 *
 * | request         | directory + always | directory + never | file + always | file + never |
 * |-----------------|--------------------|-------------------|---------------|--------------|
 * | /               | index.html         | index.html        | index.html    | index.html   |
 * | /posts/a/       | posts/a/index.html | 404               | 404           | 404          |
 * | /posts/a        | 404                | posts/a/index.html| 404           | posts/a.html |
 * | /posts/a.html   | posts/a.html       | posts/a.html      | posts/a.html  | posts/a.html |
 *
 * "ignore" accepts both the slash and the bare form. Paths with an extension (assets, feeds,
 * 404.html) are served as they are.
 */
export function distFileForPath(pathname: string, policy: ServePolicy): string | undefined {
  if (!pathname.startsWith(policy.basePath)) return undefined;
  const segments = decodePathSegments(pathname.slice(policy.basePath.length));
  if (!segments) return undefined;
  const rest = segments.join('/');
  if (rest === '') return 'index.html';
  if (rest.startsWith('/') || rest.includes('//')) return undefined;
  const bare = rest.replace(/\/$/, '');
  if (HAS_EXTENSION.test(bare) && !rest.endsWith('/')) return bare;
  // A page answers at the URL the site prints for it (src/seo/urls.ts); "ignore" also takes the bare
  // form and, for directories, the slash form, as static hosts do.
  const route: RoutePath = `/${bare}/`;
  const accepted = new Set([formatRoutePath(route, policy).slice(1)]);
  if (policy.trailingSlash === 'ignore') {
    accepted.add(bare);
    if (policy.format === 'directory') accepted.add(`${bare}/`);
  }
  return accepted.has(rest) ? routeOutputFile(route, policy.format) : undefined;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Types a static host compresses; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/**
 * An empty page the server answers at the base path, with the headers of the site's home page. The
 * audit starts each Lighthouse run from it instead of about:blank: with the site's
 * Cross-Origin-Opener-Policy, a navigation from about:blank swaps browsing context groups, and Lighthouse
 * then stalls for about 5 s in one run of three. From a same-origin page the navigation is the one a
 * reader following an internal link makes.
 */
export const BLANK_PAGE = '__audit-blank__.html';
const BLANK_PAGE_HTML = Buffer.from('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Starting…</title></head><body></body></html>\n');

export interface DistServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The blank page to start Lighthouse runs from: http://127.0.0.1:41234/blog/__audit-blank__.html */
  blankPage: string;
  /** The site's home URL on this server, with its base path: http://127.0.0.1:41234/blog/ */
  siteUrl: string;
  close(): Promise<void>;
}

export class DistServerError extends Error {
  override name = 'DistServerError';
}

async function readIfFile(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new DistServerError(
            `Port ${port} on 127.0.0.1 is already in use, so dist/ cannot be served there. ` +
              'Stop what is using it, choose another port with --port N, or leave --port out to use a free port.',
          ),
        );
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Serves `root` (a built dist/) on 127.0.0.1; port 0 (the default) picks a free port. `headerRules`
 * (from the site's `_headers`) are sent on top of the plain caching headers, as Netlify or
 * Cloudflare Pages would send them.
 */
export async function startDistServer(options: { root: string; policy: ServePolicy; port?: number; headerRules?: readonly HeaderRule[] }): Promise<DistServer> {
  const { root, policy, headerRules = [] } = options;
  const notFoundPage = join(root, '404.html');
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname === policy.basePath + BLANK_PAGE) {
        response.writeHead(200, { ...headersForPath(headerRules, policy.basePath), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(BLANK_PAGE_HTML.length) });
        response.end(request.method === 'HEAD' ? undefined : BLANK_PAGE_HTML);
        return;
      }
      const file = distFileForPath(pathname, policy);
      let body = file === undefined ? undefined : await readIfFile(join(root, file));
      let status = 200;
      let type = file === undefined ? undefined : CONTENT_TYPES[extname(file).toLowerCase()];
      if (body === undefined) {
        status = 404;
        body = (await readIfFile(notFoundPage)) ?? Buffer.from('Not found');
        type = 'text/html; charset=utf-8';
      }
      const headers: Record<string, string> = {
        'X-Content-Type-Options': 'nosniff',
        // Hashed build assets never change; pages are revalidated, as the site's _headers ask of a host.
        'Cache-Control': pathname.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
        ...headersForPath(headerRules, pathname),
        'Content-Type': type ?? 'application/octet-stream',
      };
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (acceptsGzip && file !== undefined && COMPRESSIBLE.has(extname(file).toLowerCase()) && body.length > 512) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      headers['Content-Length'] = String(body.length);
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  // Lighthouse opens keep-alive connections; never let them hold the process open.
  server.keepAliveTimeout = 1000;
  const port = await listen(server, options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    siteUrl: origin + policy.basePath,
    blankPage: origin + policy.basePath + BLANK_PAGE,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
