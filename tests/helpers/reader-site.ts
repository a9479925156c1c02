// A built site served over HTTP with its `_headers`, and browser contexts that answer giscus.app
// from a local stub and refuse every other third-party request (recording it), so browser tests
// run offline and can prove what a page would have fetched.
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page, Request, Route } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import type { BuildResult } from './fixture-site.ts';
import { sharedSite, TEST_GISCUS } from './shared-sites.ts';
import { serveDist, type StaticServer } from './static-server.ts';

export { TEST_GISCUS };

export interface ReaderSite {
  build: BuildResult;
  server: StaticServer;
  browser: Browser;
  /** Absolute URL of a site path on the test server. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The project's content with giscus on, a quick-answer post and a noindex post, built once per run (shared-sites.ts). */
export async function startSharedReaderSite(): Promise<ReaderSite> {
  const build = sharedSite('reader');
  const server = await serveDist(build.dist);
  const browser = await launchBrowser();
  return {
    build,
    server,
    browser,
    url: (path) => new URL(path.replace(/^\//, ''), server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
      build.cleanup();
    },
  };
}

export interface GiscusStubOptions {
  /** How long the stub takes to start listening, as a real app does while it boots. */
  listenAfterMs?: number;
  /** Resolves when the stub may answer; until then its request hangs (a slow network). */
  release?: Promise<void>;
}

/**
 * Stands in for giscus.app: records every message the parent page posts to it (once listening),
 * then greets the parent the way giscus does (a resizeHeight message).
 */
export function giscusStubPage(listenAfterMs: number): string {
  return `<!doctype html><html><head><title>giscus stub</title></head><body><p>giscus stub</p><script>
window.received = [];
window.listening = false;
const parentOrigin = new URL(new URLSearchParams(location.search).get('origin')).origin;
setTimeout(() => {
  addEventListener('message', (event) => { if (event.origin === parentOrigin) window.received.push(event.data); });
  window.listening = true;
  parent.postMessage({ giscus: { resizeHeight: 321 } }, parentOrigin);
}, ${listenAfterMs});
</script></body></html>`;
}

export interface ReaderContext {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to origins other than the test server and giscus.app, which were refused. */
  blocked: string[];
  /** The giscus.app stub frame, once loaded. */
  giscusFrame(): Frame | undefined;
  /**
   * Resolves once no request has been in flight for `quietMs`. (Playwright's "networkidle" is
   * not reached again once a cross-site frame such as the giscus stub has been added.)
   */
  networkQuiet(quietMs?: number): Promise<void>;
}

export async function openReaderContext(
  site: ReaderSite,
  options: BrowserContextOptions & { giscus?: GiscusStubOptions } = {},
): Promise<ReaderContext> {
  const { giscus = {}, ...contextOptions } = options;
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  const requests: string[] = [];
  const blocked: string[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  context.on('request', (request) => {
    requests.push(request.url());
    inFlight.add(request);
    lastActivity = Date.now();
  });
  const settle = (request: Request) => {
    inFlight.delete(request);
    lastActivity = Date.now();
  };
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  await context.route('**/*', async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(site.server.url)) return route.continue();
    if (url.startsWith('https://giscus.app/')) {
      await giscus.release;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: giscusStubPage(giscus.listenAfterMs ?? 0) });
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return {
    context,
    page,
    requests,
    blocked,
    giscusFrame: () => page.frames().find((frame) => frame.url().startsWith('https://giscus.app/')),
    networkQuiet: async (quietMs = 500) => {
      const deadline = Date.now() + 15_000;
      while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline) throw new Error(`The network did not settle: ${inFlight.size} request(s) still in flight`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
