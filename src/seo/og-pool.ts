import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OgLogo } from './og-image.ts';
import type { OgWorkerData, OgWorkerJob } from './og-worker.ts';

export interface OgPoolOptions {
  projectRoot: string;
  logo: OgLogo;
  /** Worker threads; defaults to one per core, at most 4. */
  threads?: number;
  /** Cards a worker draws before it is replaced, bounding its memory. */
  cardsPerWorker?: number;
}

/** Draws every job's card into its path, spreading the work over worker threads. */
export async function renderInWorkers(jobs: readonly OgWorkerJob[], options: OgPoolOptions): Promise<void> {
  if (jobs.length === 0) return;
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(availableParallelism(), 4), jobs.length));
  const cardsPerWorker = options.cardsPerWorker ?? 64;
  const script = join(options.projectRoot, 'src/seo/og-worker.ts');
  let next = 0;

  const runLane = async (): Promise<void> => {
    while (next < jobs.length) {
      const workerData: OgWorkerData = { projectRoot: options.projectRoot, logo: options.logo };
      const worker = new Worker(script, { workerData });
      try {
        for (let drawn = 0; drawn < cardsPerWorker && next < jobs.length; drawn++) {
          const job = jobs[next++]!;
          const reply = await new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          worker.removeAllListeners('error');
          if (!reply.ok) throw new Error(`Could not draw the OG image "${job.drawing.card.title}": ${reply.message}`);
        }
      } finally {
        await worker.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: threads }, runLane));
}
