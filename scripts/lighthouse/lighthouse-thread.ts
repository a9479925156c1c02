// One Lighthouse in a worker thread. Lighthouse keeps global state (its performance marks, its log),
// so two runs at once in one thread break each other ("performance mark has not been set"); each
// thread runs one at a time, and the deterministic pass's parallel runs get one thread each, which
// also spreads Lighthouse's own JavaScript work over the cores.
import { parentPort } from 'node:worker_threads';
import type { LighthouseRequest } from './collect.ts';
import { runLighthouseOnce } from './lighthouse-runner.ts';

export type ThreadRequest = { id: number; request: LighthouseRequest; performanceAudits: readonly string[] };
export type ThreadReply = { id: number; ok: true; json: string; html: string } | { id: number; ok: false; message: string };

// When Chrome is killed under a running Lighthouse (a timeout, a crash), its connection code rejects
// promises nobody awaits. The caller has already given up on that run; the thread must live on.
process.on('unhandledRejection', () => {});

parentPort!.on('message', (message: ThreadRequest) => {
  runLighthouseOnce(message.request, message.performanceAudits).then(
    ({ json, html }) => parentPort!.postMessage({ id: message.id, ok: true, json, html } satisfies ThreadReply),
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ThreadReply),
  );
});
