import type { APIRoute } from 'astro';
import { ogRenderer, siteCard } from '../../lib/og.ts';
import { ogImage } from '../../seo/og-cache.ts';

/** The card shared by every page that is not a post. */
export const GET: APIRoute = async () => {
  const { png } = await ogImage(ogRenderer(), siteCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
