// The real Lighthouse, driven from code against an already running Chrome. Each run happens in a
// worker thread of its own (lighthouse-thread.ts): Lighthouse cannot run twice at once in one thread.
// Loaded lazily: it is large, and runs that stop early (no Chrome, bad input) should not pay for it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DETERMINISTIC_CATEGORIES } from '../../src/config/audit-schema.ts';
import type { LighthouseRequest, LighthouseRun, LighthouseRunner, RunMode } from './collect.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import type { ThreadReply, ThreadRequest } from './lighthouse-thread.ts';

export function lighthouseVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('lighthouse/package.json') as { version: string }).version;
}

/**
 * What each kind of run asks of Lighthouse. The deterministic run measures no time, so it waits less
 * for the page to settle than Lighthouse's defaults (1 s each): 250 ms of network and CPU quiet after
 * load is plenty for a static page served from this machine, and saves about 1.8 s per page.
 * Timed runs keep Lighthouse's defaults, which its timing metrics are calibrated with.
 */
export function settingsFor(mode: RunMode, performanceAudits: readonly string[]) {
  if (mode === 'timed') return { onlyCategories: ['performance'] };
  return {
    onlyCategories: [...DETERMINISTIC_CATEGORIES],
    onlyAudits: [...performanceAudits],
    pauseAfterFcpMs: 0,
    pauseAfterLoadMs: 250,
    networkQuietThresholdMs: 250,
    cpuQuietThresholdMs: 250,
  };
}

/** One Lighthouse run in this thread; only one may run at a time per thread. */
export async function runLighthouseOnce(request: LighthouseRequest, performanceAudits: readonly string[]): Promise<{ json: string; html: string }> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const result = await lighthouse(
    request.url,
    {
      port: request.port,
      output: ['json', 'html'],
      logLevel: 'silent',
      ...settingsFor(request.mode, performanceAudits),
      skipAudits: [...request.skipAudits],
      blockedUrlPatterns: [...request.blockedUrlPatterns],
      maxWaitForLoad: request.maxWaitForLoadMs,
      // The full-page screenshot only feeds the report's pictures and costs time on every run.
      disableFullPageScreenshot: true,
      ...(request.blankPage ? { blankPage: request.blankPage } : {}),
    },
    request.preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error('Lighthouse returned no result');
  const [json, html] = result.report as [string, string];
  return { json, html };
}

export interface LighthouseThreads {
  run: LighthouseRunner;
  /** Ends every thread, running or idle. */
  close(): Promise<void>;
}

/** A runner that gives each concurrent run its own thread, reusing idle ones. */
export function startLighthouseThreads(performanceAudits: readonly string[]): LighthouseThreads {
  const script = new URL('./lighthouse-thread.ts', import.meta.url);
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let closed = false;
  let nextId = 0;
  const forget = (worker: Worker) => {
    all.delete(worker);
    const position = idle.indexOf(worker);
    if (position !== -1) idle.splice(position, 1);
  };
  const newThread = () => {
    const worker = new Worker(script);
    // For the thread's whole life, not only while it runs: an idle thread that fails or exits is dropped.
    worker.on('error', () => forget(worker));
    worker.on('exit', () => forget(worker));
    all.add(worker);
    return worker;
  };
  const run = (request: LighthouseRequest): Promise<LighthouseRun> => {
    if (closed) return Promise.reject(new Error('the Lighthouse threads are closed'));
    const worker = idle.pop() ?? newThread();
    const id = ++nextId;
    return new Promise<LighthouseRun>((resolveRun, reject) => {
      const onMessage = (reply: ThreadReply) => {
        if (reply.id !== id) return;
        cleanup();
        if (!closed) idle.push(worker);
        if (!reply.ok) reject(new Error(reply.message));
        else resolveRun({ lhr: JSON.parse(reply.json) as LighthouseResultLike, json: reply.json, html: reply.html });
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => onError(new Error(`the Lighthouse thread stopped (exit code ${code})`));
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, request, performanceAudits } satisfies ThreadRequest);
    });
  };
  return {
    run,
    close: async () => {
      closed = true;
      idle.length = 0;
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
    },
  };
}
