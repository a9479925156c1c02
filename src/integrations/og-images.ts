import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/site-schema.ts';
import { linkOrCopy } from '../lib/files.ts';
import { createOgRenderer, prepareOgImages } from '../seo/og-cache.ts';
import { ogCardForPage } from '../seo/og-cards.ts';
import { loadOgLogo, type OgCard, type OgDrawing } from '../seo/og-image.ts';
import { distFileCandidates, type UrlPolicy } from '../seo/urls.ts';
import { builtPageHeads } from './page-heads.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** The bytes of the cropped cover a card is drawn on, which Astro wrote into dist/ before this hook. */
function readCover(distDir: string, coverFile: string, page: string): Uint8Array {
  const file = resolve(distDir, coverFile);
  const inside = relative(distDir, file);
  if (inside.startsWith('..') || inside === '') throw new Error(`${page} names a social card drawn on ${coverFile}, which is outside the built site.`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new Error(`${page} names a social card drawn on ${coverFile}, but the build wrote no such file: its cover crop is missing.`);
  }
}

/**
 * Draws the Open Graph card each built page names in og:image (new ones on worker threads,
 * the rest from the cache) and places it in dist/. Runs before the SEO lint, which checks them.
 */
export function ogImages(options: { site: SiteConfig; urls: UrlPolicy }): AstroIntegration {
  const projectRoot = PROJECT_ROOT;
  let cacheDir = join(projectRoot, 'node_modules/.astro');
  let publicDir = join(projectRoot, 'public');
  return {
    name: 'urban-haze:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const cards = new Map<string, { card: OgCard; page: string }>();
        for (const [page, facts] of builtPageHeads(distDir)) {
          const wanted = ogCardForPage(facts, options);
          if (!wanted) continue;
          const claimed = cards.get(wanted.url);
          if (claimed && JSON.stringify(claimed.card) !== JSON.stringify(wanted.card)) {
            throw new Error(`Two pages want different cards at ${wanted.url}: ${claimed.page} and ${page}. Give each page its own og:image.`);
          }
          cards.set(wanted.url, { card: wanted.card, page });
        }
        // The publisher logo is a path in public/ ("/logo.png"), the one the JSON-LD names too.
        const logoSetting = options.site.publisher.logo;
        const logo = await loadOgLogo(join(publicDir, decodeURIComponent(logoSetting.replace(/^\/+/, ''))), logoSetting);
        const renderer = createOgRenderer(projectRoot, cacheDir, logo);
        const drawings = [...cards.values()].map(({ card, page }): OgDrawing => (card.cover ? { card, cover: readCover(distDir, card.cover, page) } : { card }));
        const stats = await prepareOgImages(renderer, drawings);
        [...cards.keys()].forEach((url, index) => {
          linkOrCopy(stats.paths[index]!, join(distDir, distFileCandidates(url, options.urls.site)[0]!));
        });
        logger.info(`${stats.total} cards: ${stats.rendered} rendered, ${stats.cached} from cache (${stats.milliseconds} ms)`);
      },
    },
  };
}
