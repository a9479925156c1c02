// Serves a built dist/ the way a static host does, with the rules of its `_headers` file sent as
// real HTTP headers, so browser tests meet the Content-Security-Policy a reader would.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../../src/security/headers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The rules read from dist/_headers (empty when there is none). */
  rules: HeaderRule[];
  close(): Promise<void>;
}

function resolveFile(dist: string, pathname: string): string | undefined {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = pathname.endsWith('/')
    ? [join(dist, relative, 'index.html')]
    : [join(dist, relative), join(dist, `${relative}.html`), join(dist, relative, 'index.html')];
  return candidates.find((candidate) => candidate.startsWith(dist) && existsSync(candidate) && statSync(candidate).isFile());
}

export async function serveDist(dist: string): Promise<StaticServer> {
  const headersFile = join(dist, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(dist, pathname);
    const status = file ? 200 : 404;
    const served = file ?? join(dist, '404.html');
    const type = CONTENT_TYPES[extname(served)] ?? 'application/octet-stream';
    response.writeHead(status, { ...headersForPath(rules, pathname), 'Content-Type': type });
    response.end(existsSync(served) ? readFileSync(served) : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    rules,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
