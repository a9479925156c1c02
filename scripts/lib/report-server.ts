// Serves the SEO report folder (reports/) on 127.0.0.1 for `npm run report`: plain files, nothing outside
// the folder, no directory listings. The report also opens straight from disk; this is for a browser
// (or a machine) that is not the one that built it.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { decodePathSegments } from './url-path.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The file (relative, "/"-separated) a request path asks for, or undefined when it would leave the folder. */
export function reportFileFor(pathname: string): string | undefined {
  const segments = decodePathSegments(pathname)?.filter(Boolean);
  if (!segments) return undefined;
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');
  return segments.join('/');
}

export function serveReport(folder: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const file = reportFileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
    try {
      if (file === undefined) throw new Error('outside');
      const body = await readFile(join(folder, file));
      response.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not in the report.\n');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolveServer({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/` });
    });
  });
}
