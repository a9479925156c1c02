// The social image each page names in its head: its card drawn on its raster hero, its generated
// card, or the site card. The cards themselves are drawn after the build (src/integrations/og-images.ts).
import type { CollectionEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import type { SocialImage } from '../seo/head.ts';
import { ogCardRoutes } from '../seo/og-cards.ts';
import { OG_HEIGHT, OG_WIDTH, ogImageType } from '../seo/og-image.ts';
import type { RoutePath } from '../seo/urls.ts';
import { absolute, siteConfig } from './site.ts';

const card = (route: RoutePath, alt: string, type = 'image/png'): SocialImage => ({
  url: absolute(route),
  width: OG_WIDTH,
  height: OG_HEIGHT,
  alt,
  type,
});

// Without generated cards, a static 1200×630 card from public/ stands in.
export const siteSocialImage: SocialImage = siteConfig.features.ogImages
  ? card(ogCardRoutes.site, `${siteConfig.title}: ${siteConfig.description}`)
  : card('/social-card.png', `${siteConfig.title}: ${siteConfig.description}`);

const RASTER = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif']);

/**
 * A post's social image. With a raster hero: the hero cropped to 1200×630 with the post's card drawn
 * on it (the crop alone when generated cards are off). Otherwise its generated card.
 */
export async function postSocialImage(post: CollectionEntry<'posts'>): Promise<SocialImage> {
  const hero = post.data.hero;
  if (hero && RASTER.has(hero.src.format)) {
    const image = await getImage({ src: hero.src, width: OG_WIDTH, height: OG_HEIGHT, fit: 'cover', format: 'jpeg' });
    const cropUrl = new URL(image.src, siteConfig.url);
    if (!siteConfig.features.ogImages) return { url: cropUrl.href, width: OG_WIDTH, height: OG_HEIGHT, alt: hero.alt, type: 'image/jpeg' };
    // The crop's path in dist/, which has no base path: /blog/_astro/x.jpg is dist/_astro/x.jpg.
    const coverFile = decodeURIComponent(cropUrl.pathname.slice(new URL(siteConfig.url).pathname.length));
    const route = ogCardRoutes.cover(coverFile);
    return card(route, `${hero.alt}, under the title “${post.data.title}” (${siteConfig.title})`, ogImageType({ cover: coverFile }).mime);
  }
  return siteConfig.features.ogImages ? card(ogCardRoutes.post(post.id), `${post.data.title} (${siteConfig.title})`) : siteSocialImage;
}
