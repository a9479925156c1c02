// Draws OG cards off the main thread. resvg frees a render's pixel buffer only when the
// garbage collector notices it, so a long-lived process grows by ~3 MB per card; workers
// are recycled by the pool, which returns that memory to the system.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadOgFonts, renderOgImage, type OgDrawing, type OgLogo } from './og-image.ts';

export interface OgWorkerData {
  projectRoot: string;
  logo: OgLogo;
}

export interface OgWorkerJob {
  drawing: OgDrawing;
  /** Where the PNG goes (written atomically). */
  path: string;
}

const { projectRoot, logo } = workerData as OgWorkerData;
const fonts = loadOgFonts(projectRoot);

parentPort?.on('message', async (job: OgWorkerJob) => {
  try {
    const png = await renderOgImage(job.drawing.card, fonts, logo, job.drawing.cover);
    mkdirSync(dirname(job.path), { recursive: true });
    const partial = `${job.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, job.path);
    parentPort?.postMessage({ ok: true });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: (error as Error).message });
  }
});
