// Open Graph images for pages: the generated cards and the facts the head needs about them.
import type { CollectionEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import { readProjectPaths } from '../config/build-env.ts';
import { createOgRenderer, type OgRenderer } from '../seo/og-cache.ts';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from '../seo/og-image.ts';
import type { SocialImage } from '../seo/head.ts';
import type { RoutePath } from '../seo/urls.ts';
import { absolute, displayDate, siteConfig } from './site.ts';

let renderer: OgRenderer | undefined;

/** One renderer per build: fonts are read and the fingerprint is computed once. */
export function ogRenderer(): OgRenderer {
  renderer ??= createOgRenderer(process.cwd(), readProjectPaths(process.env).cacheDir);
  return renderer;
}

const domain = new URL(siteConfig.url).host;

export const ogRoutes = {
  site: '/og/site.png',
  post: (slug: string): RoutePath => `/og/posts/${slug}.png`,
} as const;

export const siteCard: OgCard = { siteName: siteConfig.title, title: siteConfig.description, footer: domain };

export function postCard(post: CollectionEntry<'posts'>): OgCard {
  const { pubDate, updatedDate } = post.data;
  const date = updatedDate ? `Updated ${displayDate(updatedDate)}` : displayDate(pubDate);
  return { siteName: siteConfig.title, title: post.data.title, footer: `${date} · ${domain}` };
}

const card = (route: RoutePath, alt: string): SocialImage => ({
  url: absolute(route),
  width: OG_WIDTH,
  height: OG_HEIGHT,
  alt,
  type: 'image/png',
});

// Without generated cards, the publisher's logo stands in.
export const siteSocialImage: SocialImage = siteConfig.features.ogImages
  ? card(ogRoutes.site, `${siteConfig.title}: ${siteConfig.description}`)
  : { url: absolute(siteConfig.publisher.logo as RoutePath), width: 512, height: 512, alt: siteConfig.publisher.name, type: 'image/png' };

const RASTER = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif']);

/** A post's social image: its raster hero cropped to 1200×630 when it has one, else its generated card. */
export async function postSocialImage(post: CollectionEntry<'posts'>): Promise<SocialImage> {
  const hero = post.data.hero;
  if (hero && RASTER.has(hero.src.format)) {
    const image = await getImage({ src: hero.src, width: OG_WIDTH, height: OG_HEIGHT, fit: 'cover', format: 'jpeg' });
    return { url: new URL(image.src, siteConfig.url).href, width: OG_WIDTH, height: OG_HEIGHT, alt: hero.alt, type: 'image/jpeg' };
  }
  return siteConfig.features.ogImages ? card(ogRoutes.post(post.id), `${post.data.title} (${siteConfig.title})`) : siteSocialImage;
}

/** Posts whose social image is a generated card (a raster hero replaces it). */
export function needsGeneratedCard(post: CollectionEntry<'posts'>): boolean {
  return !(post.data.hero && RASTER.has(post.data.hero.src.format));
}
