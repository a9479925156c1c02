// Serves a built dist/ the way a static host does, with the rules of its `_headers` file sent as
// real HTTP headers, so browser tests meet the Content-Security-Policy a reader would. The server
// is the Lighthouse audit's own (scripts/lighthouse/dist-server.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDistServer, type ServePolicy } from '../../scripts/lighthouse/dist-server.ts';
import { parseHeadersFile, type HeaderRule } from '../../src/security/headers.ts';

export interface StaticServer {
  /** The site's home URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The rules read from dist/_headers (empty when there is none). */
  rules: HeaderRule[];
  close(): Promise<void>;
}

/** The default site's URL form: served at the root, directories, trailing slash. */
const DEFAULT_POLICY: ServePolicy = { basePath: '/', trailingSlash: 'always', format: 'directory' };

export async function serveDist(dist: string, policy: ServePolicy = DEFAULT_POLICY): Promise<StaticServer> {
  const headersFile = join(dist, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = await startDistServer({ root: dist, policy, headerRules: rules });
  return { url: server.siteUrl, rules, close: () => server.close() };
}
