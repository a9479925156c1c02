import type { APIRoute, GetStaticPaths } from 'astro';
import { ogRenderer, siteCard } from '../../lib/og.ts';
import { siteConfig } from '../../lib/site.ts';
import { ogImage } from '../../seo/og-cache.ts';

/** The card shared by every page that is not a post (/og/site.png). */
export const getStaticPaths = (() => (siteConfig.features.ogImages ? [{ params: { card: 'site' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { png } = await ogImage(ogRenderer(), siteCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
