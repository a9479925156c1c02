// Cards are cached by a hash of everything that shapes the picture (the card's text, the
// template's source and colours, the logo, the cover, the renderer and font versions), so an unchanged post is never drawn twice.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ogImageType, type OgDrawing, type OgLogo } from './og-image.ts';
import { renderInWorkers } from './og-pool.ts';

export interface OgRenderer {
  projectRoot: string;
  /** Hash of the template source, its theme, the logo and the versions of satori, resvg and the font. */
  fingerprint: string;
  cacheDir: string;
  logo: OgLogo;
}

export interface OgBatchStats {
  /** Each card's PNG in the cache, in the order the cards were given. */
  paths: string[];
  total: number;
  rendered: number;
  cached: number;
  milliseconds: number;
}

function packageVersion(require: NodeJS.Require, name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

export function createOgRenderer(projectRoot: string, cacheDir: string, logo: OgLogo): OgRenderer {
  const require = createRequire(join(projectRoot, 'package.json'));
  const fingerprint = createHash('sha256')
    .update(readFileSync(join(projectRoot, 'src/seo/og-image.ts')))
    .update(readFileSync(join(projectRoot, 'src/seo/og-theme.ts')))
    .update(logo.png)
    .update(['satori', '@resvg/resvg-js', '@fontsource/inter'].map((name) => packageVersion(require, name)).join(','))
    .digest('hex');
  return { projectRoot, fingerprint, cacheDir: join(cacheDir, 'og-images'), logo };
}

/** The cover's bytes count, not only its path: a replaced photo may keep its file name. */
export function ogCacheKey({ card, cover }: OgDrawing, fingerprint: string): string {
  const hash = createHash('sha256').update(fingerprint).update(JSON.stringify(card));
  if (cover) hash.update('\0cover\0').update(cover);
  return hash.digest('hex').slice(0, 32);
}

/** Where the card's image is kept in the cache. */
export function ogCachePath(renderer: OgRenderer, drawing: OgDrawing): string {
  return join(renderer.cacheDir, `${ogCacheKey(drawing, renderer.fingerprint)}.${ogImageType(drawing.card).extension}`);
}

/** Makes sure every card is in the cache, drawing the missing ones on worker threads. */
export async function prepareOgImages(
  renderer: OgRenderer,
  jobs: readonly OgDrawing[],
  options: { threads?: number } = {},
): Promise<OgBatchStats> {
  const started = performance.now();
  const paths = jobs.map((drawing) => ogCachePath(renderer, drawing));
  const missing = new Map<string, OgDrawing>();
  jobs.forEach((drawing, index) => {
    if (!existsSync(paths[index]!)) missing.set(paths[index]!, drawing);
  });
  await renderInWorkers(
    [...missing].map(([path, drawing]) => ({ path, drawing })),
    { projectRoot: renderer.projectRoot, logo: renderer.logo, ...options },
  );
  return { paths, total: jobs.length, rendered: missing.size, cached: jobs.length - missing.size, milliseconds: Math.round(performance.now() - started) };
}
